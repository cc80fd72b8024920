import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { aggregateSeries, type IntervalPoint } from '../../../shared/engine/forecast';

const at = (time: string, value: IntervalPoint['value']): IntervalPoint => ({ start: `2024-03-04T${time}`, value });

describe('aggregateSeries', () => {
  it('adds the counts of the finer intervals', () => {
    const result = aggregateSeries({ intervalMin: 15, points: [at('09:00', 3), at('09:15', 4), at('09:30', 5), at('09:45', 0)] }, 30);
    expect(result).toEqual({ intervalMin: 30, points: [at('09:00', 7), at('09:30', 5)] });
  });

  it('keeps closed, missing and zero apart', () => {
    const points = [
      at('08:00', 'closed'), at('08:15', 'closed'), // all closed → closed
      at('08:30', 'closed'), at('08:45', 6), // opens half way → the count
      at('09:00', 0), at('09:15', 0), // open and quiet → zero
      at('09:30', 4), at('09:45', 'missing'), // part unknown → missing
    ];
    expect(aggregateSeries({ intervalMin: 15, points }, 30).points).toEqual([
      at('08:00', 'closed'), at('08:30', 6), at('09:00', 0), at('09:30', 'missing'),
    ]);
  });

  it('treats absent finer intervals as closed, so a lone five minutes at closing time still counts', () => {
    const result = aggregateSeries({ intervalMin: 5, points: [at('20:55', 10), at('21:00', 2)] }, 30);
    expect(result.points).toEqual([at('20:30', 10), at('21:00', 2)]);
  });

  it('adds the two counts of a fall-back hour that share a wall-clock start', () => {
    const result = aggregateSeries({ intervalMin: 30, points: [at('01:00', 5), at('01:00', 7), at('01:30', 1)] }, 60);
    expect(result.points).toEqual([at('01:00', 13)]);
  });

  it('sorts by start whatever the input order', () => {
    const result = aggregateSeries({ intervalMin: 30, points: [at('10:00', 1), at('09:00', 2)] }, 60);
    expect(result.points.map((p) => p.start)).toEqual(['2024-03-04T09:00', '2024-03-04T10:00']);
  });

  it('refuses lengths that do not fit', () => {
    expect(() => aggregateSeries({ intervalMin: 15, points: [] }, 20)).toThrow(/multiple/);
    expect(() => aggregateSeries({ intervalMin: 5, points: [] }, 35)).toThrow(/divide a day/);
    expect(() => aggregateSeries({ intervalMin: 5, points: [{ start: '2024-13-01T00:00', value: 1 }] }, 30)).toThrow(/calendar date|YYYY/);
  });

  it('never loses or invents volume', () => {
    const slotValue = fc.oneof(fc.nat({ max: 1000 }), fc.constant('closed' as const));
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 287 }), slotValue), { maxLength: 200 }), (cells) => {
        const points = cells.map(([slot, value]) => ({
          start: `2024-03-04T${String(Math.floor((slot * 5) / 60)).padStart(2, '0')}:${String((slot * 5) % 60).padStart(2, '0')}`,
          value,
        }));
        const total = (series: IntervalPoint[]) => series.reduce((sum, p) => sum + (typeof p.value === 'number' ? p.value : 0), 0);
        const coarse = aggregateSeries({ intervalMin: 5, points }, 60).points;
        expect(total(coarse)).toBe(total(points));
        expect(coarse.length).toBeLessThanOrEqual(24);
      }),
    );
  });
});
