/**
 * A short shock played at interval level against a week's schedule. The shock multiplies the volume of every
 * interval on its dates by (1 + x); the scheduled agents stay as they are. Then:
 *
 * - live queues: per interval, Erlang C (Erlang A with a patience) with the scheduled agents gives the service
 *   level and the average wait; the agents the target needs come from the same solver, and the difference is the
 *   extra agents (peak → temporary agents) and extra agent-hours (→ overtime hours) the shock calls for.
 * - deferred queues: the backlog engine works items oldest first with the scheduled agents. The shock's backlog is
 *   the excess over the unshocked run's backlog; it clears in the first interval i after the shock where that
 *   excess is gone, at (whole intervals before i) + (excess carried into i ÷ capacity of i) of an interval — the
 *   shock's items are older than the interval's arrivals, so they are worked first.
 */
import { dayNumberOf, parseStart } from '../forecast/calendar';
import type { ConcurrencyModel } from '../staffing/concurrency';
import { simulateDeferredBacklog } from '../staffing/deferred';
import { evaluateAgents, liveQueue } from '../staffing/liveQueue';
import { requiredPerInterval } from '../requirements/requirementsFor';
import { ScenarioInputError } from './schema';

export interface ShockQueue {
  name: string;
  kind: 'live' | 'deferred';
  intervalMin: number;
  /** Consecutive intervals, `YYYY-MM-DDTHH:mm`, covering the shock and the time after it (closed ones with volume 0). */
  starts: string[];
  volumes: number[];
  /** Scheduled (productive) agents per interval. */
  agents: number[];
  ahtSec: number;
  /** Live: target share answered within answerSec. */
  serviceLevel?: number;
  answerSec?: number;
  patienceSec?: number;
  concurrency?: ConcurrencyModel;
  /** Deferred: response-time target, seconds. */
  responseSec?: number;
  maxOccupancy?: number;
}

export interface IntervalShock {
  from: string;
  to: string;
  /** Relative change (3 = +300%). */
  value: number;
}

export interface ShockIntervalRow {
  start: string;
  inShock: boolean;
  baseVolume: number;
  volume: number;
  agents: number;
  /** Live queues. */
  serviceLevel?: number;
  baseServiceLevel?: number;
  asaSec?: number;
  requiredAgents?: number;
  /** Deferred queues, items at the end of the interval. */
  backlog?: number;
  baseBacklog?: number;
  overdue?: number;
}

export interface ShockView {
  queue: string;
  kind: 'live' | 'deferred';
  intervalMin: number;
  rows: ShockIntervalRow[];
  summary: {
    shockIntervals: number;
    extraContacts: number;
    /** Live: volume-weighted service level over the shock's intervals, scenario and without the shock. */
    serviceLevel?: number;
    baseServiceLevel?: number;
    lowestServiceLevel?: number;
    /** Volume-weighted over the shock's intervals where the queue is stable; null when it is stable in none. */
    averageWaitSec?: number | null;
    /** Live, Erlang C: intervals where the agents cannot keep up at all (agents ≤ traffic): the wait grows without bound. */
    unstableIntervals?: number;
    intervalsBelowTarget?: number;
    /** Live: Σ max(0, required − scheduled) × interval hours over the shock. */
    extraAgentHours?: number;
    peakExtraAgents?: number;
    /** Deferred. */
    peakBacklog?: number;
    backlogAtShockEnd?: number;
    /** Hours from the end of the shock until its backlog is worked off; null when not within the intervals given. */
    clearanceHours?: number | null;
    peakOverdue?: number;
  };
}

function shockMultipliers(queue: ShockQueue, shock: IntervalShock): number[] {
  const from = dayNumberOf(shock.from);
  const to = dayNumberOf(shock.to);
  return queue.starts.map((start) => {
    const day = parseStart(start).dayNumber;
    return day >= from && day <= to ? 1 + shock.value : 1;
  });
}

export function playShock(queue: ShockQueue, shock: IntervalShock): ShockView {
  const n = queue.starts.length;
  if (queue.volumes.length !== n || queue.agents.length !== n) throw new ScenarioInputError('intervals', `intervals: ${queue.name} needs one volume and one agent count per interval`);
  if (shock.value <= -1) throw new ScenarioInputError('value', 'value: a shock must be above −100%');
  const multipliers = shockMultipliers(queue, shock);
  const volumes = queue.volumes.map((v, i) => v * multipliers[i]);
  const inShock = multipliers.map((m, i) => m !== 1 || dayInRange(queue.starts[i], shock));
  const shockIndexes = inShock.flatMap((s, i) => (s ? [i] : []));
  const extraContacts = volumes.reduce((s, v, i) => s + v - queue.volumes[i], 0);
  return queue.kind === 'live' ? liveShock(queue, volumes, inShock, shockIndexes, extraContacts) : deferredShock(queue, volumes, inShock, shockIndexes, extraContacts);
}

function dayInRange(start: string, shock: IntervalShock): boolean {
  const day = parseStart(start).dayNumber;
  return day >= dayNumberOf(shock.from) && day <= dayNumberOf(shock.to);
}

