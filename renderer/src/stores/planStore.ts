/**
 * The Hiring & ramp area: the plans, the plan being edited (a draft, projected after every change), its classes,
 * the ramp curves, the optimiser job and exports. Everything goes through `api`; rates in the draft are fractions,
 * the components convert the percentages planners type.
 */
import { create } from 'zustand';
import {
  planSaveOf,
  type PlanClassInput,
  type PlanExportFile,
  type PlanProjectionView,
  type PlanSave,
  type PlanSummary,
  type RampCurve,
  type RampWeek,
  type StoredPlan,
  type WeekAssumption,
} from '../../../shared/api/channels/plan';
import { ApiError } from '../../../shared/api/errors';
import { api } from '../api';
import { onJobDone } from './jobsStore';

export type WeekField = Exclude<keyof WeekAssumption, 'note'> | 'note';

interface Notice {
  kind: 'ok' | 'error';
  text: string;
}

export interface PlanStore {
  loaded: boolean;
  plans: PlanSummary[];
  curves: RampCurve[];
  /** The plan on screen, as edited; `stored` is what was last saved (undefined for a new plan). */
  draft?: PlanSave;
  stored?: StoredPlan;
  dirty: boolean;
  view?: PlanProjectionView;
  projecting: boolean;
  /** Why the draft cannot be projected or saved, by field path (e.g. "document.hoursPerFte"). */
  problems: { path: string; message: string }[];
  notice?: Notice;
  optimiseJobId?: string;
  stopping: boolean;
  load(): Promise<void>;
  open(id: number): Promise<void>;
  newPlan(): Promise<void>;
  /** Applies a change to the draft and re-projects it. */
  edit(change: (draft: PlanSave) => PlanSave): void;
  setWeekValues(field: WeekField, fromWeek: number, values: (number | string | undefined)[]): void;
  addClass(cls: PlanClassInput): void;
  updateClass(index: number, patch: Partial<PlanClassInput>): void;
  removeClass(index: number): void;
  save(): Promise<boolean>;
  remove(): Promise<void>;
  optimise(timeLimitSec: number): Promise<void>;
  stop(): Promise<void>;
  exportPlan(format: 'json' | 'csv' | 'xlsx'): Promise<PlanExportFile | undefined>;
  importPlan(name: string, json: string): Promise<void>;
  saveCurve(curve: { id?: number; name: string; weeks: RampWeek[] }): Promise<RampCurve | undefined>;
  deleteCurve(id: number): Promise<void>;
  dismissNotice(): void;
}

const problemsOf = (error: unknown) =>
  error instanceof ApiError && error.issues.length > 0 ? error.issues.map((i) => ({ path: i.path.replace(/^plan\./, ''), message: i.message })) : [{ path: '', message: (error as Error).message }];

