/**
 * The capacity dashboard: the capacity metrics (each with its formula and inputs), the published schedule's
 * intervals rated green/yellow/red against the forecast with the actions for red ones, coverage gaps, cost per
 * ticket by month, projected SLA compliance of the active policy, and the planning checklist. Exports to XLSX here;
 * PDF through the host's printer (Electron's printToPDF), which the browser host does not have (it prints).
 */
import ExcelJS from 'exceljs';
import { DateTime } from 'luxon';
import { formatClock, weekDates } from '../../shared/calendar/days';
import type { Database } from 'better-sqlite3';
import type { ChecklistItem, CoverageGap, DashboardMetric, DashboardOverview, RagInterval, RagReading } from '../../shared/api/channels/dashboard';
import type { ChannelStaffingSettings } from '../../shared/api/channels/staffing';
import { toAssignment } from '../../shared/api/channels/schedule';
import { calculateCost, money } from '../../shared/engine/cost';
import { COVERAGE_GAP_SHARE, RAG_RULES, ragStatus, trendLine, worstStatus, type RagMetric } from '../../shared/engine/dashboard';
import { computeCoverage } from '../../shared/engine/schedule';
import { evaluateAgents, liveQueue, simulateDeferredBacklog } from '../../shared/engine/staffing';
import { formatNumber } from '../../shared/engine/staffing/formatNumber';
import { dailyWork } from '../../db/repositories/dashboard';
import { getSchedule, listSchedules, listShifts } from '../../db/repositories/schedules';
import { activeSlaPolicy, checklistDone, getCostModelInputs, setChecklistDone } from '../../db/repositories/slaPolicies';
import { agentCountsBySkill, getWorkspace, queueSummaries } from '../../db/repositories/workspace';
import type { Handlers, ServiceContext } from './handlers';
import { weekRequirements, type QueueWeekLoad } from './scheduleRequirements';
import { assessPlan, EXAMPLE_COST_INPUTS, ensureSlaPolicies } from './slaService';
import { ticketSummary } from './slaTicketService';
import { BACKLOG_AGE_HOURS, DEFAULT_TIERS } from '../../shared/engine/sla';

/** Days of history the daily metrics show. */
const RECENT_DAYS = 28;
/** Weeks of handle-time trend. */
const TREND_WEEKS = 12;
const MONTHS_SHOWN = 6;

/** Turns the dashboard into a PDF where the host can (Electron); absent in the browser host and the CLI. */
export interface PdfPrinter {
  printToPdf(): Promise<Uint8Array>;
}

const round = (n: number, digits = 2) => Math.round(n * 10 ** digits) / 10 ** digits;
const f = formatNumber;

