import { describe, expect, it } from 'vitest';
import { generateDemoWorkspace } from '../../shared/demo/generateDemo';

// The default demo: 26 weeks of intervals, and daily totals back to two years before the end date.
const demo = generateDemoWorkspace({ endDate: '2026-11-21', weeks: 26 });
const email = demo.queues.find((q) => q.channel === 'email')!;
const daily = email.dailyHistory!;
const mean = (from: string, to: string) => {
  const days = daily.filter((d) => d.date >= from && d.date <= to);
  return days.reduce((s, d) => s + d.volume, 0) / days.length;
};

describe('demo daily history', () => {
  it('reaches two years back and stops where the interval history starts', () => {
    expect(daily).toHaveLength((104 - 26) * 7);
    expect(daily[0].date).toBe('2024-11-24');
    const firstInterval = email.intervals[0].startLocal.slice(0, 10);
    expect(daily[daily.length - 1].date < firstInterval).toBe(true);
    expect(daily.every((d) => Number.isInteger(d.volume) && d.volume >= 0)).toBe(true);
  });

  it('has an April surge and a year-end dip', () => {
    expect(mean('2025-04-07', '2025-04-20')).toBeGreaterThan(1.15 * mean('2025-03-03', '2025-03-16'));
    expect(mean('2024-12-22', '2024-12-31')).toBeLessThan(0.8 * mean('2024-12-01', '2024-12-14'));
    expect(mean('2025-06-01', '2025-06-30')).toBeGreaterThan(mean('2024-12-01', '2024-12-20'));
  });

  it('closes phones on holidays and Sundays in the daily history too, and is deterministic', () => {
    const phone = demo.queues.find((q) => q.channel === 'phone')!.dailyHistory!;
    expect(phone.find((d) => d.date === '2025-07-04')!.volume).toBe(0);
    expect(phone.find((d) => d.date === '2025-03-02')!.volume).toBe(0); // a Sunday
    const again = generateDemoWorkspace({ endDate: '2026-11-21', weeks: 26 });
    expect(again.queues[2].dailyHistory).toEqual(daily);
  });
});
