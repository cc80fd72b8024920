/**
 * A capacity plan's demand, assembled from the workspace: per queue and week, contacts and AHT from the long-range
 * forecast over the daily history (shared/engine/plan/longRangeForecast.ts), and for live queues (phone, chat) the required FTE
 * from the interval pipeline:
 *
 *   interval volume = week contacts × the queue's share of the week in that interval (its history's pattern)
 *   agents(t)       = Erlang (C, or A with a patience) for that volume, the week's AHT and the queue's targets
 *   required FTE    = Σ_t agents(t) × interval hours ÷ hoursPerFte ÷ (1 − shrinkage)
 *
 * Erlang already holds occupancy to its cap, so live queues are not divided by the plan's occupancy again; deferred
 * queues (email, tickets) use the plan's capacity equation. Interval requirements are cached by (volume, AHT) in the requirements pipeline (shared/engine/requirements/patternWeeks.ts),
 * which keeps a 104-week plan at a few thousand Erlang solves.
 */
import { dayNumberOf, weekdayOf } from '../../shared/engine/forecast/calendar';
import type { Database } from 'better-sqlite3';
import type { PlanDocument, PlanQueueInfo } from '../../shared/api/channels/plan';
import type { QueueSummary } from '../../shared/api/types';
import type { PlanQueue } from '../../shared/engine/plan/types';
import { createQueueEvaluator, liveQueue, type LiveChannelStaffing } from '../../shared/engine/staffing';
import { queueIntervals, queueHistoryRange } from '../../db/repositories/intervals';
import { listStaffingProfiles } from '../../db/repositories/staffingProfiles';
import { dailyHistory, dailyVolumesStamp, type DailyTotal } from '../../db/repositories/plans';
import { describeStaffing, intervalAgentsSolver, patternWeekAgents, queueStaffing, STAFFING_DEFAULTS } from '../../shared/engine/requirements';
import { forecastWeeklyContacts } from './planForecast';
import { addDays, minuteOfTimestamp } from '../../shared/calendar/days';

/** The plan's interval for Erlang: 30 minutes, as the weekly Schedule defaults to. */
export const PLAN_INTERVAL_MIN = 30;
const SLOTS_PER_WEEK = (7 * 1440) / PLAN_INTERVAL_MIN;

export interface LiveQueueModel {
  queueName: string;
  staffing: LiveChannelStaffing;
  /** Share of the week's contacts in each 30-minute slot (Monday 00:00 first); sums to 1. */
  pattern: Float64Array;
  /** Per plan week: agents required per slot (at the week's AHT) and the AHT used. */
  weeks: { agents: Int32Array; volume: number; ahtSec: number }[];
}

export interface AssembledDemand {
  queues: PlanQueue[];
  info: PlanQueueInfo[];
  live: LiveQueueModel[];
}

/** Week index → Monday date. */
export function planWeekStarts(startWeek: string, weeks: number): string[] {
  return Array.from({ length: weeks }, (_, w) => addDays(startWeek, 7 * w));
}

export function shrinkageOfWeek(doc: PlanDocument, week: number): number {
  return doc.weekAssumptions[week]?.shrinkage ?? doc.shrinkage;
}

