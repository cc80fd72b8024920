import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import type { DashboardFile, DashboardOverview } from '../../shared/api/channels/dashboard';
import { ragStatus } from '../../shared/engine/dashboard';
import type { Database } from 'better-sqlite3';
import { listScheduleAgents, publishSchedule, saveSolvedSchedule } from '../../db/repositories/schedules';
import { weekRequirements } from '../../electron/services/scheduleRequirements';
import { DEFAULT_TEMPLATES } from '../../shared/engine/schedule';
import { useBackends } from '../helpers/backend';
import { activeSlaPolicy, saveSlaPolicy } from '../../db/repositories/slaPolicies';
import { buildOverview } from '../../electron/services/dashboardService';

const newBackend = useBackends();
const WEEK = '2026-11-09';

/** A published week where every agent works 09:00–17:00 Monday to Friday on their first skill, lunch 12:00–12:30. */
function publishOfficeHoursWeek(db: Database): void {
  const shifts = listScheduleAgents(db).flatMap((agent) =>
    [0, 1, 2, 3, 4].map((day) => ({
      agentId: agent.id,
      day,
      date: `2026-11-${String(9 + day).padStart(2, '0')}`,
      start: 540,
      end: 1020,
      segments: [{ start: 540, end: 1020 }],
      breaks: [{ start: 720, end: 750, kind: 'lunch' as const, paid: false }],
      templateId: null,
      skill: agent.skills[0],
      locked: false,
    })),
  );
  const id = saveSolvedSchedule(db, {
    weekStart: WEEK,
    settings: { timeLimitSec: 10, intervalMinutes: 30 },
    requirements: weekRequirements(db, WEEK, 30),
    templates: DEFAULT_TEMPLATES,
    solve: { summary: { underHours: 0 }, explanations: [], violations: [], timeLimitSec: 10, lockedKept: 0, stoppedEarly: false } as never,
    shifts,
  });
  publishSchedule(db, id);
}

async function call<T>(backend: ReturnType<typeof newBackend>, channel: string, payload: unknown): Promise<T> {
  const envelope = await backend.dispatch(channel, payload);
  if (!envelope.ok) throw new Error(envelope.error.message);
  return envelope.value as T;
}

describe('thresholds', () => {
  it('rates wait, queue depth, utilization and agents short as the table says', () => {
    expect([4.9, 5, 15, 15.1].map((v) => ragStatus('wait', v))).toEqual(['green', 'yellow', 'yellow', 'red']);
    expect([9, 10, 25, 26].map((v) => ragStatus('queueDepth', v))).toEqual(['green', 'yellow', 'yellow', 'red']);
    expect([75, 80, 85, 90, 91].map((v) => ragStatus('utilization', v))).toEqual(['green', 'green', 'yellow', 'yellow', 'red']);
    expect([0, 1, 2, 4, 5].map((v) => ragStatus('agentsShort', v))).toEqual(['green', 'green', 'yellow', 'yellow', 'red']);
  });
});

