/**
 * SLA → staffing: every priority × tier cell of a policy is staffed to its first-response target on the business
 * clock, highest priority first (then the policy's tier order), all on the same agents, on an hour-of-week grid (168 one-hour slots).
 *
 * - Cells with a first-response target under one hour (the planning interval) are a queue: Erlang C, 95% of
 *   tickets answered within the target. Priority is modelled by letting class k see the load of every queue class
 *   before it: classes 1..k are taken as one first-come-first-served queue measured against class k's target.
 *   That is exact for the top class when higher priorities pre-empt, and an approximation for the ones below it.
 * - Cells with a target of one hour or more are deferred work with that response window (staffing/deferred.ts):
 *   arrivals are levelled over the window, and the agents work them oldest first, highest priority first.
 * - Tickets arriving while the queue is closed join the first open hour: the SLA clock only runs in business hours.
 *   The week is treated as repeating, so work left at Friday's close is carried into Monday (the week is run twice
 *   and the second run is reported).
 *
 *   agents needed in an hour = max(queue agents, ⌈(queue Erlangs + deferred workload Erlangs) ÷ max occupancy⌉)
 *
 * "Can this team keep these promises?": for each cell, the share of tickets answered within target with the given
 * agents per open hour, flagged "SLA without capacity" below 95%. Every cell is checked as work on the agents'
 * time (oldest first, highest class first, at the occupancy cap); a queue cell must in addition pass Erlang C, so
 * its share is the lower of the two (see workedInTimeByClass: this is what keeps tightening a target from ever
 * lowering the requirement, also across the one-hour line). The tightest target each cell can keep 95% of the time
 * is searched on a ladder of usual SLA targets. With `weekStart`, a real week is projected and its holidays close.
 */
import { z } from 'zod';
import type { CalculationStep } from '../common';
import { ceilAgents } from '../common/ceilAgents';
import { deferredRequirements, simulateDeferredBacklog } from '../staffing/deferred';
import { parseOrThrow } from '../staffing/errors';
import { capFractionField, positiveField, shrinkageField } from '../staffing/fields';
import { formatNumber } from '../staffing/formatNumber';
import { evaluateAgents, liveQueue } from '../staffing/liveQueue';
import { requiredAgents } from '../staffing/solvers';
import { calendarDate, isCalendarDate } from '../../calendar/calendarDate';
import { weekdayOfDate } from '../schedule/time';
import { businessHoursSchema, HOURS_PER_WEEK, openHoursPerWeek, openSlotsOfWeek } from './businessHours';
import { slaMixSchema, shareOf, type SlaMix } from './mix';
import { PRIORITIES, slaMatrix, slaPolicySchema, type SlaCell, type SlaPolicy, type SlaPolicyInput } from './policy';

/** Planning interval, and the first-response target below which a cell is a queue rather than deferred work. */
export const SLA_INTERVAL_MIN = 60;
export const QUEUE_THRESHOLD_MIN = SLA_INTERVAL_MIN;
/** Targets are to be achievable this share of the time. */
export const ACHIEVABLE_SHARE = 0.95;
/** Usual first-response targets, in minutes, searched for the tightest one a cell can keep. */
export const TARGET_LADDER_MIN = [5, 10, 15, 20, 30, 45, 60, 90, 120, 180, 240, 300, 360, 480, 600, 720, 960, 1200, 1440, 1920, 2400, 2880, 4320, 7200];
const MAX_HEADCOUNT = 2000;

/** The Monday of a projected week (see slaPlanInputSchema.weekStart). */
export const slaWeekStartField = calendarDate('Week start').refine((d) => !isCalendarDate(d) || weekdayOfDate(d) === 0, 'Week start must be a Monday');

export const slaPlanSettingsSchema = z
  .object({
    ahtMin: positiveField('Handle time', 'minutes'),
    maxOccupancy: capFractionField('Maximum occupancy').default(0.85),
    shrinkage: shrinkageField().default(0),
    hoursPerAgentWeek: positiveField('Hours per agent per week', 'hours').default(40),
  })
  .strict();

