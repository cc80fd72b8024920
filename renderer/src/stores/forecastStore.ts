/** The Forecast area: which queue, how to run, the runs made, and the one on screen with its adjustments. */
import { create } from 'zustand';
import type { AccuracyRow, ForecastRunSummary, ForecastView, StoredEvent } from '../../../shared/api/channels/forecast';
import { api } from '../api';
import { parseNumberField } from '../components/parseNumber';
import { onJobDone } from './jobsStore';

interface ForecastStore {
  queueId?: number;
  horizonDays: string;
  intervalMin: 15 | 30 | 60;
  method: string;
  asOf: string;
  errors: Partial<Record<'horizonDays' | 'asOf' | 'form' | 'adjust', string>>;
  jobId?: string;
  runs: ForecastRunSummary[];
  view?: ForecastView;
  accuracy?: { weeks: AccuracyRow[]; months: AccuracyRow[] };
  events: StoredEvent[];
  set(patch: Partial<Pick<ForecastStore, 'horizonDays' | 'intervalMin' | 'method' | 'asOf'>>): void;
  selectQueue(queueId: number): Promise<void>;
  run(method?: string): Promise<void>;
  openRun(runId: number): Promise<void>;
  adjustDay(date: string, text: string): Promise<void>;
  revertDay(date: string): Promise<void>;
  loadEvents(): Promise<void>;
  /** Saves an event (already checked against the channel's schema) and reloads the list. */
  saveEvent(event: Omit<StoredEvent, 'id'>): Promise<void>;
  deleteEvent(id: number): Promise<void>;
  /** The run on screen as a CSV file, for the browser's download. */
  exportCsv(): Promise<{ fileName: string; csv: string } | undefined>;
}

export const useForecast = create<ForecastStore>((set, get) => ({
  horizonDays: '14',
  intervalMin: 30,
  method: 'auto',
  asOf: '',
  errors: {},
  runs: [],
  events: [],
  set: (patch) => set({ ...patch, errors: {} }),
  async selectQueue(queueId) {
    set({ queueId, view: undefined, accuracy: undefined, runs: [] });
    const runs = await api['forecast.runs']({ queueId });
    set({ runs });
    if (runs[0]) await get().openRun(runs[0].id);
  },
  async run(methodOverride) {
    const { queueId, horizonDays, intervalMin, asOf } = get();
    const method = methodOverride ?? get().method;
    if (!queueId) return;
    const horizon = parseNumberField(horizonDays);
    if (horizon.error || !Number.isInteger(horizon.value) || horizon.value! < 1 || horizon.value! > 120) {
      return set({ errors: { horizonDays: horizon.error ?? 'Enter a whole number of days from 1 to 120' } });
    }
    if (asOf && !/^\d{4}-\d{2}-\d{2}$/.test(asOf)) return set({ errors: { asOf: 'Use a date like 2026-11-01, or leave empty for all history' } });
    try {
      const handle = await api['forecast.run']({ queueId, horizonDays: horizon.value!, method: method as 'auto', intervalMin, ...(asOf && { asOf }) });
      set({ jobId: handle.jobId, errors: {}, method });
    } catch (error) {
      set({ errors: { form: (error as Error).message } });
    }
  },
  async openRun(runId) {
    const [view, accuracy] = await Promise.all([api['forecast.view']({ runId }), api['forecast.accuracy']({ runId })]);
    set({ view, accuracy });
  },
  async adjustDay(date, text) {
    const { queueId, view } = get();
    const parsed = parseNumberField(text);
    if (parsed.error || parsed.value! < 0) return set({ errors: { adjust: `${date}: ${parsed.error ?? 'A day total cannot be negative'}` } });
    await api['forecast.adjustDay']({ queueId: queueId!, date, total: parsed.value! });
    set({ errors: {} });
    if (view) await get().openRun(view.run.id);
  },
  async revertDay(date) {
    const { queueId, view } = get();
    await api['forecast.adjustDay']({ queueId: queueId!, date, total: null });
    if (view) await get().openRun(view.run.id);
  },
  loadEvents: async () => set({ events: await api['events.list']({}) }),
  async saveEvent(event) {
    await api['events.save']({ event });
    await get().loadEvents();
  },
  async deleteEvent(id) {
    await api['events.delete']({ id });
    await get().loadEvents();
  },
  async exportCsv() {
    const { view } = get();
    return view ? api['forecast.exportCsv']({ runId: view.run.id }) : undefined;
  },
}));

onJobDone((event) => {
  if (event.kind !== 'forecast.run' || event.jobId !== useForecast.getState().jobId) return;
  const { queueId } = useForecast.getState();
  if (event.status === 'succeeded' && queueId) {
    void api['forecast.runs']({ queueId }).then((runs) => {
      // The planner may have switched queues while the job ran: these runs are only kept for the queue they list.
      if (useForecast.getState().queueId === queueId) useForecast.setState({ runs });
    });
    void useForecast.getState().openRun(event.result.runId);
  }
});
