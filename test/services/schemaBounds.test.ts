/**
 * Issue 12 item 4: every string in every channel's request schema is bounded (a 200,000-character name was
 * accepted), and every calendar date is a real date (forecast.adjustDay stored 2026-02-30). Walks the schemas
 * themselves, so a channel added later without bounds fails here.
 */
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { contract, channels } from '../../shared/api/contract';
import { localDate } from '../../shared/api/channels/define';

interface Def {
  type: string;
  checks?: { _zod: { def: { check: string; format?: string; pattern?: RegExp } } }[];
  [key: string]: unknown;
}
const defOf = (schema: unknown): Def => (schema as { _zod: { def: Def } })._zod.def;

/** Paths of string schemas with neither a maximum length nor an anchored pattern of bounded length. */
function unboundedStrings(schema: unknown, path: string, seen = new Set<unknown>()): string[] {
  if (seen.has(schema)) return [];
  seen.add(schema);
  const def = defOf(schema);
  const walk = (child: unknown, suffix: string) => unboundedStrings(child, `${path}${suffix}`, seen);
  switch (def.type) {
    case 'string': {
      const checks = (def.checks ?? []).map((c) => c._zod.def);
      const bounded = checks.some((c) => c.check === 'max_length' || c.check === 'length_equals');
      return bounded ? [] : [path || '(root)'];
    }
    case 'object':
      return Object.entries(def.shape as Record<string, unknown>).flatMap(([key, child]) => walk(child, `.${key}`));
    case 'array':
      return walk(def.element, '[]');
    case 'record':
      return [...walk(def.keyType, '{key}'), ...walk(def.valueType, '{value}')];
    case 'union':
      return (def.options as unknown[]).flatMap((option, i) => walk(option, `|${i}`));
    case 'intersection':
      return [...walk(def.left, ''), ...walk(def.right, '')];
    case 'pipe':
      return [...walk(def.in, ''), ...walk(def.out, '')];
    case 'optional':
    case 'nullable':
    case 'default':
    case 'readonly':
    case 'prefault':
    case 'nonoptional':
    case 'catch':
      return walk(def.innerType, '');
    case 'lazy':
      return walk((def.getter as () => unknown)(), '');
    default:
      return [];
  }
}

describe('channel request schemas', () => {
  it('bound the length of every string', () => {
    const unbounded = channels.flatMap((channel) => unboundedStrings(contract[channel].request, '').map((path) => `${channel}${path}`));
    expect(unbounded).toEqual([]);
  });

  it.each(['2026-02-30', '2026-13-01', '2025-02-29', '2026-04-31', '0000-00-00'])('refuse the date %s, which is not in the calendar', (date) => {
    const result = (localDate as z.ZodType).safeParse(date);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0].message).toBe(`${date} is not a date in the calendar`);
  });

  it('accept real dates, including 29 February of a leap year', () => {
    for (const date of ['2024-02-29', '2026-12-31', '2026-01-01']) expect((localDate as z.ZodType).safeParse(date).success).toBe(true);
  });

  it('refuse 2026-02-30 on forecast.adjustDay, the channel where it was stored', () => {
    const result = contract['forecast.adjustDay'].request.safeParse({ queueId: 1, date: '2026-02-30', total: 100 });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]).toMatchObject({ path: ['date'], message: '2026-02-30 is not a date in the calendar' });
  });

  it('refuse an interval volume of 1e308 wherever volumes come in', () => {
    const series = contract['staffing.requirements'].request.safeParse({
      staffing: { mode: 'live', intervalMin: 15, ahtSec: 180, targets: { answerSec: 20, serviceLevel: 0.8 } },
      source: { kind: 'series', intervalMin: 15, points: [{ start: '2026-11-16T08:00', volume: 1e308 }] },
    });
    expect(series.success).toBe(false);
    expect(series.error?.issues.map((i) => i.message).join()).toMatch(/at most 1,000,000 contacts per interval/);
    const adjust = contract['forecast.adjustDay'].request.safeParse({ queueId: 1, date: '2026-02-02', total: 1e308 });
    expect(adjust.success).toBe(false);
  });
});
