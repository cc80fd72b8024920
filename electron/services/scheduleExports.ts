/**
 * Schedule exports: CSV (scheduleCsv.ts, one row per shift with its working spans and skill), an XLSX workbook (the week grid,
 * every shift, and coverage per interval with its formula), and one ICS calendar per agent with every working span
 * as an event in UTC. Times are the site's local wall-clock times; a split shift gives one calendar event per span.
 */
import ExcelJS from 'exceljs';
import { strToU8, zipSync } from 'fflate';
import { createEvents, type EventAttributes } from 'ics';
import { DateTime } from 'luxon';
import { coverageAssignments, toAssignment, type ScheduleExportFile, type ScheduleShift, type ScheduleView } from '../../shared/api/channels/schedule';
import { computeCoverage } from '../../shared/engine/schedule';
import { scheduleCsv } from '../../shared/engine/schedule/scheduleCsv';
import { paidMinutes } from '../../shared/engine/schedule/rules';
import { formatClock } from '../../shared/engine/schedule/time';
import { WEEKDAY_SHORT, weekDates } from '../../shared/calendar/days';


const slug = (s: string) => s.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'agent';

function byAgentAndTime(view: ScheduleView): { agent: ScheduleView['agents'][number]; shifts: ScheduleShift[] }[] {
  return view.agents.map((agent) => ({
    agent,
    shifts: view.shifts.filter((s) => s.agentId === agent.id).sort((a, b) => a.day - b.day || a.start - b.start),
  }));
}

function breaksText(shift: ScheduleShift, within?: { start: number; end: number }): string {
  return shift.breaks
    .filter((b) => !within || (b.start >= within.start && b.end <= within.end))
    .map((b) => `${formatClock(b.start)}-${formatClock(b.end)} ${b.kind}`)
    .join('; ');
}

function paidHours(shift: ScheduleShift): number {
  return paidMinutes(shift) / 60;
}

function baseName(view: ScheduleView): string {
  return `schedule-${view.schedule.weekStart}-v${view.schedule.version}${view.schedule.status === 'draft' ? '-draft' : ''}`;
}

/** The shared schedule CSV (scheduleCsv.ts): one row per shift with its spans, skill and template. */
export function exportCsv(view: ScheduleView): ScheduleExportFile {
  const content = scheduleCsv(view.shifts.map(toAssignment), {
    startDate: view.schedule.weekStart,
    agentNames: new Map(view.agents.map((a) => [String(a.id), a.name])),
    templateNames: new Map(view.templates.map((t) => [t.id, t.name])),
  });
  return { fileName: `${baseName(view)}.csv`, mimeType: 'text/csv', encoding: 'utf8', content };
}

export async function exportXlsx(view: ScheduleView): Promise<ScheduleExportFile> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Staffwise';
  workbook.created = new Date();
  const templateNames = new Map(view.templates.map((t) => [t.id, t.name]));
  const dates = weekDates(view.schedule.weekStart);

  const week = workbook.addWorksheet('Week', { views: [{ state: 'frozen', xSplit: 2, ySplit: 1 }] });
  week.columns = [
    { header: 'Agent', key: 'agent', width: 24 },
    { header: 'Team', key: 'team', width: 22 },
    ...dates.map((date, d) => ({ header: `${WEEKDAY_SHORT[d]} ${date}`, key: `d${d}`, width: 20 })),
    { header: 'Paid hours', key: 'hours', width: 11 },
  ];
  for (const { agent, shifts } of byAgentAndTime(view)) {
    const row: Record<string, string | number> = { agent: agent.name, team: agent.team, hours: Math.round(shifts.reduce((s, x) => s + paidHours(x), 0) * 100) / 100 };
    for (const shift of shifts) {
      const spans = shift.segments.map((s) => `${formatClock(s.start)}–${formatClock(s.end)}`).join(' + ');
      const name = shift.templateId ? (templateNames.get(shift.templateId) ?? shift.templateId) : 'Custom';
      row[`d${shift.day}`] = `${row[`d${shift.day}`] ? `${row[`d${shift.day}`]}\n` : ''}${spans} ${name} (${shift.skill})`;
    }
    week.addRow(row);
  }
  week.getRow(1).font = { bold: true };

  const list = workbook.addWorksheet('Shifts');
  list.columns = [
    { header: 'agent', key: 'agent', width: 24 },
    { header: 'team', key: 'team', width: 22 },
    { header: 'date', key: 'date', width: 12 },
    { header: 'start', key: 'start', width: 8 },
    { header: 'end', key: 'end', width: 8 },
    { header: 'template', key: 'template', width: 10 },
    { header: 'skill', key: 'skill', width: 8 },
    { header: 'breaks', key: 'breaks', width: 44 },
    { header: 'paid hours', key: 'hours', width: 10 },
    { header: 'locked', key: 'locked', width: 8 },
  ];
  for (const { agent, shifts } of byAgentAndTime(view)) {
    for (const shift of shifts) {
      list.addRow({
        agent: agent.name,
        team: agent.team,
        date: shift.date,
        start: formatClock(shift.start),
        end: formatClock(shift.end),
        template: shift.templateId ?? '',
        skill: shift.skill,
        breaks: breaksText(shift),
        hours: Math.round(paidHours(shift) * 100) / 100,
        locked: shift.locked ? 'yes' : '',
      });
    }
  }
  list.getRow(1).font = { bold: true };

  const coverage = computeCoverage(
    { intervalMinutes: view.requirements.intervalMinutes, days: 7, series: view.requirements.series },
    coverageAssignments(view.shifts, view.agents),
  );
  const sheet = workbook.addWorksheet('Coverage');
  sheet.columns = [
    { header: 'date', key: 'date', width: 12 },
    { header: 'time', key: 'time', width: 8 },
    ...coverage.skills.flatMap((s) => [
      { header: `${s.skill} required`, key: `${s.skill}-r`, width: 14 },
      { header: `${s.skill} scheduled`, key: `${s.skill}-s`, width: 14 },
      { header: `${s.skill} short`, key: `${s.skill}-g`, width: 12 },
    ]),
  ];
  const perDay = 1440 / coverage.intervalMinutes;
  for (let t = 0; t < 7 * perDay; t++) {
    const row: Record<string, string | number> = { date: dates[Math.floor(t / perDay)], time: formatClock((t % perDay) * coverage.intervalMinutes) };
    for (const s of coverage.skills) {
      row[`${s.skill}-r`] = round2(s.required[t]);
      row[`${s.skill}-s`] = round2(s.scheduled[t]);
      row[`${s.skill}-g`] = round2(Math.max(0, s.required[t] - s.scheduled[t]));
    }
    sheet.addRow(row);
  }
  sheet.getRow(1).font = { bold: true };
  sheet.addRow({});
  sheet.addRow({ date: `Scheduled = agents working in the interval (breaks excluded); short = max(0, required − scheduled). Under-coverage ${round2(coverage.underHours)} agent-hours.` });

  const buffer = await workbook.xlsx.writeBuffer();
  return {
    fileName: `${baseName(view)}.xlsx`,
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    encoding: 'base64',
    content: Buffer.from(buffer as ArrayBuffer).toString('base64'),
  };
}

