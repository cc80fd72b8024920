import { describe, expect, it } from 'vitest';
import { SIMPLE_METHODS, forecast } from '../../../shared/engine/forecast';
import { bankCalls30min } from '../../helpers/bankCalls';

const points = bankCalls30min();

describe('forecast on real bank call volumes', () => {
  const result = forecast({ history: { intervalMin: 30, points }, intervalMin: 30, horizonDays: 5, method: 'auto' });
  const wapeOf = (method: string) => result.scores.find((s) => s.method === method)?.wape as number;

  it('forecasts the next five weekdays within the opening hours it learned', () => {
    expect(result.dailyTotals.map((d) => d.date)).toEqual(['2003-05-12', '2003-05-13', '2003-05-14', '2003-05-15', '2003-05-16']);
    expect(result.points).toHaveLength(5 * 29); // 07:00 to 21:00
    expect(result.points[0].start).toBe('2003-05-12T07:00');
    expect(result.points[28].start).toBe('2003-05-12T21:00');
  });

  it('chooses a method well ahead of seasonal naive and no worse than any simple method', () => {
    expect(result.scores).toHaveLength(9);
    expect(wapeOf(result.method)).toBeLessThan(0.8 * wapeOf('seasonal-naive'));
    for (const simple of SIMPLE_METHODS) expect(wapeOf(result.method)).toBeLessThanOrEqual(wapeOf(simple));
  });

  it('learns that the month turns are busier', () => {
    const firstDay = result.events.find((e) => e.name === 'first open day of the month');
    expect(firstDay?.value).toBeGreaterThan(1.02);
  });
});
