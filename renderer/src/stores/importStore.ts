/**
 * The Data area's import: a chosen CSV file, its format, the planner's column mapping, the preview the service
 * returns, and the running or finished import job. Problems are kept per field so each shows beside its input.
 */
import { create } from 'zustand';
import {
  MAX_PREVIEW_CHARS,
  suggestChannel,
  type ImportLogEntry,
  type ImportResult,
  type IntervalImportPreview,
  type TicketImportPreview,
} from '../../../shared/api/channels/dataImport';
import { ApiError } from '../../../shared/api/errors';
import type { ChannelKind } from '../../../shared/api/types';
import type { JobDoneEvent } from '../../../shared/api/jobs';
import { detectDelimiter, parseDecimal, type DurationUnit, type IntervalMinutes, type TicketColumnMapping } from '../../../shared/import';
import { api } from '../api';
import { onJobDone, useJobs } from './jobsStore';
import { useWorkspace } from './workspaceStore';

export type ImportFormat = 'tickets' | 'intervals';
export type ImportField = 'file' | 'createdAt' | 'queue' | 'channelColumn' | 'handleTime' | 'intervalMinutes' | 'queueName' | 'channel' | 'form';

/** Files larger than this are previewed from their beginning; the import still reads all of it. */
export const WHOLE_PREVIEW_CHARS = 2_000_000;
export const HEAD_PREVIEW_CHARS = 1_000_000;

export interface ImportFile {
  name: string;
  size: number;
  text: string;
}

/** The mapping as the selects hold it: column numbers as text, '' for none. */
export interface MappingDraft {
  createdAt: string;
  queue: string;
  channelColumn: string;
  handleTime: string;
  unit: DurationUnit;
}

const EMPTY_DRAFT: MappingDraft = { createdAt: '', queue: '', channelColumn: '', handleTime: '', unit: 'seconds' };

interface ImportState {
  file?: ImportFile;
  format: ImportFormat;
  draft: MappingDraft;
  intervalMinutes: IntervalMinutes;
  /** Interval files: the queue the counts belong to. */
  queueName: string;
  /** Interval files: the queue's channel; ticket exports: the channel of new queues not chosen one by one. */
  channel: ChannelKind;
  /** Ticket exports: the channel chosen for each new queue. */
  queueChannels: Record<string, ChannelKind>;
  ticketPreview?: TicketImportPreview;
  intervalPreview?: IntervalImportPreview;
  previewing: boolean;
  errors: Partial<Record<ImportField, string>>;
  jobId?: string;
  result?: ImportResult;
  /** The import log, most recent first. */
  history?: ImportLogEntry[];
  loadHistory(): Promise<void>;
  chooseFile(file: File | undefined): Promise<void>;
  setFormat(format: ImportFormat): Promise<void>;
  setDraft(patch: Partial<MappingDraft>): Promise<void>;
  setIntervalMinutes(minutes: IntervalMinutes): Promise<void>;
  setQueueName(name: string): void;
  setChannel(channel: ChannelKind): void;
  setQueueChannel(queue: string, channel: ChannelKind): void;
  preview(): Promise<void>;
  start(): Promise<void>;
  clear(): void;
}

/** A header of at most three columns over a number in the second: `timestamp,volume[,aht_sec]`. */
export function looksLikeIntervalFile(text: string): boolean {
  const [header = '', first = ''] = text.slice(0, 4096).split(/\r?\n/);
  const delimiter = detectDelimiter(header);
  const cells = first.split(delimiter);
  return header.split(delimiter).length <= 3 && cells.length >= 2 && !Number.isNaN(parseDecimal(cells[1]));
}

export function mappingFromDraft(draft: MappingDraft): TicketColumnMapping | undefined {
  if (draft.createdAt === '') return undefined;
  const queue = [draft.queue, draft.channelColumn].filter((c) => c !== '').map(Number);
  return { createdAt: Number(draft.createdAt), queue, handleTime: draft.handleTime === '' ? null : { column: Number(draft.handleTime), unit: draft.unit } };
}