/** One calendar per agent (only agents with shifts, or the one asked for). */
export function exportIcs(view: ScheduleView, agentId?: number): ScheduleExportFile[] {
  const templateNames = new Map(view.templates.map((t) => [t.id, t.name]));
  const files: ScheduleExportFile[] = [];
  for (const { agent, shifts } of byAgentAndTime(view)) {
    if (agentId !== undefined ? agent.id !== agentId : shifts.length === 0) continue;
    const events: EventAttributes[] = shifts.flatMap((shift, i) =>
      shift.segments.map((span, k) => {
        const nth = shifts.slice(0, i).filter((s) => s.day === shift.day).length;
        const at = (minutes: number) => DateTime.fromISO(shift.date, { zone: view.timeZone }).startOf('day').plus({ minutes }).toMillis();
        const name = shift.templateId ? (templateNames.get(shift.templateId) ?? shift.templateId) : 'Shift';
        const breaks = breaksText(shift, span);
        return {
          // Stable across versions, so a calendar that imports a later version updates the same events.
          uid: `staffwise-${agent.id}-${shift.date}-${nth}-${k}@staffwise.local`,
          sequence: view.schedule.version,
          title: `${name} shift (${shift.skill})`,
          description: `${formatClock(span.start)}–${formatClock(span.end)} ${view.timeZone}${breaks ? `. Breaks: ${breaks}` : ''}. Schedule week of ${view.schedule.weekStart}, version ${view.schedule.version} (${view.schedule.status}).`,
          start: at(span.start),
          startInputType: 'utc',
          startOutputType: 'utc',
          end: at(span.end),
          endInputType: 'utc',
          endOutputType: 'utc',
          busyStatus: 'BUSY',
          status: view.schedule.status === 'published' ? 'CONFIRMED' : 'TENTATIVE',
          categories: ['Work shift'],
        } satisfies EventAttributes;
      }),
    );
    const calendar = events.length > 0 ? createEvents(events, { productId: 'staffwise/schedule', calName: `${agent.name} — week of ${view.schedule.weekStart}` }) : { error: null, value: emptyCalendar(agent.name, view.schedule.weekStart) };
    if (calendar.error || !calendar.value) throw new Error(`Could not write ${agent.name}'s calendar: ${calendar.error?.message ?? 'no output'}`);
    files.push({ fileName: `${baseName(view)}-${slug(agent.name)}-${agent.id}.ics`, mimeType: 'text/calendar', encoding: 'utf8', content: calendar.value, agentId: agent.id });
  }
  return files;
}

/**
 * Every agent's calendar as ONE zip file (a browser asked for 40 separate downloads otherwise), one .ics per agent
 * inside, named as the single-agent download would be.
 */
export function exportIcsZip(view: ScheduleView): ScheduleExportFile {
  const calendars = exportIcs(view);
  const entries = Object.fromEntries(calendars.map((file) => [file.fileName, strToU8(file.content)]));
  const zipped = zipSync(entries, { level: 6 });
  return { fileName: `${baseName(view)}-calendars.zip`, mimeType: 'application/zip', encoding: 'base64', content: Buffer.from(zipped).toString('base64') };
}

function emptyCalendar(name: string, weekStart: string): string {
  return ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:staffwise/schedule', `X-WR-CALNAME:${name} — week of ${weekStart}`, 'END:VCALENDAR', ''].join('\r\n');
}

const round2 = (n: number) => Math.round(n * 100) / 100;
