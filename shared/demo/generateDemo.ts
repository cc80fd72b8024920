/**
 * The demo workspace: a 40-agent US support centre (phone, chat, email) with interval history that has the shapes
 * planners recognise — a weekly cycle with a Monday surge, an intraday double hump on phones, month-end billing
 * spikes, holiday closures and dips, slow growth, yearly seasonality (an April surge, a year-end dip), Poisson
 * noise, and one day of missing telephony data. Before the interval history, two years (by default) of daily totals
 * drawn from the same model let the long-range forecast learn the yearly pattern.
 * Pure and deterministic for a given end date, length and seed.
 */
import { DateTime } from 'luxon';
import { localTimestamp } from '../calendar/days';
import type { ChannelKind } from '../api/types';
import { isBillingPeakDay, seasonalFactor, usHolidays } from './calendarEffects';
import { poisson, randomStream } from '../random/seeded';
import type { QueueInterval, Workspace, WorkspaceAgent, WorkspaceEvent, WorkspaceQueue } from '../model';

export const DEMO_TIMEZONE = 'America/New_York';
const INTERVAL_MIN = 15;

interface QueueProfile {
  name: string;
  channel: ChannelKind;
  /** Contacts on an ordinary Wednesday. */
  baseDaily: number;
  ahtSec: number;
  /** Opening hours per ISO weekday (1 = Monday), [from, to) in hours; absent = closed all day. */
  hours: Partial<Record<number, [number, number]>>;
  /** Relative arrival rate by hour of day (fractional hours). */
  intraday: (hour: number) => number;
  weekday: Record<number, number>;
  billingLift: number;
  /** Share of normal volume on a public holiday when open; 0 closes the queue for the day. */
  holidayShare: number;
}

const bump = (hour: number, centre: number, width: number) => Math.exp(-(((hour - centre) / width) ** 2));

const QUEUES: QueueProfile[] = [
  {
    name: 'Billing & Accounts (phone)',
    channel: 'phone',
    baseDaily: 560,
    ahtSec: 330,
    hours: { 1: [8, 20], 2: [8, 20], 3: [8, 20], 4: [8, 20], 5: [8, 20], 6: [9, 17] },
    intraday: (h) => bump(h, 10.5, 1.8) + 0.85 * bump(h, 14.2, 2.0) + 0.15,
    weekday: { 1: 1.3, 2: 1.08, 3: 1, 4: 0.97, 5: 0.9, 6: 0.4, 7: 0 },
    billingLift: 1.4,
    holidayShare: 0,
  },
  {
    name: 'Product Support (chat)',
    channel: 'chat',
    baseDaily: 420,
    ahtSec: 540,
    hours: { 1: [8, 22], 2: [8, 22], 3: [8, 22], 4: [8, 22], 5: [8, 22], 6: [8, 22], 7: [10, 18] },
    intraday: (h) => bump(h, 11, 2.2) + 0.7 * bump(h, 19.5, 1.6) + 0.25,
    weekday: { 1: 1.22, 2: 1.05, 3: 1, 4: 0.98, 5: 0.92, 6: 0.55, 7: 0.35 },
    billingLift: 1.1,
    holidayShare: 0.35,
  },
  {
    name: 'Email & Tickets',
    channel: 'email',
    baseDaily: 320,
    ahtSec: 480,
    hours: { 1: [0, 24], 2: [0, 24], 3: [0, 24], 4: [0, 24], 5: [0, 24], 6: [0, 24], 7: [0, 24] },
    intraday: (h) => bump(h, 12, 4.5) + 0.08,
    weekday: { 1: 1.25, 2: 1.05, 3: 1, 4: 0.96, 5: 0.9, 6: 0.45, 7: 0.4 },
    billingLift: 1.25,
    holidayShare: 0.4,
  },
];

const WEEKLY_GROWTH = 0.0015;

export interface DemoOptions {
  /** Last local date of history, 'YYYY-MM-DD' (normally yesterday). */
  endDate: string;
  weeks: number;
  seed?: number;
  /** Weeks of daily totals ending on endDate (at least `weeks`); the days before the interval history are drawn daily. */
  dailyWeeks?: number;
}

export const DEFAULT_DAILY_WEEKS = 104;

