/**
 * The long-range forecast behind a capacity plan: weekly contact totals (and AHT) for 13–104 weeks, from DAILY
 * history. Deterministic, and simple enough to check in a spreadsheet:
 *
 * Weeks. Days are summed into Monday–Sunday weeks; only full weeks (all 7 days present; a closed day is a 0) are
 * used. t counts weeks from the first history week. The week of the year k = ⌊(day of year of the week's Thursday) ÷ 7⌋,
 * capped at 51, so k = 0 … 51 and a holiday falls in the same k every year.
 *
 * With 52+ full weeks (trend + yearly seasonality):
 * - trend: the mean of every 52 consecutive full weeks (a moving annual mean, free of seasonality) at its centre
 *   week; a straight line through their logarithms gives L(t) = exp(α + β·t) (β = 0 with a single window), so the
 *   annual growth is e^(52β) − 1;
 * - seasonality: S[k] = mean of volume(t) ÷ L(t) over the history weeks of week-of-year k (1 where k was never
 *   seen), scaled so the 52 indices average 1;
 * - forecast(t) = L(t) × S[k(t)] × event factor.
 * With fewer (a growth assumption g per year): level = mean of the last min(8, n) full weeks at their centre week
 * t₀; forecast(t) = level × (1 + g)^((t − t₀) ÷ 52) × event factor.
 * Event factor of a week = Π over known events (1 + uplift × days of the week the event covers ÷ 7).
 *
 * AHT per week = Σ(volume × AHT) ÷ Σ volume of its days. With 8+ weeks of AHT: a least-squares line through the last
 * 26 weeks' AHT, extrapolated and kept within ±50% of the last 8 weeks' mean (a two-year straight line must not run
 * away); with fewer, that mean. The caller may override it (`ahtSec`) and edit any week afterwards.
 *
 * Backtest: the same procedure on the history without its last `backtestWeeks` full weeks (13, or fewer so that 8
 * remain), scored on them with WAPE and bias (shared/engine/forecast/accuracy.ts).
 */
import { accuracyOf, addToTally, emptyTally } from '../forecast/accuracy';
import { dateOf, dayNumberOf, weekdayOf } from '../forecast/calendar';
import { fitLine } from '../forecast/methods/trend';

export interface DailyHistoryPoint {
  /** YYYY-MM-DD. */
  date: string;
  /** Contacts that day (0 on a closed day). */
  volume: number;
  /** Average handle time that day, seconds. */
  ahtSec?: number;
}

export interface LongRangeEvent {
  name: string;
  /** First and last day, YYYY-MM-DD (inclusive). */
  start: string;
  end: string;
  /** Volume uplift on the days covered, as a fraction: 0.2 = +20%, −0.5 = half the volume. */
  uplift: number;
}

export interface LongRangeForecastInput {
  history: DailyHistoryPoint[];
  /** Monday of the first forecast week (the plan's week 0). */
  startWeek: string;
  weeks: number;
  /** Growth per year used when there is less than a year of history (fraction: 0.05 = +5%/year). Default 0. */
  growthPerYear?: number;
  events?: LongRangeEvent[];
  /** Fixed AHT (seconds) for every week instead of the trend from history. */
  ahtSec?: number;
  /** Full weeks held out for the backtest (default 13, or fewer so that 8 weeks remain to learn from). */
  backtestWeeks?: number;
}

export type LongRangeMethod = 'trend-seasonal' | 'growth';

export interface LongRangeWeek {
  week: number;
  weekStart: string;
  volume: number;
  /** L(t), or the growth method's level × growth. */
  trend: number;
  /** S[k] (1 for the growth method). */
  seasonalIndex: number;
  weekOfYear: number;
  eventFactor: number;
  ahtSec: number;
}

export interface LongRangeForecast {
  method: LongRangeMethod;
  /** The formula with its fitted numbers, as shown beside the forecast. */
  formula: string;
  weeks: LongRangeWeek[];
  /** Full weeks of history used. */
  historyWeeks: number;
  annualGrowth: number;
  seasonality: {
    /** 52 indices (week of year 0–51), or null for the growth method. */
    indices: number[] | null;
    /** Peak-to-trough of the indices after a 3-week smoothing (0.3 = 30% of a mean week). */
    amplitude: number;
    /** A yearly pattern worth planning for: amplitude ≥ 10%, and where two years overlap their patterns agree. */
    detected: boolean;
  };
  aht: { method: 'trend' | 'mean' | 'fixed'; formula: string };
  backtest: { holdoutWeeks: number; method: LongRangeMethod; wape: number; bias: number } | null;
}