export function buildOverview(db: Database, today: string): DashboardOverview {
  const workspace = getWorkspace(db);
  const agentCount = agentCountsBySkill(db).total;
  const days = dailyWork(db);
  const notes: string[] = [];
  const metrics: DashboardMetric[] = [];

  // Tickets per agent per day: total tickets ÷ FTE, over the last four weeks of history.
  const recent = days.slice(-RECENT_DAYS);
  const perAgent = recent.map((d) => ({ label: d.date, value: agentCount > 0 ? d.tickets / agentCount : 0 }));
  const lastDay = recent.at(-1);
  metrics.push({
    id: 'ticketsPerAgentDay',
    label: 'Tickets per agent per day',
    value: lastDay && agentCount > 0 ? lastDay.tickets / agentCount : null,
    unit: 'tickets per agent',
    cadence: 'daily',
    formula: 'total tickets in the day ÷ FTE (agents on the team)',
    inputs: lastDay ? `${lastDay.date}: ${f(round(lastDay.tickets, 1))} tickets ÷ ${agentCount} agents` : 'no history',
    ...(lastDay ? {} : { unavailable: 'No contact history yet: import it in Data.' }),
    series: perAgent.map((p) => ({ label: p.label, value: round(p.value, 3) })),
  });

  // Handle-time trend: volume-weighted average handle time per week, with a least-squares line.
  const weeks = new Map<string, { handleSec: number; tickets: number }>();
  for (const d of days) {
    if (d.ticketsWithHandleTime <= 0) continue;
    const monday = DateTime.fromISO(d.date).startOf('week').toISODate()!;
    const w = weeks.get(monday) ?? { handleSec: 0, tickets: 0 };
    w.handleSec += d.handleSec;
    w.tickets += d.ticketsWithHandleTime;
    weeks.set(monday, w);
  }
  const weekly = [...weeks].sort(([a], [b]) => a.localeCompare(b)).slice(-TREND_WEEKS).map(([week, w]) => ({ label: week, value: round(w.handleSec / w.tickets / 60, 3) }));
  const line = trendLine(weekly.map((w) => w.value));
  metrics.push({
    id: 'handleTimeTrend',
    label: 'Handle time (weekly average)',
    value: weekly.at(-1)?.value ?? null,
    unit: 'min per ticket',
    cadence: 'weekly',
    formula: 'Σ tickets × handle time ÷ Σ tickets, per week; trend = least-squares line through the weeks',
    inputs: weekly.length ? `${weekly.length} weeks; trend ${line.slope >= 0 ? '+' : '−'}${f(Math.abs(round(line.slope * 60, 1)))} s per week` : 'no handle times imported',
    ...(weekly.length ? {} : { unavailable: 'The history has no handle times: import them with a handle-time column.' }),
    series: weekly,
    trend: weekly.map((_, x) => round(line.intercept + line.slope * x, 3)),
  });

  // The published schedule: utilization, red/yellow/green intervals and coverage gaps.
  const schedulePart = publishedScheduleView(db, days);
  if (!schedulePart) notes.push('No published schedule yet: generate and publish one in Schedule to rate intervals, find coverage gaps and measure utilization.');
  metrics.push(
    schedulePart?.utilization ?? {
      id: 'utilization',
      label: 'Utilization',
      value: null,
      unit: '%',
      cadence: 'daily',
      formula: 'ticket time (tickets × handle time) ÷ available time (scheduled agent-hours, breaks excluded)',
      inputs: 'needs a published schedule',
      unavailable: 'Publish a schedule in Schedule.',
    },
  );

  metrics.push(backlogMetric(db));

  const gaps = schedulePart?.gaps ?? [];
  metrics.push({
    id: 'coverageGaps',
    label: 'Coverage gaps',
    value: schedulePart ? gaps.length : null,
    unit: 'skill-hours this week',
    cadence: 'weekly',
    formula: `hours where scheduled agents < ${COVERAGE_GAP_SHARE * 100}% of the required agents (published schedule vs its requirement)`,
    inputs: schedulePart ? `week of ${schedulePart.schedule.weekStart}, version ${schedulePart.schedule.version}` : 'needs a published schedule',
    ...(schedulePart ? {} : { unavailable: 'Publish a schedule in Schedule.' }),
  });

  // Cost per ticket by month: the full-cost model × the team, over the month's tickets.
  const costInputs = getCostModelInputs(db) ?? EXAMPLE_COST_INPUTS;
  const cost = calculateCost(costInputs);
  const months = new Map<string, { tickets: number; days: Set<string> }>();
  for (const d of days) {
    const m = months.get(d.date.slice(0, 7)) ?? { tickets: 0, days: new Set() };
    m.tickets += d.tickets;
    m.days.add(d.date);
    months.set(d.date.slice(0, 7), m);
  }
  const monthlyCost = (agentCount * cost.fullCostPerAgent) / 12;
  const monthly = [...months]
    .filter(([month, m]) => m.days.size === DateTime.fromISO(`${month}-01`).daysInMonth)
    .slice(-MONTHS_SHOWN)
    .map(([month, m]) => ({ month, tickets: round(m.tickets, 1), cost: round(monthlyCost), costPerTicket: round(monthlyCost / m.tickets, 4) }));
  const lastMonth = monthly.at(-1);
  metrics.push({
    id: 'costPerTicket',
    label: 'Cost per ticket',
    value: lastMonth?.costPerTicket ?? null,
    unit: '$ per ticket',
    cadence: 'monthly',
    formula: 'support cost ÷ tickets; support cost = agents × full cost per agent ÷ 12',
    inputs: lastMonth
      ? `${lastMonth.month}: ${agentCount} agents × ${money(cost.fullCostPerAgent)} ÷ 12 = ${money(monthlyCost)} ÷ ${f(lastMonth.tickets)} tickets`
      : 'no complete month of history',
    ...(lastMonth ? {} : { unavailable: 'No complete month of history yet.' }),
    series: monthly.map((m) => ({ label: m.month, value: m.costPerTicket })),
  });

  // SLA compliance projected for the active policy.
  ensureSlaPolicies(db);
  const active = activeSlaPolicy(db);
  let sla: DashboardOverview['sla'] = null;
  if (active) {
    try {
      // Projected for this week and, with a published schedule, for the schedule's week: holidays in the week
      // stop the SLA clock (tickets arriving on them join the next open hour) and take the team's hours.
      const weekStart = DateTime.fromISO(today).startOf('week').toISODate()!;
      const request = { policy: active.policy, mix: active.mix, businessHours: active.businessHours, settings: active.settings, volumeSource: active.volumeSource, headcount: active.headcount };
      const view = assessPlan(() => db, { ...request, weekStart }, { tightest: false });
      const without = (cells: typeof view.compliance) => cells.filter((c) => c.withoutCapacity).map((c) => `${c.priority} × ${c.tierName}`);
      // With a published schedule, the same promises against the agents it puts on the policy's queue skill.
      const skill = active.volumeSource.kind === 'queue' ? queueSummaries(db).find((q) => q.name === (active.volumeSource as { queueName: string }).queueName)?.channel : undefined;
      const perHour = skill ? schedulePart?.agentsPerHourBySkill.get(skill) : undefined;
      const onSchedule = perHour && schedulePart ? assessPlan(() => db, { ...request, weekStart: schedulePart.schedule.weekStart }, { tightest: false, agentsPerSlot: perHour }) : undefined;
      sla = {
        withSchedule: onSchedule && skill && schedulePart ? { weekStart: schedulePart.schedule.weekStart, skill, overallInTarget: onSchedule.overallInTarget, cellsWithoutCapacity: without(onSchedule.compliance) } : null,
        policyId: active.id,
        policyName: active.name,
        overallInTarget: view.overallInTarget,
        cellsWithoutCapacity: without(view.compliance),
        headcount: active.headcount,
        headcountNeeded: view.headcountNeeded,
        fte: view.requirement.fte,
        weekStart,
        holidaysInWeek: active.businessHours.holidays.filter((d) => weekDates(weekStart).includes(d)),
      };
    } catch (error) {
      notes.push(`SLA policy "${active.name}" cannot be assessed: ${(error as Error).message}`);
    }
  }
  metrics.push({
    id: 'slaCompliance',
    label: 'SLA compliance (projected)',
    value: sla ? round(sla.overallInTarget * 100, 1) : null,
    unit: '% of tickets answered in target',
    cadence: 'projected from the plan',
    formula: 'Σ cell share × share of the cell’s tickets answered within its first-response target, with the policy’s team spread over the week’s business hours (holidays closed)',
    inputs: sla
      ? `${sla.policyName}, week of ${sla.weekStart}${sla.holidaysInWeek.length ? ` (holidays ${sla.holidaysInWeek.join(', ')}: SLA clock stopped)` : ''}: ${sla.headcount} agents; ${sla.cellsWithoutCapacity.length} cells without capacity; ${sla.headcountNeeded ?? '–'} agents keep every promise`
      : 'no active SLA policy',
    ...(sla ? {} : { unavailable: 'Make a policy active in SLA policies.' }),
  });

  return {
    workspaceName: workspace?.name ?? 'Workspace',
    timezone: workspace?.timezone ?? 'UTC',
    agentCount,
    metrics,
    schedule: schedulePart?.schedule ?? null,
    intervals: schedulePart?.intervals ?? [],
    coverageGaps: gaps,
    cost: { inputs: costInputs, result: cost, monthly },
    sla,
    checklist: planningChecklist(db, today, { agentCount, sla, days, schedulePlanned: schedulePart?.agentsScheduled ?? null }),
    notes,
  };
}

