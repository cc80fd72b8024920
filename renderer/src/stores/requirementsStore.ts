/**
 * The interval-requirements view: a queue's week of history (or pasted volumes) and how the queue is staffed,
 * turned into required agents per interval. Settings are kept as typed text and checked with the same schema the
 * service uses before anything is sent or saved.
 */
import { create } from 'zustand';
import { channelStaffingSchema, type ChannelStaffingSettings, type StaffingProfile } from '../../../shared/api/channels/staffing';
import type { ForecastRunSummary } from '../../../shared/api/channels/forecast';
import type { ResponseOf } from '../../../shared/api/contract';
import type { ChannelKind, QueueSummary } from '../../../shared/api/types';
import { parseIntervalCountsCsv } from '../../../shared/import';
import { api } from '../api';
import { STAFFING_DEFAULTS, isDeferredChannel } from '../../../shared/engine/requirements/staffingDefaults';
import { parseNumberField } from '../components/parseNumber';
import { defaultWeekOfRun } from '../../../shared/calendar/forecastWeeks';
import { CAP, SHARE, SHRINKAGE, parsePercentField, type PercentFieldSpec } from '../components/parsePercent';

export type SettingField = 'ahtSec' | 'slPct' | 'answerSec' | 'maxOccupancyPct' | 'shrinkagePct' | 'concurrency' | 'patienceSec' | 'handleMin' | 'responseHours';
export type Settings = Record<SettingField, string>;

const FIELD_FOR_PATH: Record<string, SettingField> = {
  ahtSec: 'ahtSec', 'targets.serviceLevel': 'slPct', 'targets.answerSec': 'answerSec', 'targets.maxOccupancy': 'maxOccupancyPct', maxOccupancy: 'maxOccupancyPct',
  shrinkage: 'shrinkagePct', 'concurrency.concurrency': 'concurrency', patienceSec: 'patienceSec', handleSec: 'handleMin', responseSec: 'responseHours',
};

const PERCENT_FIELDS: Partial<Record<SettingField, PercentFieldSpec>> = {
  slPct: { what: 'Service level', range: SHARE },
  maxOccupancyPct: { what: 'Maximum occupancy', range: CAP },
  shrinkagePct: { what: 'Shrinkage', range: SHRINKAGE },
};

export const isDeferred = isDeferredChannel;

/** The form's starting text: the pipeline's staffing defaults (fractions) shown as percentages, hours and minutes. */
export function defaultSettings(queue: Pick<QueueSummary, 'channel' | 'meanAhtSec'>): Settings {
  const d = STAFFING_DEFAULTS;
  const aht = Math.round(queue.meanAhtSec ?? d.fallbackAhtSec);
  const percent = (fraction: number) => String(+(fraction * 100).toFixed(4));
  return {
    slPct: percent(d.serviceLevel),
    answerSec: String(d.answerSec),
    shrinkagePct: percent(d.shrinkage),
    patienceSec: '',
    ahtSec: String(aht),
    concurrency: queue.channel === 'chat' ? String(d.chatConcurrency) : '1',
    handleMin: String(+(aht / 60).toFixed(1)),
    responseHours: String(d.responseSec / 3600),
    maxOccupancyPct: percent(isDeferred(queue.channel) ? d.deferredMaxOccupancy : d.liveMaxOccupancy),
  };
}

