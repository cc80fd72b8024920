/**
 * What the Data area shows before an import: the first rows as they will be read, the suggested column mapping,
 * and how many rows are good and bad, so the planner can fix the mapping or the file before anything is written.
 */
import { BadRowLog, type BadRowSummary, type RowProblem } from './badRows';
import { IntervalCalendar, type IntervalMinutes, type IntervalSlot } from './calendar';
import { CsvRecordReader, detectDelimiter, type CsvRecordSink } from './csvReader';
import { parseIntervalCountsCsv, type IntervalCountsOptions, type IntervalCountsResult } from './intervalCounts';
import { detectColumns, type SuggestedTicketMapping, type TicketColumnMapping } from './ticketColumns';
import { TicketRowReader } from './ticketRows';

const DEFAULT_ROW_LIMIT = 20;
/** Data rows the column detection looks at when a header does not name the created-at column. */
const DETECTION_SAMPLE_ROWS = 50;

export interface TicketPreviewOptions {
  zone: string;
  intervalMinutes: IntervalMinutes;
  /** The planner's mapping; the suggested one is used when absent. */
  mapping?: TicketColumnMapping;
  /** Rows returned in `rows`; every row of `text` is still checked and counted. Default 20. */
  rowLimit?: number;
  /** False when `text` is only the beginning of a file, so that its last, probably cut, line is ignored. */
  wholeFile?: boolean;
  maxBadRows?: number;
}

export interface TicketPreviewRow {
  line: number;
  /** Every cell as read, for the mapping table. */
  cells: string[];
  /** How the row would be imported, or why it would not; null when no created-at column is mapped yet. */
  outcome: { interval: IntervalSlot; queue: string; handleTimeSec: number | null } | RowProblem | null;
}

export interface TicketPreview extends BadRowSummary {
  delimiter: string;
  header: string[];
  suggestedMapping: SuggestedTicketMapping;
  /** The mapping the rows were read with, or null when none names a created-at column. */
  mapping: TicketColumnMapping | null;
  rows: TicketPreviewRow[];
  rowsRead: number;
  goodRowCount: number;
  /** Good rows per queue, by name. */
  queues: { queue: string; contacts: number }[];
}

export function previewTicketsCsv(text: string, options: TicketPreviewOptions): TicketPreview {
  const body = text.replace(/^\uFEFF/, '');
  const delimiter = detectDelimiter(body);
  const wholeFile = options.wholeFile ?? true;
  const [header = [], ...samples] = firstRecords(body, delimiter, wholeFile, DETECTION_SAMPLE_ROWS + 1);
  const suggestedMapping = detectColumns(header, samples);
  const mapping = options.mapping ?? suggestionAsMapping(suggestedMapping);
  const rowLimit = options.rowLimit ?? DEFAULT_ROW_LIMIT;
  const calendar = new IntervalCalendar(options.zone, options.intervalMinutes);
  const rowReader = mapping ? new TicketRowReader(mapping, calendar.clock) : null;
  const badRows = new BadRowLog(options.maxBadRows);
  const contactsByQueue = new Map<string, number>();
  const rows: TicketPreviewRow[] = [];
  let rowsRead = 0;
  let goodRowCount = 0;
  let headerSkipped = false;

  readRecords(body, delimiter, wholeFile, (cells, line, malformed) => {
    if (!headerSkipped) {
      headerSkipped = true;
      return true;
    }
    rowsRead++;
    const row = rowReader?.read(cells, malformed) ?? null;
    if (row && 'reason' in row) badRows.add(line, row);
    else if (row) {
      goodRowCount++;
      contactsByQueue.set(row.queue, (contactsByQueue.get(row.queue) ?? 0) + 1);
    }
    if (rows.length < rowLimit) {
      const outcome = row && !('reason' in row) ? { interval: calendar.intervalAt(row.utcMs), queue: row.queue, handleTimeSec: row.handleTimeSec } : row;
      rows.push({ line, cells: [...cells], outcome });
    }
    return true;
  });

  return {
    delimiter,
    header,
    suggestedMapping,
    mapping,
    rows,
    rowsRead,
    goodRowCount,
    queues: [...contactsByQueue].sort(([a], [b]) => a.localeCompare(b)).map(([queue, contacts]) => ({ queue, contacts })),
    ...badRows.summary(),
  };
}

function suggestionAsMapping(suggestion: SuggestedTicketMapping): TicketColumnMapping | null {
  if (suggestion.createdAt === null) return null;
  return { createdAt: suggestion.createdAt, queue: suggestion.queue, handleTime: suggestion.handleTime };
}

/** The cells of the first `count` records. */
function firstRecords(text: string, delimiter: string, wholeFile: boolean, count: number): string[][] {
  const records: string[][] = [];
  readRecords(text, delimiter, wholeFile, (cells) => records.push([...cells]) < count);
  return records;
}

/** Reads `text` record by record until `sink` returns false; without `wholeFile`, a last unfinished line is dropped. */
function readRecords(text: string, delimiter: string, wholeFile: boolean, sink: CsvRecordSink): void {
  const reader = new CsvRecordReader(sink, { delimiter });
  reader.push(text);
  if (wholeFile) reader.end();
}

export type IntervalCountsPreview = Exclude<IntervalCountsResult, { ok: true }> | (Extract<IntervalCountsResult, { ok: true }> & { goodRowCount: number });

/** The interval file parsed in full (such files are small), with only the first `rowLimit` rows returned. */
export function previewIntervalCountsCsv(text: string, options: IntervalCountsOptions & { rowLimit?: number }): IntervalCountsPreview {
  const result = parseIntervalCountsCsv(text, options);
  if (!result.ok) return result;
  return { ...result, rows: result.rows.slice(0, options.rowLimit ?? DEFAULT_ROW_LIMIT), goodRowCount: result.rows.length };
}
