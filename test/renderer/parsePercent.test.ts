import { describe, expect, it } from 'vitest';
import { CAP, PART, SHARE, SHRINKAGE, parsePercentField } from '../../renderer/src/components/parsePercent';

const serviceLevel = { what: 'Service level', range: SHARE };

describe('percent fields', () => {
  it('refuses a fraction typed by habit and names the percentage meant', () => {
    expect(parsePercentField('0.8', serviceLevel)).toEqual({ error: expect.stringMatching(/^Did you mean 80%\? Service level is in percent/) });
    expect(parsePercentField('0.75', { what: 'Utilization', range: CAP }).error).toMatch(/^Did you mean 75%\?/);
    expect(parsePercentField(' .3 ', { what: 'Shrinkage', range: SHRINKAGE }).error).toMatch(/^Did you mean 30%\?/);
    // 1 is as likely "100%" as "1%": it is asked about too.
    expect(parsePercentField('1', { what: 'Maximum occupancy', range: CAP }).error).toMatch(/^Did you mean 100%\?/);
  });

  it('reads percentages, with or without the sign, and a small value when the sign says it is meant', () => {
    expect(parsePercentField('80', serviceLevel)).toEqual({ value: 80 });
    expect(parsePercentField('80%', serviceLevel)).toEqual({ value: 80 });
    expect(parsePercentField('0.5%', { what: 'Abandonment', range: SHARE })).toEqual({ value: 0.5 });
    expect(parsePercentField('0', { what: 'Shrinkage', range: SHRINKAGE })).toEqual({ value: 0 });
    expect(parsePercentField('', { what: 'Shrinkage', range: SHRINKAGE }, true)).toEqual({});
  });

  it('says the range in percent, never as a fraction', () => {
    const tooHigh = parsePercentField('120', serviceLevel).error!;
    expect(tooHigh).toBe('Service level must be above 0% and below 100%; "120" is outside it.');
    expect(tooHigh).not.toMatch(/between 0 and 1|0\.8/);
    expect(parsePercentField('100', { what: 'Shrinkage', range: SHRINKAGE }).error).toMatch(/at least 0% and below 100%/);
    expect(parsePercentField('100', { what: 'Maximum occupancy', range: CAP })).toEqual({ value: 100 });
    expect(parsePercentField('-5', { what: 'Training', range: PART }).error).toMatch(/at least 0% and at most 100%/);
    expect(parsePercentField('abc', serviceLevel).error).toBe('"abc" is not a number');
  });
});