/** Tickets open over 24 h, from the latest ticket export kept ticket by ticket (SLA policies → Ticket export). */
function backlogMetric(db: Database): DashboardMetric {
  const summary = ticketSummary(db, DEFAULT_TIERS);
  const latest = summary.latest;
  const base = {
    id: 'backlog' as const,
    label: 'Backlog (open over 24 h)',
    unit: 'tickets',
    cadence: 'real-time when imported',
    formula: `tickets created at least ${BACKLOG_AGE_HOURS} h before the moment counted and not solved by then; the moment is the export's latest created or solved time, and each day's point is counted at local midnight ending the day`,
  };
  if (!latest) {
    return { ...base, value: null, inputs: 'no ticket export imported', unavailable: 'Import a ticket export with created and solved times in SLA policies → Ticket export to count the backlog.' };
  }
  if (summary.backlog === null) {
    return { ...base, value: null, inputs: `${f(latest.tickets)} tickets imported ${latest.importedAt.slice(0, 10)}, none with a solved time`, unavailable: 'The ticket export has no solved times: import one with its solved (resolved) column mapped.' };
  }
  return {
    ...base,
    value: summary.backlog,
    inputs: `${f(latest.tickets)} tickets from ${latest.fileName ?? 'the ticket export'} (imported ${latest.importedAt.slice(0, 10)}), counted as of ${latest.asOf!.slice(0, 16).replace('T', ' ')} UTC`,
    series: summary.dailyBacklog.map((p) => ({ label: p.date, value: p.backlog })),
  };
}

