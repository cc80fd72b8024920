/**
 * Which forecast run feeds a queue's week, and that run's volumes (and handle times) on the week's days.
 *
 * The planner's choice for the week wins. Without one, the newest run that reaches the week and is not a backtest
 * is used: a run "as of" an earlier date is made to compare with what happened and is never picked implicitly, so
 * running one cannot silently replace the forecast a schedule was planned from.
 */
import type { Database } from 'better-sqlite3';
import type { ForecastRunSummary } from '../../shared/api/channels/forecast';
import { dayAdjustments, forecastPoints, getForecastRun, listForecastRuns } from '../../db/repositories/forecasts';
import { weekForecastChoices } from '../../db/repositories/weekForecastChoices';
import { countOf } from '../../shared/text/plural';

export type WeekRunCandidate = ForecastRunSummary & { daysInWeek: number };

export interface WeekRunSelection {
  /** The run used, if any. */
  run?: WeekRunCandidate;
  how: 'chosen' | 'automatic' | 'none';
  /** Runs of the queue that reach the week, newest first: what the planner may choose from. */
  candidates: WeekRunCandidate[];
  automaticRunId: number | null;
  chosenRunId: number | null;
  /** What was looked for, and why runs were passed over, for the message when nothing is used. */
  lookedFor: string;
}

export function daysOfRunIn(run: Pick<ForecastRunSummary, 'firstDay' | 'lastDay'>, dates: readonly string[]): string[] {
  return dates.filter((d) => d >= run.firstDay && d <= run.lastDay);
}

/** The run for one queue and week; `chosen` is the planner's stored choice (looked up when not given). */
export function selectWeekRun(db: Database, queue: { id: number; name: string }, dates: readonly string[], chosen = weekForecastChoices(db, dates[0]).get(queue.id)): WeekRunSelection {
  const runs = listForecastRuns(db, queue.id);
  const candidates = runs.map((r) => ({ ...r, daysInWeek: daysOfRunIn(r, dates).length })).filter((r) => r.daysInWeek > 0);
  const automatic = candidates.find((r) => !r.backtest);
  const chosenRun = chosen === undefined ? undefined : candidates.find((r) => r.id === chosen);
  const run = chosenRun ?? automatic;
  const passedOver = candidates.filter((r) => r.backtest).map((r) => `run #${r.id} is a backtest as of ${r.asOf} and is used only when chosen for the week`);
  const newestElsewhere = runs.find((r) => !r.backtest && !candidates.some((c) => c.id === r.id));
  if (newestElsewhere) passedOver.push(`the newest forecast, run #${newestElsewhere.id}, covers ${newestElsewhere.firstDay} to ${newestElsewhere.lastDay} only`);
  if (runs.length === 0) passedOver.push('the queue has no forecast runs yet');
  const lookedFor =
    `Looked for a forecast run of ${queue.name} reaching ${dates[0]} to ${dates[dates.length - 1]} that is not a backtest` +
    (passedOver.length ? ` (${passedOver.join('; ')})` : '') +
    ` and for this week's history.`;
  return { run, how: chosenRun ? 'chosen' : run ? 'automatic' : 'none', candidates, automaticRunId: automatic?.id ?? null, chosenRunId: chosenRun?.id ?? null, lookedFor };
}

/** One forecast interval of the week, on the run's own interval grid, with the planner's day totals applied. */
export interface ForecastWeekPoint {
  start: string;
  volume: number;
  ahtSec: number | null;
}

/**
 * The run's points on the week's days it covers, each day scaled to the planner's adjusted total when there is one
 * (its intervals keep the statistical shape). Days the run covers without a point are closed days.
 */
export function forecastWeekPoints(db: Database, run: ForecastRunSummary, dates: readonly string[]): { points: ForecastWeekPoint[]; days: string[] } {
  const days = daysOfRunIn(run, dates);
  if (days.length === 0) return { points: [], days };
  const stored = getForecastRun(db, run.id);
  const dayForecast = new Map((stored?.details.dailyTotals ?? []).map((t) => [t.date, t.forecast]));
  const adjustments = dayAdjustments(db, run.queueId, days[0], days[days.length - 1]);
  const scale = (date: string) => {
    const adjusted = adjustments.get(date);
    if (!adjusted) return 1;
    const statistical = dayForecast.get(date) ?? 0;
    return statistical > 0 ? adjusted.total / statistical : 0;
  };
  const covered = new Set(days);
  const points = forecastPoints(db, run.id)
    .filter((p) => covered.has(p.start.slice(0, 10)))
    .map((p) => ({ start: p.start, volume: Math.max(0, p.forecast * scale(p.start.slice(0, 10))), ahtSec: p.ahtSec }));
  return { points, days };
}

/** "#12 (combined, as of 2026-11-15, 7 days of the week)" — how a run is named to the planner. */
export function describeRun(run: WeekRunCandidate): string {
  return `#${run.id} (${run.method}, ${run.backtest ? 'backtest ' : ''}as of ${run.asOf}, ${countOf(run.daysInWeek, 'day')} of the week)`;
}
