/**
 * The shift templates a new site starts with: Early 06–14, Core 09–17, Late 12–20 and Split 09–13 + 16–20.
 * Early, Core and Late start on a 30-minute grid around their nominal time so the design stage can stagger starts
 * and follow a 15-minute curve; each nominal shift is one of the starts.
 */
import type { BreakRule, ShiftTemplateInput } from './model';

const HOUR = 60;

/** Eight-hour day: paid 15-minute breaks in the first and last thirds, an unpaid 30-minute lunch 3–5 hours in. */
const EIGHT_HOUR_BREAKS: BreakRule[] = [
  { kind: 'break', lengthMinutes: 15, paid: true, windowStartMinutes: 1.5 * HOUR, windowEndMinutes: 2.75 * HOUR },
  { kind: 'lunch', lengthMinutes: 30, paid: false, windowStartMinutes: 3 * HOUR, windowEndMinutes: 5 * HOUR },
  { kind: 'break', lengthMinutes: 15, paid: true, windowStartMinutes: 5.5 * HOUR, windowEndMinutes: 6.75 * HOUR },
];

/** Two four-hour halves: one paid 15-minute break in each. */
const SPLIT_BREAKS: BreakRule[] = [
  { kind: 'break', lengthMinutes: 15, paid: true, windowStartMinutes: 1 * HOUR, windowEndMinutes: 3 * HOUR },
  { kind: 'break', lengthMinutes: 15, paid: true, windowStartMinutes: 8 * HOUR, windowEndMinutes: 10 * HOUR },
];

export const DEFAULT_TEMPLATES: ShiftTemplateInput[] = [
  {
    id: 'early',
    name: 'Early',
    earliestStart: '06:00',
    latestStart: '07:30',
    startStepMinutes: 30,
    segments: [{ offsetMinutes: 0, lengthMinutes: 8 * HOUR }],
    breaks: EIGHT_HOUR_BREAKS,
    category: 'early',
    cannotFollow: ['late'],
  },
  {
    id: 'core',
    name: 'Core',
    earliestStart: '08:00',
    latestStart: '10:30',
    startStepMinutes: 30,
    segments: [{ offsetMinutes: 0, lengthMinutes: 8 * HOUR }],
    breaks: EIGHT_HOUR_BREAKS,
    category: 'day',
  },
  {
    id: 'late',
    name: 'Late',
    earliestStart: '11:00',
    latestStart: '13:00',
    startStepMinutes: 30,
    segments: [{ offsetMinutes: 0, lengthMinutes: 8 * HOUR }],
    breaks: EIGHT_HOUR_BREAKS,
    category: 'late',
  },
  {
    id: 'split',
    name: 'Split',
    earliestStart: '09:00',
    latestStart: '09:00',
    startStepMinutes: 30,
    segments: [
      { offsetMinutes: 0, lengthMinutes: 4 * HOUR },
      { offsetMinutes: 7 * HOUR, lengthMinutes: 4 * HOUR },
    ],
    breaks: SPLIT_BREAKS,
    category: 'split',
  },
];
