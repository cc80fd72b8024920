/**
 * A short shock on one week at interval level: each queue's volume per interval (that week's history, else its
 * latest forecast) multiplied on the shock's dates, against the agents on the floor per interval from the week's
 * published schedule, else its latest draft, else — when the week has no schedule — the agents the unshocked week
 * requires in each interval (as if a schedule met its requirement exactly). A channel's agents are shared between its
 * queues in proportion to their workload in each interval (volume × handle time).
 */
import { DateTime } from 'luxon';
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
import { defaultStaffing, weekDates } from './scheduleRequirements';
import { deferredRequirements } from '../../shared/engine/staffing/deferred';
import { liveQueue } from '../../shared/engine/staffing/liveQueue';
import { requiredAgents } from '../../shared/engine/staffing/solvers';

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

/** Agents the unshocked volumes need per interval: the stand-in for a schedule the week does not have yet. */
function requiredPerInterval(volumes: Float64Array, staffing: ChannelStaffingSettings, intervalMin: number): number[] {
  if (staffing.mode === 'deferred') {
    return deferredRequirements(Array.from(volumes), { handleSec: staffing.handleSec, responseSec: staffing.responseSec, intervalMin, maxOccupancy: staffing.maxOccupancy }).map((r) => r.agents);
  }
  return Array.from(volumes, (contacts) =>
    contacts > 0 ? requiredAgents(liveQueue({ contacts, intervalMin, ahtSec: staffing.ahtSec, patienceSec: staffing.patienceSec, concurrency: staffing.concurrency }), staffing.targets).agents : 0,
  );
}

/** Volume per grid interval of the week: history where the week has any, else the latest forecast. */
function weekVolumes(db: Database, queue: { id: number; intervalMin: number }, weekStart: string, intervalMin: number): { volumes: Float64Array; source: string } | null {
  const dates = weekDates(weekStart);
  const slotsPerDay = 1440 / intervalMin;
  const volumes = new Float64Array(7 * slotsPerDay);
  const place = (start: string, value: number, pointMin: number) => {
    const day = dates.indexOf(start.slice(0, 10));
    if (day < 0) return;
    const minute = Number(start.slice(11, 13)) * 60 + Number(start.slice(14, 16));
    const parts = Math.max(1, pointMin / intervalMin);
    for (let k = 0; k < parts; k++) {
      const slot = Math.floor((minute + k * intervalMin) / intervalMin);
      if (slot < slotsPerDay) volumes[day * slotsPerDay + slot] += value / parts;
    }
  };
  const history = queueIntervals(db, queue.id, weekStart, DateTime.fromISO(weekStart).plus({ days: 7 }).toISODate()!).filter((p) => p.status === 'open');
  if (history.length > 0) {
    for (const p of history) place(p.startLocal, p.volume ?? 0, queue.intervalMin);
    return { volumes, source: 'history' };
  }
  const run = listForecastRuns(db, queue.id)[0];
  const points = run ? forecastPoints(db, run.id).filter((p) => dates.includes(p.start.slice(0, 10))) : [];
  if (run && points.length > 0) {
    for (const p of points) place(p.start, p.forecast, run.intervalMin);
    return { volumes, source: `forecast run ${run.id} (${run.method})` };
  }
  // Neither: the latest full week of history stands in for it, day for day (a week ahead not forecast yet).
  const range = queueHistoryRange(db, queue.id);
  if (!range) return null;
  const last = DateTime.fromISO(range.last.slice(0, 10));
  const lastFullMonday = last.minus({ days: last.weekday - 1 }).minus({ weeks: last.weekday === 7 ? 0 : 1 });
  const standIn = queueIntervals(db, queue.id, lastFullMonday.toISODate()!, lastFullMonday.plus({ days: 7 }).toISODate()!).filter((p) => p.status === 'open');
  if (standIn.length === 0) return null;
  const shift = Math.round(DateTime.fromISO(weekStart).diff(lastFullMonday, 'days').days);
  for (const p of standIn) place(`${DateTime.fromISO(p.startLocal.slice(0, 10)).plus({ days: shift }).toISODate()}${p.startLocal.slice(10)}`, p.volume ?? 0, queue.intervalMin);
  return { volumes, source: `no history or forecast for this week: the week of ${lastFullMonday.toISODate()} from history stands in` };
}

function staffingOf(db: Database, queue: { name: string; channel: string; meanAhtSec: number | null }, intervalMin: number): ChannelStaffingSettings {
  const profile = listStaffingProfiles(db)
    .filter((p) => p.queueName === queue.name && p.channel === queue.channel)
    .sort((a, b) => b.updatedAt.localeCompare(a.updatedAt))[0];
  return { ...(profile?.settings ?? defaultStaffing(queue as Parameters<typeof defaultStaffing>[0], intervalMin)), intervalMin } as ChannelStaffingSettings;
}

export function shockWeek(db: Database, request: ShockRequest): ShockWeekView {
  if (DateTime.fromISO(request.weekStart).weekday !== 1) throw new ApiError({ code: 'invalid_request', message: `Week start ${request.weekStart} is not a Monday`, issues: [{ path: 'weekStart', message: 'Not a Monday' }] });
  const dates = weekDates(request.weekStart);
  if (request.to < dates[0] || request.from > dates[6]) throw new ApiError({ code: 'invalid_request', message: `The shock (${request.from} to ${request.to}) does not touch the week of ${request.weekStart}`, issues: [{ path: 'from', message: 'Outside the week' }] });
  const staff = agentsBySkill(db, request.weekStart);
  const queues = queueSummaries(db).filter((q) => !request.queueIds?.length || request.queueIds.includes(q.id));
  const loaded = queues.flatMap((queue) => {
    const volumes = weekVolumes(db, queue, request.weekStart, staff.intervalMin);
    return volumes ? [{ queue, ...volumes, staffing: staffingOf(db, queue, staff.intervalMin) }] : [];
  });
  if (loaded.length === 0) throw new ApiError({ code: 'not_found', message: `No queue has history or a forecast for the week of ${request.weekStart}` });
  const slots = 7 * (1440 / staff.intervalMin);
  const starts = Array.from({ length: slots }, (_, t) => {
    const day = Math.floor(t / (1440 / staff.intervalMin));
    const minute = (t % (1440 / staff.intervalMin)) * staff.intervalMin;
    return `${dates[day]}T${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;
  });
  const handleOf = (s: ChannelStaffingSettings) => (s.mode === 'live' ? s.ahtSec : s.handleSec);
  const views = loaded.map(({ queue, volumes, staffing }) => {
    const sameChannel = loaded.filter((l) => l.queue.channel === queue.channel);
    if (!staff.bySkill) return playShock(shockQueueOf(queue, staffing, starts, volumes, requiredPerInterval(volumes, staffing, staff.intervalMin), staff.intervalMin), request);
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
