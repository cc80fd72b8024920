/**
 * Services through the real IPC registration: a stand-in for Electron's ipcMain records the handler that
 * registerIpc installs, and the tests call it exactly as Electron would.
 */
import { describe, expect, it } from 'vitest';
import type { IpcMainInvokeEvent } from 'electron';
import { registerIpc } from '../../electron/ipc/registerIpc';
import { EVENT_CHANNEL, INVOKE_CHANNEL } from '../../electron/ipc/channels';
import { appChannelNames, channels, cliOnlyChannelNames, type Channel } from '../../shared/api/contract';
import type { Envelope } from '../../shared/api/errors';
import type { Backend } from '../../electron/services/backend';
import { useBackends } from '../helpers/backend';
import { defaultSlaPolicy, weekdayBusinessHours } from '../../shared/engine/sla';

const newBackend = useBackends();
const APP_URL = 'file:///app/dist/renderer/index.html';
type InvokeHandler = (event: IpcMainInvokeEvent, channel: unknown, payload: unknown) => Promise<Envelope<unknown>>;

function wire(backend: Backend) {
  const handlers = new Map<string, InvokeHandler>();
  const sent: unknown[][] = [];
  const ipcMain = {
    handle: (name: string, fn: InvokeHandler) => void handlers.set(name, fn),
    removeHandler: (name: string) => void handlers.delete(name),
  };
  const unregister = registerIpc({
    ipcMain: ipcMain as never,
    backend,
    targets: () => [{ send: (...args: unknown[]) => void sent.push(args), isDestroyed: () => false }] as never,
    isTrustedSender: (event) => event.senderFrame?.url === APP_URL,
  });
  const invoke = (channel: unknown, payload: unknown, url = APP_URL) =>
    handlers.get(INVOKE_CHANNEL)!({ senderFrame: { url } } as IpcMainInvokeEvent, channel, payload);
  return { invoke, sent, unregister, handlers };
}

const worked = { volume: 500, ahtMin: 20, hours: 8, utilization: 0.75 };
const erlang = { callsPerInterval: 100, intervalMin: 30, ahtSec: 180, slTarget: 0.8, answerSec: 20 };
const email = { itemsPerDay: 400, handleMin: 8, responseHours: 4, openFromHour: 8, openToHour: 20 };
const live = { mode: 'live', intervalMin: 15, ahtSec: 180, targets: { answerSec: 20, serviceLevel: 0.8 } };
const slaPlan = {
  policy: defaultSlaPolicy(),
  mix: { cells: [{ priority: 'P3', tier: 'business', share: 1 }] },
  businessHours: weekdayBusinessHours('UTC'),
  settings: { ahtMin: 20 },
  volumeSource: { kind: 'sample', ticketsPerMonth: 1200 },
  headcount: 5,
};
const costExample = { salaryAndBenefits: 60000, toolsPerSeat: 5000, training: 2000, managementOverhead: 8000, ticketsPerAgentPerDay: 25, workingDaysPerYear: 240 };
const TIMES = { start: 480, end: 960, segments: [{ start: 480, end: 960 }], breaks: [] };

