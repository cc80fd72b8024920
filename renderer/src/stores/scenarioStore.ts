/**
 * The Scenarios area: the plan, its saved scenarios, the draft being edited (its changes as typed, in %), the
 * side-by-side comparison recomputed after every edit, the interval view of a short shock, versions with their diffs,
 * and the Monte Carlo job. Fields hold text; rates are turned into fractions only when a request is made.
 */
import { create } from 'zustand';
import type { PlanSummary } from '../../../shared/api/channels/plan';
import type { ScenarioComparisonView, ScenarioVersion, ShockWeekView, StoredScenario } from '../../../shared/api/channels/scenario';
import { dateOf, dayNumberOf, weekdayOf } from '../../../shared/engine/forecast/calendar';
import { presetChange, type ChangeKind, type ScenarioChange, type ScenarioPreset, type SimulationResult } from '../../../shared/engine/scenario';
import { parseNumberField } from '../components/parseNumber';
import { CAP, CHANGE, SHARE, parsePercentFraction, type PercentRange } from '../components/parsePercent';

/** A change in percentage points (shrinkage, attrition): −100 to +100 points. */
const POINTS: PercentRange = { min: -100, max: 100, minInclusive: true, maxInclusive: true };
import { api } from '../api';
import { onJobDone } from './jobsStore';

/** One change as the planner types it. */
export interface ChangeRow {
  kind: ChangeKind;
  label: string;
  from: string;
  to: string;
  /** Empty = every queue. */
  queue: string;
  /** Text in the row's unit (see VALUE_UNIT). */
  value: string;
}

/** How each kind's value is typed: percent fields are converted to fractions, the others are read as is. */
export const VALUE_UNIT: Record<ChangeKind, { unit: string; percent: boolean; label: string; range?: PercentRange } | null> = {
  volume: { unit: '% change', percent: true, label: 'Volume', range: CHANGE },
  aht: { unit: '% change', percent: true, label: 'AHT', range: CHANGE },
  shrinkage: { unit: 'points (%)', percent: true, label: 'Shrinkage', range: POINTS },
  attrition: { unit: 'points a month (%)', percent: true, label: 'Tenured attrition', range: POINTS },
  serviceTarget: { unit: '% target', percent: true, label: 'Service-level target', range: SHARE },
  occupancy: { unit: '% target', percent: true, label: 'Occupancy target', range: CAP },
  overtime: { unit: 'hours per agent per week', percent: false, label: 'Overtime allowed' },
  classAdd: { unit: 'heads', percent: false, label: 'Add a class' },
  classRemove: { unit: 'class number (1 = first)', percent: false, label: 'Remove a class' },
  hiringFreeze: null,
};

export interface Draft {
  id?: number;
  name: string;
  rows: ChangeRow[];
}

interface ScenarioStore {
  plans: PlanSummary[];
  planId?: number;
  planStart?: string;
  presets: readonly ScenarioPreset[];
  scenarios: StoredScenario[];
  draft: Draft;
  /** Saved scenarios shown beside the draft (up to 3 more). */
  compareIds: number[];
  comparison?: ScenarioComparisonView;
  rowErrors: Record<string, string>;
  error?: string;
  message?: string;
  versions: ScenarioVersion[];
  shock?: ShockWeekView;
  shockError?: string;
  simulationJobId?: string;
  simulation?: SimulationResult & { bandMethod?: string };
  runs: string;
  load(): Promise<void>;
  selectPlan(planId: number): Promise<void>;
  newDraft(): void;
  open(scenario: StoredScenario): Promise<void>;
  setName(name: string): void;
  addPreset(presetId: string, start: string, days: string, volumePct: string): void;
  addChange(kind: ChangeKind): void;
  updateRow(index: number, patch: Partial<ChangeRow>): void;
  removeRow(index: number): void;
  toggleCompare(id: number): void;
  recompute(): Promise<void>;
  save(): Promise<void>;
  makeBaseline(): Promise<void>;
  loadShock(index: number): Promise<void>;
  setRuns(runs: string): void;
  simulate(): Promise<void>;
}

const pctText = (fraction: number) => String(+(fraction * 100).toFixed(4));

function rowOf(change: ScenarioChange, planStart: string): ChangeRow {
  const week = (w: number | undefined) => (w === undefined ? '' : dateOf(dayNumberOf(planStart) + w * 7));
  const unit = VALUE_UNIT[change.kind];
  const raw = change.kind === 'classAdd' ? change.size : change.kind === 'classRemove' ? (change.classIndex ?? 0) + 1 : change.value;
  return {
    kind: change.kind,
    label: change.label ?? '',
    from: change.from ?? week(change.fromWeek),
    to: change.to ?? (change.toWeek === undefined ? '' : dateOf(dayNumberOf(planStart) + change.toWeek * 7 + 6)),
    queue: change.queues?.[0] ?? '',
    value: raw === undefined ? '' : unit?.percent ? pctText(raw) : String(raw),
  };
}

