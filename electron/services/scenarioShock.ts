/**
 * A short shock on one week at interval level: each queue's volume per interval (that week's history, else its
 * latest forecast) multiplied on the shock's dates, against the agents on the floor per interval from the week's
 * published schedule, else its latest draft, else — when the week has no schedule — the agents the unshocked week
 * requires in each interval (as if a schedule met its requirement exactly). A channel's agents are shared between its
 * queues in proportion to their workload in each interval (volume × handle time).
 */
import type { Database } from 'better-sqlite3';
import { ApiError } from '../../shared/api/errors';
import type { ShockWeekView } from '../../shared/api/channels/scenario';
import { toAssignment } from '../../shared/api/channels/schedule';
import type { ChannelStaffingSettings } from '../../shared/api/channels/staffing';
import { computeCoverage } from '../../shared/engine/schedule/coverage';
import { playShock, type ShockQueue } from '../../shared/engine/scenario';
import { queueHistoryRange, queueIntervals } from '../../db/repositories/intervals';
import { forecastPoints, listForecastRuns } from '../../db/repositories/forecasts';
import { getSchedule, listSchedules, listShifts } from '../../db/repositories/schedules';
import { listStaffingProfiles } from '../../db/repositories/staffingProfiles';
import { queueSummaries } from '../../db/repositories/workspace';
import { lastCompleteWeek, queueStaffing, requiredPerInterval, volumesOnGrid } from '../../shared/engine/requirements';
import { addDays, localTimestamp, weekDates } from '../../shared/calendar/days';
import { weekdayOfDate } from '../../shared/engine/schedule/time';
import type { QueueInterval } from '../../shared/model';

const GRID_MIN = 30;

interface ShockRequest {
  weekStart: string;
  from: string;
  to: string;
  value: number;
  queueIds?: number[];
}

function agentsBySkill(db: Database, weekStart: string): { source: string; intervalMin: number; bySkill: Map<string, Float64Array> | null } {
  const schedules = listSchedules(db, weekStart);
  const chosen = schedules.filter((s) => s.status === 'published').sort((a, b) => b.version - a.version)[0] ?? schedules.sort((a, b) => b.version - a.version)[0];
  if (chosen) {
    const stored = getSchedule(db, chosen.id)!;
    const coverage = computeCoverage(stored.requirements, listShifts(db, chosen.id).map(toAssignment));
    return {
      source: `${chosen.status === 'published' ? 'published' : 'draft'} schedule version ${chosen.version} of the week (agents working, breaks excluded)`,
      intervalMin: coverage.intervalMinutes,
      bySkill: new Map(coverage.skills.map((s) => [s.skill, s.scheduled])),
    };
  }
  return { source: 'no schedule for this week yet: the agents the unshocked week requires in each interval (as if a schedule met its requirement exactly)', intervalMin: GRID_MIN, bySkill: null };
}

/** Volume per grid interval of the week: history where the week has any, else the latest forecast. */
function weekVolumes(db: Database, queue: { id: number; intervalMin: number }, weekStart: string, intervalMin: number): { volumes: Float64Array; source: string } | null {
  const dates = weekDates(weekStart);
  const openVolumes = (intervals: QueueInterval[]) => intervals.filter((p) => p.status === 'open').map((p) => ({ start: p.startLocal, volume: p.volume ?? 0 }));
  const history = openVolumes(queueIntervals(db, queue.id, weekStart, addDays(weekStart, 7)));
  if (history.length > 0) return { volumes: volumesOnGrid(dates, intervalMin, history, queue.intervalMin), source: 'history' };
  const run = listForecastRuns(db, queue.id)[0];
  const points = run ? forecastPoints(db, run.id).filter((p) => dates.includes(p.start.slice(0, 10))) : [];
  if (run && points.length > 0) {
    return { volumes: volumesOnGrid(dates, intervalMin, points.map((p) => ({ start: p.start, volume: p.forecast })), run.intervalMin), source: `forecast run ${run.id} (${run.method})` };
  }
  // Neither: the latest full week of history stands in for it, day for day (a week ahead not forecast yet).
  const standInMonday = lastCompleteWeek(queueHistoryRange(db, queue.id)?.last);
  if (!standInMonday) return null;
  const standIn = openVolumes(queueIntervals(db, queue.id, standInMonday, addDays(standInMonday, 7)));
  if (standIn.length === 0) return null;
  return {
    volumes: volumesOnGrid(weekDates(standInMonday), intervalMin, standIn, queue.intervalMin),
    source: `no history or forecast for this week: the week of ${standInMonday} from history stands in`,
  };
}

