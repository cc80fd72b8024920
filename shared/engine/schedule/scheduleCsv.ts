/**
 * The one schedule CSV writer, shared by the app's export and the `staffwise schedule` CLI, so both files read the
 * same: one row per shift (a split shift is ONE row listing its working spans), with its skill and template.
 *
 *   agent,date,start,end,end_date,segments,skill,template,paid_hours,breaks
 *
 * Times are local wall-clock 'HH:MM' on a 00:00–23:59 clock, never '25:30': a shift that runs past midnight ends on
 * `end_date`, the next day (a shift ending at midnight ends at 00:00 of the next day). Fields holding a comma, quote, CR or LF are quoted (RFC 4180).
 */
import { csvField } from '../../text/csv';
import type { ShiftAssignment } from './model';
import { paidMinutes } from './rules';
import { formatClock, MINUTES_PER_DAY } from './time';
import { addDays } from '../../calendar/days';

export const SCHEDULE_CSV_HEADER = 'agent,date,start,end,end_date,segments,skill,template,paid_hours,breaks';

export interface ScheduleCsvOptions {
  /** Date of horizon day 0, for shifts that carry no date of their own. */
  startDate: string;
  /** Agent id → the name written in the file (the id when absent). */
  agentNames: Map<string, string>;
  /** Template id → name (the id when absent; 'custom' for a shift with no template). */
  templateNames?: Map<string, string>;
}

/** Rows sorted by date, start and agent; the text ends with a newline. */
export function scheduleCsv(shifts: readonly ShiftAssignment[], options: ScheduleCsvOptions): string {
  const sorted = [...shifts].sort((a, b) => a.day - b.day || a.start - b.start || (options.agentNames.get(a.agentId) ?? a.agentId).localeCompare(options.agentNames.get(b.agentId) ?? b.agentId));
  const lines = [SCHEDULE_CSV_HEADER];
  for (const shift of sorted) {
    const date = shift.date ?? addDays(options.startDate, shift.day);
    const template = shift.templateId === undefined ? 'custom' : (options.templateNames?.get(shift.templateId) ?? shift.templateId);
    lines.push(
      [
        csvField(options.agentNames.get(shift.agentId) ?? shift.agentId),
        date,
        formatClock(shift.start),
        formatClock(shift.end),
        addDays(date, Math.floor(shift.end / MINUTES_PER_DAY)),
        csvField(shift.segments.map((s) => `${formatClock(s.start)}-${formatClock(s.end)}`).join('; ')),
        csvField(shift.skill),
        csvField(template),
        (Math.round((paidMinutes(shift) / 60) * 100) / 100).toString(),
        csvField(shift.breaks.map((b) => `${formatClock(b.start)}-${formatClock(b.end)} ${b.kind}${b.paid ? ' paid' : ''}`).join('; ')),
      ].join(','),
    );
  }
  return lines.join('\n') + '\n';
}