/** Typed settings → the API's staffing settings, or messages per field. */
export function buildStaffing(channel: ChannelKind, settings: Settings, intervalMin: number): { staffing?: ChannelStaffingSettings; errors: Partial<Record<SettingField | 'form', string>> } {
  const errors: Partial<Record<SettingField | 'form', string>> = {};
  const n = (field: SettingField, optional = false) => {
    const parsed = parseNumberField(settings[field], optional);
    if (parsed.error) errors[field] = parsed.error;
    return parsed.value;
  };
  const pct = (field: SettingField, optional = false) => {
    const parsed = parsePercentField(settings[field], PERCENT_FIELDS[field]!, optional);
    if (parsed.error) errors[field] = parsed.error;
    return parsed.value === undefined ? undefined : parsed.value / 100;
  };
  const candidate = isDeferred(channel)
    ? { mode: 'deferred', handleSec: (n('handleMin') ?? 0) * 60, responseSec: (n('responseHours') ?? 0) * 3600, intervalMin, maxOccupancy: pct('maxOccupancyPct', true), shrinkage: pct('shrinkagePct', true) }
    : {
        mode: 'live',
        intervalMin,
        ahtSec: n('ahtSec'),
        patienceSec: n('patienceSec', true),
        shrinkage: pct('shrinkagePct', true),
        ...((n('concurrency', true) ?? 1) > 1 && { concurrency: { concurrency: n('concurrency', true), efficiency: 1 } }),
        targets: { answerSec: n('answerSec'), serviceLevel: pct('slPct'), maxOccupancy: pct('maxOccupancyPct', true) },
      };
  if (Object.keys(errors).length) return { errors };
  const parsed = channelStaffingSchema.safeParse(candidate);
  if (parsed.success) return { staffing: parsed.data, errors };
  for (const issue of parsed.error.issues) {
    const path = issue.path.map(String).join('.');
    errors[FIELD_FOR_PATH[path] ?? FIELD_FOR_PATH[path.split('.').slice(-1)[0]] ?? 'form'] ??= issue.message;
  }
  return { errors };
}

/** Settings saved in a profile → the text fields. */
export function settingsFromProfile(profile: StaffingProfile, base: Settings): Settings {
  const s = profile.settings;
  const pct = (v: number | undefined) => (v === undefined ? '' : String(+(v * 100).toFixed(4)));
  if (s.mode === 'deferred') {
    return { ...base, handleMin: String(+(s.handleSec / 60).toFixed(2)), responseHours: String(+(s.responseSec / 3600).toFixed(2)), maxOccupancyPct: pct(s.maxOccupancy), shrinkagePct: pct(s.shrinkage) };
  }
  return {
    ...base,
    ahtSec: String(s.ahtSec),
    slPct: pct(s.targets.serviceLevel),
    answerSec: String(s.targets.answerSec),
    maxOccupancyPct: pct(s.targets.maxOccupancy),
    shrinkagePct: pct(s.shrinkage),
    concurrency: String(s.concurrency?.concurrency ?? 1),
    patienceSec: s.patienceSec === undefined ? '' : String(s.patienceSec),
  };
}

type Source = 'queue' | 'paste' | 'forecast';

interface RequirementsStore {
  queueId?: number;
  weekStart?: string;
  source: Source;
  pasteText: string;
  /** The queue's forecast runs, newest first, and the one (and week of it) to staff when the source is a forecast. */
  runs: ForecastRunSummary[];
  runId?: number;
  runWeek?: string;
  /** Live channels: take the forecast's AHT per interval instead of the one typed. */
  useForecastAht: boolean;
  settings?: Settings;
  errors: Partial<Record<SettingField | 'form' | 'paste' | 'name', string>>;
  result?: ResponseOf<'staffing.requirements'>;
  running: boolean;
  profiles: StaffingProfile[];
  profileName: string;
  notice?: { kind: 'ok' | 'error'; text: string };
  selectQueue(queue: QueueSummary): void;
  setWeek(weekStart: string | undefined): void;
  setSource(source: Source): void;
  setPasteText(text: string): void;
  setRun(runId: number, runWeek?: string): void;
  setUseForecastAht(on: boolean): void;
  setSetting(field: SettingField, value: string): void;
  setProfileName(name: string): void;
  calculate(queue: QueueSummary, timezone: string): Promise<void>;
  saveProfile(queue: QueueSummary): Promise<void>;
  loadProfiles(): Promise<void>;
  applyProfile(profile: StaffingProfile, queue: QueueSummary): void;
  deleteProfile(id: number): Promise<void>;
}

