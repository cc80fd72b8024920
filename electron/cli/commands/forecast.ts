import Papa from 'papaparse';
import { DateTime } from 'luxon';
import { addDays } from '../../../shared/calendar/days';
import { FORECAST_METHODS } from '../../../shared/engine/forecast';
import { callApi, numberFlag, UsageError, type Command } from '../command';
import { readIntervalCounts, readTextFile, stringFlag, writeFileAtomically } from './files';

export const forecastCommand: Command = {
  name: 'forecast',
  summary: 'Forecast a timestamp,volume history (any interval; aggregated to --interval-min) with backtested method choice',
  usage: `staffwise forecast --history h.csv --horizon-days 7 [--interval-min 30] [--method auto|${FORECAST_METHODS.join('|')}] [--drivers d.csv] [--tz Zone] --out f.csv [--json]`,
  options: {
    history: { type: 'string' },
    'horizon-days': { type: 'string' },
    'interval-min': { type: 'string' },
    method: { type: 'string' },
    tz: { type: 'string' },
    drivers: { type: 'string' },
    out: { type: 'string' },
    json: { type: 'boolean' },
  },
  async run(values, ctx) {
    const historyPath = stringFlag(values, 'history');
    const outPath = stringFlag(values, 'out');
    const horizonDays = numberFlag(values, 'horizon-days', true);
    if (!Number.isInteger(horizonDays) || horizonDays < 1 || horizonDays > 120) throw new UsageError(`--horizon-days must be a whole number from 1 to 120 (got ${horizonDays})`);
    const method = typeof values.method === 'string' ? values.method : 'auto';
    if (method !== 'auto' && !(FORECAST_METHODS as readonly string[]).includes(method)) throw new UsageError(`--method must be auto or one of ${FORECAST_METHODS.join(', ')} (got "${method}")`);
    const zone = typeof values.tz === 'string' ? values.tz : 'UTC';
    if (!DateTime.now().setZone(zone).isValid) throw new UsageError(`--tz "${zone}" is not an IANA time zone (e.g. America/New_York)`);

    const history = readIntervalCounts(historyPath, 'history', zone);
    const intervalMin = numberFlag(values, 'interval-min') ?? history.intervalMinutes;
    if (!Number.isInteger(intervalMin) || intervalMin % history.intervalMinutes !== 0 || 1440 % intervalMin !== 0) {
      throw new UsageError(`--interval-min must be a multiple of the file's ${history.intervalMinutes}-minute interval that divides a day (got ${intervalMin})`);
    }
    const drivers = typeof values.drivers === 'string' ? readDrivers(values.drivers) : undefined;
    const result = await callApi(
      ctx,
      'forecast.series',
      { history: { intervalMin: history.intervalMinutes, points: history.rows.map((r) => ({ start: r.localStart, value: r.volume })) }, intervalMin, horizonDays, method, drivers },
      { horizonDays: 'horizon-days', intervalMin: 'interval-min', method: 'method' },
    );

    // The horizon is in calendar days after the last history day; the engine counts open days, so it has covered them.
    const lastDay = history.rows[history.rows.length - 1].localStart.slice(0, 10);
    const endDay = addDays(lastDay, horizonDays);
    const points = result.points.filter((p) => p.start.slice(0, 10) <= endDay && existsInZone(p.start, zone));
    writeFileAtomically(outPath, ['timestamp,forecast,lo80,hi80', ...points.map((p) => [p.start, r2(p.forecast), r2(p.lo80), r2(p.hi80)].join(','))]);

    const scores = result.scores.map(({ method: m, wape, dailyWape, mape, bias }) => ({ method: m, wape, dailyWape: dailyWape ?? null, mape, bias }));
    if (values.json) {
      ctx.io.out(JSON.stringify({ method: result.method, choice: result.choice, scores, intervals: points.length, intervalMin, out: outPath, warnings: result.warnings }));
      return;
    }
    // The rule that picked the method, with its figures: "the lowest WAPE" is not always what wins.
    ctx.io.out(`Method: ${result.method} (${method === 'auto' ? result.choice?.explanation ?? 'automatic choice' : 'chosen with --method'})`);
    if (scores.length > 0) {
      ctx.io.out(`WAPE per ${intervalMin}-minute interval (the choice uses it) and per day; MAPE per interval.`);
      ctx.io.out('method                       WAPE/int WAPE/day     MAPE     bias');
      for (const s of scores) ctx.io.out(`${s.method.padEnd(28)} ${pct(s.wape)} ${s.dailyWape === null ? '       —' : pct(s.dailyWape)} ${pct(s.mape)} ${pct(s.bias)}`);
    }
    ctx.io.out(`Wrote ${points.length} ${intervalMin}-minute intervals to ${outPath}.`);
  },
};

/**
 * Daily drivers for the regression method, one column per driver: `date,mailings,promo_spend`. They must cover the
 * history and the forecast days.
 */
function readDrivers(path: string): { name: string; values: Record<string, number> }[] {
  const parsed = Papa.parse<Record<string, string>>(readTextFile(path, 'drivers'), { header: true, skipEmptyLines: true, transformHeader: (h) => h.trim() });
  const names = (parsed.meta.fields ?? []).filter((f) => f.toLowerCase() !== 'date');
  if (!parsed.meta.fields?.some((f) => f.toLowerCase() === 'date') || names.length === 0) throw new Error(`${path}: expected a header "date,<driver>[,<driver>…]"`);
  const drivers = names.map((name) => ({ name, values: {} as Record<string, number> }));
  parsed.data.forEach((row, i) => {
    const date = (row.date ?? row.Date ?? '').trim();
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) throw new Error(`${path}: line ${i + 2}: date "${date}" must look like 2026-11-16`);
    drivers.forEach((driver) => {
      const value = Number(row[driver.name]);
      if (row[driver.name] === undefined || row[driver.name].trim() === '' || !Number.isFinite(value)) throw new Error(`${path}: line ${i + 2}: ${driver.name} "${row[driver.name] ?? ''}" is not a number`);
      driver.values[date] = value;
    });
  });
  return drivers;
}

function existsInZone(start: string, zone: string): boolean {
  const at = DateTime.fromISO(start, { zone });
  return at.isValid && at.toFormat("yyyy-MM-dd'T'HH:mm") === start;
}

const r2 = (n: number) => String(Math.round(n * 100) / 100);
const pct = (n: number) => `${(n * 100).toFixed(2).padStart(7)}%`;