function draftFromMapping(mapping: TicketColumnMapping): MappingDraft {
  const column = (c: number | undefined) => (c === null || c === undefined ? '' : String(c));
  return {
    createdAt: column(mapping.createdAt),
    queue: column(mapping.queue[0]),
    channelColumn: column(mapping.queue[1]),
    handleTime: column(mapping.handleTime?.column),
    unit: mapping.handleTime?.unit ?? 'seconds',
  };
}

const FIELD_OF_PATH: [RegExp, ImportField][] = [
  [/^text/, 'file'],
  [/^mapping\.createdAt/, 'createdAt'],
  [/^mapping\.queue\.0/, 'queue'],
  [/^mapping\.queue/, 'channelColumn'],
  [/^mapping\.handleTime/, 'handleTime'],
  [/^intervalMinutes/, 'intervalMinutes'],
  [/^queueName/, 'queueName'],
  [/^(channel|defaultChannel|channels)/, 'channel'],
];

/** An API error as messages at the fields it names; the rest go to the form. */
function fieldErrors(error: unknown): Partial<Record<ImportField, string>> {
  if (!(error instanceof ApiError) || error.issues.length === 0) return { form: (error as Error).message };
  const errors: Partial<Record<ImportField, string>> = {};
  for (const issue of error.issues) {
    const field = FIELD_OF_PATH.find(([pattern]) => pattern.test(issue.path))?.[1] ?? 'form';
    errors[field] ??= issue.message;
  }
  return errors;
}

let previewSequence = 0;