export const useRequirements = create<RequirementsStore>((set, get) => ({
  source: 'queue',
  pasteText: '',
  runs: [],
  useForecastAht: true,
  errors: {},
  running: false,
  profiles: [],
  profileName: '',
  selectQueue: (queue) => {
    set({ queueId: queue.id, settings: defaultSettings(queue), result: undefined, errors: {}, weekStart: undefined, runs: [], runId: undefined, runWeek: undefined, source: get().source === 'forecast' ? 'queue' : get().source });
    void api['forecast.runs']({ queueId: queue.id }).then((runs) => {
      if (get().queueId === queue.id) set({ runs, runId: (runs.find((r) => !r.backtest) ?? runs[0])?.id });
    });
  },
  setRun: (runId, runWeek) => set({ runId, runWeek, result: undefined }),
  setUseForecastAht: (useForecastAht) => set({ useForecastAht }),
  setWeek: (weekStart) => set({ weekStart }),
  setSource: (source) => set({ source, result: undefined }),
  setPasteText: (pasteText) => set({ pasteText }),
  setSetting: (field, value) => set((s) => ({ settings: { ...s.settings!, [field]: value } })),
  setProfileName: (profileName) => set({ profileName, notice: undefined }),
  async calculate(queue, timezone) {
    const { settings, source, pasteText, weekStart } = get();
    if (!settings) return;
    let request: Parameters<(typeof api)['staffing.requirements']>[0]['source'];
    let intervalMin = queue.intervalMin;
    if (source === 'paste') {
      const parsed = parseIntervalCountsCsv(pasteText, { zone: timezone });
      if (!parsed.ok) return set({ errors: { paste: parsed.error } });
      if (parsed.badRowCount > 0) return set({ errors: { paste: parsed.badRows.slice(0, 5).map((b) => `Line ${b.line}: ${b.message}`).join('\n') } });
      if (parsed.rows.length === 0) return set({ errors: { paste: 'Paste at least one "timestamp,volume" line.' } });
      intervalMin = parsed.intervalMinutes;
      request = { kind: 'series', intervalMin, points: parsed.rows.map((r) => ({ start: r.localStart, volume: r.volume })) };
    } else if (source === 'forecast') {
      const run = get().runs.find((r) => r.id === get().runId);
      if (!run) return set({ errors: { form: 'Choose a forecast run, or run one in the Forecast area first.' } });
      intervalMin = run.intervalMin;
      request = { kind: 'forecast', runId: run.id, useForecastAht: get().useForecastAht, weekStart: get().runWeek ?? defaultWeekOfRun(run) };
    } else {
      request = { kind: 'queue', queueId: queue.id, weekStart };
    }
    const { staffing, errors } = buildStaffing(queue.channel, settings, intervalMin);
    if (!staffing) return set({ errors });
    set({ running: true, errors: {} });
    try {
      const result = await api['staffing.requirements']({ staffing, source: request });
      set(source === 'forecast' ? { result, runWeek: result.weekStart } : { result, weekStart: result.weekStart ?? weekStart });
    } catch (error) {
      set({ errors: { form: (error as Error).message } });
    } finally {
      set({ running: false });
    }
  },
  async saveProfile(queue) {
    const { settings, profileName } = get();
    if (!profileName.trim()) return set({ errors: { ...get().errors, name: 'Give the profile a name' }, notice: { kind: 'error', text: 'Nothing was saved: the profile needs a name.' } });
    const { staffing, errors } = buildStaffing(queue.channel, settings!, queue.intervalMin);
    if (!staffing) return set({ errors, notice: { kind: 'error', text: 'Nothing was saved: fix the highlighted fields first.' } });
    try {
      const saved = await api['staffing.profiles.save']({ name: profileName, channel: queue.channel, queueName: queue.name, settings: staffing });
      set({ notice: { kind: 'ok', text: `Saved profile "${saved.name}".` } });
      await get().loadProfiles();
    } catch (error) {
      set({ notice: { kind: 'error', text: `Nothing was saved: ${(error as Error).message}` } });
    }
  },
  loadProfiles: async () => set({ profiles: await api['staffing.profiles.list']({}) }),
  applyProfile: (profile, queue) => set({ settings: settingsFromProfile(profile, defaultSettings(queue)), profileName: profile.name, notice: { kind: 'ok', text: `Applied "${profile.name}".` } }),
  async deleteProfile(id) {
    await api['staffing.profiles.delete']({ id });
    await get().loadProfiles();
  },
}));