interface SchedulePart {
  schedule: NonNullable<DashboardOverview['schedule']>;
  intervals: RagInterval[];
  gaps: CoverageGap[];
  utilization: DashboardMetric;
  agentsScheduled: number;
  /** Agents working in each hour of the week (Monday 00:00 first), the hour's average, per skill. */
  agentsPerHourBySkill: Map<string, number[]>;
}

function publishedScheduleView(db: Database, days: ReturnType<typeof dailyWork>): SchedulePart | undefined {
  const meta = listSchedules(db).find((s) => s.status === 'published');
  if (!meta) return undefined;
  const stored = getSchedule(db, meta.id)!;
  const shifts = listShifts(db, meta.id);
  const intervalMinutes = stored.requirements.intervalMinutes;
  const coverage = computeCoverage({ intervalMinutes, days: 7, series: stored.requirements.series }, shifts.map(toAssignment));
  const loads: QueueWeekLoad[] = [];
  weekRequirements(db, meta.weekStart, intervalMinutes, { onQueueLoad: (load) => loads.push(load) });
  const slotsPerDay = 1440 / intervalMinutes;
  const dates = weekDates(meta.weekStart);
  const intervals: RagInterval[] = [];
  const gaps: CoverageGap[] = [];

  for (const skill of coverage.skills) {
    const skillLoads = loads.filter((l) => l.queue.channel === skill.skill);
    const volumes = Array.from({ length: 7 * slotsPerDay }, (_, t) => skillLoads.reduce((s, l) => s + (l.intervals[t]?.volume ?? 0), 0));
    const staffing = skillLoads[0]?.staffing;
    const agents = Array.from(skill.scheduled, (v) => Math.floor(v + 1e-9));
    const deferredRows =
      staffing?.mode === 'deferred'
        ? simulateDeferredBacklog(volumes, agents, { handleSec: staffing.handleSec, responseSec: staffing.responseSec, intervalMin: intervalMinutes, maxOccupancy: staffing.maxOccupancy })
        : undefined;
    for (let t = 0; t < volumes.length; t++) {
      const required = skill.required[t];
      if (volumes[t] <= 0 && required <= 0) continue;
      const readings = staffing ? readingsFor(staffing, volumes[t], agents[t], required, intervalMinutes, deferredRows?.[t]) : [];
      const status = worstStatus(readings.map((r) => r.status));
      const minute = (t % slotsPerDay) * intervalMinutes;
      intervals.push({
        skill: skill.skill,
        day: Math.floor(t / slotsPerDay),
        date: dates[Math.floor(t / slotsPerDay)],
        start: formatClock(minute),
        forecast: round(volumes[t], 2),
        required,
        scheduled: round(skill.scheduled[t], 2),
        status,
        readings,
        actions: readings.filter((r) => r.status === 'red').map((r) => RAG_RULES[r.metric].action),
        basis: staffing ? basisText(staffing, skillLoads.map((l) => l.queue.name)) : 'no queue of this skill',
      });
    }
    // Coverage gaps by hour: average scheduled under half the average required.
    const perHour = 60 / intervalMinutes;
    for (let h = 0; h < 7 * 24; h++) {
      const slice = (a: ArrayLike<number>) => Array.from({ length: perHour }, (_, k) => a[h * perHour + k]).reduce((s, v) => s + v, 0) / perHour;
      const required = slice(skill.required);
      const scheduled = slice(skill.scheduled);
      if (required > 0 && scheduled < COVERAGE_GAP_SHARE * required) gaps.push({ skill: skill.skill, date: dates[Math.floor(h / 24)], hour: h % 24, required: round(required, 2), scheduled: round(scheduled, 2) });
    }
  }

  // Utilization by day: ticket time (history where the day has it, else the plan's volumes) ÷ scheduled time.
  const history = new Map(days.map((d) => [d.date, d]));
  const series: { label: string; value: number }[] = [];
  let ticketHours = 0;
  let availableHours = 0;
  const sources = new Set<string>();
  dates.forEach((date, d) => {
    const scheduledHours = coverage.skills.reduce((s, sk) => s + Array.from(sk.scheduled.slice(d * slotsPerDay, (d + 1) * slotsPerDay)).reduce((a, v) => a + v, 0), 0) * (intervalMinutes / 60);
    const actual = history.get(date);
    let workHours: number;
    if (actual && actual.ticketsWithHandleTime > 0) {
      workHours = actual.handleSec / 3600;
      sources.add('history');
    } else {
      workHours = loads.reduce((s, l) => s + l.intervals.slice(d * slotsPerDay, (d + 1) * slotsPerDay).reduce((a, p) => a + (p.volume ?? 0), 0) * handleSecOf(l.staffing), 0) / 3600;
      sources.add('forecast');
    }
    if (scheduledHours <= 0) return;
    ticketHours += workHours;
    availableHours += scheduledHours;
    series.push({ label: date, value: round((workHours / scheduledHours) * 100, 1) });
  });
  const utilization: DashboardMetric = {
    id: 'utilization',
    label: 'Utilization',
    value: availableHours > 0 ? round((ticketHours / availableHours) * 100, 1) : null,
    unit: '%',
    cadence: 'daily',
    formula: 'ticket time (tickets × handle time) ÷ available time (scheduled agent-hours, breaks excluded)',
    inputs: `week of ${meta.weekStart}: ${f(round(ticketHours, 1))} h of ticket time (${[...sources].join(' and ')}) ÷ ${f(round(availableHours, 1))} scheduled agent-hours`,
    series,
  };
  const agentsScheduled = new Set(shifts.map((s) => s.agentId)).size;
  const perHour = 60 / intervalMinutes;
  const agentsPerHourBySkill = new Map(
    coverage.skills.map((sk) => [sk.skill, Array.from({ length: 168 }, (_, h) => Array.from(sk.scheduled.slice(h * perHour, (h + 1) * perHour)).reduce((a, v) => a + v, 0) / perHour)]),
  );
  return { schedule: { id: meta.id, weekStart: meta.weekStart, version: meta.version, intervalMinutes }, intervals, gaps, utilization, agentsScheduled, agentsPerHourBySkill };
}