const WEEKS_PER_YEAR = 52;
const GROWTH_LEVEL_WEEKS = 8;
const AHT_TREND_WEEKS = 26;
const AHT_MIN_WEEKS = 8;
const AHT_MAX_DRIFT = 0.5;
const DEFAULT_BACKTEST_WEEKS = 13;
const MIN_TRAINING_WEEKS = 8;
const MIN_BACKTEST_WEEKS = 4;
const SEASONALITY_MIN_AMPLITUDE = 0.1;
const SEASONALITY_MIN_YEAR_CORRELATION = 0.3;

interface HistoryWeek {
  /** Weeks since the first history week. */
  t: number;
  monday: number;
  volume: number;
  /** Volume-weighted AHT, NaN without AHT data. */
  ahtSec: number;
}

export function longRangeForecast(input: LongRangeForecastInput): LongRangeForecast {
  const days = [...input.history].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  if (days.length === 0) throw new Error('history is empty: the long-range forecast needs daily totals');
  const startMonday = dayNumberOf(input.startWeek);
  if (weekdayOf(startMonday) !== 1) throw new Error(`startWeek ${input.startWeek} is not a Monday`);
  const full = fullWeeks(days);
  if (full.length === 0) throw new Error('history has no full Monday–Sunday week');

  const fit = fitVolume(full, input.growthPerYear ?? 0);
  const aht = fitAht(full, input.ahtSec);
  const firstMonday = full[0].monday;
  const weeks: LongRangeWeek[] = Array.from({ length: input.weeks }, (_, week) => {
    const monday = startMonday + week * 7;
    const t = (monday - firstMonday) / 7;
    const weekOfYear = weekOfYearOf(monday);
    const trend = fit.trend(t);
    const seasonalIndex = fit.indices ? fit.indices[weekOfYear] : 1;
    const eventFactor = eventFactorOf(monday, input.events ?? []);
    return { week, weekStart: dateOf(monday), volume: trend * seasonalIndex * eventFactor, trend, seasonalIndex, weekOfYear, eventFactor, ahtSec: aht.at(t) };
  });

  return {
    method: fit.method,
    formula: fit.formula,
    weeks,
    historyWeeks: full.length,
    annualGrowth: fit.annualGrowth,
    seasonality: seasonalityOf(fit.indices, full, fit.trend),
    aht: { method: aht.method, formula: aht.formula },
    backtest: backtest(days, full, input),
  };
}

/** Week of the year 0–51 from the week's Thursday, so a date's week keeps its number from year to year. */
export function weekOfYearOf(monday: number): number {
  const thursday = monday + 3;
  const date = dateOf(thursday);
  const dayOfYear = thursday - dayNumberOf(`${date.slice(0, 4)}-01-01`);
  return Math.min(WEEKS_PER_YEAR - 1, Math.floor(dayOfYear / 7));
}

function fullWeeks(days: DailyHistoryPoint[]): HistoryWeek[] {
  const byMonday = new Map<number, { count: number; volume: number; handled: number; timedVolume: number }>();
  const seen = new Set<number>();
  for (const day of days) {
    const dayNumber = dayNumberOf(day.date);
    if (seen.has(dayNumber)) throw new Error(`history has ${day.date} twice`);
    seen.add(dayNumber);
    if (!(day.volume >= 0)) throw new Error(`history ${day.date}: volume must be a number ≥ 0`);
    const monday = dayNumber - (weekdayOf(dayNumber) - 1);
    const week = byMonday.get(monday) ?? { count: 0, volume: 0, handled: 0, timedVolume: 0 };
    week.count++;
    week.volume += day.volume;
    if (day.ahtSec !== undefined && day.ahtSec > 0) {
      week.handled += day.volume * day.ahtSec;
      week.timedVolume += day.volume;
    }
    byMonday.set(monday, week);
  }
  const mondays = [...byMonday.keys()].filter((m) => byMonday.get(m)!.count === 7).sort((a, b) => a - b);
  return mondays.map((monday) => {
    const w = byMonday.get(monday)!;
    return { t: (monday - mondays[0]) / 7, monday, volume: w.volume, ahtSec: w.timedVolume > 0 ? w.handled / w.timedVolume : NaN };
  });
}

