/**
 * SLA policies being edited: the text of every field (targets in minutes, shares in %), the request they make,
 * and the live assessment (requirement, compliance, tightest targets) the services return for the draft.
 */
import { create } from 'zustand';
import type { SlaAssessmentView, SlaVolumeSource, StoredSlaPolicy } from '../../../shared/api/channels/sla';
import type { ResponseOf } from '../../../shared/api/contract';
import { cellKey, PRIORITIES, slaMatrix, TIER_RATIO_PRESETS, type Priority, type SlaPolicy, type TierRatioPreset, type TierStructure } from '../../../shared/engine/sla';
import { api } from '../api';
import { parseNumberField } from '../components/parseNumber';
import { parsePercentFraction, percentText } from '../components/parsePercent';

type TierResponse = ResponseOf<'sla.tiers.get'>;

export interface SlaFields {
  /** First response per cell, minutes. */
  cells: Record<string, string>;
  /** Mix share per cell, %. */
  mix: Record<string, string>;
  multipliers: Record<string, string>;
  headcount: string;
  ahtMin: string;
  maxOccupancyPct: string;
  shrinkagePct: string;
  hoursPerAgentWeek: string;
  /** Per weekday "9-17" or empty for closed. */
  hours: string[];
  holidays: string;
  /** A Monday to project instead of the typical week (its holidays stop the clock); empty = typical week. Not saved. */
  weekStart: string;
  /** Where the typical week comes from, when changed from the stored policy's (e.g. the imported tickets). */
  volumeSource?: SlaVolumeSource;
}

export interface TierFields {
  preset: TierRatioPreset;
  l1Pct: string;
  l2Pct: string;
  l3Pct: string;
  l1Min: string;
  l2Min: string;
  l3Min: string;
  ticketsPerDay: string;
  productiveHours: string;
  utilizationPct: string;
}

interface SlaStore {
  policies: StoredSlaPolicy[];
  selectedId?: number;
  fields?: SlaFields;
  errors: Record<string, string>;
  assessment?: SlaAssessmentView;
  assessing: boolean;
  dirty: boolean;
  message?: string;
  tiers?: TierResponse;
  tierFields?: TierFields;
  tierErrors: Record<string, string>;
  load(): Promise<void>;
  selectPolicy(id: number): void;
  setCell(key: string, value: string): void;
  setMix(key: string, value: string): void;
  setMultiplier(tier: string, value: string): void;
  setField(field: 'headcount' | 'ahtMin' | 'maxOccupancyPct' | 'shrinkagePct' | 'hoursPerAgentWeek' | 'holidays' | 'weekStart', value: string): void;
  setHours(weekday: number, value: string): void;
  /** Replaces every mix share (cells not listed get 0%), e.g. with the mix estimated from imported tickets. */
  applyMix(cells: readonly { priority: Priority; tier: string; share: number }[]): void;
  setVolumeSource(source: SlaVolumeSource): void;
  save(activate?: boolean): Promise<void>;
  setTierField<K extends keyof TierFields>(field: K, value: TierFields[K]): void;
}

const fmt = (n: number) => String(+n.toFixed(4));

function fieldsFrom(p: StoredSlaPolicy): SlaFields {
  const cells: Record<string, string> = {};
  const mix: Record<string, string> = {};
  for (const cell of slaMatrix(p.policy)) {
    const key = cellKey(cell.priority, cell.tier);
    cells[key] = fmt(cell.firstResponseMin);
    mix[key] = shareText(p.mix.cells.find((c) => c.priority === cell.priority && c.tier === cell.tier)?.share ?? 0);
  }
  return {
    cells,
    mix,
    multipliers: Object.fromEntries(p.policy.tiers.map((t) => [t.id, fmt(t.multiplier)])),
    headcount: String(p.headcount),
    ahtMin: fmt(p.settings.ahtMin),
    maxOccupancyPct: percentText(p.settings.maxOccupancy),
    shrinkagePct: percentText(p.settings.shrinkage),
    hoursPerAgentWeek: fmt(p.settings.hoursPerAgentWeek),
    hours: p.businessHours.weekly.map((d) => (d ? `${d.openHour}-${d.closeHour}` : '')),
    holidays: p.businessHours.holidays.join(', '),
    weekStart: '',
  };
}

/** A share as a % field shows it; 1% or less carries its sign, so the field does not take it for a fraction. */
const shareText = (fraction: number) => (fraction > 0 && fraction <= 0.01 ? `${percentText(fraction)}%` : percentText(fraction));

/** A percent field where 0 is a real value (an empty mix cell). */
function share(raw: string): { value?: number; error?: string } {
  const text = raw.trim();
  if (text === '' || Number(text) === 0) return { value: 0 };
  return parsePercentFraction(raw);
}

/** The fields as an assessment request, or the errors keyed by field. */
type PlanRequest = Omit<StoredSlaPolicy, 'id' | 'name' | 'active' | 'updatedAt'> & { weekStart?: string };