describe('dashboard service on the demo workspace', () => {
  it('gives every metric with its formula, and says plainly what needs a published schedule or ticket-level data', async () => {
    const backend = newBackend();
    const overview = await call<DashboardOverview>(backend, 'dashboard.overview', {});
    expect(overview.metrics.map((m) => m.id)).toEqual(['ticketsPerAgentDay', 'handleTimeTrend', 'utilization', 'backlog', 'coverageGaps', 'costPerTicket', 'slaCompliance']);
    for (const m of overview.metrics) expect(m.formula.length).toBeGreaterThan(10);
    const byId = Object.fromEntries(overview.metrics.map((m) => [m.id, m]));
    // 40 agents; the demo takes roughly 1,300 contacts on a weekday.
    expect(byId.ticketsPerAgentDay.value).toBeGreaterThan(5);
    expect(byId.handleTimeTrend.series!.length).toBe(12);
    expect(byId.utilization.value).toBeNull();
    expect(byId.backlog.unavailable).toMatch(/Import a ticket export with created and solved times/);
    expect(overview.schedule).toBeNull();
    // Cost per ticket = 40 × $75,000 ÷ 12 ÷ the month's tickets.
    const month = overview.cost.monthly.at(-1)!;
    expect(month.cost).toBe(250_000);
    expect(byId.costPerTicket.value).toBeCloseTo(250_000 / month.tickets, 3);
    expect(overview.sla?.policyName).toBe('Standard SLA: Email & Tickets');
    expect(byId.slaCompliance.value).toBeGreaterThan(0);
    expect(overview.checklist.filter((c) => c.cadence === 'monthly')).toHaveLength(4);
  });

  it('ticks a checklist item for its period and exports the dashboard as a workbook', async () => {
    const backend = newBackend();
    const before = await call<DashboardOverview>(backend, 'dashboard.overview', {});
    const item = before.checklist[0];
    await call(backend, 'dashboard.checklist.set', { key: item.key, period: item.period, done: true });
    const after = await call<DashboardOverview>(backend, 'dashboard.overview', {});
    expect(after.checklist[0].doneAt).not.toBeNull();

    const file = await call<DashboardFile>(backend, 'dashboard.export', { format: 'xlsx' });
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(file.content, 'base64') as unknown as ArrayBuffer);
    expect(book.worksheets.map((w) => w.name)).toEqual(['Metrics', 'Intervals', 'Coverage gaps', 'Cost', 'Planning calendar']);
    expect(book.getWorksheet('Cost')!.getRow(4).getCell(3).value).toBe(12.5);

    const pdf = await backend.dispatch('dashboard.export', { format: 'pdf' });
    expect(!pdf.ok && pdf.error.message).toMatch(/Print/);
  });

  it('rates every interval of the published schedule against its requirement, with the actions where red', async () => {
    const backend = newBackend();
    await backend.ensureWorkspace();
    publishOfficeHoursWeek(backend.db());
    const overview = await call<DashboardOverview>(backend, 'dashboard.overview', {});
    expect(overview.schedule).toMatchObject({ weekStart: '2026-11-09', version: 1 });
    expect(overview.intervals.length).toBeGreaterThan(500);
    expect(new Set(overview.intervals.map((i) => i.skill))).toEqual(new Set(['phone', 'chat', 'email']));
    for (const i of overview.intervals) {
      const statuses = i.readings.map((r) => r.status);
      expect(i.status).toBe(statuses.includes('red') ? 'red' : statuses.includes('yellow') ? 'yellow' : 'green');
      expect(i.actions.length).toBe(i.readings.filter((r) => r.status === 'red').length);
      const short = i.readings.find((r) => r.metric === 'agentsShort')!;
      expect(short.value).toBe(Math.max(0, i.required - Math.floor(i.scheduled + 1e-9)));
    }
    // Everyone works 09–17 on weekdays: evenings and weekends are far short, so red intervals call in backups.
    const red = overview.intervals.filter((i) => i.status === 'red');
    expect(red.length).toBeGreaterThan(0);
    expect(red.flatMap((i) => i.actions)).toContain('Call in backups: part-timers, overtime, cross-trained agents');
    for (const gap of overview.coverageGaps) expect(gap.scheduled).toBeLessThan(gap.required / 2);
    const utilization = overview.metrics.find((m) => m.id === 'utilization')!;
    expect(utilization.value).toBeGreaterThan(10);
    expect(utilization.value).toBeLessThan(100);
    // The ticket policy (Mon–Sat 08–20) against email agents who only work 09–17 on weekdays: evenings and Saturday
    // have nobody, so fewer tickets are answered in target than with the team spread over the open hours.
    expect(overview.sla!.withSchedule).toMatchObject({ weekStart: WEEK, skill: 'email' });
    expect(overview.sla!.withSchedule!.overallInTarget).toBeLessThan(overview.sla!.overallInTarget);
    expect(utilization.series).toHaveLength(5); // nobody is scheduled at the weekend: no available time to divide by
  });
});

describe('SLA compliance projected for a week with a holiday', () => {
  it('stops the SLA clock on the policy’s holidays in the projected week: fewer open hours, lower compliance', async () => {
    const backend = newBackend();
    await call<DashboardOverview>(backend, 'dashboard.overview', {});
    const db = backend.db();
    const active = activeSlaPolicy(db)!;
    // The week of Monday 2026-12-21; Friday the 25th becomes a holiday of the active policy.
    const plain = buildOverview(db, '2026-12-23');
    saveSlaPolicy(db, { ...active, businessHours: { ...active.businessHours, holidays: ['2026-12-25', '2027-01-01'] } }, { id: active.id, activate: true });
    const christmas = buildOverview(db, '2026-12-23');
    expect(plain.sla).toMatchObject({ weekStart: '2026-12-21', holidaysInWeek: [] });
    expect(christmas.sla).toMatchObject({ weekStart: '2026-12-21', holidaysInWeek: ['2026-12-25'] });
    expect(christmas.sla!.overallInTarget).toBeLessThan(plain.sla!.overallInTarget);
    const metric = christmas.metrics.find((m) => m.id === 'slaCompliance')!;
    expect(metric.inputs).toContain('week of 2026-12-21 (holidays 2026-12-25: SLA clock stopped)');
    // A week without any of the holidays projects as the typical week does.
    expect(buildOverview(db, '2026-12-16').sla!.overallInTarget).toBeCloseTo(plain.sla!.overallInTarget, 12);
  });
});
