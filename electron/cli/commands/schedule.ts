/**
 * `staffwise schedule`: a week (or more) of shifts for named agents from interval requirements.
 * Input formats are documented in the README: requirements CSV (timestamp,skill,required or timestamp,required),
 * agents CSV (id,name[,team],skills[,contract columns]), shift templates JSON (an array of templates, or
 * {"templates": [...], "rules": {...}}; omitted = the default Early, Core, Late and Split templates).
 */
import Papa from 'papaparse';
import { DateTime } from 'luxon';
import { callApi, numberFlag, UsageError, type Command } from '../command';
import { scheduleCsv } from '../../../shared/engine/schedule/scheduleCsv';
import { readTextFile, stringFlag, writeFileAtomically } from './files';

export const scheduleCommand: Command = {
  name: 'schedule',
  summary: 'Generate shifts for named agents from interval requirements under contract rules',
  usage: 'staffwise schedule --requirements req.csv --agents agents.csv [--shifts shifts.json] [--weeks 1] [--time-limit-sec 60] --out schedule.csv [--json]',
  options: {
    requirements: { type: 'string' },
    agents: { type: 'string' },
    shifts: { type: 'string' },
    weeks: { type: 'string' },
    'time-limit-sec': { type: 'string' },
    out: { type: 'string' },
    json: { type: 'boolean' },
  },
  async run(values, ctx) {
    const outPath = stringFlag(values, 'out');
    const weeks = numberFlag(values, 'weeks') ?? 1;
    if (!Number.isInteger(weeks) || weeks < 1 || weeks > 8) throw new UsageError(`--weeks must be a whole number from 1 to 8 (got ${weeks})`);
    const timeLimitSec = numberFlag(values, 'time-limit-sec') ?? 60;
    const requirements = readRequirements(stringFlag(values, 'requirements'), weeks * 7);
    const agents = readAgents(stringFlag(values, 'agents'));
    const shifts = typeof values.shifts === 'string' ? readShifts(values.shifts) : {};
    const input = { startDate: requirements.startDate, agents, requirements: requirements.requirements, ...shifts };
    const result = await callApi(ctx, 'schedule.solve', { input, timeLimitSec }, { timeLimitSec: 'time-limit-sec' });

    // The same writer as the app's CSV export: one row per shift, spans, skill and template.
    const csv = scheduleCsv(result.assignments, { startDate: requirements.startDate, agentNames: new Map(agents.map((a) => [a.id, a.name])) });
    writeFileAtomically(outPath, csv.slice(0, -1).split('\n'));
    const s = result.summary;
    const summary = {
      shifts: result.assignments.length,
      underCoverageHours: s.underHours,
      overCoverageHours: s.overHours,
      lowerBoundUnderHours: s.lowerBoundUnderHours,
      ruleViolations: result.violations.length,
      objective: s.objective,
      seconds: s.seconds,
      shortIntervals: result.explanations.length,
      out: outPath,
    };
    if (values.json) {
      ctx.io.out(JSON.stringify({ ...summary, violations: result.violations.slice(0, 50), explanations: result.explanations.slice(0, 50) }));
      return;
    }
    ctx.io.out(`Wrote ${summary.shifts} shifts to ${outPath}: under-coverage ${summary.underCoverageHours.toFixed(1)} agent-hours${summary.lowerBoundUnderHours !== undefined ? ` (LP lower bound ${summary.lowerBoundUnderHours.toFixed(1)})` : ''}, over-coverage ${summary.overCoverageHours.toFixed(1)}, ${summary.ruleViolations} rule violations, ${summary.seconds.toFixed(1)} s.`);
    for (const e of result.explanations.slice(0, 10)) ctx.io.out(`  short ${e.date ?? `day ${e.day}`} ${e.start}–${e.end} ${e.skill}: ${e.causes.map((c) => c.message).join('; ')}`);
  },
};

function readCsv(path: string, flag: string): Record<string, string>[] {
  const parsed = Papa.parse<Record<string, string>>(readTextFile(path, flag), { header: true, skipEmptyLines: true, transformHeader: (h) => h.trim().toLowerCase() });
  if (parsed.errors.length) {
    const e = parsed.errors[0];
    throw new Error(`${path}: line ${(e.row ?? 0) + 2}: ${e.message}`);
  }
  return parsed.data;
}

