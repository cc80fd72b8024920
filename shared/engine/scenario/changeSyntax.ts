/**
 * The one-line change syntax of `staffwise scenario --change`:
 *
 *   <kind>:<value>:<range>[:<queue>]
 *
 * kinds: volume, aht (relative: "+300%" or "+3"), shrinkage, attrition (points: "+5%", "+5pt" or "+0.05"),
 * service, occupancy (the new target: "90%" or "0.9"), overtime (hours per agent per week: "4h" or "4"),
 * class (heads: "+5"; starts at the range's first week), freeze:<range> (no value), remove-class:<index>.
 * range: "2027-03-01..2027-03-02", one date "2027-03-01", or plan weeks "w4..w8" / "w4".
 */
import { parseChange, ScenarioInputError } from './schema';
import type { ScenarioChange } from './types';

const KIND_BY_WORD: Record<string, ScenarioChange['kind']> = {
  volume: 'volume',
  aht: 'aht',
  shrinkage: 'shrinkage',
  attrition: 'attrition',
  service: 'serviceTarget',
  occupancy: 'occupancy',
  overtime: 'overtime',
  class: 'classAdd',
  freeze: 'hiringFreeze',
  'remove-class': 'classRemove',
};

export const CHANGE_SYNTAX = '<kind>:<value>:<from>..<to>[:<queue>] (kinds: volume, aht, shrinkage, attrition, service, occupancy, overtime, class, freeze:<range>, remove-class:<index>)';

function fail(spec: string, why: string): never {
  throw new ScenarioInputError('change', `change "${spec}": ${why}`);
}

function parseValue(spec: string, kind: ScenarioChange['kind'], text: string): number {
  const match = /^([+-]?\d+(?:\.\d+)?)(%|pt|h)?$/.exec(text.trim());
  if (!match) fail(spec, `"${text}" is not a value (e.g. +300%, -0.5, 90%, +5pt, 4h)`);
  const number = Number(match[1]);
  const unit = match[2];
  if (unit === 'h' && kind !== 'overtime') fail(spec, `hours ("${text}") only apply to overtime`);
  if (unit === 'pt' && kind !== 'shrinkage' && kind !== 'attrition') fail(spec, `points ("${text}") only apply to shrinkage and attrition`);
  if (unit === '%' && (kind === 'overtime' || kind === 'classAdd')) fail(spec, `"${text}": ${kind === 'overtime' ? 'overtime is in hours per agent per week' : 'a class size is in heads'}`);
  return unit === '%' || unit === 'pt' ? number / 100 : number;
}

function parseRange(spec: string, text: string): Pick<ScenarioChange, 'from' | 'to' | 'fromWeek' | 'toWeek'> {
  const [first, second = first] = text.split('..');
  const week = /^w(\d+)$/;
  const date = /^\d{4}-\d{2}-\d{2}$/;
  if (week.test(first) && week.test(second)) return { fromWeek: Number(week.exec(first)![1]), toWeek: Number(week.exec(second)![1]) };
  if (date.test(first) && date.test(second)) return { from: first, to: second };
  return fail(spec, `"${text}" is not a range (2027-03-01..2027-03-02, 2027-03-01, w4..w8 or w4)`);
}

export function parseChangeSpec(spec: string, index = 0): ScenarioChange {
  const parts = spec.split(':');
  const kind = KIND_BY_WORD[parts[0]?.trim() ?? ''];
  if (!kind) fail(spec, `unknown kind "${parts[0]}"; expected ${CHANGE_SYNTAX}`);
  let change: Record<string, unknown>;
  if (kind === 'classRemove') {
    if (parts.length !== 2 || !/^\d+$/.test(parts[1])) fail(spec, 'expected remove-class:<index> (0 = the first class)');
    change = { kind, classIndex: Number(parts[1]) };
  } else if (kind === 'hiringFreeze') {
    if (parts.length < 2 || parts.length > 3) fail(spec, 'expected freeze:<from>..<to>');
    change = { kind, ...parseRange(spec, parts[1]) };
  } else {
    if (parts.length < 3 || parts.length > 4) fail(spec, `expected ${CHANGE_SYNTAX}`);
    const value = parseValue(spec, kind, parts[1]);
    change = { kind, ...parseRange(spec, parts[2]), ...(kind === 'classAdd' ? { size: value } : { value }) };
    if (parts[3] !== undefined) {
      if (!parts[3].trim()) fail(spec, 'the queue name after the last ":" is empty');
      change.queues = [parts[3].trim()];
    }
  }
  try {
    return parseChange(change, index);
  } catch (error) {
    return fail(spec, (error as Error).message.replace(/^changes\.\d+\.?/, '').replace(/^[^:]*: /, ''));
  }
}
