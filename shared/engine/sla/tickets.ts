/**
 * What imported tickets say for SLA planning: the backlog (tickets open over 24 h), the priority × tier mix with
 * organizations mapped to tiers, and the typical week of arrivals from the created times.
 */
import { ZoneClock } from '../../import/zoneClock';
import { addDays } from '../../calendar/days';
import { HOURS_PER_WEEK, typicalWeekFromSeries } from './businessHours';
import { mixFromCounts, type SlaMix } from './mix';
import type { CustomerTier, Priority } from './policy';

const HOUR_MS = 3_600_000;
/** A ticket counts in the backlog once it has been open this long. */
export const BACKLOG_AGE_HOURS = 24;

export interface TicketTimes {
  createdUtcMs: readonly number[];
  /** Null: still open when exported. */
  solvedUtcMs: readonly (number | null)[];
}

/** Tickets created at least 24 h before `atUtcMs` and not solved by then. */
export function backlogAt(tickets: TicketTimes, atUtcMs: number): number {
  const createdBy = atUtcMs - BACKLOG_AGE_HOURS * HOUR_MS;
  let open = 0;
  for (let i = 0; i < tickets.createdUtcMs.length; i++) {
    const solved = tickets.solvedUtcMs[i];
    if (tickets.createdUtcMs[i] <= createdBy && (solved === null || solved > atUtcMs)) open++;
  }
  return open;
}

/** The moment an export reflects: its latest created or solved time. */
export function exportAsOf(tickets: TicketTimes): number | null {
  let latest: number | null = null;
  tickets.createdUtcMs.forEach((created, i) => {
    const t = Math.max(created, tickets.solvedUtcMs[i] ?? created);
    if (latest === null || t > latest) latest = t;
  });
  return latest;
}

/** 'YYYY-MM-DD' of an instant in the zone. */
function localDate(clock: ZoneClock, utcMs: number): string {
  return new Date(utcMs + clock.offsetAt(utcMs) * 60_000).toISOString().slice(0, 10);
}

/** The instant of local midnight starting `date` in the zone. */
function localMidnight(clock: ZoneClock, date: string): number {
  return clock.resolveWallClock(Date.parse(`${date}T00:00:00Z`));
}

/**
 * The backlog at the end of each local day (midnight) from the first ticket's day up to `asOfUtcMs`, the last
 * point being `asOfUtcMs` itself; at most `maxDays` points, the latest kept.
 */
export function dailyBacklog(tickets: TicketTimes, asOfUtcMs: number, zone: string, maxDays = 90): { date: string; backlog: number }[] {
  if (tickets.createdUtcMs.length === 0) return [];
  const clock = new ZoneClock(zone);
  const lastDate = localDate(clock, asOfUtcMs);
  // A loop, not Math.min(...): a spread of a million arguments overflows the stack.
  const firstCreated = tickets.createdUtcMs.reduce((low, t) => (t < low ? t : low), Infinity);
  let firstDate = localDate(clock, firstCreated);
  if (addDays(lastDate, -(maxDays - 1)) > firstDate) firstDate = addDays(lastDate, -(maxDays - 1));
  const points: { date: string; backlog: number }[] = [];
  for (let date = firstDate; date <= lastDate; date = addDays(date, 1)) {
    const end = date === lastDate ? asOfUtcMs : localMidnight(clock, addDays(date, 1));
    points.push({ date, backlog: backlogAt(tickets, end) });
  }
  return points;
}

/**
 * Organizations onto the policy's tiers: an organization named like a tier (its id or name, any case, e.g.
 * "Enterprise" or "enterprise customers") goes to that tier; others are left for the planner (null).
 */
export function suggestTierMapping(organizations: readonly string[], tiers: readonly CustomerTier[]): Record<string, string | null> {
  const words = (text: string) => text.toLowerCase().split(/[^a-z0-9]+/).filter(Boolean);
  return Object.fromEntries(
    organizations.map((organization) => {
      const own = words(organization).join(' ');
      const tier = tiers.find((t) => own === t.id.toLowerCase() || own === words(t.name).join(' ')) ?? tiers.find((t) => ` ${own} `.includes(` ${words(t.name).join(' ')} `));
      return [organization, tier?.id ?? null];
    }),
  );
}

