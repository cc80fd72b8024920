/**
 * Concrete shifts: every (template, start time) pair a template allows. The design stage counts concrete shifts per
 * day and skill, the rostering stage turns each used one into a shift type, and the output names them back.
 */
import type { ShiftTemplate, WorkingSpan } from './model';
import { formatClock } from './time';

export interface ConcreteShift {
  /** 'template@HH:MM', unique within a schedule. */
  id: string;
  template: ShiftTemplate;
  /** Minutes from the start day's midnight. */
  start: number;
  end: number;
  segments: WorkingSpan[];
  /** Working minutes less unpaid breaks: what counts towards contract hours. */
  paidMinutes: number;
}

export function concreteShiftId(templateId: string, start: number): string {
  return `${templateId}@${formatClock(start)}`;
}

export function expandTemplates(templates: readonly ShiftTemplate[]): ConcreteShift[] {
  const shifts: ConcreteShift[] = [];
  for (const template of templates) {
    for (let start = template.earliestStart; start <= template.latestStart; start += template.startStepMinutes) {
      const segments = template.segments.map((s) => ({ start: start + s.offsetMinutes, end: start + s.offsetMinutes + s.lengthMinutes }));
      shifts.push({
        id: concreteShiftId(template.id, start),
        template,
        start,
        end: segments[segments.length - 1].end,
        segments,
        paidMinutes: workedMinutes(segments) - unpaidBreakMinutes(template),
      });
    }
  }
  return shifts;
}

export function workedMinutes(segments: readonly WorkingSpan[]): number {
  return segments.reduce((sum, s) => sum + s.end - s.start, 0);
}

function unpaidBreakMinutes(template: ShiftTemplate): number {
  return template.breaks.filter((b) => !b.paid).reduce((sum, b) => sum + b.lengthMinutes, 0);
}

/**
 * Start times (minutes from the shift's day midnight) at which a break rule may be placed for a shift: on the break
 * grid, inside the rule's window and inside one working span, so a break never straddles a split shift's gap.
 */
export function breakStartCandidates(
  shiftStart: number,
  segments: readonly WorkingSpan[],
  rule: ShiftTemplate['breaks'][number],
  stepMinutes: number,
): number[] {
  const earliest = shiftStart + rule.windowStartMinutes;
  const latest = shiftStart + rule.windowEndMinutes - rule.lengthMinutes;
  const candidates: number[] = [];
  for (let start = Math.ceil(earliest / stepMinutes) * stepMinutes; start <= latest; start += stepMinutes) {
    const end = start + rule.lengthMinutes;
    if (segments.some((s) => s.start <= start && end <= s.end)) candidates.push(start);
  }
  return candidates;
}