function handleSecOf(staffing: ChannelStaffingSettings): number {
  return staffing.mode === 'live' ? staffing.ahtSec : staffing.handleSec;
}

function basisText(staffing: ChannelStaffingSettings, queues: string[]): string {
  return staffing.mode === 'live'
    ? `${queues.join(', ')}: Erlang ${staffing.patienceSec ? 'A' : 'C'} with the scheduled agents, AHT ${Math.round(staffing.ahtSec)} s; queue depth = arrivals per second × ASA (Little's law)`
    : `${queues.join(', ')}: deferred work worked oldest first by the scheduled agents, ${Math.round(staffing.handleSec)} s per item; queue depth = items past their ${f(staffing.responseSec / 3600)} h target`;
}

/** The readings of one interval: what the scheduled agents deliver against the forecast. */
function readingsFor(
  staffing: ChannelStaffingSettings,
  volume: number,
  agents: number,
  required: number,
  intervalMin: number,
  deferred?: { worked: number; overdue: number },
): RagReading[] {
  const reading = (metric: RagMetric, value: number): RagReading => ({ metric, value: round(value, 2), status: ragStatus(metric, value) });
  const short = reading('agentsShort', Math.max(0, required - agents));
  if (staffing.mode === 'live') {
    if (volume <= 0) return [short];
    const queue = liveQueue({ contacts: volume, intervalMin, ahtSec: staffing.ahtSec, patienceSec: staffing.patienceSec, concurrency: staffing.concurrency });
    const m = evaluateAgents(queue, agents, staffing.targets.answerSec);
    // An unstable queue (agents ≤ load) has no finite wait: it is rated at the red limit's tenfold.
    const waitMin = Number.isFinite(m.asaSec) ? m.asaSec / 60 : RAG_RULES.wait.yellow * 10;
    const depth = Number.isFinite(m.asaSec) ? (volume / (intervalMin * 60)) * m.asaSec : RAG_RULES.queueDepth.yellow * 10;
    return [reading('wait', waitMin), reading('queueDepth', depth), reading('utilization', m.occupancy * 100), short];
  }
  const busy = agents > 0 && deferred ? (deferred.worked * staffing.handleSec) / (agents * intervalMin * 60) : volume > 0 ? 1 : 0;
  return [reading('queueDepth', deferred?.overdue ?? 0), reading('utilization', busy * 100), short];
}