export const slaPlanInputSchema = z
  .object({
    policy: slaPolicySchema,
    mix: slaMixSchema,
    businessHours: businessHoursSchema,
    /** Tickets arriving in each hour of a typical week (slot = weekday × 24 + hour, Monday 00:00 = 0), local time. */
    weekVolumes: z
      .array(z.number({ error: 'Volume must be a number' }).refine((v) => Number.isFinite(v) && v >= 0, 'Volume cannot be negative'))
      .length(HOURS_PER_WEEK, `Week volumes need ${HOURS_PER_WEEK} hourly values, Monday 00:00 first`),
    settings: slaPlanSettingsSchema,
    /**
     * The Monday of the week projected. With it, the business-hours holidays of that week close those days: the
     * SLA clock stops, tickets arriving on a holiday join the next open hour, and the team's hours shrink by the
     * holiday's open hours. Without it, a typical week with no holidays.
     */
    weekStart: slaWeekStartField.optional(),
  })
  .strict()
  .superRefine((input, ctx) => {
    if (input.weekStart && isCalendarDate(input.weekStart) && !openSlotsOfWeek(input.businessHours, input.weekStart).some(Boolean)) {
      ctx.addIssue({ code: 'custom', path: ['weekStart'], message: `Every business day of the week of ${input.weekStart} is a holiday: no open hour to project` });
    }
    const cells = new Set(slaMatrix(input.policy).map((c) => `${c.priority}|${c.tier}`));
    input.mix.cells.forEach((c, i) => {
      if (c.share > 0 && !cells.has(`${c.priority}|${c.tier}`)) {
        ctx.addIssue({ code: 'custom', path: ['mix', 'cells', i], message: `The mix has ${c.priority} × ${c.tier}, which the policy does not cover` });
      }
    });
  });

export type SlaPlanInput = z.input<typeof slaPlanInputSchema>;
type ParsedPlan = z.output<typeof slaPlanInputSchema>;

export type ClassMode = 'queue' | 'deferred';

interface TicketClass {
  cell: SlaCell;
  share: number;
  mode: ClassMode;
  /** Tickets per open hour (index into the open-slot list). */
  volumes: number[];
}

interface PlanModel {
  plan: ParsedPlan;
  openSlots: number[];
  classes: TicketClass[];
}

export interface SlaHourRequirement {
  /** Hour of week: weekday × 24 + hour, Monday = 0. */
  slot: number;
  tickets: number;
  /** Agents the queue classes need at 95% within target (highest class decides). */
  queueAgents: number;
  queueErlangs: number;
  deferredErlangs: number;
  required: number;
  requiredExact: number;
}

export interface SlaRequirement {
  hours: SlaHourRequirement[];
  peakAgents: number;
  agentHoursPerWeek: number;
  /** Full-time agents on the roster: agent-hours ÷ hours per agent week ÷ (1 − shrinkage). */
  fte: number;
  steps: CalculationStep[];
}

export interface CellCompliance {
  priority: SlaCell['priority'];
  tier: string;
  tierName: string;
  firstResponseMin: number;
  mode: ClassMode;
  share: number;
  ticketsPerWeek: number;
  /** Share of the cell's tickets answered within the first-response target. */
  answeredInTarget: number;
  /** Below 95%: the promise is not backed by the staffing. */
  withoutCapacity: boolean;
  /** How answeredInTarget was reached. */
  formula: string;
}

/** One open hour for a queue class: the Erlang C service level at the agents given. */
function queueServiceLevel(tickets: number, agents: number, ahtSec: number, answerSec: number): number {
  const queue = liveQueue({ contacts: tickets, intervalMin: SLA_INTERVAL_MIN, ahtSec });
  return evaluateAgents(queue, Math.max(0, Math.floor(agents)), answerSec).serviceLevel;
}

export function parseSlaPlan(raw: SlaPlanInput): ParsedPlan {
  return parseOrThrow(slaPlanInputSchema, raw);
}

/**
 * The cells in staffing order: highest priority first, then the policy's tier order (the issue's "highest
 * priority first"). The order does not depend on the targets, so editing a target never moves a cell ahead of
 * another: tightening one cell then only makes that cell's promise harder (and, when it joins the queue, adds its
 * load to the queue classes below it), which is what keeps the requirement monotone.
 */
