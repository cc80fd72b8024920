/**
 * The capacity calculator's state. Fields are kept as the text the planner typed; each change is parsed, checked
 * against the shared schema (so the field shows what is wrong at once) and, when valid, sent to the services,
 * which compute the result the planner sees.
 */
import { create } from 'zustand';
import type { CapacityInput } from '../../../shared/engine/capacity';
import { capacityInputSchema } from '../../../shared/engine/capacity';
import type { ResponseOf } from '../../../shared/api/contract';
import type { SavedCalculation } from '../../../shared/api/types';
import { ApiError } from '../../../shared/api/errors';
import { api } from '../api';
import { parseNumberField } from '../components/parseNumber';
import { CAP, PART, SHRINKAGE, parsePercentField, type PercentFieldSpec } from '../components/parsePercent';

export type CapacityField = 'volume' | 'ahtMin' | 'hours' | 'utilizationPct' | 'shrinkagePct';
export type BreakdownField = 'handlingPct' | 'trainingPct' | 'meetingsPct' | 'adminPct' | 'breaksPct';
export const BREAKDOWN_FIELDS: { key: BreakdownField; label: string }[] = [
  { key: 'handlingPct', label: 'Ticket handling' },
  { key: 'trainingPct', label: 'Training' },
  { key: 'meetingsPct', label: 'Meetings' },
  { key: 'adminPct', label: 'Admin' },
  { key: 'breaksPct', label: 'Breaks' },
];

export type CapacityResponse = ResponseOf<'capacity.calculate'>;

interface CapacityStore {
  fields: Record<CapacityField, string>;
  useBreakdown: boolean;
  breakdown: Record<BreakdownField, string>;
  errors: Record<string, string>;
  result?: CapacityResponse;
  saved: SavedCalculation<CapacityInput>[];
  name: string;
  notice?: { kind: 'ok' | 'error'; text: string };
  setField(field: CapacityField, value: string): void;
  setBreakdown(field: BreakdownField, value: string): void;
  setUseBreakdown(on: boolean): void;
  setName(name: string): void;
  save(): Promise<void>;
  loadSaved(): Promise<void>;
  open(calc: SavedCalculation<CapacityInput>): void;
  remove(id: number): Promise<void>;
}

const WORKED_EXAMPLE: Record<CapacityField, string> = { volume: '500', ahtMin: '20', hours: '8', utilizationPct: '75', shrinkagePct: '' };
const DEFAULT_BREAKDOWN: Record<BreakdownField, string> = { handlingPct: '75', trainingPct: '5', meetingsPct: '5', adminPct: '5', breaksPct: '10' };

/** Maps a schema path to the field the planner sees. */
const FIELD_FOR_PATH: Record<string, string> = { volume: 'volume', ahtMin: 'ahtMin', hours: 'hours', utilization: 'utilizationPct', shrinkage: 'shrinkagePct', breakdown: 'breakdown' };

/** Turns the typed text into a request, or into per-field messages. */
export function buildInput(state: Pick<CapacityStore, 'fields' | 'useBreakdown' | 'breakdown'>): { input?: CapacityInput; errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  const num = (key: string, raw: string, optional = false) => {
    const parsed = parseNumberField(raw, optional);
    if (parsed.error) errors[key] = parsed.error;
    return parsed.value;
  };
  const percent = (key: string, raw: string, spec: PercentFieldSpec, optional = false) => {
    const parsed = parsePercentField(raw, spec, optional);
    if (parsed.error) errors[key] = parsed.error;
    return parsed.value;
  };
  const breakdown = state.useBreakdown
    ? (Object.fromEntries(BREAKDOWN_FIELDS.map(({ key, label }) => [key, percent(`breakdown.${key}`, state.breakdown[key], { what: label, range: PART })])) as Record<BreakdownField, number>)
    : undefined;
  const utilizationPct = state.useBreakdown ? breakdown?.handlingPct : percent('utilizationPct', state.fields.utilizationPct, { what: 'Utilization', range: CAP });
  const shrinkagePct = percent('shrinkagePct', state.fields.shrinkagePct, { what: 'Shrinkage', range: SHRINKAGE }, true);
  const candidate = {
    volume: num('volume', state.fields.volume),
    ahtMin: num('ahtMin', state.fields.ahtMin),
    hours: num('hours', state.fields.hours),
    utilization: utilizationPct === undefined ? undefined : utilizationPct / 100,
    shrinkage: shrinkagePct === undefined ? undefined : shrinkagePct / 100,
    breakdown,
  };
  if (Object.keys(errors).length) return { errors };
  const parsed = capacityInputSchema.safeParse(candidate);
  if (parsed.success) return { input: parsed.data, errors };
  for (const issue of parsed.error.issues) {
    const path = issue.path.map(String);
    const key = path[0] === 'breakdown' && path[1] ? `breakdown.${path[1]}` : (FIELD_FOR_PATH[path[0]] ?? 'form');
    errors[key] ??= issue.message;
  }
  return { errors };
}