export function generateDemoWorkspace(options: DemoOptions, onProgress?: (fraction: number, message: string) => void): Workspace {
  const random = randomStream(options.seed ?? 20261122);
  const end = DateTime.fromISO(options.endDate, { zone: DEMO_TIMEZONE }).startOf('day');
  if (!end.isValid) throw new Error(`Demo end date "${options.endDate}" is not a valid date`);
  const start = end.minus({ days: options.weeks * 7 - 1 });
  const holidays = new Map<string, string>();
  for (let y = start.year; y <= end.year; y++) for (const [d, n] of usHolidays(y)) holidays.set(d, n);
  // One day of missing telephony data (an export outage) shows that missing is not the same as zero.
  const midpoint = start.plus({ days: Math.floor(options.weeks * 3.5) });
  const missingPhoneDay = midpoint.plus({ days: (2 - midpoint.weekday + 7) % 7 }); // the Tuesday on or after it

  const queues: WorkspaceQueue[] = QUEUES.map((q) => ({ name: q.name, channel: q.channel, intervalMin: INTERVAL_MIN, intervals: [] }));
  const totalDays = options.weeks * 7;
  for (let dayIndex = 0; dayIndex < totalDays; dayIndex++) {
    const day = start.plus({ days: dayIndex });
    const date = day.toISODate()!;
    const isHoliday = holidays.has(date);
    const growth = 1 + WEEKLY_GROWTH * (dayIndex / 7);
    const billing = isBillingPeakDay(day);
    const season = seasonalFactor(day);
    const slots = localSlots(day);
    QUEUES.forEach((profile, qi) => {
      const dayMissing = profile.channel === 'phone' && day.hasSame(missingPhoneDay, 'day');
      queues[qi].intervals.push(
        ...dayIntervals(day, slots, profile, { isHoliday, growth, dayMissing, billing, season }, random),
      );
    });
    if (onProgress && dayIndex % 7 === 6) onProgress((dayIndex + 1) / totalDays, `Generated week ${(dayIndex + 1) / 7} of ${options.weeks}`);
  }
  const dailyDays = Math.max(0, (options.dailyWeeks ?? DEFAULT_DAILY_WEEKS) - options.weeks) * 7;
  if (dailyDays > 0) {
    for (let y = start.minus({ days: dailyDays }).year; y < start.year; y++) for (const [d, n] of usHolidays(y)) holidays.set(d, n);
    // A stream of its own, so the interval history is the same whatever the length of the daily history.
    const dailyRandom = randomStream((options.seed ?? 20261122) + 1);
    QUEUES.forEach((profile, qi) => {
      queues[qi].dailyHistory = Array.from({ length: dailyDays }, (_, i) => {
        const day = start.minus({ days: dailyDays - i });
        const ctx = { isHoliday: holidays.has(day.toISODate()!), growth: 1 + WEEKLY_GROWTH * ((i - dailyDays) / 7), dayMissing: false, billing: isBillingPeakDay(day), season: seasonalFactor(day) };
        const open = profile.hours[day.weekday] !== undefined && !(ctx.isHoliday && profile.holidayShare === 0);
        const volume = open ? poisson(dayMean(profile, day, ctx), dailyRandom) : 0;
        return { date: day.toISODate()!, volume, ahtSec: volume > 0 ? Math.round(profile.ahtSec * (0.97 + 0.06 * dailyRandom())) : null };
      });
    });
  }
  return {
    name: 'Northwind Support (demo)',
    timezone: DEMO_TIMEZONE,
    isDemo: true,
    queues,
    agents: demoAgents(random),
    events: holidayEvents(start.year, end.year + 1),
  };
}

/**
 * Public holidays for the forecast, past and coming: phones close; chat and email share one event name so the
 * forecast estimates their dip from the holidays already in the history.
 */
function holidayEvents(fromYear: number, toYear: number): WorkspaceEvent[] {
  const events: WorkspaceEvent[] = [];
  for (let year = fromYear; year <= toYear; year++) {
    for (const [date] of usHolidays(year)) {
      for (const q of QUEUES) {
        events.push(
          q.holidayShare === 0
            ? { name: 'Public holiday (closed)', startDate: date, endDate: date, effect: 'closed', value: null, queueName: q.name }
            : { name: 'Public holiday', startDate: date, endDate: date, effect: 'multiplier', value: null, queueName: q.name },
        );
      }
    }
  }
  return events;
}

interface DayContext {
  isHoliday: boolean;
  growth: number;
  dayMissing: boolean;
  billing: boolean;
  /** Yearly seasonality of the date (1 = an ordinary time of year). */
  season: number;
}

/** Expected contacts of a queue on a day, before it is spread over the open intervals. */
function dayMean(q: QueueProfile, day: DateTime, ctx: DayContext): number {
  let level = q.baseDaily * q.weekday[day.weekday] * ctx.growth * ctx.season;
  if (ctx.billing) level *= q.billingLift;
  if (ctx.isHoliday) level *= q.holidayShare;
  return level;
}