function buildModel(plan: ParsedPlan, firstResponseOverride?: { priority: string; tier: string; minutes: number }): PlanModel {
  const open = openSlotsOfWeek(plan.businessHours, plan.weekStart);
  const openSlots = open.flatMap((isOpen, slot) => (isOpen ? [slot] : []));
  const arrivals = arrivalsOnBusinessClock(plan.weekVolumes, open, openSlots);
  const tierOrder = new Map(plan.policy.tiers.map((t, i) => [t.id, i]));
  const classes = slaMatrix(plan.policy)
    .map((cell) =>
      firstResponseOverride && firstResponseOverride.priority === cell.priority && firstResponseOverride.tier === cell.tier
        ? { ...cell, firstResponseMin: firstResponseOverride.minutes }
        : cell,
    )
    .map((cell) => ({ cell, share: shareOf(plan.mix, cell.priority, cell.tier) }))
    .filter((c) => c.share > 0)
    .sort(
      (a, b) =>
        PRIORITIES.indexOf(a.cell.priority) - PRIORITIES.indexOf(b.cell.priority) ||
        tierOrder.get(a.cell.tier)! - tierOrder.get(b.cell.tier)!,
    )
    .map(({ cell, share }) => ({
      cell,
      share,
      mode: (cell.firstResponseMin < QUEUE_THRESHOLD_MIN ? 'queue' : 'deferred') as ClassMode,
      volumes: arrivals.map((v) => v * share),
    }));
  return { plan, openSlots, classes };
}

/** Tickets arriving in closed hours join the next open hour (the week wraps round). */
function arrivalsOnBusinessClock(weekVolumes: readonly number[], open: boolean[], openSlots: number[]): number[] {
  const perOpen = new Map(openSlots.map((slot) => [slot, 0]));
  for (let slot = 0; slot < HOURS_PER_WEEK; slot++) {
    let target = slot;
    while (!open[target]) target = (target + 1) % HOURS_PER_WEEK;
    perOpen.set(target, perOpen.get(target)! + weekVolumes[slot]);
  }
  return openSlots.map((slot) => perOpen.get(slot)!);
}

const twice = <T>(values: readonly T[]): T[] => [...values, ...values];

/** Queue classes with the load each sees: its own plus every queue class before it. */
function cumulativeQueueLoads(model: PlanModel): { cls: TicketClass; cumulative: number[] }[] {
  const running = model.openSlots.map(() => 0);
  return model.classes
    .filter((c) => c.mode === 'queue')
    .map((cls) => {
      cls.volumes.forEach((v, j) => (running[j] += v));
      return { cls, cumulative: [...running] };
    });
}

export function slaRequirement(raw: SlaPlanInput): SlaRequirement {
  return requirementOf(buildModel(parseSlaPlan(raw)));
}

function requirementOf(model: PlanModel): SlaRequirement {
  const { settings } = model.plan;
  const ahtSec = settings.ahtMin * 60;
  const n = model.openSlots.length;
  const queueLoads = cumulativeQueueLoads(model);
  const queueAgents = model.openSlots.map((_, j) =>
    queueLoads.reduce((most, { cls, cumulative }) => {
      if (cumulative[j] === 0) return most;
      const queue = liveQueue({ contacts: cumulative[j], intervalMin: SLA_INTERVAL_MIN, ahtSec });
      return Math.max(most, requiredAgents(queue, { answerSec: cls.cell.firstResponseMin * 60, serviceLevel: ACHIEVABLE_SHARE }).agents);
    }, 0),
  );
  const queueErlangs = model.openSlots.map((_, j) => queueLoads.length === 0 ? 0 : (queueLoads[queueLoads.length - 1].cumulative[j] * ahtSec) / 3600);
  const deferredErlangs = model.openSlots.map(() => 0);
  for (const cls of model.classes.filter((c) => c.mode === 'deferred')) {
    const rows = deferredRequirements(twice(cls.volumes), { handleSec: ahtSec, responseSec: cls.cell.firstResponseMin * 60, intervalMin: SLA_INTERVAL_MIN });
    for (let j = 0; j < n; j++) deferredErlangs[j] += rows[n + j].workloadSec / 3600;
  }
  const hours = model.openSlots.map((slot, j) => {
    const blended = (queueErlangs[j] + deferredErlangs[j]) / settings.maxOccupancy;
    const requiredExact = Math.max(queueAgents[j], blended);
    return {
      slot,
      tickets: model.classes.reduce((sum, c) => sum + c.volumes[j], 0),
      queueAgents: queueAgents[j],
      queueErlangs: queueErlangs[j],
      deferredErlangs: deferredErlangs[j],
      required: Math.max(queueAgents[j], ceilAgents(blended)),
      requiredExact,
    };
  });
  const peakAgents = Math.max(0, ...hours.map((h) => h.required));
  const agentHoursPerWeek = hours.reduce((sum, h) => sum + h.required, 0);
  const fte = agentHoursPerWeek / settings.hoursPerAgentWeek / (1 - settings.shrinkage);
  const f = formatNumber;
  const steps: CalculationStep[] = [
    {
      label: 'Open hours a week',
      formula: model.plan.weekStart ? `business hours on the SLA clock in the week of ${model.plan.weekStart}, holidays closed` : 'business hours on the SLA clock',
      value: n,
      unit: 'hours',
    },
    { label: 'Tickets a week', formula: 'Σ tickets per hour (closed-hour arrivals join the next open hour)', value: hours.reduce((s, h) => s + h.tickets, 0), unit: 'tickets' },
    { label: 'Agents in an hour', formula: `max(queue agents at ${f(ACHIEVABLE_SHARE * 100)}% within target, ⌈(queue + deferred Erlangs) ÷ ${f(settings.maxOccupancy * 100)}% occupancy⌉)`, value: peakAgents, unit: 'agents at the peak' },
    { label: 'Agent-hours a week', formula: 'Σ agents per open hour', value: agentHoursPerWeek, unit: 'agent-hours' },
    { label: 'Full-time agents', formula: `${f(agentHoursPerWeek)} ÷ ${f(settings.hoursPerAgentWeek)} h ÷ (1 − ${f(settings.shrinkage * 100)}% shrinkage)`, value: fte, unit: 'FTE' },
  ];
  return { hours, peakAgents, agentHoursPerWeek, fte, steps };
}