/** Malformed payloads per channel; typed over every channel so a new channel cannot be added without cases. */
const MALFORMED: Record<Channel, unknown[]> = {
  'workspace.summary': [{ extra: 1 }],
  'demo.reset': [{ weeks: 'many' }, { weeks: 1000 }, { weeks: 2.5 }],
  'jobs.cancel': [{}, { jobId: 5 }, { jobId: '' }],
  'capacity.calculate': [{}, { ...worked, volume: -5 }, { ...worked, hours: 0 }, { ...worked, utilization: 1.5 }, { ...worked, ahtMin: 'twenty' }],
  'capacity.list': [{ filter: 'x' }],
  'capacity.save': [{ name: '', inputs: worked }, { name: 'x', inputs: { ...worked, utilization: 2 } }, { name: 'x' }, { name: 42, inputs: worked }],
  'capacity.delete': [{}, { id: -1 }, { id: 'one' }],
  'staffing.solve': [{}, { ...erlang, slTarget: 1.2 }, { ...erlang, ahtSec: 0 }, { ...erlang, intervalMin: -30 }, { ...erlang, callsPerInterval: 'many' }, { ...erlang, maxAbandon: 0.05 }],
  'staffing.deferredDay': [{}, { ...email, responseHours: 0.1 }, { ...email, openToHour: 8 }, { ...email, openFromHour: 25 }],
  'staffing.requirements': [
    {},
    { staffing: { mode: 'live' }, source: { kind: 'queue', queueId: 1 } },
    { staffing: live, source: { kind: 'series', intervalMin: 15, points: [] } },
    { staffing: live, source: { kind: 'series', intervalMin: 15, points: [{ start: '2026-11-16T08:00', volume: -3 }] } },
    { staffing: live, source: { kind: 'file', path: '/etc/passwd' } },
    { staffing: live, source: { kind: 'forecast', runId: 1 } },
  ],
  'staffing.profiles.list': [{ all: true }],
  'staffing.profiles.save': [{ name: '', channel: 'phone', queueName: null, settings: live }, { name: 'x', channel: 'fax', queueName: null, settings: live }, { name: 'x', channel: 'phone', queueName: null }],
  'staffing.profiles.delete': [{ id: 0 }],
  'import.intervals.preview': [{}, { text: '' }, { text: 42 }, { text: 'timestamp,volume\n', queueName: '' }, { text: 'a', channel: 'fax' }],
  'import.intervals.start': [{ text: 'timestamp,volume\n2024-01-01 09:00,3' }, { text: 'x', queueName: 'Sales', channel: 'phone', fileName: '' }, { text: '', queueName: 'Sales', channel: 'phone' }, { text: 'x', queueName: 'Sales', channel: 'fax' }, { text: 'x', queueName: '   ', channel: 'phone' }],
  'import.tickets.preview': [{}, { text: '' }, { text: 'a,b', intervalMinutes: 20 }, { text: 'a,b', mapping: { createdAt: -1, queue: [] } }, { text: 'a,b', mapping: { createdAt: 0, queue: [0] } }, { text: 'a,b', wholeFile: 'no' }],
  'import.tickets.start': [
    { text: 'a,b' },
    { text: 'a,b', mapping: { createdAt: 0, queue: [1] }, intervalMinutes: 15 },
    { text: 'a,b', mapping: { createdAt: 0, queue: [1] }, intervalMinutes: 7, defaultChannel: 'email' },
    { text: 'a,b', mapping: { createdAt: 0.5, queue: [1] }, intervalMinutes: 15, defaultChannel: 'email' },
    { text: 'a,b', mapping: { createdAt: 0, queue: [1], handleTime: { column: 1, unit: 'days' } }, intervalMinutes: 15, defaultChannel: 'email' },
    { text: 'a,b', mapping: { createdAt: 0, queue: [] }, intervalMinutes: 15, defaultChannel: 'email', channels: { Sales: 'fax' } },
    { text: 'a,b', mapping: { createdAt: 0, queue: [] }, intervalMinutes: 15, defaultChannel: 'email', dateRange: { from: '2024-11-04', to: '2024-11-03' } },
    { text: 'a,b\n', mapping: { createdAt: 5, queue: [] }, intervalMinutes: 15, defaultChannel: 'email' },
  ],
  'import.history': [{ limit: 0 }, { limit: 'all' }, { limit: 2.5 }, { all: true }],
  'backups.list': [{ all: true }],
  'backups.create': [{ reason: 'daily' }],
  'backups.restore': [{}, { name: '' }, { name: '../staffwise.db' }, { name: 'x'.repeat(300) }, { name: 42 }],
  'demo.resetImpact': [{ weeks: 4 }],
  'forecast.run': [{}, { queueId: 1, horizonDays: 0, method: 'auto' }, { queueId: 1, horizonDays: 7, method: 'crystal-ball' }, { queueId: 1, horizonDays: 7, method: 'auto', asOf: '21/11/2026' }, { queueId: 1, horizonDays: 7, method: 'auto', intervalMin: 20 }],
  'forecast.runs': [{}, { queueId: 'billing' }],
  'forecast.view': [{}, { runId: -2 }],
  'forecast.adjustDay': [{ queueId: 1, date: '2026-11-23', total: -5 }, { queueId: 1, date: 'monday', total: 10 }, { queueId: 1, date: '2026-11-23' }],
  'forecast.accuracy': [{ runId: 'latest' }],
  'forecast.exportCsv': [{}],
  'forecast.series': [{}, { history: { intervalMin: 30, points: [] }, intervalMin: 30, horizonDays: 7, method: 'auto' }, { history: { intervalMin: 30, points: [{ start: '2026-11-16T08:00', value: -1 }] }, intervalMin: 30, horizonDays: 7, method: 'auto' }],
  'events.list': [{ queueId: 1 }],
  'events.save': [{ event: { name: '', startDate: '2026-11-26', endDate: '2026-11-26', effect: 'closed', value: null, queueId: null } }, { event: { name: 'Sale', startDate: '2026-11-27', endDate: '2026-11-20', effect: 'multiplier', value: 1.3, queueId: null } }, { event: { name: 'Sale', startDate: '2026-11-27', endDate: '2026-11-28', effect: 'boost', value: 1.3, queueId: null } }],
  'events.delete': [{ id: 'x' }],
  'roster.curtois': [{}, { text: '', timeLimitSec: 5 }, { text: 'SECTION_HORIZON\n7', timeLimitSec: 0 }, { text: 'SECTION_HORIZON\n7', timeLimitSec: 'soon' }],
  'schedule.solve': [{}, { input: [], timeLimitSec: 5 }, { input: { agents: [] }, timeLimitSec: -1 }, { input: 'agents.csv', timeLimitSec: 5 }],
  'schedule.overview': [{ week: '2026-11-23' }],
  'schedule.templates': [{ all: true }],
  'schedule.templates.save': [
    {},
    { template: { name: 'Evening', earliestStart: '17:00', latestStart: '16:00', segments: [{ offsetMinutes: 0, lengthMinutes: 240 }] } },
    { template: { name: 'Evening', earliestStart: '17:00', latestStart: '18:00', segments: [] } },
    { template: { name: '', earliestStart: '17:00', latestStart: '18:00', segments: [{ offsetMinutes: 0, lengthMinutes: 240 }] } },
    { id: '', template: { name: 'Evening', earliestStart: '17:00', latestStart: '18:00', segments: [{ offsetMinutes: 0, lengthMinutes: 240 }] } },
    { template: { name: 'Evening', earliestStart: '25:00', latestStart: '26:00', segments: [{ offsetMinutes: 0, lengthMinutes: 240 }] } },
  ],
  'schedule.templates.delete': [{}, { id: '' }, { id: 3 }],
  'schedule.forecastRuns': [{}, { weekStart: '2026-11-24' }, { weekStart: 'next week' }],
  'schedule.chooseForecastRun': [{}, { weekStart: '2026-11-23', queueId: 1 }, { weekStart: '2026-11-23', queueId: 1, runId: 'newest' }, { weekStart: '2026-11-24', queueId: 1, runId: null }],
  'schedule.requirements': [{}, { weekStart: '2026-11-24' }, { weekStart: 'next week' }, { weekStart: '2026-11-23', intervalMinutes: 20 }],
  'schedule.generate': [{ weekStart: '2026-11-23' }, { weekStart: '2026-11-25', timeLimitSec: 10 }, { weekStart: '2026-11-23', timeLimitSec: 1 }, { weekStart: '2026-11-23', timeLimitSec: 10, scheduleId: 0 }, { weekStart: '2026-11-23', timeLimitSec: 10, intervalMinutes: 60 }],
  'schedule.stop': [{}, { jobId: '' }],
  'schedule.view': [{}, { scheduleId: 'latest' }],
  'schedule.updateShift': [
    { scheduleId: 1, shiftId: 1 },
    { scheduleId: 1, shiftId: 1, times: { start: 960, end: 480, segments: [{ start: 480, end: 960 }], breaks: [] } },
    { scheduleId: 1, shiftId: 1, times: { start: 480, end: 960, segments: [{ start: 480, end: 960 }], breaks: [{ start: 1000, end: 1015, kind: 'break', paid: true }] } },
    { scheduleId: 1, shiftId: 1, times: { start: 480, end: 3000, segments: [{ start: 480, end: 3000 }], breaks: [] } },
    { scheduleId: 1, shiftId: 1, times: { start: 480, end: 960, segments: [], breaks: [] } },
    { scheduleId: 1, shiftId: 1, times: TIMES, moveTo: { agentId: 2, day: 7, skill: 'phone' } },
    { scheduleId: 1, shiftId: 1, times: TIMES, moveTo: { agentId: 2, day: 1 } },
  ],
  'schedule.addShift': [{ scheduleId: 1, agentId: 1, day: 7, skill: 'phone', templateId: null, times: TIMES }, { scheduleId: 1, agentId: 1, day: 0, skill: '', templateId: null, times: TIMES }, { scheduleId: 1, agentId: 1, day: 0, skill: 'phone', times: TIMES }],
  'schedule.deleteShift': [{ scheduleId: 1 }, { scheduleId: 1, shiftId: -1 }],
  'schedule.lockShifts': [{ scheduleId: 1, shiftIds: [], locked: true }, { scheduleId: 1, shiftIds: [1], locked: 'yes' }],
  'schedule.publish': [{}, { scheduleId: 1.5 }],
  'schedule.deleteDraft': [{ scheduleId: 0 }],
  'schedule.export': [{ scheduleId: 1 }, { scheduleId: 1, format: 'pdf' }, { scheduleId: 1, format: 'ics', agentId: 'all' }],
  'schedule.agentPreferences.save': [
    { agentId: 1 },
    { agentId: 1, preferences: { fixedWeekdaysOff: [7], availability: [], preferences: [] } },
    { agentId: 1, preferences: { fixedWeekdaysOff: [], availability: [{ weekday: 0, from: '8am', to: '17:00' }], preferences: [] } },
    { agentId: 1, preferences: { fixedWeekdaysOff: [], availability: [{ weekday: 0, from: '08:00', to: '08:00' }], preferences: [] } },
    { agentId: 1, preferences: { fixedWeekdaysOff: [], availability: [{ weekday: 0, from: '08:00', to: '12:00' }, { weekday: 0, from: '11:00', to: '17:00' }], preferences: [] } },
    { agentId: 1, preferences: { fixedWeekdaysOff: [], availability: [], preferences: [{ kind: 'hate', weight: 1 }] } },
  ],
  'plan.list': [{ all: true }],
  'plan.get': [{}, { id: 0 }],
  'plan.defaults': [{ weeks: 12 }, { weeks: 105 }],
  'plan.save': [{}, { name: 'x', startWeek: '2027-01-05', weeks: 52, document: {}, classes: [], linkedToSchedule: false }, { name: 'x', startWeek: '2027-01-04', weeks: 200 }],
  'plan.delete': [{ id: 'one' }],
  'plan.project': [{}, { plan: { name: 'x' } }],
  'plan.optimise': [{}, { id: 1, timeLimitSec: 0 }],
  'plan.stop': [{}, { jobId: '' }],
  'plan.export': [{ plan: {} , format: 'json' }],
  'plan.import': [{ name: 'x' }, { name: 'x', json: '' }],
  'ramp.list': [{ x: 1 }],
  'ramp.save': [{ name: 'r', weeks: [] }, { name: 'r', weeks: [{ load: 25, focus: '', support: '' }] }],
  'ramp.delete': [{}],
  'sla.policies.list': [{ all: true }],
  'sla.policies.save': [{}, { name: 'x' }, { ...slaPlan, name: '' }, { ...slaPlan, name: 'x', headcount: -1 }],
  'sla.policies.delete': [{}, { id: 0 }],
  'sla.assess': [{}, { ...slaPlan, headcount: 2.5 }, { ...slaPlan, mix: { cells: [{ priority: 'P9', tier: 'business', share: 1 }] } }, { ...slaPlan, settings: { ahtMin: 0 } }],
  'sla.tiers.get': [{ x: 1 }],
  'sla.tiers.save': [{}, { definition: {}, ticketsPerDay: 10, productiveHours: 6, utilization: 0.8 }],
  'cost.calculate': [{}, { ...costExample, ticketsPerAgentPerDay: 0 }, { ...costExample, ahtCut: 10 }],
  'cost.inputs.get': [{ x: 1 }],
  'cost.inputs.save': [{}, { ...costExample, workingDaysPerYear: 400 }],
  'sla.tickets.preview': [{}, { text: '' }, { text: 'a,b\n', mapping: { createdAt: 0, solvedAt: null, priority: 0, organization: null } }],
  'sla.tickets.import': [{ text: 'a,b\n' }, { text: 'a,b\n', mapping: { createdAt: -1, solvedAt: null, priority: 1, organization: null } }],
  'sla.tickets.fromXlsx': [{}, { base64: '' }, { base64: 'not base64!' }],
  'sla.tickets.summary': [{ x: 1 }, { tiers: [] }],
  'sla.tickets.mix': [{}, { policy: { priorities: ['P9'], tiers: [] } }],
  'sla.tickets.tiers.save': [{}, { tierMapping: { Acme: 5 } }],
  'dashboard.overview': [{ week: 1 }],
  'dashboard.checklist.set': [{}, { key: 'sla-review', period: 'Q4', done: true }, { key: 'sla-review', period: '2026-Q4', done: 'yes' }],
  'dashboard.export': [{}, { format: 'docx' }],
  'scenario.presets': [{ all: true }],
  'scenario.list': [{}, { planId: 0 }],
  'scenario.save': [{ planId: 1, name: '', changes: [] }, { planId: 1, name: 'x', changes: [{ kind: 'volume', from: '2027-03-01', to: '2027-03-02' }] }, { planId: 1, name: 'x', changes: [{ kind: 'occupancy', value: 85, fromWeek: 0, toWeek: 1 }] }],
  'scenario.versions': [{ id: 'x' }],
  'scenario.makeBaseline': [{}],
  'scenario.delete': [{ id: -1 }],
  'scenario.compare': [{ planId: 1, scenarios: [] }, { planId: 1, scenarios: Array.from({ length: 5 }, () => ({ name: 'x', changes: [] })) }],
  'scenario.shock': [{ weekStart: '2027-03-01', from: '2027-03-02', to: '2027-03-01', value: 3 }, { weekStart: '2027-03-01', from: '2027-03-01', to: '2027-03-02', value: -2 }],
  'scenario.simulate': [{ planId: 1, changes: [], runs: 5 }, { planId: 1, changes: [], runs: 100.5 }],
};
const NOT_OBJECTS = [undefined, null, 42, 'text', [], true];