export const usePlan = create<PlanStore>((set, get) => {
  /** Replies to older projections are dropped, so the last edit wins. */
  let sequence = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const project = () => {
    const draft = get().draft;
    if (!draft) return;
    clearTimeout(timer);
    set({ projecting: true });
    // Typing in the week table sends one projection per pause, not one per keystroke.
    timer = setTimeout(async () => {
      const mine = ++sequence;
      try {
        const view = await api['plan.project']({ plan: draft });
        if (mine === sequence) set({ view, projecting: false, problems: [] });
      } catch (error) {
        if (mine === sequence) set({ projecting: false, problems: problemsOf(error) });
      }
    }, 150);
  };

  const show = (stored: StoredPlan) => {
    set({ stored, draft: planSaveOf(stored), dirty: false, problems: [] });
    project();
  };
  const refreshList = async () => set({ plans: await api['plan.list']({}) });

  return {
    loaded: false,
    plans: [],
    curves: [],
    dirty: false,
    projecting: false,
    problems: [],
    stopping: false,

    async load() {
      const [plans, curves] = await Promise.all([api['plan.list']({}), api['ramp.list']({})]);
      set({ plans, curves, loaded: true });
      const current = get().stored?.id;
      const next = plans.find((p) => p.id === current) ?? plans[0];
      if (next && !get().dirty) await get().open(next.id);
    },
    async open(id) {
      show(await api['plan.get']({ id }));
    },
    async newPlan() {
      const draft = await api['plan.defaults']({});
      const taken = new Set(get().plans.map((p) => p.name.toLowerCase()));
      let name = draft.name;
      for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${draft.name} ${n}`;
      set({ stored: undefined, draft: { ...draft, name }, dirty: true, view: undefined, problems: [] });
      project();
    },
    edit(change) {
      const draft = get().draft;
      if (!draft) return;
      set({ draft: change(draft), dirty: true });
      project();
    },
    setWeekValues(field, fromWeek, values) {
      get().edit((draft) => {
        const weeks = Array.from({ length: draft.weeks }, (_, w) => ({ ...(draft.document.weekAssumptions[w] ?? {}) }));
        values.forEach((value, i) => {
          const row = weeks[fromWeek + i];
          if (!row) return;
          if (value === undefined || value === '') delete row[field];
          else (row as Record<string, unknown>)[field] = value;
        });
        // Trailing weeks without any assumption are not stored.
        while (weeks.length > 0 && Object.keys(weeks[weeks.length - 1]).length === 0) weeks.pop();
        return { ...draft, document: { ...draft.document, weekAssumptions: weeks } };
      });
    },
    addClass(cls) {
      get().edit((draft) => ({ ...draft, classes: [...draft.classes, cls] }));
    },
    updateClass(index, patch) {
      get().edit((draft) => ({ ...draft, classes: draft.classes.map((c, i) => (i === index ? { ...c, ...patch } : c)) }));
    },
    removeClass(index) {
      get().edit((draft) => ({ ...draft, classes: draft.classes.filter((_, i) => i !== index) }));
    },
    async save() {
      const draft = get().draft;
      if (!draft) return false;
      try {
        const stored = await api['plan.save'](draft);
        show(stored);
        set({ notice: { kind: 'ok', text: `Saved “${stored.name}”.${stored.linkedToSchedule ? ' Its new hires are agents in the Schedule.' : ''}` } });
        await Promise.all([refreshList(), api['ramp.list']({}).then((curves) => set({ curves }))]);
        return true;
      } catch (error) {
        set({ problems: problemsOf(error), notice: { kind: 'error', text: `Not saved: ${(error as Error).message}` } });
        return false;
      }
    },
    async remove() {
      const stored = get().stored;
      if (!stored) {
        set({ draft: undefined, view: undefined, dirty: false });
        return;
      }
      await api['plan.delete']({ id: stored.id });
      set({ stored: undefined, draft: undefined, view: undefined, dirty: false, notice: { kind: 'ok', text: `Deleted “${stored.name}”.` } });
      await get().load();
    },
    async optimise(timeLimitSec) {
      if (get().dirty && !(await get().save())) return;
      const stored = get().stored;
      if (!stored) return;
      try {
        const handle = await api['plan.optimise']({ id: stored.id, timeLimitSec });
        set({ optimiseJobId: handle.jobId, stopping: false, notice: undefined });
      } catch (error) {
        set({ notice: { kind: 'error', text: (error as Error).message } });
      }
    },
    async stop() {
      const jobId = get().optimiseJobId;
      if (!jobId) return;
      set({ stopping: true });
      await api['plan.stop']({ jobId });
    },
    async exportPlan(format) {
      const draft = get().draft;
      if (!draft) return undefined;
      try {
        return await api['plan.export']({ plan: draft, format });
      } catch (error) {
        set({ notice: { kind: 'error', text: `Export failed: ${(error as Error).message}` } });
        return undefined;
      }
    },
    async importPlan(name, json) {
      try {
        const stored = await api['plan.import']({ name, json });
        await refreshList();
        set({ curves: await api['ramp.list']({}), notice: { kind: 'ok', text: `Imported “${stored.name}”: its demand is kept as in the file.` } });
        show(stored);
      } catch (error) {
        set({ notice: { kind: 'error', text: `Import failed: ${(error as Error).message}` } });
      }
    },
    async saveCurve(curve) {
      try {
        const saved = await api['ramp.save'](curve);
        set({ curves: await api['ramp.list']({}), notice: { kind: 'ok', text: `Saved the ramp curve “${saved.name}”.` } });
        project();
        return saved;
      } catch (error) {
        set({ notice: { kind: 'error', text: `Ramp curve not saved: ${(error as Error).message}` } });
        return undefined;
      }
    },
    async deleteCurve(id) {
      try {
        await api['ramp.delete']({ id });
        set({ curves: await api['ramp.list']({}) });
      } catch (error) {
        set({ notice: { kind: 'error', text: (error as Error).message } });
      }
    },
    dismissNotice: () => set({ notice: undefined }),
  };
});

onJobDone((event) => {
  if (event.kind !== 'plan.optimise' || event.jobId !== usePlan.getState().optimiseJobId) return;
  usePlan.setState({ stopping: false });
  const id = usePlan.getState().stored?.id;
  if (event.status === 'succeeded' && id !== undefined) void usePlan.getState().open(id).then(() => usePlan.getState().load());
});
