/**
 * The import jobs' worker side: parse and aggregate a CSV into per-queue interval series, summed up to a queue's
 * longer intervals where an existing queue needs it, then write them on the job's own connection in one
 * transaction (importSave.ts), so the thread that serves the UI never spends the seconds a large import takes.
 */
import {
  aggregateTicketsCsv,
  ImportCancelledError,
  IntervalCalendar,
  parseIntervalCountColumns,
  rollUpIntervalCounts,
  type IntervalCount,
  type IntervalMinutes,
  type LocalDateRange,
  type TicketColumnMapping,
} from '../../shared/import';
import { intervalFit, refusalMessage } from '../../shared/api/channels/dataImport';
import type { TaskContext, WorkspaceTaskContext } from './taskContext';
import { saveImport, type ImportDestination, type ImportSeries, type ImportTaskOutput, type SavedImport } from './importSave';

export interface TicketImportInput {
  text: string;
  zone: string;
  intervalMinutes: IntervalMinutes;
  mapping: TicketColumnMapping;
  dateRange?: LocalDateRange;
  /** Interval length of the workspace's existing queues, by name. */
  queueIntervals: Record<string, number>;
  destination: ImportDestination;
}

export interface IntervalImportInput {
  text: string;
  zone: string;
  queueName: string;
  /** Interval length of the existing queue of that name; null for a new queue. */
  queueIntervalMin: number | null;
  destination: ImportDestination;
}

const BAD_ROWS_REPORTED = 5;

export async function importTickets(input: TicketImportInput, ctx: WorkspaceTaskContext): Promise<SavedImport> {
  return saveImport(await readTickets(input, ctx), input.destination, ctx);
}

export function importIntervals(input: IntervalImportInput, ctx: WorkspaceTaskContext): SavedImport {
  return saveImport(readIntervals(input, ctx), input.destination, ctx);
}

async function readTickets(input: TicketImportInput, ctx: TaskContext): Promise<ImportTaskOutput> {
  let reported = -1;
  let aggregate;
  try {
    aggregate = await aggregateTicketsCsv(input.text, {
      zone: input.zone,
      intervalMinutes: input.intervalMinutes,
      mapping: input.mapping,
      dateRange: input.dateRange,
      shouldCancel: ctx.isCancelled,
      onProgress: (fraction) => {
        const percent = Math.floor(fraction * 100);
        if (percent === reported) return;
        reported = percent;
        // The last few percent are spent building the intervals and saving.
        ctx.progress(fraction * 0.9, `Reading the export: ${percent}%`);
      },
    });
  } catch (error) {
    // The cancel flag is set: checkCancelled throws the worker's own cancellation error.
    if (error instanceof ImportCancelledError) ctx.checkCancelled();
    throw error;
  }
  ctx.checkCancelled();
  if (!aggregate.dateRange || aggregate.contactsImported === 0) throw new Error(nothingToImport(aggregate.rowsRead, aggregate.badRowCount, aggregate.badRows));

  const refused = aggregate.queues.filter((q) => intervalFit(input.queueIntervals[q.queue], input.intervalMinutes) === 'refuse');
  if (refused.length > 0) {
    throw new Error(`Nothing was imported. ${refused.map((q) => refusalMessage(q.queue, input.queueIntervals[q.queue], input.intervalMinutes)).join(' ')}`);
  }
  ctx.progress(0.92, 'Building intervals…');
  // Queues stored at the file's interval share one grid: passed back once, however many queues there are.
  const grid = { localStart: aggregate.slots.map((slot) => slot.localStart), offsetMin: aggregate.slots.map((slot) => slot.offsetMinutes) };
  const series = aggregate.queues.map((queue): ImportSeries => {
    const queueMin = input.queueIntervals[queue.queue];
    if (intervalFit(queueMin, input.intervalMinutes) !== 'roll-up') {
      return { queue: queue.queue, intervalMin: input.intervalMinutes, sourceIntervalMin: input.intervalMinutes, ...grid, volume: queue.contacts, ahtSec: queue.ahtSec, contacts: queue.totalContacts };
    }
    const counts: IntervalCount[] = aggregate.slots.map((slot, i) => ({ ...slot, volume: queue.contacts[i], ahtSec: queue.ahtSec[i] }));
    return toSeries(queue.queue, counts, input.zone, input.intervalMinutes, queueMin, queue.totalContacts);
  });
  return {
    format: 'tickets',
    dateRange: aggregate.dateRange,
    series,
    rowsRead: aggregate.rowsRead,
    contacts: aggregate.contactsImported,
    badRowCount: aggregate.badRowCount,
    firstBadRows: aggregate.badRows.slice(0, BAD_ROWS_REPORTED).map(({ line, message }) => ({ line, message })),
  };
}

