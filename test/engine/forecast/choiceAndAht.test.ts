import { describe, expect, it } from 'vitest';
import { forecast, forecastAht, MIN_SLOT_CONTACTS } from '../../../shared/engine/forecast';
import { intervalSeries } from './synthetic';

/** Open 08:00–18:00 every day, 10 contacts per hour-interval with a Monday surge. */
const openHours = (day: number, weekday: number, minute: number) => (minute >= 480 && minute < 1080 ? 10 + (weekday === 1 ? 5 : 0) + (day % 3) : 'closed');

describe('the automatic choice, as the page states it', () => {
  it('says no method could be backtested on 4 weeks of history instead of claiming a backtest chose', () => {
    const result = forecast({ history: { intervalMin: 60, points: intervalSeries(28, 60, openHours) }, intervalMin: 60, horizonDays: 7, method: 'auto' });
    expect(result.scores).toEqual([]);
    expect(result.method).toBe('combined');
    expect(result.choice).toMatchObject({ outcome: 'no-backtest', method: 'combined', origins: 0 });
    expect(result.choice!.explanation).toBe(
      'No method could be backtested: the history has 28 open days and one backtest needs 28 days of history before a cut plus 7 open days after it. The default, combined, is used without a score.',
    );
  });

  it('measures WAPE per interval and per day, and the rule that picked the method agrees with the method used', () => {
    const result = forecast({ history: { intervalMin: 60, points: intervalSeries(120, 60, openHours) }, intervalMin: 60, horizonDays: 7, method: 'auto' });
    expect(result.scores.length).toBe(9);
    for (const score of result.scores) {
      expect(score.dailyWape).not.toBeNull();
      // Interval errors partly cancel within a day: the day-level WAPE is never above the interval-level one.
      expect(score.dailyWape!).toBeLessThanOrEqual(score.wape + 1e-12);
    }
    expect(result.choice!.method).toBe(result.method);
    expect(['lowest-wape', 'switched', 'kept-default']).toContain(result.choice!.outcome);
    expect(result.choice!.best).toBe(result.scores[0].method);
  });

  it('keeps the rule’s verdict when the planner picks the method', () => {
    const result = forecast({ history: { intervalMin: 60, points: intervalSeries(120, 60, openHours) }, intervalMin: 60, horizonDays: 7, method: 'seasonal-naive' });
    expect(result.method).toBe('seasonal-naive');
    expect(result.choice!.rule).toMatch(/^The combined forecast \(the average of the methods\) is the default/);
  });
});

describe('handle time forecast per interval', () => {
  it('takes the volume-weighted mean of the same weekday and time of day, then falls back to the weekday and the overall mean', () => {
    const samples = [
      // Two Mondays 09:00: 40 contacts at 300 s and 20 at 420 s → (40·300 + 20·420) ÷ 60 = 340 s.
      { start: '2026-11-02T09:00', volume: 40, ahtSec: 300 },
      { start: '2026-11-09T09:00', volume: 20, ahtSec: 420 },
      // Monday 10:00 has too few contacts of its own: the Monday mean answers.
      { start: '2026-11-09T10:00', volume: 5, ahtSec: 600 },
      // Tuesday 09:00: 10 contacts at 200 s (below the threshold, and Tuesday as a whole too).
      { start: '2026-11-10T09:00', volume: 10, ahtSec: 200 },
      // Zero volume and missing handle times are not evidence.
      { start: '2026-11-10T11:00', volume: 0, ahtSec: 999 },
    ];
    const { ahtSec, summary } = forecastAht(samples, 60, ['2026-11-16T09:00', '2026-11-16T10:00', '2026-11-17T09:00']);
    expect(ahtSec.get('2026-11-16T09:00')).toBeCloseTo(340, 10);
    expect(ahtSec.get('2026-11-16T10:00')).toBeCloseTo((40 * 300 + 20 * 420 + 5 * 600) / 65, 10);
    expect(ahtSec.get('2026-11-17T09:00')).toBeCloseTo((40 * 300 + 20 * 420 + 5 * 600 + 10 * 200) / 75, 10);
    expect(summary).toMatchObject({ fromDate: '2026-11-02', toDate: '2026-11-10', contacts: 75, intervalsBySource: { slot: 1, weekday: 1, overall: 1, none: 0 } });
    expect(MIN_SLOT_CONTACTS).toBe(30);
  });

  it('has no forecast AHT when the history has no handle times, and says so', () => {
    const { ahtSec, summary } = forecastAht([], 30, ['2026-11-16T09:00']);
    expect(ahtSec.get('2026-11-16T09:00')).toBeNull();
    expect(summary.meanAhtSec).toBeNull();
    expect(summary.method).toMatch(/^The history has no handle times/);
  });
});