/** The typed rows as engine changes, or the first problem per row. */
export function changesOf(rows: ChangeRow[]): { changes: ScenarioChange[]; errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  const changes: ScenarioChange[] = [];
  rows.forEach((row, i) => {
    const unit = VALUE_UNIT[row.kind];
    const change: ScenarioChange = { kind: row.kind, ...(row.label ? { label: row.label } : {}) };
    if (row.kind !== 'classRemove') {
      if (!/^\d{4}-\d{2}-\d{2}$/.test(row.from)) errors[`${i}.from`] = 'From: a date like 2027-03-01';
      if (!/^\d{4}-\d{2}-\d{2}$/.test(row.to)) errors[`${i}.to`] = 'To: a date like 2027-03-02';
      else if (row.to < row.from) errors[`${i}.to`] = 'To is before From';
      change.from = row.from;
      change.to = row.to;
    }
    if (row.queue) change.queues = [row.queue];
    if (unit) {
      const parsed = unit.percent ? parsePercentFraction(row.value, { what: unit.label, range: unit.range ?? CHANGE }) : parseNumberField(row.value);
      if (parsed.error) errors[`${i}.value`] = `${unit.label}: ${parsed.error}`;
      else if (row.kind === 'classAdd') change.size = parsed.value;
      else if (row.kind === 'classRemove') change.classIndex = (parsed.value ?? 1) - 1;
      else change.value = parsed.value;
    }
    changes.push(change);
  });
  return { changes, errors };
}

let recomputeToken = 0;

