/**
 * Which assumptions changed between two saved versions of a scenario. Changes are matched by kind and label (in
 * order, for repeats); a matched pair reports each field whose value differs, an unmatched one is added or removed.
 */
import type { ScenarioChange } from './types';

export interface AssumptionDiff {
  type: 'added' | 'removed' | 'changed';
  /** What the change is, e.g. "volume “Product outage +300%”". */
  change: string;
  field?: string;
  before?: unknown;
  after?: unknown;
}

const FIELDS: (keyof ScenarioChange)[] = ['from', 'to', 'fromWeek', 'toWeek', 'queues', 'value', 'answerSec', 'size', 'ramp', 'classIndex'];

const keyOf = (c: ScenarioChange) => `${c.kind}|${c.label ?? ''}`;
const nameOf = (c: ScenarioChange) => `${c.kind}${c.label ? ` “${c.label}”` : ''}`;

export function diffChanges(before: readonly ScenarioChange[], after: readonly ScenarioChange[]): AssumptionDiff[] {
  const unmatched = [...before];
  const diffs: AssumptionDiff[] = [];
  for (const next of after) {
    const i = unmatched.findIndex((c) => keyOf(c) === keyOf(next));
    if (i < 0) {
      diffs.push({ type: 'added', change: nameOf(next), after: next });
      continue;
    }
    const [previous] = unmatched.splice(i, 1);
    for (const field of FIELDS) {
      if (JSON.stringify(previous[field]) !== JSON.stringify(next[field])) diffs.push({ type: 'changed', change: nameOf(next), field, before: previous[field], after: next[field] });
    }
  }
  for (const gone of unmatched) diffs.push({ type: 'removed', change: nameOf(gone), before: gone });
  return diffs;
}

/** One line per difference, for a version list. */
export function describeDiff(diff: AssumptionDiff): string {
  if (diff.type === 'added') return `Added ${diff.change}`;
  if (diff.type === 'removed') return `Removed ${diff.change}`;
  return `${diff.change}: ${diff.field} ${JSON.stringify(diff.before) ?? '—'} → ${JSON.stringify(diff.after) ?? '—'}`;
}