let requestSeq = 0;

export const useCapacity = create<CapacityStore>((set, get) => {
  const recalculate = async () => {
    const { input, errors } = buildInput(get());
    set({ errors });
    if (!input) return;
    const seq = ++requestSeq;
    try {
      const result = await api['capacity.calculate'](input);
      if (seq === requestSeq) set({ result });
    } catch (error) {
      if (error instanceof ApiError && error.issues.length) {
        set({ errors: Object.fromEntries(error.issues.map((i) => [FIELD_FOR_PATH[i.path.split('.')[0]] ?? 'form', i.message])) });
      } else set({ notice: { kind: 'error', text: (error as Error).message } });
    }
  };
  queueMicrotask(() => void recalculate());

  return {
    fields: { ...WORKED_EXAMPLE },
    useBreakdown: false,
    breakdown: { ...DEFAULT_BREAKDOWN },
    errors: {},
    saved: [],
    name: '',
    setField(field, value) {
      set((s) => ({ fields: { ...s.fields, [field]: value } }));
      void recalculate();
    },
    setBreakdown(field, value) {
      set((s) => ({ breakdown: { ...s.breakdown, [field]: value } }));
      void recalculate();
    },
    setUseBreakdown(on) {
      set((s) => (on ? { useBreakdown: on, breakdown: { ...s.breakdown, handlingPct: s.fields.utilizationPct } } : { useBreakdown: on }));
      void recalculate();
    },
    setName: (name) => set({ name, notice: undefined }),
    async save() {
      const { input, errors } = buildInput(get());
      if (!get().name.trim()) errors.name = 'Give the calculation a name';
      if (!input || errors.name) {
        set({ errors, notice: { kind: 'error', text: 'Nothing was saved: fix the highlighted fields first.' } });
        return;
      }
      try {
        const saved = await api['capacity.save']({ name: get().name, inputs: input });
        set({ notice: { kind: 'ok', text: `Saved "${saved.name}".` } });
        await get().loadSaved();
      } catch (error) {
        set({ notice: { kind: 'error', text: `Nothing was saved: ${(error as Error).message}` } });
      }
    },
    async loadSaved() {
      set({ saved: await api['capacity.list']({}) });
    },
    open(calc) {
      const { inputs } = calc;
      const pct = (fraction: number | undefined) => (fraction === undefined ? '' : String(+(fraction * 100).toFixed(6)));
      set({
        name: calc.name,
        fields: { volume: String(inputs.volume), ahtMin: String(inputs.ahtMin), hours: String(inputs.hours), utilizationPct: pct(inputs.utilization), shrinkagePct: pct(inputs.shrinkage) },
        useBreakdown: Boolean(inputs.breakdown),
        breakdown: inputs.breakdown
          ? (Object.fromEntries(BREAKDOWN_FIELDS.map(({ key }) => [key, String(inputs.breakdown![key])])) as Record<BreakdownField, string>)
          : get().breakdown,
        notice: { kind: 'ok', text: `Opened "${calc.name}".` },
      });
      void recalculate();
    },
    async remove(id) {
      await api['capacity.delete']({ id });
      await get().loadSaved();
    },
  };
});