interface ChecklistFacts {
  agentCount: number;
  sla: DashboardOverview['sla'];
  days: ReturnType<typeof dailyWork>;
  schedulePlanned: number | null;
}

/** Monthly, quarterly and annual reviews for the current periods, with due dates and links into the app. */
function planningChecklist(db: Database, today: string, facts: ChecklistFacts): ChecklistItem[] {
  const now = DateTime.fromISO(today);
  const month = now.toFormat('yyyy-MM');
  const quarter = `${now.year}-Q${now.quarter}`;
  const year = String(now.year);
  const monthDue = now.endOf('month').toISODate()!;
  const quarterDue = now.endOf('quarter').toISODate()!;
  const yearDue = now.endOf('year').toISODate()!;
  const lastMonth = now.minus({ months: 1 }).toFormat('yyyy-MM');
  const lastMonthTickets = facts.days.filter((d) => d.date.startsWith(lastMonth)).reduce((s, d) => s + d.tickets, 0);
  const headcount = `team ${facts.agentCount} agents; published schedule uses ${facts.schedulePlanned ?? '–'}; active SLA policy needs ${facts.sla?.headcountNeeded ?? '–'} (${facts.sla ? f(round(facts.sla.fte, 1)) : '–'} FTE of required hours)`;
  const items: Omit<ChecklistItem, 'doneAt'>[] = [
    { key: 'actuals-vs-forecast', cadence: 'monthly', title: 'Actuals vs forecast', period: month, due: monthDue, link: '#/forecast', linkLabel: 'Forecast', detail: `${lastMonth}: ${f(round(lastMonthTickets))} tickets actual; compare with the forecast under Forecast → forecast vs actual` },
    { key: 'rolling-forecast', cadence: 'monthly', title: '3-month rolling forecast', period: month, due: monthDue, link: '#/forecast', linkLabel: 'Forecast', detail: 'Re-run the forecast with the new month of history, 90-day horizon' },
    { key: 'known-events', cadence: 'monthly', title: 'Known events', period: month, due: monthDue, link: '#/forecast', linkLabel: 'Forecast events', detail: 'Launches, campaigns, billing runs and holidays for the next three months' },
    { key: 'hiring-pipeline', cadence: 'monthly', title: 'Hiring pipeline', period: month, due: monthDue, link: '#/hiring', linkLabel: 'Hiring & ramp', detail: headcount },
    { key: 'plan-vs-actual-headcount', cadence: 'quarterly', title: 'Plan vs actual headcount', period: quarter, due: quarterDue, link: '#/dashboard', linkLabel: 'Dashboard', detail: headcount },
    { key: 'sla-review', cadence: 'quarterly', title: 'SLA promises vs capacity', period: quarter, due: quarterDue, link: '#/sla', linkLabel: 'SLA policies', detail: facts.sla ? `${facts.sla.cellsWithoutCapacity.length} cells without capacity in ${facts.sla.policyName}` : 'no active policy' },
    { key: 'tier-structure', cadence: 'quarterly', title: 'Tier structure and routing', period: quarter, due: quarterDue, link: '#/sla', linkLabel: 'SLA policies → tiers', detail: 'L1/L2/L3 ratio, resolution shares and the routing matrix' },
    { key: 'cost-model', cadence: 'annual', title: 'Cost model and budget', period: year, due: yearDue, link: '#/dashboard', linkLabel: 'Dashboard → cost', detail: 'Salary and benefits, tools, training and overhead per agent; cost per ticket' },
    { key: 'capacity-plan', cadence: 'annual', title: 'Annual capacity plan', period: year, due: yearDue, link: '#/staffing', linkLabel: 'Staffing', detail: 'Volume growth, handle time and service targets for next year' },
  ];
  const done = checklistDone(db);
  return items.map((item) => ({ ...item, doneAt: done.get(`${item.key}|${item.period}`) ?? null }));
}