export const useImport = create<ImportState>((set, get) => ({
  format: 'tickets',
  draft: EMPTY_DRAFT,
  intervalMinutes: 15,
  queueName: '',
  channel: 'email',
  queueChannels: {},
  previewing: false,
  errors: {},

  async loadHistory() {
    try {
      set({ history: await api['import.history']({ limit: 10 }) });
    } catch (error) {
      set({ errors: { ...get().errors, form: `Could not read the import log: ${(error as Error).message}` } });
    }
  },

  async chooseFile(file) {
    set({ file: undefined, ticketPreview: undefined, intervalPreview: undefined, errors: {}, result: undefined, draft: EMPTY_DRAFT, queueChannels: {} });
    if (!file) return;
    let text: string;
    try {
      text = await file.text();
    } catch (error) {
      return set({ errors: { file: `Could not read ${file.name}: ${(error as Error).message}` } });
    }
    if (text.trim() === '') return set({ errors: { file: `${file.name} is empty: choose a CSV file with a header line and rows.` } });
    const format: ImportFormat = looksLikeIntervalFile(text) ? 'intervals' : 'tickets';
    const baseName = file.name.replace(/\.[^.]*$/, '');
    set({
      file: { name: file.name, size: file.size, text },
      format,
      queueName: format === 'intervals' ? baseName : get().queueName,
      channel: (format === 'intervals' ? suggestChannel(baseName) : null) ?? (format === 'intervals' ? 'phone' : 'email'),
    });
    await get().preview();
  },

  async setFormat(format) {
    set({ format, ticketPreview: undefined, intervalPreview: undefined, errors: {}, result: undefined, channel: format === 'intervals' ? 'phone' : 'email' });
    await get().preview();
  },

  async setDraft(patch) {
    set((s) => ({ draft: { ...s.draft, ...patch } }));
    await get().preview();
  },

  async setIntervalMinutes(intervalMinutes) {
    set({ intervalMinutes });
    await get().preview();
  },

  setQueueName: (queueName) => set((s) => ({ queueName, errors: { ...s.errors, queueName: undefined, form: undefined } })),
  setChannel: (channel) => set((s) => ({ channel, errors: { ...s.errors, channel: undefined } })),
  setQueueChannel: (queue, channel) => set((s) => ({ queueChannels: { ...s.queueChannels, [queue]: channel } })),

  async preview() {
    const { file, format, draft, intervalMinutes } = get();
    if (!file) return;
    // Answers to earlier previews (the planner changed a select meanwhile) are dropped.
    const sequence = ++previewSequence;
    const current = () => sequence === previewSequence;
    set({ previewing: true, errors: {} });
    try {
      if (format === 'intervals') {
        if (file.text.length > MAX_PREVIEW_CHARS) {
          return set({ errors: { file: `${file.name} is too large for an interval file: split it by date into files under ${Math.round(MAX_PREVIEW_CHARS / 1e6)} MB.` } });
        }
        const preview = await api['import.intervals.preview']({ text: file.text });
        if (current()) set({ intervalPreview: preview, ...(!preview.ok && { errors: { file: preview.error } }) });
        return;
      }
      const wholeFile = file.text.length <= WHOLE_PREVIEW_CHARS;
      const text = wholeFile ? file.text : file.text.slice(0, HEAD_PREVIEW_CHARS);
      const mapping = mappingFromDraft(draft);
      const preview = await api['import.tickets.preview']({ text, wholeFile, mapping, intervalMinutes });
      if (!current()) return;
      const chosen = draft.createdAt === '' && preview.mapping ? draftFromMapping(preview.mapping) : draft;
      set({
        ticketPreview: preview,
        draft: chosen,
        ...(chosen.createdAt === '' && { errors: { createdAt: 'Choose the column that holds when each ticket or contact was created.' } }),
      });
    } catch (error) {
      if (current()) set({ errors: fieldErrors(error) });
    } finally {
      if (current()) set({ previewing: false });
    }
  },

  async start() {
    const { file, format, draft, intervalMinutes, queueName, channel, queueChannels, ticketPreview } = get();
    if (!file) return set({ errors: { file: 'Choose a CSV file first.' } });
    set({ result: undefined });
    try {
      if (format === 'intervals') {
        if (!queueName.trim()) return set({ errors: { queueName: 'Name the queue these counts belong to.' } });
        const refused = get().intervalPreview;
        if (refused && !refused.ok) return set({ errors: { file: refused.error } });
        const handle = await api['import.intervals.start']({ text: file.text, queueName: queueName.trim(), channel, fileName: file.name });
        return started(handle.jobId);
      }
      const mapping = mappingFromDraft(draft);
      if (!mapping) return set({ errors: { createdAt: 'Choose the column that holds when each ticket or contact was created.' } });
      const refusals = ticketPreview?.queues.flatMap((q) => (q.plan.action === 'refuse' ? [q.plan.message] : [])) ?? [];
      if (refusals.length > 0) return set({ errors: { intervalMinutes: refusals.join(' ') } });
      const newQueues = ticketPreview?.queues.filter((q) => q.plan.action === 'create') ?? [];
      const channels = Object.fromEntries(newQueues.map((q) => [q.queue, queueChannels[q.queue] ?? q.suggestedChannel ?? channel]));
      const handle = await api['import.tickets.start']({ text: file.text, mapping, intervalMinutes, channels, defaultChannel: channel, fileName: file.name });
      started(handle.jobId);
    } catch (error) {
      set({ errors: fieldErrors(error) });
    }
  },

  clear: () => set({ file: undefined, ticketPreview: undefined, intervalPreview: undefined, errors: {}, result: undefined, jobId: undefined, draft: EMPTY_DRAFT, queueChannels: {} }),
}));

function finished(event: JobDoneEvent): void {
  if (event.kind !== 'import' || event.jobId !== useImport.getState().jobId) return;
  if (event.status !== 'succeeded') return;
  useImport.setState({ result: event.result });
  void useWorkspace.getState().load();
  void useImport.getState().loadHistory();
  // The queues the file named now exist: the preview's plan changes from "create" to "replace".
  void useImport.getState().preview();
}

/** Follows a started import; a job that finished before its handle arrived is handled at once. */
function started(jobId: string): void {
  useImport.setState({ jobId, errors: {} });
  const done = useJobs.getState().jobs[jobId]?.done;
  if (done) finished(done);
}

onJobDone(finished);