describe('services over IPC', () => {
  it('computes the worked example through the registered handler', async () => {
    const { invoke } = wire(newBackend());
    const reply = await invoke('capacity.calculate', { ...worked, shrinkage: 0.3 });
    expect(reply.ok).toBe(true);
    expect(reply).toMatchObject({ value: { requiredAgentsRounded: 28, rosteredAgents: 40, workloadMin: 10000, productiveMinPerAgent: 360 } });
  });

  it('saves, lists, overwrites by name and deletes calculations', async () => {
    const { invoke } = wire(newBackend());
    const saved = (await invoke('capacity.save', { name: 'Email team', inputs: worked })) as Envelope<{ id: number }>;
    expect(saved.ok).toBe(true);
    await invoke('capacity.save', { name: 'Email team', inputs: { ...worked, volume: 600 } });
    const list = (await invoke('capacity.list', {})) as Envelope<{ name: string; inputs: { volume: number } }[]>;
    expect(list.ok && list.value.map((c) => [c.name, c.inputs.volume])).toEqual([['Email team', 600]]);
    const id = saved.ok ? saved.value.id : 0;
    expect(await invoke('capacity.delete', { id })).toEqual({ ok: true, value: { deleted: true } });
    expect(await invoke('capacity.list', {})).toEqual({ ok: true, value: [] });
  });

  it('answers malformed payloads on every channel with a clear error and writes nothing', async () => {
    const backend = newBackend();
    const { invoke } = wire(backend);
    await backend.ensureWorkspace();
    await invoke('capacity.save', { name: 'Existing', inputs: worked });
    const db = backend.db();
    const changesBefore = db.prepare('SELECT total_changes()').pluck().get();
    const snapshot = () => db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all().map((t) => [t, db.prepare(`SELECT COUNT(*) FROM "${String(t)}"`).pluck().get()]);
    const tablesBefore = snapshot();

    const cliOnly: readonly string[] = cliOnlyChannelNames;
    for (const channel of channels) {
      for (const payload of [...NOT_OBJECTS, ...MALFORMED[channel]]) {
        // The CLI's own channels are not reachable over IPC; their validation is the CLI's dispatcher's.
        const reply = cliOnly.includes(channel) ? await backend.dispatchLocal(channel, payload) : await invoke(channel, payload);
        expect(reply.ok, `${channel} accepted ${JSON.stringify(payload)}`).toBe(false);
        if (!reply.ok) {
          expect(reply.error.code).toBe('invalid_request');
          expect(reply.error.message).toContain(channel);
          expect(reply.error.issues?.length).toBeGreaterThan(0);
        }
      }
    }
    expect(db.prepare('SELECT total_changes()').pluck().get()).toBe(changesBefore);
    expect(snapshot()).toEqual(tablesBefore);
  });

  it('names the offending field in the error', async () => {
    const { invoke } = wire(newBackend());
    const reply = await invoke('capacity.calculate', { ...worked, utilization: 1.5 });
    expect(reply).toEqual({
      ok: false,
      error: {
        code: 'invalid_request',
        message: 'Invalid request to capacity.calculate: utilization: Utilization cannot exceed 100%',
        issues: [{ path: 'utilization', message: 'Utilization cannot exceed 100%' }],
      },
    });
  });

  it('rejects unknown channels and untrusted senders', async () => {
    const { invoke } = wire(newBackend());
    expect(await invoke('db.exec', { sql: 'DROP TABLE agents' })).toMatchObject({ ok: false, error: { code: 'unknown_channel' } });
    expect(await invoke('__proto__', {})).toMatchObject({ ok: false, error: { code: 'unknown_channel' } });
    expect(await invoke('capacity.calculate', worked, 'https://evil.example/')).toMatchObject({ ok: false, error: { message: 'Calls are accepted only from the Staffwise window.' } });
  });

  it('refuses the CLI-only channels over IPC, so no UI request can run a whole solve on the main process', async () => {
    const { invoke } = wire(newBackend());
    for (const channel of cliOnlyChannelNames) {
      expect(await invoke(channel, {}), channel).toMatchObject({ ok: false, error: { code: 'unknown_channel' } });
    }
  });

  it('lists every channel exactly once between the app and CLI name lists', () => {
    expect([...appChannelNames, ...cliOnlyChannelNames].sort()).toEqual([...channels].sort());
    expect(appChannelNames.filter((c) => (cliOnlyChannelNames as readonly string[]).includes(c))).toEqual([]);
  });

  it('pushes job events to windows and unregisters cleanly', async () => {
    const backend = newBackend();
    const { invoke, sent, unregister, handlers } = wire(backend);
    const reply = (await invoke('demo.reset', { weeks: 4 })) as Envelope<{ jobId: string }>;
    expect(reply.ok).toBe(true);
    const done = await backend.waitForJob(reply.ok ? reply.value.jobId : '');
    expect(done?.status).toBe('succeeded');
    expect(sent.some(([channel, name]) => channel === EVENT_CHANNEL && name === 'job.progress')).toBe(true);
    expect(sent.some(([channel, name]) => channel === EVENT_CHANNEL && name === 'job.done')).toBe(true);
    unregister();
    expect(handlers.size).toBe(0);
  });
});