export async function dashboardWorkbook(overview: DashboardOverview): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = 'Staffwise';
  const sheet = (name: string, columns: { header: string; key: string; width?: number }[], rows: Record<string, unknown>[]) => {
    const ws = book.addWorksheet(name);
    ws.columns = columns.map((c) => ({ width: 16, ...c }));
    ws.getRow(1).font = { bold: true };
    rows.forEach((r) => ws.addRow(r));
    return ws;
  };
  sheet(
    'Metrics',
    [
      { header: 'Metric', key: 'label', width: 30 },
      { header: 'Value', key: 'value' },
      { header: 'Unit', key: 'unit', width: 24 },
      { header: 'Cadence', key: 'cadence' },
      { header: 'Formula', key: 'formula', width: 70 },
      { header: 'Inputs', key: 'inputs', width: 70 },
    ],
    overview.metrics.map((m) => ({ ...m, value: m.value ?? m.unavailable })),
  );
  sheet(
    'Intervals',
    [
      { header: 'Skill', key: 'skill' },
      { header: 'Date', key: 'date' },
      { header: 'Start', key: 'start' },
      { header: 'Forecast contacts', key: 'forecast' },
      { header: 'Required agents', key: 'required' },
      { header: 'Scheduled agents', key: 'scheduled' },
      { header: 'Wait (min)', key: 'wait' },
      { header: 'Queue depth', key: 'queueDepth' },
      { header: 'Utilization (%)', key: 'utilization' },
      { header: 'Agents short', key: 'agentsShort' },
      { header: 'Status', key: 'status' },
      { header: 'Actions', key: 'actions', width: 60 },
    ],
    overview.intervals.map((i) => ({ ...i, ...Object.fromEntries(i.readings.map((r) => [r.metric, r.value])), actions: i.actions.join('; ') })),
  );
  sheet(
    'Coverage gaps',
    [
      { header: 'Skill', key: 'skill' },
      { header: 'Date', key: 'date' },
      { header: 'Hour', key: 'hour' },
      { header: 'Required agents', key: 'required' },
      { header: 'Scheduled agents', key: 'scheduled' },
    ],
    overview.coverageGaps.map((g) => ({ ...g })),
  );
  sheet(
    'Cost',
    [
      { header: 'Step', key: 'label', width: 40 },
      { header: 'Formula', key: 'formula', width: 80 },
      { header: 'Value', key: 'value' },
      { header: 'Unit', key: 'unit', width: 24 },
    ],
    [...overview.cost.result.steps.map((step) => ({ ...step })), ...overview.cost.monthly.map((m) => ({ label: `Cost per ticket ${m.month}`, formula: `${money(m.cost)} ÷ ${m.tickets} tickets`, value: m.costPerTicket, unit: '$ per ticket' }))],
  );
  sheet(
    'Planning calendar',
    [
      { header: 'Review', key: 'title', width: 30 },
      { header: 'Cadence', key: 'cadence' },
      { header: 'Period', key: 'period' },
      { header: 'Due', key: 'due' },
      { header: 'Done', key: 'doneAt', width: 26 },
      { header: 'Detail', key: 'detail', width: 80 },
    ],
    overview.checklist.map((c) => ({ ...c, doneAt: c.doneAt ?? '' })),
  );
  return Buffer.from(await book.xlsx.writeBuffer());
}

