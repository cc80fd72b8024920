import { DateTime } from 'luxon';
import { ApiError } from '../../shared/api/errors';
import type { ChannelStaffingSettings, RequirementRow, RequirementsResult, StaffingCurvePoint } from '../../shared/api/channels/staffing';
import { intervalRequirements, solveDeferredDay, solveStaffing, type StaffingInput } from '../../shared/engine/staffing';
import { deleteStaffingProfile, listStaffingProfiles, saveStaffingProfile } from '../../db/repositories/staffingProfiles';
import { getQueue, queueHistoryRange, queueIntervals, type StoredInterval } from '../../db/repositories/intervals';
import type { Handlers, ServiceContext } from './handlers';

type StaffingHandlers = Pick<
  Handlers,
  'staffing.solve' | 'staffing.deferredDay' | 'staffing.requirements' | 'staffing.profiles.list' | 'staffing.profiles.save' | 'staffing.profiles.delete'
>;

/** How far the service-level chart reaches either side of the answer. */
const CURVE_BELOW = 4;
const CURVE_ABOVE = 6;

export function staffingHandlers(ctx: ServiceContext): StaffingHandlers {
  return {
    'staffing.solve': (input) => {
      const result = solveStaffing(input);
      return { ...result, asaSec: finiteOrNull(result.asaSec), curve: serviceLevelCurve(input, result.agents) };
    },
    'staffing.deferredDay': (input) => solveDeferredDay(input),
    'staffing.requirements': ({ staffing, source }) => {
      if (source.kind === 'series') {
        const intervals = source.points.map((p) => ({ startLocal: p.start, utcOffsetMin: 0, status: 'open' as const, volume: p.volume, ahtSec: null }));
        return requirementsFor(intervals, { ...staffing, intervalMin: source.intervalMin });
      }
      const db = ctx.db();
      const queue = getQueue(db, source.queueId);
      if (!queue) throw new ApiError({ code: 'not_found', message: `Queue ${source.queueId} does not exist (reset or imported since?)`, issues: [{ path: 'source.queueId', message: 'Unknown queue' }] });
      const weekStart = source.weekStart ?? lastCompleteWeek(queueHistoryRange(db, queue.id)?.last);
      if (!weekStart) throw new ApiError({ code: 'not_found', message: `${queue.name} has no history yet: import interval volumes in the Data area.` });
      const monday = DateTime.fromISO(weekStart);
      if (!monday.isValid) throw new ApiError({ code: 'invalid_request', message: `Week start ${weekStart} is not a date`, issues: [{ path: 'source.weekStart', message: 'Not a date' }] });
      const intervals = queueIntervals(db, queue.id, weekStart, monday.plus({ days: 7 }).toISODate()!);
      return { ...requirementsFor(intervals, { ...staffing, intervalMin: queue.intervalMin }), weekStart, queueName: queue.name };
    },
    'staffing.profiles.list': () => listStaffingProfiles(ctx.db()),
    'staffing.profiles.save': (profile) => saveStaffingProfile(ctx.db(), profile),
    'staffing.profiles.delete': ({ id }) => ({ deleted: deleteStaffingProfile(ctx.db(), id) }),
  };
}

/** Service level, ASA, occupancy (and abandonment) for agent counts around the answer, for the chart. */
function serviceLevelCurve(input: StaffingInput, answer: number): StaffingCurvePoint[] {
  const from = Math.max(1, answer - CURVE_BELOW);
  const points: StaffingCurvePoint[] = [];
  for (let agents = from; agents <= answer + CURVE_ABOVE; agents++) {
    const r = solveStaffing({ ...input, agents, shrinkage: undefined });
    points.push({ agents, serviceLevel: r.serviceLevel, asaSec: finiteOrNull(r.asaSec), occupancy: r.occupancy, ...(r.pAbandon !== undefined && { pAbandon: r.pAbandon }) });
  }
  return points;
}

/**
 * Requirements per interval. Open intervals are solved together (deferred work carries its backlog across them);
 * closed intervals need nobody; missing ones stay unknown rather than being treated as zero.
 */
export function requirementsFor(
  intervals: StoredInterval[],
  staffing: ChannelStaffingSettings,
  /** Live channels: take each interval's own `ahtSec` (a forecast AHT) where it has one, else the settings' AHT. */
  useIntervalAht = false,
): Omit<RequirementsResult, 'weekStart' | 'queueName'> {
  const open = intervals.map((p, i) => ({ p, i })).filter(({ p }) => p.status === 'open');
  const intervalAht = useIntervalAht && staffing.mode === 'live' ? open.map(({ p }) => p.ahtSec) : undefined;
  const solved = intervalRequirements(open.map(({ p }) => p.volume ?? 0), staffing, intervalAht);
  const ahtOf = new Map(open.map(({ i }, k) => [i, intervalAht?.[k] ?? undefined]));
  const byIndex = new Map(open.map(({ i }, k) => [i, solved[k]]));
  const rows: RequirementRow[] = intervals.map((p, i) => {
    const r = byIndex.get(i);
    if (!r) return { start: p.startLocal, status: p.status, volume: null, required: p.status === 'closed' ? 0 : null, requiredExact: p.status === 'closed' ? 0 : null };
    return {
      start: p.startLocal,
      status: 'open',
      volume: r.volume,
      required: r.required,
      requiredExact: r.requiredExact,
      ...(ahtOf.get(i) != null && { ahtSec: ahtOf.get(i)! }),
      ...(r.rostered !== undefined && { rostered: r.rostered }),
      ...(r.metrics && { serviceLevel: r.metrics.serviceLevel, occupancy: r.metrics.occupancy }),
      ...(r.backlog !== undefined && { backlog: r.backlog }),
    };
  });
  const hoursPerInterval = staffing.intervalMin / 60;
  return {
    intervalMin: staffing.intervalMin,
    rows,
    requiredAgentHours: solved.reduce((sum, r) => sum + r.required * hoursPerInterval, 0),
    peakRequired: solved.reduce((max, r) => Math.max(max, r.required), 0),
    missingIntervals: intervals.filter((p) => p.status === 'missing').length,
  };
}

/** The Monday of the last full Monday–Sunday week that ends on or before the last day of history. */
export function lastCompleteWeek(lastLocal: string | undefined): string | undefined {
  if (!lastLocal) return undefined;
  const lastDay = DateTime.fromISO(lastLocal.slice(0, 10));
  const sunday = lastDay.weekday === 7 ? lastDay : lastDay.minus({ days: lastDay.weekday });
  return sunday.minus({ days: 6 }).toISODate() ?? undefined;
}

function finiteOrNull(value: number): number | null {
  return Number.isFinite(value) ? value : null;
}