function readIntervals(input: IntervalImportInput, ctx: TaskContext): ImportTaskOutput {
  ctx.progress(0.05, 'Reading the interval file…');
  // Columns, not an object per row: 5 years of 5-minute rows is half a million rows per queue.
  const parsed = parseIntervalCountColumns(input.text, { zone: input.zone });
  if (!parsed.ok) throw new Error(`Nothing was imported: ${parsed.error}`);
  ctx.checkCancelled();
  const goodRows = parsed.startUtcMs.length;
  const dataRows = goodRows + parsed.badRowCount;
  if (goodRows === 0) throw new Error(nothingToImport(dataRows, parsed.badRowCount, parsed.badRows));
  const queueMin = input.queueIntervalMin ?? undefined;
  if (intervalFit(queueMin, parsed.intervalMinutes) === 'refuse') {
    throw new Error(`Nothing was imported. ${refusalMessage(input.queueName, queueMin!, parsed.intervalMinutes)}`);
  }
  ctx.progress(0.6, 'Building intervals…');
  const { calendar } = parsed;
  let contacts = 0;
  for (let i = 0; i < goodRows; i++) contacts += parsed.volume[i];
  const series =
    intervalFit(queueMin, parsed.intervalMinutes) === 'roll-up'
      ? toSeries(input.queueName, countsOf(parsed), input.zone, parsed.intervalMinutes, queueMin, contacts)
      : columnSeries(input.queueName, parsed, contacts);
  return {
    format: 'intervals',
    dateRange: { from: calendar.localDateOf(parsed.startUtcMs[0]), to: calendar.localDateOf(parsed.startUtcMs[goodRows - 1]) },
    series: [series],
    rowsRead: dataRows,
    contacts,
    badRowCount: parsed.badRowCount,
    firstBadRows: parsed.badRows.slice(0, BAD_ROWS_REPORTED).map(({ line, message }) => ({ line, message })),
  };
}

type ParsedColumns = Extract<ReturnType<typeof parseIntervalCountColumns>, { ok: true }>;

/** The file's own grid as a series, straight from the parsed columns. */
function columnSeries(queue: string, parsed: ParsedColumns, contacts: number): ImportSeries {
  const count = parsed.startUtcMs.length;
  const series: ImportSeries = {
    queue,
    intervalMin: parsed.intervalMinutes,
    sourceIntervalMin: parsed.intervalMinutes,
    localStart: new Array<string>(count),
    offsetMin: new Array<number>(count),
    volume: Array.from(parsed.volume),
    ahtSec: new Array<number | null>(count),
    contacts,
  };
  for (let i = 0; i < count; i++) {
    const slot = parsed.calendar.slotStartingAt(parsed.startUtcMs[i]);
    series.localStart[i] = slot.localStart;
    series.offsetMin[i] = slot.offsetMinutes;
    series.ahtSec[i] = Number.isNaN(parsed.ahtSec[i]) ? null : parsed.ahtSec[i];
  }
  return series;
}

/** Interval counts as objects, for summing up into a queue's longer intervals. */
function countsOf(parsed: ParsedColumns): IntervalCount[] {
  return Array.from(parsed.startUtcMs, (start, i) => ({
    ...parsed.calendar.slotStartingAt(start),
    volume: parsed.volume[i],
    ahtSec: Number.isNaN(parsed.ahtSec[i]) ? null : parsed.ahtSec[i],
  }));
}

/** Counts of the file's grid, summed up to the queue's longer intervals when it has them. */
function toSeries(queue: string, counts: IntervalCount[], zone: string, importMin: IntervalMinutes, queueMin: number | undefined, contacts: number): ImportSeries {
  const rollUp = intervalFit(queueMin, importMin) === 'roll-up';
  const stored = rollUp ? rollUpIntervalCounts(counts, new IntervalCalendar(zone, queueMin as IntervalMinutes)) : counts;
  const series: ImportSeries = {
    queue,
    intervalMin: rollUp ? queueMin! : importMin,
    sourceIntervalMin: importMin,
    localStart: new Array<string>(stored.length),
    offsetMin: new Array<number>(stored.length),
    volume: new Array<number>(stored.length),
    ahtSec: new Array<number | null>(stored.length),
    contacts,
  };
  stored.forEach((count, i) => {
    series.localStart[i] = count.localStart;
    series.offsetMin[i] = count.offsetMinutes;
    series.volume[i] = count.volume;
    series.ahtSec[i] = count.ahtSec;
  });
  return series;
}

function nothingToImport(rowsRead: number, badRowCount: number, badRows: readonly { line: number; message: string }[]): string {
  if (rowsRead === 0) return 'Nothing was imported: the file has a header but no rows.';
  const examples = badRows.slice(0, 3).map((row) => `line ${row.line}: ${row.message.replace(/\.$/, '')}`).join('; ');
  return `Nothing was imported: none of the ${rowsRead.toLocaleString('en-US')} rows could be read (${badRowCount.toLocaleString('en-US')} bad rows; ${examples}). Check the column mapping in the preview.`;
}