/** Compliance per cell with the given productive agents in each hour of the week (closed hours are ignored). */
export function slaCompliance(raw: SlaPlanInput, agentsPerSlot: readonly number[]): CellCompliance[] {
  if (agentsPerSlot.length !== HOURS_PER_WEEK) throw new Error(`Agents per hour need ${HOURS_PER_WEEK} values, Monday 00:00 first`);
  return complianceOf(buildModel(parseSlaPlan(raw)), agentsPerSlot);
}

function complianceOf(model: PlanModel, agentsPerSlot: readonly number[]): CellCompliance[] {
  const { settings } = model.plan;
  const ahtSec = settings.ahtMin * 60;
  const n = model.openSlots.length;
  const agents = model.openSlots.map((slot) => Math.max(0, Math.floor(agentsPerSlot[slot])));
  const results = new Map<TicketClass, { answered: number; formula: string }>();

  const workedInTime = workedInTimeByClass(model, agents);
  for (const { cls, cumulative } of cumulativeQueueLoads(model)) {
    let tickets = 0;
    let answered = 0;
    for (let j = 0; j < n; j++) {
      if (cls.volumes[j] === 0) continue;
      tickets += cls.volumes[j];
      answered += cls.volumes[j] * queueServiceLevel(cumulative[j], agents[j], ahtSec, cls.cell.firstResponseMin * 60);
    }
    const erlang = tickets === 0 ? 1 : answered / tickets;
    const worked = workedInTime.get(cls)!;
    results.set(cls, {
      answered: Math.min(erlang, worked),
      formula:
        `the lower of (a) Erlang C per open hour: share answered within ${formatNumber(cls.cell.firstResponseMin)} min with the hour's agents, this class and every queue class above it sharing them, weighted by the class's tickets = ${formatNumber(erlang * 100)}%, ` +
        `and (b) the share worked within its arrival hour by the agents (at ${formatNumber(settings.maxOccupancy * 100)}% occupancy) the classes above leave = ${formatNumber(worked * 100)}%`,
    });
  }
  for (const cls of model.classes.filter((c) => c.mode === 'deferred')) {
    results.set(cls, {
      answered: workedInTime.get(cls)!,
      formula: `1 − tickets past ${formatNumber(cls.cell.firstResponseMin)} business min ÷ tickets a week; worked oldest first with the agents (at ${formatNumber(settings.maxOccupancy * 100)}% occupancy) the classes above leave`,
    });
  }

  return model.classes.map((cls) => {
    const { answered, formula } = results.get(cls)!;
    return {
      priority: cls.cell.priority,
      tier: cls.cell.tier,
      tierName: cls.cell.tierName,
      firstResponseMin: cls.cell.firstResponseMin,
      mode: cls.mode,
      share: cls.share,
      ticketsPerWeek: cls.volumes.reduce((s, v) => s + v, 0),
      answeredInTarget: answered,
      withoutCapacity: answered < ACHIEVABLE_SHARE - 1e-9,
      formula,
    };
  });
}