interface VolumeFit {
  method: LongRangeMethod;
  trend: (t: number) => number;
  indices: number[] | null;
  annualGrowth: number;
  formula: string;
}

function fitVolume(full: HistoryWeek[], growthPerYear: number): VolumeFit {
  const windows = annualWindows(full);
  if (full.length >= WEEKS_PER_YEAR && windows.length > 0) {
    const line = fitLine(windows.map((w) => w.centre), windows.map((w) => Math.log(w.mean)));
    const trend = (t: number) => Math.exp(line.intercept + line.slope * t);
    const sums = new Array<number>(WEEKS_PER_YEAR).fill(0);
    const counts = new Array<number>(WEEKS_PER_YEAR).fill(0);
    for (const w of full) {
      const k = weekOfYearOf(w.monday);
      sums[k] += w.volume / trend(w.t);
      counts[k]++;
    }
    const raw = sums.map((s, k) => (counts[k] > 0 ? s / counts[k] : 1));
    const mean = raw.reduce((s, v) => s + v, 0) / WEEKS_PER_YEAR;
    const indices = raw.map((v) => (mean > 0 ? v / mean : 1));
    const annualGrowth = Math.exp(WEEKS_PER_YEAR * line.slope) - 1;
    const formula = `volume(t) = exp(${round(line.intercept, 4)} + ${round(line.slope, 6)} × t) × S[week of year] × event factor; t = weeks since ${dateOf(full[0].monday)}; trend through ${windows.length} moving annual mean${windows.length === 1 ? '' : 's'} (${pct(annualGrowth)} a year); S from ${full.length} weeks`;
    return { method: 'trend-seasonal', trend, indices, annualGrowth, formula };
  }
  const recent = full.slice(-GROWTH_LEVEL_WEEKS);
  const level = recent.reduce((s, w) => s + w.volume, 0) / recent.length;
  const centre = (recent[0].t + recent[recent.length - 1].t) / 2;
  const trend = (t: number) => level * (1 + growthPerYear) ** ((t - centre) / WEEKS_PER_YEAR);
  const formula = `volume(t) = ${round(level, 1)} × (1 + ${growthPerYear})^((t − ${centre}) ÷ 52) × event factor; ${round(level, 1)} = mean of the last ${recent.length} full weeks; growth assumption ${pct(growthPerYear)} a year (less than 52 full weeks of history: ${full.length})`;
  return { method: 'growth', trend, indices: null, annualGrowth: growthPerYear, formula };
}

/** Means of every run of 52 consecutive full weeks, at their centre week. */
function annualWindows(full: HistoryWeek[]): { centre: number; mean: number }[] {
  const windows: { centre: number; mean: number }[] = [];
  for (let i = 0; i + WEEKS_PER_YEAR <= full.length; i++) {
    const first = full[i];
    const last = full[i + WEEKS_PER_YEAR - 1];
    if (last.t - first.t !== WEEKS_PER_YEAR - 1) continue; // a gap inside: not 52 consecutive weeks
    let sum = 0;
    for (let j = i; j < i + WEEKS_PER_YEAR; j++) sum += full[j].volume;
    if (sum > 0) windows.push({ centre: (first.t + last.t) / 2, mean: sum / WEEKS_PER_YEAR });
  }
  return windows;
}

function fitAht(full: HistoryWeek[], fixed: number | undefined): { method: 'trend' | 'mean' | 'fixed'; at: (t: number) => number; formula: string } {
  if (fixed !== undefined) return { method: 'fixed', at: () => fixed, formula: `AHT = ${fixed} s every week (set by the planner)` };
  const timed = full.filter((w) => Number.isFinite(w.ahtSec));
  if (timed.length === 0) throw new Error('history has no AHT: give ahtSec for the forecast weeks');
  const recent = timed.slice(-AHT_MIN_WEEKS);
  const recentMean = recent.reduce((s, w) => s + w.ahtSec, 0) / recent.length;
  if (timed.length < AHT_MIN_WEEKS) return { method: 'mean', at: () => recentMean, formula: `AHT = ${round(recentMean, 1)} s, the mean of the ${timed.length} weeks with AHT` };
  const window = timed.slice(-AHT_TREND_WEEKS);
  const line = fitLine(window.map((w) => w.t), window.map((w) => w.ahtSec));
  const lo = recentMean * (1 - AHT_MAX_DRIFT);
  const hi = recentMean * (1 + AHT_MAX_DRIFT);
  return {
    method: 'trend',
    at: (t) => Math.min(hi, Math.max(lo, line.intercept + line.slope * t)),
    formula: `AHT(t) = ${round(line.intercept, 2)} + ${round(line.slope, 4)} × t s (line through the last ${window.length} weeks), kept within ${round(lo, 1)}–${round(hi, 1)} s (±50% of the last ${recent.length} weeks' mean)`,
  };
}

