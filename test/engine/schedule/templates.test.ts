import { describe, expect, it } from 'vitest';
import { DEFAULT_TEMPLATES, expandTemplates, ShiftTemplateSchema } from '../../../shared/engine/schedule';

const defaults = DEFAULT_TEMPLATES.map((t) => ShiftTemplateSchema.parse(t));
const concrete = expandTemplates(defaults);
const find = (id: string) => concrete.find((s) => s.id === id);

describe('default shift templates', () => {
  it('express Early 06–14, Core 09–17, Late 12–20 and Split 09–13 + 16–20', () => {
    expect(find('early@06:00')?.segments).toEqual([{ start: 360, end: 840 }]);
    expect(find('core@09:00')?.segments).toEqual([{ start: 540, end: 1020 }]);
    expect(find('late@12:00')?.segments).toEqual([{ start: 720, end: 1200 }]);
    expect(find('split@09:00')?.segments).toEqual([
      { start: 540, end: 780 },
      { start: 960, end: 1200 },
    ]);
  });

  it('stagger starts every 30 minutes inside each start window', () => {
    const earlyStarts = concrete.filter((s) => s.template.id === 'early').map((s) => s.start);
    expect(earlyStarts).toEqual([360, 390, 420, 450]);
  });

  it('pay the working time less the unpaid lunch', () => {
    expect(find('core@09:00')?.paidMinutes).toBe(8 * 60 - 30);
    expect(find('split@09:00')?.paidMinutes).toBe(8 * 60);
  });

  it('forbid an early the day after a late', () => {
    expect(defaults.find((t) => t.id === 'early')?.cannotFollow).toContain('late');
  });

  it('reject a break window shorter than the break and unordered split segments', () => {
    const base = DEFAULT_TEMPLATES[1];
    expect(() =>
      ShiftTemplateSchema.parse({ ...base, breaks: [{ kind: 'lunch', lengthMinutes: 60, paid: false, windowStartMinutes: 180, windowEndMinutes: 200 }] }),
    ).toThrow();
    expect(() =>
      ShiftTemplateSchema.parse({
        ...base,
        segments: [
          { offsetMinutes: 300, lengthMinutes: 60 },
          { offsetMinutes: 0, lengthMinutes: 60 },
        ],
        breaks: [],
      }),
    ).toThrow();
  });
});