/**
 * Every class as work on the agents' time, in staffing order, over two runs of the week (the second is reported):
 * each hour the agents at the occupancy cap work the oldest tickets of the highest class first; the share of each
 * class's tickets worked within its target. Queue classes are in this too, because a target under an hour is also
 * a promise to work the ticket within its arrival hour: on the hourly grid every target under an hour reads as "by
 * the end of the arrival hour", exactly what a one-hour deferred target reads as. So a cell tightened across the
 * one-hour line keeps this check and gains the Erlang one, and its answer can only get worse (README: "Tightening
 * never lowers the requirement").
 */
function workedInTimeByClass(model: PlanModel, agents: readonly number[]): Map<TicketClass, number> {
  const { settings } = model.plan;
  const ahtSec = settings.ahtMin * 60;
  const n = model.openSlots.length;
  const capacity = twice(agents.map((a) => a * settings.maxOccupancy));
  const shares = new Map<TicketClass, number>();
  for (const cls of model.classes) {
    const rows = simulateDeferredBacklog(twice(cls.volumes), capacity, {
      handleSec: ahtSec,
      responseSec: Math.max(cls.cell.firstResponseMin, SLA_INTERVAL_MIN) * 60,
      intervalMin: SLA_INTERVAL_MIN,
      maxOccupancy: 1,
    });
    rows.forEach((row, i) => (capacity[i] = Math.max(0, capacity[i] - (row.worked * ahtSec) / 3600)));
    const weekTickets = cls.volumes.reduce((s, v) => s + v, 0);
    const missed = rows.slice(n).reduce((s, r) => s + r.missed, 0);
    shares.set(cls, weekTickets === 0 ? 1 : Math.min(1, Math.max(0, 1 - missed / weekTickets)));
  }
  return shares;
}

/**
 * A headcount spread over the open hours: productive agent-hours a week = ⌊headcount × (1 − shrinkage) × hours per
 * agent week × open hours this week ÷ open hours of a regular week⌋ (the last factor is below 1 only in a projected
 * week with holidays), at most the headcount in any hour. Every open hour gets ⌊agent-hours ÷ open hours⌋ agents and the
 * remaining agent-hours go one each to the busiest hours (most tickets; earlier hour first on a tie).
 */
export function agentsFromHeadcount(raw: SlaPlanInput, headcount: number): number[] {
  return spreadHeadcount(buildModel(parseSlaPlan(raw)), headcount);
}

function spreadHeadcount(model: PlanModel, headcount: number): number[] {
  const { shrinkage, hoursPerAgentWeek } = model.plan.settings;
  const n = model.openSlots.length;
  // A holiday closes the queue and the team is off: the week's hours shrink by the share of open hours it takes.
  const weekShare = n / openHoursPerWeek(model.plan.businessHours);
  const agentHours = Math.min(headcount * n, Math.floor(headcount * (1 - shrinkage) * hoursPerAgentWeek * weekShare + 1e-9));
  const base = Math.floor(agentHours / n);
  const extra = agentHours - base * n;
  const tickets = model.openSlots.map((_, j) => model.classes.reduce((sum, c) => sum + c.volumes[j], 0));
  const busiest = model.openSlots.map((_, j) => j).sort((a, b) => tickets[b] - tickets[a] || a - b);
  const perOpen = model.openSlots.map(() => base);
  busiest.slice(0, extra).forEach((j) => perOpen[j]++);
  const perSlot = new Array<number>(HOURS_PER_WEEK).fill(0);
  model.openSlots.forEach((slot, j) => (perSlot[slot] = Math.min(headcount, perOpen[j])));
  return perSlot;
}

export interface TightestTarget {
  priority: SlaCell['priority'];
  tier: string;
  currentMin: number;
  /** The tightest usual target kept 95% of the time with these agents; null when not even 5 days is. */
  tightestMin: number | null;
}