/** Requirements in long form; intervals absent from the file need nobody. */
function readRequirements(path: string, days: number) {
  const rows = readCsv(path, 'requirements');
  if (rows.length === 0) throw new Error(`${path} has no rows`);
  const entries = rows.map((row, i) => {
    const line = i + 2;
    const at = DateTime.fromISO(row.timestamp ?? '');
    const required = Number(row.required);
    if (!at.isValid) throw new Error(`${path}: line ${line}: timestamp "${row.timestamp ?? ''}" is not a date-time like 2026-11-16T09:00`);
    if (row.required === undefined || row.required.trim() === '' || !Number.isFinite(required) || required < 0) {
      throw new Error(`${path}: line ${line}: required "${row.required ?? ''}" must be a number of agents, at least 0`);
    }
    return { at, skill: row.skill?.trim() || 'default', required, line };
  });
  const times = [...new Set(entries.map((e) => e.at.toMillis()))].sort((a, b) => a - b);
  const step = times.length > 1 ? Math.min(...times.slice(1).map((t, i) => t - times[i])) / 60_000 : 30;
  if (step !== 15 && step !== 30) throw new Error(`${path}: intervals must be 15 or 30 minutes apart (found ${step})`);
  const startDate = DateTime.fromMillis(times[0]).toISODate()!;
  const first = DateTime.fromISO(startDate);
  const perDay = 1440 / step;
  const series = new Map<string, number[]>();
  for (const e of entries) {
    const index = Math.round(e.at.diff(first, 'minutes').minutes / step);
    if (index >= days * perDay) throw new Error(`${path}: line ${e.line}: ${e.at.toISO()} is after the ${days}-day horizon (use --weeks)`);
    if (!series.has(e.skill)) series.set(e.skill, Array.from({ length: days * perDay }, () => 0));
    series.get(e.skill)![index] += e.required;
  }
  return { startDate, requirements: { intervalMinutes: step as 15 | 30, days, series: [...series].map(([skill, required]) => ({ skill, required })) } };
}

/** Agents with skills separated by "|" and optional contract columns. */
function readAgents(path: string) {
  return readCsv(path, 'agents').map((row, i) => {
    const line = i + 2;
    const need = (column: string) => {
      const value = row[column]?.trim();
      if (!value) throw new Error(`${path}: line ${line}: the ${column} column is empty`);
      return value;
    };
    const optionalInt = (column: string) => {
      const raw = row[column]?.trim();
      if (!raw) return undefined;
      const n = Number(raw);
      if (!Number.isInteger(n) || n < 0) throw new Error(`${path}: line ${line}: ${column} "${raw}" must be a whole number`);
      return n;
    };
    const contract = Object.fromEntries(
      Object.entries({
        minMinutesPerWeek: optionalInt('min_minutes_week'),
        maxMinutesPerWeek: optionalInt('max_minutes_week'),
        maxShiftsPerWeek: optionalInt('max_shifts_week'),
        maxConsecutiveWorkingDays: optionalInt('max_consecutive_days'),
        minConsecutiveDaysOff: optionalInt('min_consecutive_days_off'),
        maxWeekendsPerPeriod: optionalInt('max_weekends'),
      }).filter(([, v]) => v !== undefined),
    );
    const daysOff = row.fixed_weekdays_off?.trim();
    return {
      id: need('id'),
      name: row.name?.trim() || need('id'),
      ...(row.team?.trim() && { team: row.team.trim() }),
      skills: need('skills').split('|').map((s) => s.trim()).filter(Boolean),
      contract,
      ...(daysOff && { fixedWeekdaysOff: daysOff.split('|').map((d) => Number(d)) }),
    };
  });
}

function readShifts(path: string): Record<string, unknown> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readTextFile(path, 'shifts'));
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new Error(`${path} is not valid JSON: ${(error as Error).message}`);
  }
  if (Array.isArray(parsed)) return { templates: parsed };
  if (parsed && typeof parsed === 'object') return parsed as Record<string, unknown>;
  throw new Error(`${path} must hold an array of shift templates or {"templates": [...], "rules": {...}}`);
}