function liveShock(queue: ShockQueue, volumes: number[], inShock: boolean[], shockIndexes: number[], extraContacts: number): ShockView {
  const answerSec = queue.answerSec ?? 20;
  const target = queue.serviceLevel ?? 0.8;
  const metricsAt = (contacts: number, agents: number) => {
    const q = liveQueue({ contacts, intervalMin: queue.intervalMin, ahtSec: queue.ahtSec, patienceSec: queue.patienceSec, concurrency: queue.concurrency });
    return { q, m: evaluateAgents(q, Math.max(0, Math.floor(agents)), answerSec) };
  };
  const hours = queue.intervalMin / 60;
  // What the shocked volumes need to meet the service-level target, through the requirements pipeline.
  const neededPerInterval = requiredPerInterval(volumes, {
    mode: 'live',
    intervalMin: queue.intervalMin,
    ahtSec: queue.ahtSec,
    ...(queue.patienceSec !== undefined && { patienceSec: queue.patienceSec }),
    ...(queue.concurrency !== undefined && { concurrency: queue.concurrency }),
    targets: { answerSec, serviceLevel: target },
  });
  let weighted = 0;
  let baseWeighted = 0;
  let waitWeighted = 0;
  let shockVolume = 0;
  let stableVolume = 0;
  let unstable = 0;
  let baseShockVolume = 0;
  let lowest = 1;
  let below = 0;
  let extraAgentHours = 0;
  let peakExtra = 0;
  const rows = queue.starts.map((start, i) => {
    const agents = queue.agents[i];
    const { m } = metricsAt(volumes[i], agents);
    const base = metricsAt(queue.volumes[i], agents).m;
    const needed = neededPerInterval[i];
    if (inShock[i] && volumes[i] > 0) {
      weighted += volumes[i] * m.serviceLevel;
      if (Number.isFinite(m.asaSec)) {
        waitWeighted += volumes[i] * m.asaSec;
        stableVolume += volumes[i];
      } else unstable++;
      shockVolume += volumes[i];
      baseWeighted += queue.volumes[i] * base.serviceLevel;
      baseShockVolume += queue.volumes[i];
      lowest = Math.min(lowest, m.serviceLevel);
      if (m.serviceLevel < target - 1e-9) below++;
      const extra = Math.max(0, needed - Math.floor(agents));
      extraAgentHours += extra * hours;
      peakExtra = Math.max(peakExtra, extra);
    }
    return {
      start,
      inShock: inShock[i],
      baseVolume: queue.volumes[i],
      volume: volumes[i],
      agents,
      serviceLevel: volumes[i] > 0 ? m.serviceLevel : 1,
      baseServiceLevel: queue.volumes[i] > 0 ? base.serviceLevel : 1,
      asaSec: volumes[i] > 0 ? m.asaSec : 0,
      requiredAgents: needed,
    };
  });
  return {
    queue: queue.name,
    kind: 'live',
    intervalMin: queue.intervalMin,
    rows,
    summary: {
      shockIntervals: shockIndexes.length,
      extraContacts,
      serviceLevel: shockVolume > 0 ? weighted / shockVolume : 1,
      baseServiceLevel: baseShockVolume > 0 ? baseWeighted / baseShockVolume : 1,
      lowestServiceLevel: lowest,
      averageWaitSec: stableVolume > 0 ? waitWeighted / stableVolume : null,
      unstableIntervals: unstable,
      intervalsBelowTarget: below,
      extraAgentHours,
      peakExtraAgents: peakExtra,
    },
  };
}

const CLEARED = 1e-6;

function deferredShock(queue: ShockQueue, volumes: number[], inShock: boolean[], shockIndexes: number[], extraContacts: number): ShockView {
  if (queue.responseSec === undefined) throw new ScenarioInputError('responseSec', `responseSec: deferred queue ${queue.name} needs a response-time target`);
  const work = { handleSec: queue.ahtSec, responseSec: queue.responseSec, intervalMin: queue.intervalMin, maxOccupancy: queue.maxOccupancy };
  const shocked = simulateDeferredBacklog(volumes, queue.agents, work);
  const base = simulateDeferredBacklog(queue.volumes, queue.agents, work);
  const rows: ShockIntervalRow[] = queue.starts.map((start, i) => ({
    start,
    inShock: inShock[i],
    baseVolume: queue.volumes[i],
    volume: volumes[i],
    agents: queue.agents[i],
    backlog: shocked[i].backlog,
    baseBacklog: base[i].backlog,
    overdue: shocked[i].overdue,
  }));
  const last = shockIndexes.length ? shockIndexes[shockIndexes.length - 1] : -1;
  const excess = (i: number) => shocked[i].backlog - base[i].backlog;
  let clearanceHours: number | null = null;
  if (last >= 0) {
    if (excess(last) <= CLEARED) clearanceHours = 0;
    else {
      for (let i = last + 1; i < shocked.length; i++) {
        if (excess(i) <= CLEARED) {
          const carried = excess(i - 1);
          const fraction = shocked[i].capacity > 0 ? Math.min(1, carried / shocked[i].capacity) : 1;
          clearanceHours = ((i - 1 - last + fraction) * queue.intervalMin) / 60;
          break;
        }
      }
    }
  }
  return {
    queue: queue.name,
    kind: 'deferred',
    intervalMin: queue.intervalMin,
    rows,
    summary: {
      shockIntervals: shockIndexes.length,
      extraContacts,
      peakBacklog: Math.max(0, ...shocked.map((r) => r.backlog)),
      backlogAtShockEnd: last >= 0 ? shocked[last].backlog : 0,
      clearanceHours,
      peakOverdue: Math.max(0, ...shocked.map((r) => r.overdue)),
    },
  };
}
