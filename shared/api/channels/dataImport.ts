/**
 * Importing contact history from CSV: interval-count files (`timestamp,volume[,aht_sec]`) and help-desk ticket
 * exports (one row per contact, aggregated into intervals). Each format has a preview channel, answered at once
 * without writing anything, and a start channel that runs the import as a job (worker thread, progress, cancel)
 * whose result is written in one transaction.
 *
 * Queue rules, shared by the preview and the import:
 * - a queue whose name is new is created, with the channel the planner chose (suggested from the name);
 * - an existing queue keeps its channel; its intervals inside the imported date range are replaced;
 * - an import finer than an existing queue's intervals (5-minute counts into a 15-minute queue) is summed into
 *   the queue's intervals; an import coarser than the queue's intervals is refused, since it cannot be split.
 */
import { z } from 'zod';
import type {
  TicketPreview,
  BadRow,
  BadRowReason,
  IntervalCountColumns,
  IntervalMinutes,
  LocalDateRange,
} from '../../import';
import type { ChannelKind, JobHandle } from '../types';
import { localDate, nameField, returns } from './define';

/** Characters a preview reads: enough for a whole interval file; a large ticket export sends its beginning. */
export const MAX_PREVIEW_CHARS = 16_000_000;
/** Characters an import reads: a million-row export is 70 to 150 MB of text. */
export const MAX_IMPORT_CHARS = 400_000_000;
/** Rows a preview returns for display; every row sent is still checked and counted. */
export const PREVIEW_ROWS = 20;

import { CHANNEL_KINDS } from '../../model/queues';

export { CHANNEL_KINDS };
const channelKind = z.enum(CHANNEL_KINDS, { error: 'Channel must be phone, chat, email or social' });
const intervalMinutes = z.literal([5, 15, 30, 60], { error: 'Intervals are 5, 15, 30 or 60 minutes' });
const column = z.number({ error: 'A column is a number from 0' }).int('A column is a whole number').min(0, 'Columns are numbered from 0');

const previewText = z
  .string({ error: 'The file text is missing' })
  .min(1, 'The file is empty: choose a CSV file with a header line and rows')
  .max(MAX_PREVIEW_CHARS, `A preview reads at most ${MAX_PREVIEW_CHARS.toLocaleString('en-US')} characters: send the file's beginning with wholeFile false`);
const importText = z
  .string({ error: 'The file text is missing' })
  .min(1, 'The file is empty: choose a CSV file with a header line and rows')
  .max(MAX_IMPORT_CHARS, `At most ${MAX_IMPORT_CHARS.toLocaleString('en-US')} characters per import: split the file by date`);

export const ticketMappingSchema = z
  .object({
    createdAt: column,
    queue: z.array(column).max(4, 'At most 4 columns name the queue').readonly(),
    handleTime: z.object({ column, unit: z.enum(['seconds', 'minutes', 'hours'], { error: 'Handle time unit must be seconds, minutes or hours' }) }).strict().nullable().optional(),
  })
  .strict()
  .superRefine((mapping, ctx) => {
    const queueColumns = new Set<number>();
    mapping.queue.forEach((c, i) => {
      if (c === mapping.createdAt) ctx.addIssue({ code: 'custom', path: ['queue', i], message: 'The created-at column cannot also name the queue' });
      if (queueColumns.has(c)) ctx.addIssue({ code: 'custom', path: ['queue', i], message: 'This column is already part of the queue name' });
      queueColumns.add(c);
    });
    if (mapping.handleTime && mapping.handleTime.column === mapping.createdAt) {
      ctx.addIssue({ code: 'custom', path: ['handleTime', 'column'], message: 'The created-at column cannot also be the handle time' });
    }
  });

const fileName = z.string().trim().min(1, 'The file name is empty').max(255, 'File names are at most 255 characters').optional();

const dateRangeSchema = z
  .object({ from: localDate, to: localDate })
  .strict()
  .refine((r) => r.from <= r.to, { path: ['to'], message: 'The range ends before it starts' });

/** What an import will do with one queue. */
export type QueuePlan =
  | { action: 'create'; channel: ChannelKind; intervalMin: IntervalMinutes }
  | { action: 'replace'; channel: ChannelKind; intervalMin: number }
  | { action: 'roll-up'; channel: ChannelKind; intervalMin: number; fromIntervalMin: IntervalMinutes }
  | { action: 'refuse'; channel: ChannelKind; intervalMin: number; message: string };

export interface ExistingQueue {
  name: string;
  channel: ChannelKind;
  intervalMin: number;
}

const CHANNEL_WORDS: readonly (readonly [RegExp, ChannelKind])[] = [
  [/\b(chats?|live ?chat|messag\w*|messenger|whats ?app|sms|text)\b/i, 'chat'],
  [/\b(e-?mails?|mail|web ?form|portal|tickets?)\b/i, 'email'],
  [/\b(phones?|voice|calls?|telephon\w*|ivr)\b/i, 'phone'],
  [/\b(social|twitter|facebook|instagram|x\.com)\b/i, 'social'],
];

/** The channel a queue's name suggests ("Billing / Email" → email), or null when it names none. */
export function suggestChannel(queueName: string): ChannelKind | null {
  return CHANNEL_WORDS.find(([pattern]) => pattern.test(queueName))?.[1] ?? null;
}