export function shockWeek(db: Database, request: ShockRequest): ShockWeekView {
  if (weekdayOfDate(request.weekStart) !== 0) throw new ApiError({ code: 'invalid_request', message: `Week start ${request.weekStart} is not a Monday`, issues: [{ path: 'weekStart', message: 'Not a Monday' }] });
  const dates = weekDates(request.weekStart);
  if (request.to < dates[0] || request.from > dates[6]) throw new ApiError({ code: 'invalid_request', message: `The shock (${request.from} to ${request.to}) does not touch the week of ${request.weekStart}`, issues: [{ path: 'from', message: 'Outside the week' }] });
  const staff = agentsBySkill(db, request.weekStart);
  const queues = queueSummaries(db).filter((q) => !request.queueIds?.length || request.queueIds.includes(q.id));
  const profiles = listStaffingProfiles(db);
  const loaded = queues.flatMap((queue) => {
    const volumes = weekVolumes(db, queue, request.weekStart, staff.intervalMin);
    return volumes ? [{ queue, ...volumes, staffing: queueStaffing(profiles, queue, staff.intervalMin).staffing }] : [];
  });
  if (loaded.length === 0) throw new ApiError({ code: 'not_found', message: `No queue has history or a forecast for the week of ${request.weekStart}` });
  const slots = 7 * (1440 / staff.intervalMin);
  const starts = Array.from({ length: slots }, (_, t) => {
    const day = Math.floor(t / (1440 / staff.intervalMin));
    return localTimestamp(dates[day], (t % (1440 / staff.intervalMin)) * staff.intervalMin);
  });
  const handleOf = (s: ChannelStaffingSettings) => (s.mode === 'live' ? s.ahtSec : s.handleSec);
  const views = loaded.map(({ queue, volumes, staffing }) => {
    const sameChannel = loaded.filter((l) => l.queue.channel === queue.channel);
    if (!staff.bySkill) return playShock(shockQueueOf(queue, staffing, starts, volumes, requiredPerInterval(Array.from(volumes), staffing), staff.intervalMin), request);
    const skillAgents = staff.bySkill.get(queue.channel) ?? new Float64Array(slots);
    const agents = Array.from({ length: slots }, (_, t) => {
      const workload = (l: (typeof loaded)[number]) => l.volumes[t] * handleOf(l.staffing);
      const total = sameChannel.reduce((s, l) => s + workload(l), 0);
      const share = sameChannel.length === 1 ? 1 : total > 0 ? (volumes[t] * handleOf(staffing)) / total : 1 / sameChannel.length;
      return (skillAgents[t] ?? 0) * share;
    });
    return playShock(shockQueueOf(queue, staffing, starts, volumes, agents, staff.intervalMin), request);
  });
  return {
    weekStart: request.weekStart,
    staffSource: staff.source,
    volumeSource: loaded.map((l) => `${l.queue.name}: ${l.source}`).join('; '),
    views,
  };
}

function shockQueueOf(queue: { name: string }, staffing: ChannelStaffingSettings, starts: string[], volumes: Float64Array, agents: number[], intervalMin: number): ShockQueue {
  return staffing.mode === 'live'
    ? { name: queue.name, kind: 'live', intervalMin, starts, volumes: Array.from(volumes), agents, ahtSec: staffing.ahtSec, serviceLevel: staffing.targets.serviceLevel, answerSec: staffing.targets.answerSec, patienceSec: staffing.patienceSec, concurrency: staffing.concurrency }
    : { name: queue.name, kind: 'deferred', intervalMin, starts, volumes: Array.from(volumes), agents, ahtSec: staffing.handleSec, responseSec: staffing.responseSec, maxOccupancy: staffing.maxOccupancy };
}
