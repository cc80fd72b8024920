import { describe, expect, it } from 'vitest';
import { SCHEDULE_CSV_HEADER, scheduleCsv } from '../../../shared/engine/schedule/scheduleCsv';
import type { ShiftAssignment } from '../../../shared/engine/schedule';

const split: ShiftAssignment = {
  agentId: 'a1',
  day: 0,
  start: 540,
  end: 1200,
  segments: [{ start: 540, end: 780 }, { start: 960, end: 1200 }],
  breaks: [{ start: 660, end: 675, kind: 'break', paid: true }],
  skill: 'phone',
  templateId: 'split',
};
const overnight: ShiftAssignment = {
  agentId: 'a2',
  day: 1,
  start: 1050,
  end: 1530,
  segments: [{ start: 1050, end: 1530 }],
  breaks: [{ start: 1290, end: 1320, kind: 'lunch', paid: false }],
  skill: 'email',
};

describe('the schedule CSV writer shared by the app and the CLI', () => {
  const csv = scheduleCsv([overnight, split], {
    startDate: '2026-11-09',
    agentNames: new Map([['a1', 'Ava "Ace" Lee'], ['a2', 'Line\rBreak, Jr.']]),
    templateNames: new Map([['split', 'Split 09–13 + 16–20']]),
  });
  const lines = csv.split('\n');

  it('writes one row per shift, a split shift with both spans, and the skill and template', () => {
    expect(lines[0]).toBe(SCHEDULE_CSV_HEADER);
    expect(lines[1]).toBe('"Ava ""Ace"" Lee",2026-11-09,09:00,20:00,2026-11-09,09:00-13:00; 16:00-20:00,phone,Split 09–13 + 16–20,8,11:00-11:15 break paid');
    expect(csv.endsWith('\n')).toBe(true);
  });

  it('never writes an end like 25:30: an overnight shift ends on the next date', () => {
    expect(lines[2]).toBe('"Line\rBreak, Jr.",2026-11-10,17:30,01:30,2026-11-11,17:30-01:30,email,custom,7.5,21:30-22:00 lunch');
    expect(csv).not.toMatch(/\b(2[4-9]|[3-4]\d):\d\d/);
  });

  it('quotes fields with a carriage return as well as commas, quotes and line feeds', () => {
    expect(lines[2].startsWith('"Line\rBreak, Jr."')).toBe(true);
    expect(scheduleCsv([{ ...split, agentId: 'x' }], { startDate: '2026-11-09', agentNames: new Map([['x', 'Only\rCR']]) })).toContain('"Only\rCR"');
  });
});