function eventFactorOf(monday: number, events: LongRangeEvent[]): number {
  let factor = 1;
  for (const event of events) {
    const from = Math.max(monday, dayNumberOf(event.start));
    const to = Math.min(monday + 6, dayNumberOf(event.end));
    if (to >= from) factor *= 1 + (event.uplift * (to - from + 1)) / 7;
  }
  return factor;
}

function seasonalityOf(indices: number[] | null, full: HistoryWeek[], trend: (t: number) => number): LongRangeForecast['seasonality'] {
  if (!indices) return { indices: null, amplitude: 0, detected: false };
  const n = indices.length;
  const smoothed = indices.map((_, k) => (indices[(k + n - 1) % n] + indices[k] + indices[(k + 1) % n]) / 3);
  const amplitude = Math.max(...smoothed) - Math.min(...smoothed);
  // Where two years overlap, the same weeks of the year should rise and fall together.
  const firstYear = new Map<number, number>();
  const pairs: [number, number][] = [];
  for (const w of full) {
    const k = weekOfYearOf(w.monday);
    const ratio = w.volume / trend(w.t);
    const earlier = firstYear.get(k);
    if (earlier === undefined) firstYear.set(k, ratio);
    else pairs.push([earlier, ratio]);
  }
  const agrees = pairs.length < WEEKS_PER_YEAR / 2 || correlation(pairs) >= SEASONALITY_MIN_YEAR_CORRELATION;
  return { indices, amplitude, detected: amplitude >= SEASONALITY_MIN_AMPLITUDE && agrees };
}

function backtest(days: DailyHistoryPoint[], full: HistoryWeek[], input: LongRangeForecastInput): LongRangeForecast['backtest'] {
  // By default up to 13 weeks, fewer when that would leave under 8 weeks to learn from; under 4 is no test at all.
  const holdoutWeeks = input.backtestWeeks ?? Math.min(DEFAULT_BACKTEST_WEEKS, full.length - MIN_TRAINING_WEEKS);
  if (holdoutWeeks < MIN_BACKTEST_WEEKS || full.length - holdoutWeeks < MIN_TRAINING_WEEKS) return null;
  const holdout = full.slice(-holdoutWeeks);
  const cutoff = dateOf(holdout[0].monday);
  const training = days.filter((d) => d.date < cutoff);
  const trainingFull = fullWeeks(training);
  const fit = fitVolume(trainingFull, input.growthPerYear ?? 0);
  const tally = emptyTally();
  for (const w of holdout) {
    const t = (w.monday - trainingFull[0].monday) / 7;
    const forecast = fit.trend(t) * (fit.indices ? fit.indices[weekOfYearOf(w.monday)] : 1) * eventFactorOf(w.monday, input.events ?? []);
    addToTally(tally, forecast, w.volume);
  }
  const { wape, bias } = accuracyOf(tally);
  return { holdoutWeeks: holdout.length, method: fit.method, wape, bias };
}

function correlation(pairs: [number, number][]): number {
  const n = pairs.length;
  const ma = pairs.reduce((s, p) => s + p[0], 0) / n;
  const mb = pairs.reduce((s, p) => s + p[1], 0) / n;
  let sab = 0;
  let saa = 0;
  let sbb = 0;
  for (const [a, b] of pairs) {
    sab += (a - ma) * (b - mb);
    saa += (a - ma) ** 2;
    sbb += (b - mb) ** 2;
  }
  return saa > 0 && sbb > 0 ? sab / Math.sqrt(saa * sbb) : 0;
}

const round = (value: number, digits: number) => Number(value.toFixed(digits));
const pct = (fraction: number) => `${round(fraction * 100, 1)}%`;