export interface TicketMixEstimate {
  /** Null when no ticket falls in a cell of the policy. */
  mix: SlaMix | null;
  counts: { priority: Priority; tier: string; tickets: number }[];
  ticketsCounted: number;
  /** Tickets whose priority the policy does not cover, by priority. */
  outsidePolicy: { priority: Priority; tickets: number }[];
  /** Tickets of organizations with no tier (or a tier the policy does not have), by organization. */
  unmapped: { organization: string; tickets: number }[];
  formula: string;
}

/** Mix = tickets in each priority × tier cell ÷ tickets counted; organizations reach tiers through `tierOf`. */
export function estimateMixFromTickets(
  tickets: { priority: readonly Priority[]; organization: readonly string[] },
  policy: { priorities: readonly Priority[]; tiers: readonly CustomerTier[] },
  tierOf: Readonly<Record<string, string | null>>,
): TicketMixEstimate {
  const tierIds = new Set(policy.tiers.map((t) => t.id));
  const priorities = new Set(policy.priorities);
  const cells = new Map<string, number>();
  const outside = new Map<Priority, number>();
  const unmapped = new Map<string, number>();
  tickets.priority.forEach((priority, i) => {
    if (!priorities.has(priority)) return void outside.set(priority, (outside.get(priority) ?? 0) + 1);
    const organization = tickets.organization[i];
    const tier = tierOf[organization];
    if (!tier || !tierIds.has(tier)) return void unmapped.set(organization, (unmapped.get(organization) ?? 0) + 1);
    const key = `${priority}|${tier}`;
    cells.set(key, (cells.get(key) ?? 0) + 1);
  });
  const counts = policy.priorities.flatMap((priority) => policy.tiers.map((t) => ({ priority, tier: t.id, tickets: cells.get(`${priority}|${t.id}`) ?? 0 })));
  const ticketsCounted = counts.reduce((s, c) => s + c.tickets, 0);
  const left = tickets.priority.length - ticketsCounted;
  return {
    mix: ticketsCounted > 0 ? mixFromCounts(counts) : null,
    counts,
    ticketsCounted,
    outsidePolicy: [...outside].sort(([a], [b]) => a.localeCompare(b)).map(([priority, n]) => ({ priority, tickets: n })),
    unmapped: [...unmapped].sort(([a, x], [b, y]) => y - x || a.localeCompare(b)).map(([organization, n]) => ({ organization, tickets: n })),
    formula: `share of a cell = its tickets ÷ ${ticketsCounted.toLocaleString('en-US')} tickets counted${left > 0 ? ` (${left.toLocaleString('en-US')} of ${tickets.priority.length.toLocaleString('en-US')} left out: a priority the policy does not cover or an organization with no tier)` : ''}`,
  };
}

/**
 * Tickets per hour of a typical week from the created times, in the zone: each hour of the week = tickets created
 * in that hour ÷ the number of dates of that weekday from the first ticket's day to the last one's.
 */
export function typicalWeekFromTickets(createdUtcMs: readonly number[], zone: string): { volumes: number[]; from: string; to: string } | null {
  if (createdUtcMs.length === 0) return null;
  const clock = new ZoneClock(zone);
  const counts = new Map<string, number>();
  let from = '9999-12-31';
  let to = '0000-01-01';
  for (const utcMs of createdUtcMs) {
    const local = new Date(utcMs + clock.offsetAt(utcMs) * 60_000).toISOString().slice(0, 13);
    counts.set(local, (counts.get(local) ?? 0) + 1);
    const date = local.slice(0, 10);
    if (date < from) from = date;
    if (date > to) to = date;
  }
  // Every hour of every date in the span, so a quiet day counts as a real zero.
  const points: { start: string; volume: number }[] = [];
  for (let date = from; date <= to; date = addDays(date, 1)) {
    for (let hour = 0; hour < 24; hour++) {
      const key = `${date}T${String(hour).padStart(2, '0')}`;
      points.push({ start: `${key}:00`, volume: counts.get(key) ?? 0 });
    }
  }
  const volumes = typicalWeekFromSeries(points);
  return volumes.length === HOURS_PER_WEEK ? { volumes, from, to } : null;
}
