/** Validation of scenario changes: one clear message naming the field and what is wrong. */
import { z } from 'zod';
import { calendarDate } from '../../calendar/calendarDate';
import { CHANGE_KINDS, type ScenarioChange } from './types';

const week = (what: string) => z.number({ error: `${what} must be a week number` }).int(`${what} must be a whole week`).min(0, `${what} must be 0 or later`);

export const scenarioChangeSchema = z
  .object({
    kind: z.enum(CHANGE_KINDS, { error: `Change kind must be one of ${CHANGE_KINDS.join(', ')}` }),
    label: z.string().max(120, 'Label is at most 120 characters').optional(),
    from: calendarDate('From date').optional(),
    to: calendarDate('To date').optional(),
    fromWeek: week('From week').optional(),
    toWeek: week('To week').optional(),
    queues: z.array(z.string().min(1, 'Queue name is empty').max(200, 'A queue name is at most 200 characters')).max(100, 'At most 100 queues').optional(),
    value: z.number({ error: 'Value must be a number' }).finite('Value must be a finite number').optional(),
    answerSec: z.number().positive('Answer time must be above 0 seconds').optional(),
    size: z.number().positive('Class size must be above 0').optional(),
    ramp: z.array(z.number().min(0, 'Ramp loads are 0…1').max(1, 'Ramp loads are 0…1')).min(1, 'Ramp needs at least one week').optional(),
    classIndex: z.number().int('Class index must be a whole number').min(0, 'Class index must be 0 or more').optional(),
  })
  .strict()
  .superRefine((c, ctx) => {
    const issue = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message });
    const byDate = c.from !== undefined || c.to !== undefined;
    const byWeek = c.fromWeek !== undefined || c.toWeek !== undefined;
    if (c.kind !== 'classRemove') {
      if (byDate && byWeek) issue('from', 'Give a date range or a week range, not both');
      else if (byDate && (c.from === undefined || c.to === undefined)) issue(c.from === undefined ? 'from' : 'to', 'A date range needs both from and to');
      else if (byWeek && (c.fromWeek === undefined || c.toWeek === undefined)) issue(c.fromWeek === undefined ? 'fromWeek' : 'toWeek', 'A week range needs both fromWeek and toWeek');
      else if (!byDate && !byWeek) issue('from', 'A change needs a date range (from, to) or a week range (fromWeek, toWeek)');
      else if (byDate && (c.from as string) > (c.to as string)) issue('to', 'To date is before the from date');
      else if (byWeek && (c.fromWeek as number) > (c.toWeek as number)) issue('toWeek', 'To week is before the from week');
    }
    const needsValue = ['volume', 'aht', 'shrinkage', 'attrition', 'serviceTarget', 'occupancy', 'overtime'];
    if (needsValue.includes(c.kind) && c.value === undefined) issue('value', `A ${c.kind} change needs a value`);
    if (c.value !== undefined) {
      if ((c.kind === 'volume' || c.kind === 'aht') && c.value <= -1) issue('value', `A ${c.kind} change must be above −100%`);
      if ((c.kind === 'volume' || c.kind === 'aht') && c.value > 20) issue('value', `A ${c.kind} change is a fraction (3 = +300%); ${c.value} would be +${Math.round(c.value * 100)}%, above the +2000% limit`);
      if (c.kind === 'serviceTarget' && (c.value <= 0 || c.value >= 1)) issue('value', 'A service-level target is a fraction above 0 and below 1 (0.8 for 80%)');
      if (c.kind === 'occupancy' && (c.value <= 0 || c.value > 1)) issue('value', 'An occupancy target is a fraction above 0 and at most 1 (0.85 for 85%)');
      if ((c.kind === 'shrinkage' || c.kind === 'attrition') && Math.abs(c.value) >= 1) issue('value', `A ${c.kind} change is in points as a fraction (0.05 = 5 points), between −1 and 1`);
      if (c.kind === 'overtime' && (c.value < 0 || c.value > 40)) issue('value', 'Overtime is 0 to 40 hours per agent per week');
    }
    if (c.kind === 'classAdd' && c.size === undefined) issue('size', 'An added class needs a size (heads)');
    if (c.kind === 'classRemove' && c.classIndex === undefined) issue('classIndex', 'Removing a class needs the class index (0 = first class)');
  });

export const scenarioChangesSchema = z.array(scenarioChangeSchema).max(50, 'At most 50 changes per scenario');

export const liveQueueTargetsSchema = z
  .object({
    serviceLevel: z.number().gt(0, 'Service level is a fraction above 0').lt(1, 'Service level is a fraction below 1'),
    answerSec: z.number().positive('Answer time must be above 0 seconds'),
    openHoursPerWeek: z.number().positive('Open hours per week must be above 0').max(168, 'A week has 168 hours'),
  })
  .strict();

export const scenarioSettingsSchema = z
  .object({
    overtimeCostPerHour: z.number().min(0, 'Overtime cost must be 0 or more').optional(),
    liveTargets: z.record(z.string(), liveQueueTargetsSchema).optional(),
  })
  .strict();

export class ScenarioInputError extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
    this.name = 'ScenarioInputError';
  }
}

/** Parses one change, throwing a ScenarioInputError that names the field. */
export function parseChange(raw: unknown, index = 0): ScenarioChange {
  const parsed = scenarioChangeSchema.safeParse(raw);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const field = `changes.${index}${issue.path.length ? `.${issue.path.join('.')}` : ''}`;
  throw new ScenarioInputError(field, `${field}: ${issue.message}`);
}