export const useScenarios = create<ScenarioStore>((set, get) => ({
  plans: [],
  presets: [],
  scenarios: [],
  draft: { name: 'New scenario', rows: [] },
  compareIds: [],
  rowErrors: {},
  versions: [],
  runs: '1000',

  load: async () => {
    try {
      const [plans, presets] = await Promise.all([api['plan.list']({}), api['scenario.presets']({})]);
      set({ plans, presets });
      if (plans.length && get().planId === undefined) await get().selectPlan(plans[0].id);
    } catch (error) {
      set({ error: (error as Error).message });
    }
  },

  selectPlan: async (planId) => {
    const plan = get().plans.find((p) => p.id === planId);
    const scenarios = await api['scenario.list']({ planId });
    set({ planId, planStart: plan?.startWeek, scenarios, compareIds: [], versions: [], shock: undefined, simulation: undefined, error: undefined });
    get().newDraft();
  },

  newDraft: () => {
    set({ draft: { name: `Scenario ${get().scenarios.length}`, rows: [] }, versions: [], shock: undefined, simulation: undefined });
    void get().recompute();
  },

  open: async (scenario) => {
    const start = get().planStart ?? '';
    set({ draft: { id: scenario.id, name: scenario.name, rows: scenario.current.changes.map((c) => rowOf(c, start)) }, shock: undefined, simulation: undefined, message: undefined });
    const versions = await api['scenario.versions']({ id: scenario.id });
    set({ versions });
    await get().recompute();
  },

  setName: (name) => set((s) => ({ draft: { ...s.draft, name } })),

  addPreset: (presetId, start, days, volumePct) => {
    const parsedDays = parseNumberField(days);
    const parsedPct = parsePercentFraction(volumePct, { what: 'Volume change', range: CHANGE });
    if (parsedDays.error || !Number.isInteger(parsedDays.value) || (parsedDays.value ?? 0) < 1) return set({ error: 'Preset days: a whole number of days, at least 1' });
    if (parsedPct.error) return set({ error: `Preset volume change: ${parsedPct.error}` });
    if (!/^\d{4}-\d{2}-\d{2}$/.test(start)) return set({ error: 'Preset start: a date like 2027-03-01' });
    const change = presetChange(presetId, start, { days: parsedDays.value, volumeChange: parsedPct.value });
    set((s) => ({ error: undefined, draft: { ...s.draft, name: s.draft.rows.length === 0 && !s.draft.id ? (change.label ?? s.draft.name) : s.draft.name, rows: [...s.draft.rows, rowOf(change, s.planStart ?? start)] } }));
    void get().recompute();
  },

  addChange: (kind) => {
    const start = get().planStart ?? '';
    const weekEnd = start ? dateOf(dayNumberOf(start) + 6) : '';
    set((s) => ({ draft: { ...s.draft, rows: [...s.draft.rows, { kind, label: '', from: start, to: weekEnd, queue: '', value: '' }] } }));
  },

  updateRow: (index, patch) => {
    set((s) => ({ draft: { ...s.draft, rows: s.draft.rows.map((r, i) => (i === index ? { ...r, ...patch } : r)) } }));
    void get().recompute();
  },

  removeRow: (index) => {
    set((s) => ({ draft: { ...s.draft, rows: s.draft.rows.filter((_, i) => i !== index) } }));
    void get().recompute();
  },

  toggleCompare: (id) => {
    set((s) => ({ compareIds: s.compareIds.includes(id) ? s.compareIds.filter((x) => x !== id) : [...s.compareIds, id].slice(-3) }));
    void get().recompute();
  },

  recompute: async () => {
    const { planId, draft, scenarios, compareIds } = get();
    if (planId === undefined) return;
    const { changes, errors } = changesOf(draft.rows);
    set({ rowErrors: errors });
    if (Object.keys(errors).length) return;
    const others = scenarios.filter((s) => compareIds.includes(s.id) && s.id !== draft.id).map((s) => ({ name: s.name, changes: s.current.changes }));
    const token = ++recomputeToken;
    try {
      const comparison = await api['scenario.compare']({ planId, scenarios: [{ name: draft.name.trim() || 'Draft', changes }, ...others] });
      if (token === recomputeToken) set({ comparison, error: undefined });
    } catch (error) {
      if (token === recomputeToken) set({ error: (error as Error).message });
    }
  },

  save: async () => {
    const { planId, draft } = get();
    if (planId === undefined) return;
    const { changes, errors } = changesOf(draft.rows);
    if (Object.keys(errors).length) return set({ rowErrors: errors, error: 'Fix the changes marked in red before saving' });
    try {
      const saved = await api['scenario.save']({ id: draft.id, planId, name: draft.name, changes });
      const [scenarios, versions] = await Promise.all([api['scenario.list']({ planId }), api['scenario.versions']({ id: saved.id })]);
      set({ scenarios, versions, draft: { ...draft, id: saved.id }, message: `Saved “${saved.name}” as version ${saved.current.version}`, error: undefined });
    } catch (error) {
      set({ error: (error as Error).message });
    }
  },

  makeBaseline: async () => {
    const { planId, draft } = get();
    if (planId === undefined || draft.id === undefined) return;
    try {
      const promoted = await api['scenario.makeBaseline']({ id: draft.id });
      const [scenarios, versions] = await Promise.all([api['scenario.list']({ planId }), api['scenario.versions']({ id: draft.id })]);
      set({ scenarios, versions, message: `“${promoted.name}” is now the baseline; the previous baseline is kept with its versions`, error: undefined });
      await get().recompute();
    } catch (error) {
      set({ error: (error as Error).message });
    }
  },

  loadShock: async (index) => {
    const row = get().draft.rows[index];
    const { changes, errors } = changesOf([row]);
    if (Object.keys(errors).length || row.kind !== 'volume') return;
    const change = changes[0];
    const fromDay = dayNumberOf(change.from!);
    const weekStart = dateOf(fromDay - (weekdayOf(fromDay) - 1));
    try {
      const shock = await api['scenario.shock']({ weekStart, from: change.from!, to: change.to!, value: change.value! });
      set({ shock, shockError: undefined });
    } catch (error) {
      set({ shock: undefined, shockError: (error as Error).message });
    }
  },

  setRuns: (runs) => set({ runs }),

  simulate: async () => {
    const { planId, draft, runs } = get();
    if (planId === undefined) return;
    const parsedRuns = parseNumberField(runs);
    if (parsedRuns.error || !Number.isInteger(parsedRuns.value)) return set({ error: 'Runs: a whole number from 10 to 20,000' });
    const { changes, errors } = changesOf(draft.rows);
    if (Object.keys(errors).length) return set({ rowErrors: errors });
    try {
      const handle = await api['scenario.simulate']({ planId, changes, runs: parsedRuns.value!, seed: 1 });
      set({ simulationJobId: handle.jobId, simulation: undefined, error: undefined });
    } catch (error) {
      set({ error: (error as Error).message });
    }
  },
}));

onJobDone((event) => {
  if (event.jobId !== useScenarios.getState().simulationJobId) return;
  if (event.kind === 'scenario.simulate' && event.status === 'succeeded') useScenarios.setState({ simulation: event.result });
});