export function dashboardHandlers(ctx: ServiceContext & { pdf?: PdfPrinter }): Pick<Handlers, 'dashboard.overview' | 'dashboard.checklist.set' | 'dashboard.export'> {
  const today = () => DateTime.now().toISODate()!;
  return {
    'dashboard.overview': async () => {
      await ctx.workspaceReady();
      return buildOverview(ctx.db(), today());
    },
    'dashboard.checklist.set': ({ key, period, done }) => {
      setChecklistDone(ctx.db(), key, period, done);
      return { ok: true };
    },
    'dashboard.export': async ({ format }) => {
      await ctx.workspaceReady();
      const stamp = today();
      if (format === 'xlsx') {
        const content = await dashboardWorkbook(buildOverview(ctx.db(), stamp));
        return { fileName: `staffwise-dashboard-${stamp}.xlsx`, mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', encoding: 'base64', content: content.toString('base64') };
      }
      if (!ctx.pdf) throw new Error('PDF export needs the desktop app; in the browser use Print and choose "Save as PDF"');
      const pdf = await ctx.pdf.printToPdf();
      return { fileName: `staffwise-dashboard-${stamp}.pdf`, mimeType: 'application/pdf', encoding: 'base64', content: Buffer.from(pdf).toString('base64') };
    },
  };
}