function requestFrom(base: StoredSlaPolicy, f: SlaFields): { request?: PlanRequest; errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  const num = (key: string, raw: string) => {
    const parsed = parseNumberField(raw);
    if (parsed.error) errors[key] = parsed.error;
    return parsed.value ?? 0;
  };
  const pct = (key: string, raw: string) => {
    const parsed = share(raw);
    if (parsed.error) errors[key] = parsed.error;
    return parsed.value ?? 0;
  };
  const tiers = base.policy.tiers.map((t) => ({ ...t, multiplier: num(`multiplier.${t.id}`, f.multipliers[t.id]) }));
  const scaled = slaMatrix({ ...base.policy, tiers, overrides: [] });
  const overrides: SlaPolicy['overrides'] = [];
  for (const cell of scaled) {
    const key = cellKey(cell.priority, cell.tier);
    const minutes = num(`cell.${key}`, f.cells[key]);
    const kept = base.policy.overrides.find((o) => o.priority === cell.priority && o.tier === cell.tier);
    const firstResponseMin = Math.abs(minutes - cell.firstResponseMin) > 1e-9 ? minutes : undefined;
    if (firstResponseMin !== undefined || kept?.resolutionMin !== undefined || kept?.updateEveryMin !== undefined) {
      overrides.push({ priority: cell.priority, tier: cell.tier, ...(kept?.resolutionMin !== undefined && { resolutionMin: kept.resolutionMin }), ...(kept?.updateEveryMin !== undefined && { updateEveryMin: kept.updateEveryMin }), ...(firstResponseMin !== undefined && { firstResponseMin }) });
    }
  }
  const mixCells = scaled.map((cell) => ({ priority: cell.priority, tier: cell.tier, share: pct(`mix.${cellKey(cell.priority, cell.tier)}`, f.mix[cellKey(cell.priority, cell.tier)]) })).filter((c) => c.share > 0);
  const weekly = f.hours.map((text, day) => {
    if (text.trim() === '') return null;
    const match = /^\s*(\d{1,2})\s*[-–]\s*(\d{1,2})\s*$/.exec(text);
    if (!match) {
      errors[`hours.${day}`] = 'Write opening hours as 9-17, or leave empty when closed';
      return null;
    }
    return { openHour: Number(match[1]), closeHour: Number(match[2]) };
  });
  const holidays = f.holidays.split(',').map((h) => h.trim()).filter(Boolean);
  const request = {
    policy: { ...base.policy, tiers, overrides },
    mix: { cells: mixCells },
    businessHours: { ...base.businessHours, weekly, holidays },
    settings: {
      ahtMin: num('ahtMin', f.ahtMin),
      maxOccupancy: pct('maxOccupancyPct', f.maxOccupancyPct),
      shrinkage: pct('shrinkagePct', f.shrinkagePct),
      hoursPerAgentWeek: num('hoursPerAgentWeek', f.hoursPerAgentWeek),
    },
    volumeSource: f.volumeSource ?? base.volumeSource,
    headcount: num('headcount', f.headcount),
    ...(f.weekStart.trim() !== '' && { weekStart: f.weekStart.trim() }),
  };
  return Object.keys(errors).length ? { errors } : { request: request as PlanRequest, errors };
}

/** Which form field a request path names (for the services' validation messages). */
function fieldOfPath(path: string): string {
  if (path.startsWith('mix')) return 'mix';
  if (path.startsWith('settings.maxOccupancy')) return 'maxOccupancyPct';
  if (path.startsWith('settings.shrinkage')) return 'shrinkagePct';
  if (path.startsWith('settings.')) return path.slice('settings.'.length);
  if (path.startsWith('businessHours')) return 'hours';
  return path || 'form';
}

function tierFieldsFrom(t: TierResponse): TierFields {
  const d = t.definition;
  return {
    preset: d.preset,
    l1Pct: percentText(d.resolutionShares.L1),
    l2Pct: percentText(d.resolutionShares.L2),
    l3Pct: percentText(d.resolutionShares.L3),
    l1Min: fmt(d.handleMin.L1),
    l2Min: fmt(d.handleMin.L2),
    l3Min: fmt(d.handleMin.L3),
    ticketsPerDay: fmt(t.ticketsPerDay),
    productiveHours: fmt(t.productiveHours),
    utilizationPct: percentText(t.utilization),
  };
}

let sequence = 0;

