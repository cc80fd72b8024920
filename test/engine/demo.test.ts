import { describe, expect, it } from 'vitest';
import { generateDemoWorkspace } from '../../shared/demo/generateDemo';
import { isBillingPeakDay, usHolidays } from '../../shared/demo/calendarEffects';
import { DateTime } from 'luxon';

// 26 weeks ending 2026-11-21 span the US fall-back (2026-11-01) and no spring-forward; 40 weeks reach back past 2026-03-08.
const demo = generateDemoWorkspace({ endDate: '2026-11-21', weeks: 40 });
const phone = demo.queues.find((q) => q.channel === 'phone')!;
const email = demo.queues.find((q) => q.channel === 'email')!;

const dayTotals = (intervals: typeof phone.intervals) => {
  const totals = new Map<string, number>();
  for (const p of intervals) if (p.status === 'open') totals.set(p.startLocal.slice(0, 10), (totals.get(p.startLocal.slice(0, 10)) ?? 0) + p.volume!);
  return totals;
};

describe('demo workspace', () => {
  it('has about 40 agents across email, chat and phone', () => {
    expect(demo.agents).toHaveLength(40);
    const skills = new Set(demo.agents.flatMap((a) => a.skills));
    expect([...skills]).toEqual(expect.arrayContaining(['phone', 'chat', 'email']));
  });

  it('has 23- and 25-hour days at the DST changes, with every interval exactly once', () => {
    const count = (date: string) => email.intervals.filter((p) => p.startLocal.startsWith(date)).length;
    expect(count('2026-03-08')).toBe(92);
    expect(count('2026-11-01')).toBe(100);
    expect(count('2026-11-02')).toBe(96);
    const keys = new Set(email.intervals.map((p) => `${p.startLocal}${p.utcOffsetMin}`));
    expect(keys.size).toBe(email.intervals.length);
    const repeated = email.intervals.filter((p) => p.startLocal === '2026-11-01T01:30').map((p) => p.utcOffsetMin);
    expect(repeated.sort((a, b) => a - b)).toEqual([-300, -240]);
  });

  it('keeps closed, missing and zero apart', () => {
    const statuses = new Set(phone.intervals.map((p) => p.status));
    expect(statuses).toEqual(new Set(['open', 'closed', 'missing']));
    for (const p of phone.intervals) expect(p.volume === null).toBe(p.status !== 'open');
    const sunday = phone.intervals.filter((p) => DateTime.fromISO(p.startLocal).weekday === 7);
    expect(sunday.every((p) => p.status === 'closed')).toBe(true);
  });

  it('has a Monday surge, month-end billing spikes and holiday closures', () => {
    const totals = dayTotals(phone.intervals);
    const mean = (weekday: number, filter: (d: DateTime) => boolean = () => true) => {
      const values = [...totals].filter(([d]) => DateTime.fromISO(d).weekday === weekday && filter(DateTime.fromISO(d))).map(([, v]) => v);
      return values.reduce((a, b) => a + b, 0) / values.length;
    };
    const ordinary = (d: DateTime) => !isBillingPeakDay(d);
    expect(mean(1, ordinary)).toBeGreaterThan(1.15 * mean(3, ordinary));
    const billing = [...totals].filter(([d]) => isBillingPeakDay(DateTime.fromISO(d)) && DateTime.fromISO(d).weekday === 3).map(([, v]) => v);
    expect(Math.min(...billing)).toBeGreaterThan(1.15 * mean(3, ordinary));
    const thanksgiving = [...usHolidays(2026)].find(([, name]) => name === 'Thanksgiving')![0];
    expect(thanksgiving).toBe('2026-11-26');
    const laborDay = [...usHolidays(2026)].find(([, name]) => name === 'Labor Day')![0];
    expect(phone.intervals.filter((p) => p.startLocal.startsWith(laborDay)).every((p) => p.status === 'closed')).toBe(true);
    expect(dayTotals(email.intervals).get(laborDay)!).toBeLessThan(0.6 * dayTotals(email.intervals).get('2026-09-14')!);
  });

  it('is the same on every run for the same inputs', () => {
    const again = generateDemoWorkspace({ endDate: '2026-11-21', weeks: 40 });
    expect(again.queues[0].intervals.slice(0, 500)).toEqual(phone.intervals.slice(0, 500));
  });
});