export interface SlaAssessment {
  requirement: SlaRequirement;
  /** Headcount the answer was checked for (spread over the open hours, see agentsFromHeadcount). */
  headcount: number;
  compliance: CellCompliance[];
  keepsPromises: boolean;
  /** Smallest headcount, spread over the open hours, with every cell at 95% or better. */
  headcountNeeded: number | null;
  /** Empty when not asked for (options.tightest === false). */
  tightest: TightestTarget[];
  steps: CalculationStep[];
}

/** The whole question for a team of `headcount`: requirement, compliance, what it takes, the tightest targets. */
export function assessSlaPlan(
  raw: SlaPlanInput,
  headcount: number,
  options: { agentsPerSlot?: readonly number[]; tightest?: boolean } = {},
): SlaAssessment {
  const { agentsPerSlot } = options;
  const plan = parseSlaPlan(raw);
  const model = buildModel(plan);
  const { shrinkage, hoursPerAgentWeek } = plan.settings;
  const agents = agentsPerSlot ?? spreadHeadcount(model, headcount);
  const compliance = complianceOf(model, agents);
  const keeps = (cells: CellCompliance[]) => cells.every((c) => !c.withoutCapacity);
  const headcountNeeded = smallestHeadcount((h) => keeps(complianceOf(model, spreadHeadcount(model, h))));
  const tightest = options.tightest === false ? [] : model.classes.map((cls) => {
    const candidate = TARGET_LADDER_MIN.find((minutes) => {
      const trial = buildModel(plan, { priority: cls.cell.priority, tier: cls.cell.tier, minutes });
      const cell = complianceOf(trial, agents).find((c) => c.priority === cls.cell.priority && c.tier === cls.cell.tier)!;
      return !cell.withoutCapacity;
    });
    return { priority: cls.cell.priority, tier: cls.cell.tier, currentMin: cls.cell.firstResponseMin, tightestMin: candidate ?? null };
  });
  const requirement = requirementOf(model);
  const agentHours = agents.reduce((sum, a) => sum + a, 0);
  const worst = compliance.reduce((low, c) => (c.answeredInTarget < low.answeredInTarget ? c : low), compliance[0]);
  const steps: CalculationStep[] = [
    {
      label: 'Productive agent-hours a week',
      formula: agentsPerSlot
        ? 'Σ agents per open hour in the schedule'
        : `⌊${headcount} agents × (1 − ${formatNumber(shrinkage * 100)}% shrinkage) × ${formatNumber(hoursPerAgentWeek)} h${holidayFactor(model)}⌋, spread over ${model.openSlots.length} open hours, extra hours to the busiest`,
      value: agentHours,
      unit: 'agent-hours',
    },
    ...(worst ? [{ label: 'Weakest cell answered in target', formula: `${worst.priority} × ${worst.tierName} (${formatNumber(worst.firstResponseMin)} min)`, value: worst.answeredInTarget * 100, unit: '%' }] : []),
    { label: 'Headcount that keeps every promise', formula: `smallest team, spread the same way, with every cell ≥ ${ACHIEVABLE_SHARE * 100}% in target`, value: headcountNeeded ?? Number.NaN, unit: 'agents' },
  ];
  return { requirement, headcount, compliance, keepsPromises: keeps(compliance), headcountNeeded, tightest, steps };
}

/** " × 32 ÷ 40 open hours (holidays)" in a projected week with holidays; empty otherwise. */
function holidayFactor(model: PlanModel): string {
  const regular = openHoursPerWeek(model.plan.businessHours);
  return model.openSlots.length === regular ? '' : ` × ${model.openSlots.length} ÷ ${regular} open hours (holidays in the week of ${model.plan.weekStart})`;
}

/** Compliance only grows with agents, so the smallest passing headcount is found by doubling then bisecting. */
function smallestHeadcount(passes: (headcount: number) => boolean): number | null {
  if (passes(0)) return 0;
  let high = 1;
  while (!passes(high)) {
    high *= 2;
    if (high > MAX_HEADCOUNT) return null;
  }
  let low = Math.floor(high / 2);
  while (high - low > 1) {
    const mid = Math.floor((low + high) / 2);
    if (passes(mid)) high = mid;
    else low = mid;
  }
  return high;
}

export type { SlaPolicy, SlaPolicyInput, SlaMix };