export const useSla = create<SlaStore>((set, get) => {
  const selected = () => get().policies.find((p) => p.id === get().selectedId);
  const reassess = async () => {
    const base = selected();
    const fields = get().fields;
    if (!base || !fields) return;
    const { request, errors } = requestFrom(base, fields);
    set({ errors });
    if (!request) return;
    const mine = ++sequence;
    set({ assessing: true });
    try {
      const assessment = await api['sla.assess'](request);
      if (mine === sequence) set({ assessment, assessing: false });
    } catch (error) {
      if (mine !== sequence) return;
      const issue = (error as { issues?: { path: string; message: string }[] }).issues?.[0];
      set({ assessing: false, errors: { [issue ? fieldOfPath(issue.path) : 'form']: (error as Error).message } });
    }
  };
  const edit = (change: (f: SlaFields) => SlaFields) => {
    const fields = get().fields;
    if (!fields) return;
    set({ fields: change(fields), dirty: true, message: undefined });
    void reassess();
  };
  return {
    policies: [],
    errors: {},
    tierErrors: {},
    assessing: false,
    dirty: false,
    async load() {
      const [policies, tiers] = await Promise.all([api['sla.policies.list']({}), api['sla.tiers.get']({})]);
      const keep = policies.find((p) => p.id === get().selectedId) ?? policies.find((p) => p.active) ?? policies[0];
      set({ policies, selectedId: keep?.id, fields: keep && fieldsFrom(keep), dirty: false, tiers, tierFields: tierFieldsFrom(tiers) });
      await reassess();
    },
    selectPolicy(id) {
      const policy = get().policies.find((p) => p.id === id);
      if (!policy) return;
      set({ selectedId: id, fields: fieldsFrom(policy), dirty: false, assessment: undefined, message: undefined });
      void reassess();
    },
    setCell: (key, value) => edit((f) => ({ ...f, cells: { ...f.cells, [key]: value } })),
    setMix: (key, value) => edit((f) => ({ ...f, mix: { ...f.mix, [key]: value } })),
    setMultiplier: (tier, value) => edit((f) => ({ ...f, multipliers: { ...f.multipliers, [tier]: value } })),
    setField: (field, value) => edit((f) => ({ ...f, [field]: value })),
    setHours: (weekday, value) => edit((f) => ({ ...f, hours: f.hours.map((h, i) => (i === weekday ? value : h)) })),
    applyMix: (cells) =>
      edit((f) => ({
        ...f,
        mix: Object.fromEntries(Object.keys(f.mix).map((key) => [key, shareText(cells.find((c) => cellKey(c.priority, c.tier) === key)?.share ?? 0)])),
      })),
    setVolumeSource: (volumeSource) => edit((f) => ({ ...f, volumeSource })),
    async save(activate) {
      const base = selected();
      const fields = get().fields;
      if (!base || !fields) return;
      const { request, errors } = requestFrom(base, fields);
      if (!request) return set({ errors });
      try {
        // The projected week is a view, not part of the policy.
        const { weekStart: _projected, ...policyRequest } = request;
        const saved = await api['sla.policies.save']({ ...policyRequest, id: base.id, name: base.name, activate });
        set({ message: `Saved "${saved.name}"${activate ? ' and made it the Dashboard’s policy' : ''}.` });
        const policies = await api['sla.policies.list']({});
        set({ policies, dirty: false });
      } catch (error) {
        set({ errors: { form: (error as Error).message } });
      }
    },
    setTierField(field, value) {
      const tierFields = { ...get().tierFields!, [field]: value };
      set({ tierFields });
      const { definition, errors, extra } = tierRequest(get().tiers!.definition, tierFields);
      set({ tierErrors: errors });
      if (!definition || !extra) return;
      // Every valid change is saved at once and sized by the services (there is one tier structure per workspace).
      api['sla.tiers.save']({ definition, ...extra }).then(
        (tiers) => set({ tiers }),
        (error: Error) => set({ tierErrors: { form: error.message } }),
      );
    },
  };
});

function tierRequest(base: TierStructure, f: TierFields): { definition?: TierStructure; extra?: { ticketsPerDay: number; productiveHours: number; utilization: number }; errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  const num = (key: string, raw: string) => {
    const p = parseNumberField(raw);
    if (p.error) errors[key] = p.error;
    return p.value ?? 0;
  };
  const pct = (key: string, raw: string) => {
    const p = share(raw);
    if (p.error) errors[key] = p.error;
    return p.value ?? 0;
  };
  const definition: TierStructure = {
    ...base,
    preset: f.preset,
    resolutionShares: { L1: pct('l1Pct', f.l1Pct), L2: pct('l2Pct', f.l2Pct), L3: pct('l3Pct', f.l3Pct) },
    handleMin: { L1: num('l1Min', f.l1Min), L2: num('l2Min', f.l2Min), L3: num('l3Min', f.l3Min) },
  };
  const extra = { ticketsPerDay: num('ticketsPerDay', f.ticketsPerDay), productiveHours: num('productiveHours', f.productiveHours), utilization: pct('utilizationPct', f.utilizationPct) };
  return Object.keys(errors).length ? { errors } : { definition, extra, errors };
}

export const PRESET_OPTIONS = Object.entries(TIER_RATIO_PRESETS).map(([id, p]) => ({ id: id as TierRatioPreset, label: `${p.label} ${p.ratio.join(':')}` }));
export { PRIORITIES, type Priority };
