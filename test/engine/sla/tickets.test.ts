import { describe, expect, it } from 'vitest';
import { backlogAt, dailyBacklog, DEFAULT_TIERS, suggestTierMapping, typicalWeekFromTickets } from '../../../shared/engine/sla';

const HOUR = 3_600_000;
const utc = (text: string) => Date.parse(`${text}Z`);

describe('tickets for SLA planning', () => {
  it('counts a ticket in the backlog from 24 h after it was created until it is solved', () => {
    const tickets = { createdUtcMs: [utc('2026-11-16T09:00')], solvedUtcMs: [utc('2026-11-18T09:00')] };
    expect(backlogAt(tickets, utc('2026-11-17T08:59'))).toBe(0);
    expect(backlogAt(tickets, utc('2026-11-17T09:00'))).toBe(1);
    expect(backlogAt(tickets, utc('2026-11-18T08:59'))).toBe(1);
    expect(backlogAt(tickets, utc('2026-11-18T09:00'))).toBe(0);
    expect(backlogAt({ createdUtcMs: [0], solvedUtcMs: [null] }, 24 * HOUR)).toBe(1);
  });

  it('gives a daily series over a large export (300,000 tickets), its last point at the as-of time', () => {
    const n = 300_000;
    const start = utc('2026-01-01T00:00');
    const createdUtcMs = Array.from({ length: n }, (_, i) => start + Math.floor((i / n) * 300 * 24 * HOUR));
    const solvedUtcMs = createdUtcMs.map((c, i) => (i % 7 === 0 ? null : c + (i % 60) * HOUR));
    const asOf = createdUtcMs[n - 1];
    const series = dailyBacklog({ createdUtcMs, solvedUtcMs }, asOf, 'UTC');
    expect(series).toHaveLength(90);
    expect(series.at(-1)).toEqual({ date: new Date(asOf).toISOString().slice(0, 10), backlog: backlogAt({ createdUtcMs, solvedUtcMs }, asOf) });
  });

  it('maps organizations named like a tier to it and leaves the rest to the planner', () => {
    expect(suggestTierMapping(['Acme Enterprise', 'free', 'Business Corp', 'Startup Inc', 'Professional Services Ltd'], DEFAULT_TIERS)).toEqual({
      'Acme Enterprise': 'enterprise',
      free: 'free',
      'Business Corp': 'business',
      'Startup Inc': null,
      'Professional Services Ltd': 'professional',
    });
  });

  it('averages created times into a week: tickets in an hour ÷ dates of that weekday in the span, quiet days included', () => {
    // Monday 16 to Monday 23 November 2026 (two Mondays, one of each other weekday), New York time (UTC−5).
    const created = [utc('2026-11-16T14:10'), utc('2026-11-23T14:50'), utc('2026-11-23T14:05'), utc('2026-11-17T20:00')];
    const week = typicalWeekFromTickets(created, 'America/New_York')!;
    expect(week.from).toBe('2026-11-16');
    expect(week.to).toBe('2026-11-23');
    expect(week.volumes[9]).toBeCloseTo(3 / 2, 12); // Monday 09:00: 3 tickets over 2 Mondays
    expect(week.volumes[24 + 15]).toBe(1); // Tuesday 15:00
    expect(week.volumes.reduce((s, v) => s + v, 0)).toBeCloseTo(2.5, 12);
  });
});