export function assembleDemand(db: Database, queues: QueueSummary[], startWeek: string, weeks: number, doc: PlanDocument): AssembledDemand {
  const profiles = listStaffingProfiles(db);
  const result: AssembledDemand = { queues: [], info: [], live: [] };
  for (const queue of queues) {
    const { history, pattern: historyPattern } = queueHistory(db, queue);
    const forecast = forecastWeeklyContacts(history, startWeek, weeks, doc.growthPerYear);
    const fallbackAht = queue.meanAhtSec ?? STAFFING_DEFAULTS.fallbackAhtSec;
    const { staffing, profile } = queueStaffing(profiles, queue, PLAN_INTERVAL_MIN);
    const volumes = forecast.volumes.map((v, w) => Math.max(0, v * (1 + (doc.weekAssumptions[w]?.volumeChange ?? 0))));
    const ahts = volumes.map((_, w) => (forecast.ahts[w] ?? fallbackAht) * (1 + (doc.weekAssumptions[w]?.ahtChange ?? 0)));

    if (staffing.mode === 'live') {
      const pattern = historyPattern;
      const solve = intervalAgentsSolver(staffing, PLAN_INTERVAL_MIN);
      const model: LiveQueueModel = { queueName: queue.name, staffing, pattern, weeks: [] };
      const demand = volumes.map((volume, w) => {
        const { agents, agentIntervals: agentSlots } = patternWeekAgents(pattern, volume, ahts[w], solve);
        model.weeks.push({ agents, volume, ahtSec: ahts[w] });
        const shrinkage = shrinkageOfWeek(doc, w);
        const requiredFte = (agentSlots * (PLAN_INTERVAL_MIN / 60)) / doc.hoursPerFte / (1 - shrinkage);
        return { volume, ahtSec: ahts[w], shrinkage, requiredFte };
      });
      result.live.push(model);
      result.queues.push({ name: queue.name, kind: 'live', demand });
    } else {
      result.queues.push({
        name: queue.name,
        kind: 'deferred',
        demand: volumes.map((volume, w) => ({ volume, ahtSec: ahts[w], shrinkage: shrinkageOfWeek(doc, w) })),
      });
    }
    result.info.push({
      name: queue.name,
      channel: queue.channel,
      kind: staffing.mode === 'live' ? 'live' : 'deferred',
      forecastMethod: forecast.method,
      historyDays: history.length,
      staffingSummary:
        staffing.mode === 'live'
          ? `${describeStaffing(staffing)} per ${PLAN_INTERVAL_MIN}-min interval over the history's weekly pattern${profile ? ` (profile “${profile.name}”)` : ''}; AHT per week from the history's trend`
          : 'capacity equation; AHT per week from the history’s trend',
      seasonalityDetected: forecast.seasonalityDetected,
    });
  }
  return result;
}

/**
 * The projected service level of a live queue in one week with `ratio` × the required agents on the floor in every
 * interval (rounded down): volume-weighted over the week's open intervals.
 */
export function weekServiceLevel(model: LiveQueueModel, week: number, ratio: number): number | null {
  const w = model.weeks[week];
  if (!w || w.volume <= 0) return null;
  const { staffing } = model;
  let answered = 0;
  let offered = 0;
  for (let t = 0; t < SLOTS_PER_WEEK; t++) {
    const contacts = w.volume * model.pattern[t];
    if (contacts <= 0) continue;
    const agents = Math.floor(w.agents[t] * ratio + 1e-9);
    const queue = liveQueue({ contacts, intervalMin: PLAN_INTERVAL_MIN, ahtSec: w.ahtSec, patienceSec: staffing.patienceSec, concurrency: staffing.concurrency });
    const sl = agents <= 0 ? 0 : createQueueEvaluator(queue, staffing.targets.answerSec)(agents).serviceLevel;
    answered += sl * contacts;
    offered += contacts;
  }
  return offered > 0 ? answered / offered : null;
}

/**
 * The history a plan reads does not change while a planner edits the plan, so it is read once per queue and state
 * of the data (the key changes with any import or reset); planners then see each edit re-projected at once.
 */
const historyCache = new Map<string, { history: DailyTotal[]; pattern: Float64Array }>();
function queueHistory(db: Database, queue: QueueSummary): { history: DailyTotal[]; pattern: Float64Array } {
  const key = `${db.name}|${queue.id}|${queue.historyFrom}|${queue.historyTo}|${queue.totalVolume}|${queue.openIntervals}|${dailyVolumesStamp(db, queue.id)}`;
  let entry = historyCache.get(key);
  if (!entry) {
    if (historyCache.size > 50) historyCache.clear();
    entry = { history: dailyHistory(db, queue.id), pattern: weekPattern(db, queue) };
    historyCache.set(key, entry);
  }
  return entry;
}

/**
 * The queue's share of a week's contacts per 30-minute slot, from its interval history (every full or partial week
 * counts; missing intervals are left out). Slots never open in the history get 0.
 */
export function weekPattern(db: Database, queue: Pick<QueueSummary, 'id'>): Float64Array {
  const pattern = new Float64Array(SLOTS_PER_WEEK);
  const range = queueHistoryRange(db, queue.id);
  if (!range) return pattern;
  const to = addDays(range.last.slice(0, 10), 1);
  for (const p of queueIntervals(db, queue.id, range.first, to)) {
    if (p.status !== 'open' || !p.volume) continue;
    const weekday = weekdayOf(dayNumberOf(p.startLocal.slice(0, 10))) - 1;
    const minute = minuteOfTimestamp(p.startLocal);
    pattern[weekday * (1440 / PLAN_INTERVAL_MIN) + Math.floor(minute / PLAN_INTERVAL_MIN)] += p.volume;
  }
  const total = pattern.reduce((s, v) => s + v, 0);
  if (total > 0) for (let t = 0; t < SLOTS_PER_WEEK; t++) pattern[t] /= total;
  return pattern;
}