/** Every 15-minute interval of one local day, walking UTC instants so DST days have 92 or 100 intervals. */
function dayIntervals(day: DateTime, slots: LocalSlot[], q: QueueProfile, ctx: DayContext, random: () => number): QueueInterval[] {
  const hours = q.hours[day.weekday];
  const closedAllDay = !hours || (ctx.isHoliday && q.holidayShare === 0);
  const dayLevel = dayMean(q, day, ctx);

  const open = (hour: number) => !closedAllDay && hours !== undefined && hour >= hours[0] && hour < hours[1];
  const weightSum = slots.reduce((s, slot) => s + (open(slot.hour) ? q.intraday(slot.hour + INTERVAL_MIN / 120) : 0), 0);

  return slots.map(({ startLocal, utcOffsetMin, hour }) => {
    const base = { startLocal, utcOffsetMin };
    if (!open(hour)) return { ...base, status: 'closed', volume: null, ahtSec: null };
    if (ctx.dayMissing) return { ...base, status: 'missing', volume: null, ahtSec: null };
    const mean = (dayLevel * q.intraday(hour + INTERVAL_MIN / 120)) / weightSum;
    const volume = poisson(mean, random);
    const ahtSec = volume > 0 ? Math.round(q.ahtSec * (0.9 + 0.2 * random())) : null;
    return { ...base, status: 'open', volume, ahtSec };
  });
}

interface LocalSlot {
  startLocal: string;
  utcOffsetMin: number;
  hour: number;
}

/**
 * The local 15-minute slots of one day, found by walking UTC instants from local midnight to the next, so a
 * spring-forward day yields 92 slots and a fall-back day 100. Zone lookups are slow, so ordinary days (same offset
 * at both midnights) are labelled with plain arithmetic and only DST days ask the zone per slot.
 */
function localSlots(day: DateTime): LocalSlot[] {
  const next = day.plus({ days: 1 });
  const slots: LocalSlot[] = [];
  const stepMs = INTERVAL_MIN * 60_000;
  const sameOffset = day.offset === next.offset;
  for (let ms = day.toMillis(); ms < next.toMillis(); ms += stepMs) {
    const offset = sameOffset ? day.offset : DateTime.fromMillis(ms, { zone: day.zone }).offset;
    const local = new Date(ms + offset * 60_000);
    const hh = local.getUTCHours();
    const mm = local.getUTCMinutes();
    slots.push({
      startLocal: localTimestamp(local.toISOString().slice(0, 10), hh * 60 + mm),
      utcOffsetMin: offset,
      hour: hh + mm / 60,
    });
  }
  return slots;
}

const FIRST_NAMES = [
  'Ava', 'Liam', 'Maya', 'Noah', 'Priya', 'Mateo', 'Chloe', 'Ethan', 'Sofia', 'Jamal', 'Hannah', 'Diego', 'Grace', 'Omar',
  'Leah', 'Lucas', 'Zoe', 'Aiden', 'Nora', 'Caleb', 'Isla', 'Ravi', 'Emma', 'Jonah', 'Aaliyah', 'Marcus', 'Ines', 'Tyler',
  'Mei', 'Owen', 'Fatima', 'Henry', 'Lena', 'Kofi', 'Ruby', 'Samuel', 'Yara', 'Julian', 'Tessa', 'Andre',
];
const LAST_NAMES = [
  'Patel', 'Nguyen', 'Garcia', 'Kim', 'Okafor', 'Rossi', 'Schmidt', 'Johnson', 'Silva', 'Cohen', 'Brown', 'Haddad', 'Murphy',
  'Tanaka', 'Lopez', 'Walker', 'Novak', 'Reyes', 'Clarke', 'Singh',
];

const FULL_TIME = { minMinutesPerWeek: 2160, maxMinutesPerWeek: 2400, maxShiftsPerWeek: 5, maxConsecutiveDays: 5, minConsecutiveDaysOff: 2, maxWeekendsPer4Weeks: 2 };
const PART_TIME = { minMinutesPerWeek: 1200, maxMinutesPerWeek: 1440, maxShiftsPerWeek: 4, maxConsecutiveDays: 4, minConsecutiveDaysOff: 2, maxWeekendsPer4Weeks: 2 };

/** 40 agents: 18 on phones (a third cross-skilled to chat), 12 on chat (some on email), 10 on email. */
function demoAgents(random: () => number): WorkspaceAgent[] {
  const teams: { team: string; count: number; skills: (i: number) => ChannelKind[] }[] = [
    { team: 'Phone — Team Atlas', count: 9, skills: (i) => (i % 3 === 0 ? ['phone', 'chat'] : ['phone']) },
    { team: 'Phone — Team Beacon', count: 9, skills: (i) => (i % 3 === 1 ? ['phone', 'chat'] : ['phone']) },
    { team: 'Chat', count: 12, skills: (i) => (i % 4 === 0 ? ['chat', 'email'] : ['chat']) },
    { team: 'Email & Tickets', count: 10, skills: (i) => (i % 5 === 0 ? ['email', 'social'] : ['email']) },
  ];
  const agents: WorkspaceAgent[] = [];
  let n = 0;
  for (const t of teams) {
    for (let i = 0; i < t.count; i++) {
      const name = `${FIRST_NAMES[n % FIRST_NAMES.length]} ${LAST_NAMES[Math.floor(random() * LAST_NAMES.length)]}`;
      agents.push({ name, team: t.team, skills: t.skills(i), contract: i % 6 === 5 ? PART_TIME : FULL_TIME, timezone: DEMO_TIMEZONE });
      n += 1;
    }
  }
  return agents;
}
