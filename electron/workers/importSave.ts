/**
 * The write half of an import, in the job's worker on its own connection: the "before" backup, then every queue's
 * intervals and the log entry in one transaction. Readers on other connections (the thread that serves the UI) keep
 * seeing the history as it was until the commit, then all of the import at once; a failure or a cancel before the
 * commit leaves nothing behind. The new whole-history aggregates are read here too, so the workspace summary does
 * not have to redo them on the main thread (historySummary.ts).
 */
import type { ImportedQueue, ImportResult } from '../../shared/api/channels/dataImport';
import { suggestChannel } from '../../shared/api/channels/dataImport';
import type { ChannelKind } from '../../shared/api/types';
import { recordImport, replaceImportedIntervals, type ImportedSeriesOutcome, type ImportedSeriesWrite } from '../../db/repositories/importedVolumes';
import { createBackup } from '../services/backupCopies';
import { readHistorySummary, type HistorySummary } from '../services/historySummary';
import type { IntervalMinutes, LocalDateRange } from '../../shared/import';
import type { WorkspaceTaskContext } from './taskContext';

/** One queue's intervals in time order, as parallel arrays (cheap to pass between threads). */
export interface ImportSeries {
  queue: string;
  intervalMin: number;
  /** The file's interval length; differs from intervalMin when the intervals were summed up. */
  sourceIntervalMin: IntervalMinutes;
  localStart: string[];
  offsetMin: number[];
  volume: number[];
  ahtSec: (number | null)[];
  contacts: number;
}

export interface ImportTaskOutput {
  format: 'intervals' | 'tickets';
  dateRange: LocalDateRange;
  series: ImportSeries[];
  rowsRead: number;
  contacts: number;
  badRowCount: number;
  /** The first bad rows, for the done message. */
  firstBadRows: { line: number; message: string }[];
}

/** Where the imported queues go: the planner's channel per new queue, else one suggested by the name, else the default. */
export interface ImportDestination {
  channels: Record<string, ChannelKind>;
  defaultChannel: ChannelKind;
  fileName: string | null;
}

export interface SavedImport {
  result: ImportResult;
  /** The first bad rows, for the done message. */
  firstBadRows: { line: number; message: string }[];
  /** The whole-history aggregates right after the import. */
  history: HistorySummary;
}

export function saveImport(output: ImportTaskOutput, destination: ImportDestination, ctx: WorkspaceTaskContext): SavedImport {
  const channelOf = (queue: string) => destination.channels[queue] ?? suggestChannel(queue) ?? destination.defaultChannel;
  const writes: ImportedSeriesWrite[] = output.series.map((s) => ({
    queueName: s.queue,
    channel: channelOf(s.queue),
    intervalMin: s.intervalMin,
    fromDate: output.dateRange.from,
    toDate: output.dateRange.to,
    localStart: s.localStart,
    offsetMin: s.offsetMin,
    volume: s.volume,
    ahtSec: s.ahtSec,
  }));
  const db = ctx.db();
  ctx.progress(0.94, 'Backing up the workspace before the import…');
  // The workspace as it was, listed under Data → Backups, so an import can be undone.
  createBackup(db, ctx.dataDir(), 'before-import');
  ctx.checkCancelled();
  ctx.progress(0.97, 'Saving…');
  const result = ctx.write(() => {
    const imported = importResult(output, replaceImportedIntervals(db, writes));
    recordImport(db, { ...imported, importedAt: new Date().toISOString(), fileName: destination.fileName });
    return imported;
  });
  return { result, firstBadRows: output.firstBadRows, history: readHistorySummary(db) };
}

function importResult(output: ImportTaskOutput, outcomes: ImportedSeriesOutcome[]): ImportResult {
  const queues: ImportedQueue[] = outcomes.map((o, i) => {
    const s = output.series[i];
    return {
      name: o.queueName,
      channel: o.channel,
      created: o.created,
      intervalMin: s.intervalMin,
      ...(s.intervalMin !== s.sourceIntervalMin && { rolledUpFrom: s.sourceIntervalMin }),
      intervals: o.intervals,
      contacts: s.contacts,
      replacedIntervals: o.replacedIntervals,
    };
  });
  return {
    format: output.format,
    dateRange: output.dateRange,
    queues,
    contacts: output.contacts,
    intervals: queues.reduce((n, q) => n + q.intervals, 0),
    rowsRead: output.rowsRead,
    badRowCount: output.badRowCount,
  };
}
