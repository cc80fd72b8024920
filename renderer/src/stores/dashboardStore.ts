import { create } from 'zustand';
import type { DashboardOverview, RagInterval } from '../../../shared/api/channels/dashboard';
import type { CostModelInput, CostModelResult } from '../../../shared/engine/cost';
import { costModelInputSchema } from '../../../shared/engine/cost';
import { api } from '../api';
import { download } from '../components/download';
import { parseNumberField } from '../components/parseNumber';
import { parsePercentFraction, percentText } from '../components/parsePercent';

export type CostField = 'salaryAndBenefits' | 'toolsPerSeat' | 'training' | 'managementOverhead' | 'ticketsPerAgentPerDay' | 'workingDaysPerYear' | 'ahtCutPct' | 'fcrGainPct';
const PERCENT_FIELDS: CostField[] = ['ahtCutPct', 'fcrGainPct'];

interface DashboardStore {
  overview?: DashboardOverview;
  error?: string;
  loading: boolean;
  selected?: RagInterval;
  costFields: Record<CostField, string>;
  costErrors: Partial<Record<CostField | 'form', string>>;
  costResult?: CostModelResult;
  costSaved: boolean;
  load(): Promise<void>;
  select(interval?: RagInterval): void;
  setCostField(field: CostField, value: string): void;
  saveCost(): Promise<void>;
  setChecklist(key: string, period: string, done: boolean): Promise<void>;
  exportXlsx(): Promise<void>;
  exportPdf(): Promise<void>;
}

function costFieldsFrom(inputs: CostModelInput): Record<CostField, string> {
  return {
    salaryAndBenefits: String(inputs.salaryAndBenefits),
    toolsPerSeat: String(inputs.toolsPerSeat),
    training: String(inputs.training),
    managementOverhead: String(inputs.managementOverhead),
    ticketsPerAgentPerDay: String(inputs.ticketsPerAgentPerDay),
    workingDaysPerYear: String(inputs.workingDaysPerYear),
    ahtCutPct: inputs.ahtCut === undefined ? '10' : percentText(inputs.ahtCut),
    fcrGainPct: inputs.fcrGain === undefined ? '5' : percentText(inputs.fcrGain),
  };
}

/** The typed cost fields as the engine's input (percent fields as fractions), or the errors naming each field. */
function costInput(fields: Record<CostField, string>): { input?: CostModelInput; errors: Partial<Record<CostField | 'form', string>> } {
  const errors: Partial<Record<CostField | 'form', string>> = {};
  const values: Partial<Record<CostField, number>> = {};
  for (const field of Object.keys(fields) as CostField[]) {
    const parsed = PERCENT_FIELDS.includes(field) ? parsePercentFraction(fields[field], undefined, true) : parseNumberField(fields[field]);
    if (parsed.error) errors[field] = parsed.error;
    else values[field] = parsed.value;
  }
  if (Object.keys(errors).length) return { errors };
  const { ahtCutPct, fcrGainPct, ...rest } = values;
  const checked = costModelInputSchema.safeParse({ ...rest, ahtCut: ahtCutPct, fcrGain: fcrGainPct });
  if (!checked.success) {
    const issue = checked.error.issues[0];
    const path = String(issue.path[0]);
    const field = (path === 'ahtCut' ? 'ahtCutPct' : path === 'fcrGain' ? 'fcrGainPct' : path) as CostField;
    return { errors: { [field]: issue.message } };
  }
  return { input: checked.data, errors: {} };
}

let costSequence = 0;

export const useDashboard = create<DashboardStore>((set, get) => ({
  loading: false,
  costFields: costFieldsFrom({ salaryAndBenefits: 60000, toolsPerSeat: 5000, training: 2000, managementOverhead: 8000, ticketsPerAgentPerDay: 25, workingDaysPerYear: 240 }),
  costErrors: {},
  costSaved: true,
  async load() {
    set({ loading: true });
    try {
      const overview = await api['dashboard.overview']({});
      set({ overview, error: undefined, costFields: costFieldsFrom(overview.cost.inputs), costResult: overview.cost.result, costErrors: {}, costSaved: true });
    } catch (error) {
      set({ error: (error as Error).message });
    } finally {
      set({ loading: false });
    }
  },
  select(interval) {
    set({ selected: interval });
  },
  setCostField(field, value) {
    const costFields = { ...get().costFields, [field]: value };
    const { input, errors } = costInput(costFields);
    set({ costFields, costErrors: errors, costSaved: false });
    if (!input) return;
    const mine = ++costSequence;
    api['cost.calculate'](input).then(
      (costResult) => mine === costSequence && set({ costResult }),
      (error: Error) => mine === costSequence && set({ costErrors: { form: error.message } }),
    );
  },
  async saveCost() {
    const { input, errors } = costInput(get().costFields);
    if (!input) return set({ costErrors: errors });
    try {
      await api['cost.inputs.save'](input);
      set({ costSaved: true });
      await get().load();
    } catch (error) {
      set({ costErrors: { form: (error as Error).message } });
    }
  },
  async setChecklist(key, period, done) {
    await api['dashboard.checklist.set']({ key, period, done });
    await get().load();
  },
  async exportXlsx() {
    try {
      download(await api['dashboard.export']({ format: 'xlsx' }));
    } catch (error) {
      set({ error: (error as Error).message });
    }
  },
  async exportPdf() {
    // The desktop app renders a real PDF with Electron's printToPDF; the browser host has the browser's Print.
    if (!window.staffwiseBridge) {
      window.print();
      return;
    }
    try {
      download(await api['dashboard.export']({ format: 'pdf' }));
    } catch (error) {
      set({ error: (error as Error).message });
    }
  },
}));
