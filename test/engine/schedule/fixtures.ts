/** Small, readable schedule inputs for the schedule engine tests. */
import type { AgentInput, RequirementsInput, ShiftTemplateInput } from '../../../shared/engine/schedule';

/** A requirement curve from a function of (day, minute of day), for each skill. */
export function curve(
  days: number,
  intervalMinutes: 15 | 30,
  bySkill: Record<string, (day: number, minute: number) => number>,
): RequirementsInput {
  const perDay = 1440 / intervalMinutes;
  return {
    intervalMinutes,
    days,
    series: Object.entries(bySkill).map(([skill, at]) => ({
      skill,
      required: Array.from({ length: days * perDay }, (_, i) => at(Math.floor(i / perDay), (i % perDay) * intervalMinutes)),
    })),
  };
}

/** Hours written as 'HH:MM' → minutes, for readable curves. */
export const at = (clock: string): number => Number(clock.slice(0, 2)) * 60 + Number(clock.slice(3, 5));

export function agents(count: number, skills: string[], overrides: Partial<AgentInput> = {}, prefix = 'A'): AgentInput[] {
  return Array.from({ length: count }, (_, i) => ({
    id: `${prefix}${i + 1}`,
    name: `${prefix}${i + 1}`,
    skills,
    contract: { maxShiftsPerWeek: 5, maxMinutesPerWeek: 2400, maxConsecutiveWorkingDays: 5, minConsecutiveDaysOff: 1 },
    ...overrides,
  }));
}

/** A fixed-start template without breaks, so coverage is easy to reason about. */
export function plainTemplate(id: string, start: string, hours: number, extra: Partial<ShiftTemplateInput> = {}): ShiftTemplateInput {
  return {
    id,
    name: id,
    earliestStart: start,
    latestStart: start,
    segments: [{ offsetMinutes: 0, lengthMinutes: hours * 60 }],
    ...extra,
  };
}