/** How intervals of `importMin` minutes fit a queue whose intervals are `queueMin` long (undefined: a new queue). */
export function intervalFit(queueMin: number | undefined, importMin: IntervalMinutes): 'new' | 'same' | 'roll-up' | 'refuse' {
  if (queueMin === undefined) return 'new';
  if (queueMin === importMin) return 'same';
  return queueMin > importMin && queueMin % importMin === 0 ? 'roll-up' : 'refuse';
}

export function refusalMessage(name: string, queueMin: number, importMin: number): string {
  return `Queue "${name}" has ${queueMin}-minute intervals, finer than the ${importMin}-minute import: import at ${queueMin} minutes or under another queue name.`;
}

/** Whether and how imported intervals of `importMin` minutes go into a queue (see the rules at the top). */
export function planQueue(name: string, existing: ExistingQueue | undefined, importMin: IntervalMinutes, channel: ChannelKind): QueuePlan {
  switch (intervalFit(existing?.intervalMin, importMin)) {
    case 'new':
      return { action: 'create', channel, intervalMin: importMin };
    case 'same':
      return { action: 'replace', channel: existing!.channel, intervalMin: importMin };
    case 'roll-up':
      return { action: 'roll-up', channel: existing!.channel, intervalMin: existing!.intervalMin, fromIntervalMin: importMin };
    case 'refuse':
      return { action: 'refuse', channel: existing!.channel, intervalMin: existing!.intervalMin, message: refusalMessage(name, existing!.intervalMin, importMin) };
  }
}

/** One good row of an interval file as the preview shows it. */
export interface IntervalPreviewRow {
  line: number;
  localStart: string;
  offsetMinutes: number;
  volume: number;
  ahtSec: number | null;
}

interface BadRowFields {
  badRows: BadRow[];
  badRowCount: number;
  badRowCountByReason: Partial<Record<BadRowReason, number>>;
}

export type IntervalImportPreview =
  | { ok: false; error: string; timezone: string }
  | (BadRowFields & {
      ok: true;
      timezone: string;
      intervalMinutes: IntervalMinutes;
      hasHeader: boolean;
      columns: IntervalCountColumns;
      rows: IntervalPreviewRow[];
      goodRowCount: number;
      totalVolume: number;
      /** Local dates of the first and last good row; null when no row is good. */
      dateRange: LocalDateRange | null;
      /** What the import would do with the named queue; null when no name was given. */
      queue: (QueuePlan & { name: string }) | null;
    });

export interface TicketPreviewQueue {
  queue: string;
  contacts: number;
  suggestedChannel: ChannelKind | null;
  /** What the import would do with the queue, for the default channel (email) where the name suggests none. */
  plan: QueuePlan;
}

/** The import layer's preview, with what the import would do to each queue in this workspace. */
export interface TicketImportPreview extends Omit<TicketPreview, 'queues'> {
  timezone: string;
  intervalMinutes: IntervalMinutes;
  /** False when only the beginning of the file was sent: the counts are of that part. */
  wholeFile: boolean;
  queues: TicketPreviewQueue[];
}

export interface ImportedQueue {
  name: string;
  channel: ChannelKind;
  created: boolean;
  /** The queue's interval length as stored. */
  intervalMin: number;
  /** Set when the import's finer intervals were summed into the queue's intervals. */
  rolledUpFrom?: number;
  intervals: number;
  contacts: number;
  /** Intervals of the queue removed from the date range before the new ones were written. */
  replacedIntervals: number;
}

/** The `result` of a succeeded `import.*` job's done event. */
export interface ImportResult {
  format: 'intervals' | 'tickets';
  dateRange: LocalDateRange;
  queues: ImportedQueue[];
  contacts: number;
  intervals: number;
  rowsRead: number;
  badRowCount: number;
}

/** One row of the import log (most recent first in `import.history`). */
export interface ImportLogEntry extends ImportResult {
  id: number;
  importedAt: string;
  fileName: string | null;
}

export const importChannels = {
  'import.intervals.preview': {
    request: z.object({ text: previewText, queueName: nameField.optional(), channel: channelKind.optional() }).strict(),
    response: returns<IntervalImportPreview>(),
  },
  'import.intervals.start': {
    request: z.object({ text: importText, queueName: nameField, channel: channelKind, fileName }).strict(),
    response: returns<JobHandle>(),
  },
  'import.tickets.preview': {
    request: z
      .object({
        text: previewText,
        /** False when `text` is the beginning of a larger file (its last, probably cut, line is ignored). */
        wholeFile: z.boolean().optional(),
        mapping: ticketMappingSchema.optional(),
        intervalMinutes: intervalMinutes.optional(),
      })
      .strict(),
    response: returns<TicketImportPreview>(),
  },
  'import.tickets.start': {
    request: z
      .object({
        text: importText,
        mapping: ticketMappingSchema,
        intervalMinutes,
        /** Channel of each new queue, by name; new queues not listed get the one their name suggests, or defaultChannel. */
        channels: z.record(z.string().min(1).max(120, 'Queue names are at most 120 characters'), channelKind).optional(),
        defaultChannel: channelKind,
        /** The days the export covers; contacts outside are bad rows. From the first to the last contact when absent. */
        dateRange: dateRangeSchema.optional(),
        /** Kept in the import log. */
        fileName,
      })
      .strict(),
    response: returns<JobHandle>(),
  },
  'import.history': {
    request: z.object({ limit: z.number().int('A whole number of imports').min(1, 'At least 1 import').max(100, 'At most 100 imports').optional() }).strict(),
    response: returns<ImportLogEntry[]>(),
  },
};
