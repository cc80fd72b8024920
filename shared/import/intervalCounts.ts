/**
 * Parses an interval-count file, `timestamp,volume[,aht_sec]` at 5, 15, 30 or 60 minutes, into one row per
 * interval of the workspace's local grid. The interval length is read from the data. Rows that cannot be used are
 * listed with their line and reason; an interval absent from the file stays absent (missing, not zero).
 */
import { MINUTE_MS } from './civil';
import { BadRowLog, quoteValue, type BadRowSummary, type RowProblem } from './badRows';
import { describeSlot, IntervalCalendar, type IntervalMinutes, type IntervalSlot } from './calendar';
import { CsvRecordReader, detectDelimiter } from './csvReader';
import { findHeader, normalizeHeader } from './headers';
import { detectIntervalMinutes, type TimedLine } from './intervalDetection';
import { MAX_AHT_SEC, MAX_INTERVAL_VOLUME } from './limits';
import { parseDecimal } from './numbers';
import { ACCEPTED_TIMESTAMP_FORMS, parseTimestamp } from './timestamp';
import { TimestampSequence } from './timestampSequence';
import { ZoneClock } from './zoneClock';

export interface IntervalCount extends IntervalSlot {
  /** Contacts offered in the interval; 0 is a real zero. */
  volume: number;
  /** Mean handle time in seconds, when the file has it. */
  ahtSec: number | null;
}

export interface IntervalCountRow extends IntervalCount {
  line: number;
}

export interface IntervalCountColumns {
  timestamp: number;
  volume: number;
  ahtSec: number | null;
}

export interface IntervalCountsOptions {
  /** The workspace's IANA zone: the grid is its wall clock, and timestamps without an offset are read in it. */
  zone: string;
  /** Skips detection, for callers that know the length; rows off its grid are then bad rows. */
  intervalMinutes?: IntervalMinutes;
  maxBadRows?: number;
}

export type IntervalCountsResult =
  | (BadRowSummary & {
      ok: true;
      intervalMinutes: IntervalMinutes;
      hasHeader: boolean;
      columns: IntervalCountColumns;
      /** Good rows in time order. */
      rows: IntervalCountRow[];
    })
  | { ok: false; error: string };

const TIMESTAMP_NAMES = ['timestamp', 'time', 'datetime', 'date time', 'time stamp', 'interval', 'interval start', 'start', 'start time', 'period', 'ts', 'date'];
const VOLUME_NAMES = ['volume', 'count', 'contacts', 'calls', 'offered', 'calls offered', 'contacts offered', 'arrivals', 'n', 'value'];
const AHT_NAMES = ['aht sec', 'aht', 'aht s', 'aht secs', 'aht seconds', 'handle time', 'handle time sec', 'average handle time', 'avg handle time'];

interface Reading {
  line: number;
  utcMs: number;
  volume: number;
  ahtSec: number | null;
}

/**
 * The good readings of a file as parallel typed arrays: about 28 bytes a row where objects took about 1 KB (the
 * field arrays, the reading and the slot of each line), so 2 million rows fit in well under 100 MB.
 */
class ReadingColumns {
  length = 0;
  utcMs = new Float64Array(1024);
  volume = new Float64Array(1024);
  /** NaN for "no AHT in the file". */
  ahtSec = new Float64Array(1024);
  line = new Int32Array(1024);

  push(reading: Reading): void {
    if (this.length === this.line.length) this.grow();
    const i = this.length++;
    this.utcMs[i] = reading.utcMs;
    this.volume[i] = reading.volume;
    this.ahtSec[i] = reading.ahtSec ?? Number.NaN;
    this.line[i] = reading.line;
  }

  private grow(): void {
    const size = this.line.length * 2;
    const grown = <T extends Float64Array | Int32Array>(old: T, make: (n: number) => T) => {
      const next = make(size);
      next.set(old);
      return next;
    };
    this.utcMs = grown(this.utcMs, (n) => new Float64Array(n));
    this.volume = grown(this.volume, (n) => new Float64Array(n));
    this.ahtSec = grown(this.ahtSec, (n) => new Float64Array(n));
    this.line = grown(this.line, (n) => new Int32Array(n));
  }

  /** Indices in time order, ties in file order (the first line of a repeated interval comes first). */
  timeOrder(): Uint32Array {
    const order = new Uint32Array(this.length);
    for (let i = 0; i < order.length; i++) order[i] = i;
    const { utcMs, line } = this;
    return order.sort((a, b) => utcMs[a] - utcMs[b] || line[a] - line[b]);
  }
}

/** The good rows of a file in time order, as parallel arrays (see parseIntervalCountColumns). */
export interface IntervalCountColumnsResult {
  ok: true;
  intervalMinutes: IntervalMinutes;
  hasHeader: boolean;
  columns: IntervalCountColumns;
  calendar: IntervalCalendar;
  /** Interval starts (UTC ms), volumes, AHTs (NaN: none) and file lines of the good rows, in time order. */
  startUtcMs: Float64Array;
  volume: Float64Array;
  ahtSec: Float64Array;
  line: Int32Array;
}

export function parseIntervalCountsCsv(text: string, options: IntervalCountsOptions): IntervalCountsResult {
  const parsed = parseIntervalCountColumns(text, options);
  if (!parsed.ok) return parsed;
  const { ok: _ok, calendar, startUtcMs, volume, ahtSec, line, intervalMinutes, hasHeader, columns, ...summary } = parsed;
  const rows: IntervalCountRow[] = new Array(startUtcMs.length);
  for (let i = 0; i < rows.length; i++) {
    rows[i] = { ...calendar.slotStartingAt(startUtcMs[i]), line: line[i], volume: volume[i], ahtSec: Number.isNaN(ahtSec[i]) ? null : ahtSec[i] };
  }
  return { ok: true, intervalMinutes, hasHeader, columns, rows, ...summary };
}

/**
 * parseIntervalCountsCsv without an object per row: the records are read as they stream out of the CSV reader and
 * kept in typed arrays, for imports of millions of rows.
 */
export function parseIntervalCountColumns(text: string, options: IntervalCountsOptions): (IntervalCountColumnsResult & BadRowSummary) | { ok: false; error: string } {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const clock = new ZoneClock(options.zone);
  const badRows = new BadRowLog(options.maxBadRows);
  const readings = new ReadingColumns();
  const timestamps = new TimestampSequence(clock);
  let hasHeader = false;
  let columns: IntervalCountColumns | string | undefined;
  const reader = new CsvRecordReader((fields, line, malformed) => {
    if (columns === undefined) {
      hasHeader = looksLikeHeader(fields);
      columns = hasHeader ? columnsFromHeader(fields) : columnsByPosition(fields.length);
      if (typeof columns === 'string') return false;
      if (hasHeader) return;
    }
    const reading = readLine({ fields, line, malformed }, columns as IntervalCountColumns, timestamps);
    if ('reason' in reading) badRows.add(line, reading);
    else readings.push(reading);
  }, { delimiter: detectDelimiter(body) });
  reader.push(body);
  reader.end();
  if (columns === undefined) return { ok: false, error: 'The file has no rows.' };
  if (typeof columns === 'string') return { ok: false, error: columns };

  const order = readings.timeOrder();
  let intervalMinutes = options.intervalMinutes;
  if (intervalMinutes === undefined) {
    const detection = detectIntervalMinutes(distinctReadings(readings, order), clock);
    if (!detection.ok) return { ok: false, error: detection.error };
    intervalMinutes = detection.intervalMinutes;
  }
  const calendar = new IntervalCalendar(clock, intervalMinutes);
  const kept = placeOnGrid(readings, order, calendar, badRows);
  const pick = <T extends Float64Array | Int32Array>(source: T, make: (n: number) => T) => {
    const out = make(kept.length);
    for (let k = 0; k < kept.length; k++) out[k] = source[kept[k]];
    return out;
  };
  return {
    ok: true,
    intervalMinutes,
    hasHeader,
    columns,
    calendar,
    startUtcMs: pick(readings.utcMs, (n) => new Float64Array(n)),
    volume: pick(readings.volume, (n) => new Float64Array(n)),
    ahtSec: pick(readings.ahtSec, (n) => new Float64Array(n)),
    line: pick(readings.line, (n) => new Int32Array(n)),
    ...badRows.summary(),
  };
}

/** One reading per distinct instant (its first line), in time order, for interval detection. */
function distinctReadings(readings: ReadingColumns, order: Uint32Array): TimedLine[] {
  const distinct: TimedLine[] = [];
  for (let k = 0; k < order.length; k++) {
    const i = order[k];
    if (k > 0 && readings.utcMs[i] === readings.utcMs[order[k - 1]]) continue;
    distinct.push({ line: readings.line[i], utcMs: readings.utcMs[i] });
  }
  return distinct;
}

interface CsvLine {
  fields: readonly string[];
  line: number;
  malformed: boolean;
}

/** A header's first cell is not a timestamp and its second is not a number. */
function looksLikeHeader(fields: readonly string[]): boolean {
  return parseTimestamp(fields[0] ?? '') === null && Number.isNaN(parseDecimal(fields[1] ?? ''));
}

function columnsFromHeader(header: readonly string[]): IntervalCountColumns | string {
  const names = header.map(normalizeHeader);
  const timestamp = findHeader(names, TIMESTAMP_NAMES);
  const volume = findHeader(names, VOLUME_NAMES);
  const ahtSec = findHeader(names, AHT_NAMES);
  // Unrecognised names: fall back on the documented order timestamp, volume, aht_sec.
  if (timestamp < 0 || volume < 0) return columnsByPosition(header.length);
  return { timestamp, volume, ahtSec: ahtSec < 0 ? null : ahtSec };
}

function columnsByPosition(columnCount: number): IntervalCountColumns | string {
  if (columnCount < 2) return 'An interval file needs at least two columns: timestamp,volume[,aht_sec].';
  return { timestamp: 0, volume: 1, ahtSec: columnCount >= 3 ? 2 : null };
}

function readLine(csvLine: CsvLine, columns: IntervalCountColumns, timestamps: TimestampSequence): Reading | RowProblem {
  const { fields } = csvLine;
  if (csvLine.malformed) return { reason: 'malformed-csv', message: 'A quoted value is not closed properly.' };
  const needed = Math.max(columns.timestamp, columns.volume, columns.ahtSec ?? 0) + 1;
  if (fields.length < needed) {
    return { reason: 'too-few-columns', message: `The row has ${fields.length} column(s); ${needed} are needed.` };
  }
  const timestamp = parseTimestamp(fields[columns.timestamp]);
  if (!timestamp) {
    return {
      reason: 'timestamp-unparsable',
      message: `Timestamp ${quoteValue(fields[columns.timestamp])} is not of the form ${ACCEPTED_TIMESTAMP_FORMS}.`,
    };
  }
  const nonexistent = timestamps.nonexistentReason(timestamp, 'Local time');
  if (nonexistent) return nonexistent;
  const volume = parseDecimal(fields[columns.volume]);
  if (Number.isNaN(volume)) return { reason: 'volume-not-a-number', message: `Volume ${quoteValue(fields[columns.volume])} is not a number.` };
  if (volume < 0) return { reason: 'volume-negative', message: `Volume ${volume} is negative.` };
  if (volume > MAX_INTERVAL_VOLUME) {
    return { reason: 'volume-too-large', message: `Volume ${quoteValue(fields[columns.volume])} is more than ${MAX_INTERVAL_VOLUME.toLocaleString('en-US')} contacts in one interval.` };
  }
  let ahtSec: number | null = null;
  if (columns.ahtSec !== null && fields[columns.ahtSec].trim() !== '') {
    ahtSec = parseDecimal(fields[columns.ahtSec]);
    if (Number.isNaN(ahtSec)) return { reason: 'aht-not-a-number', message: `AHT ${quoteValue(fields[columns.ahtSec])} is not a number of seconds.` };
    if (ahtSec < 0) return { reason: 'aht-negative', message: `AHT ${ahtSec} is negative.` };
    if (ahtSec > MAX_AHT_SEC) return { reason: 'aht-too-large', message: `AHT ${quoteValue(fields[columns.ahtSec])} is more than a day (${MAX_AHT_SEC.toLocaleString('en-US')} seconds).` };
  }
  return { line: csvLine.line, utcMs: timestamps.instantOf(timestamp), volume, ahtSec };
}

/**
 * Keeps the readings that start an interval of the grid, once each (the first line of a repeated interval), and
 * returns their indices in time order; the rest become bad rows.
 */
function placeOnGrid(readings: ReadingColumns, order: Uint32Array, calendar: IntervalCalendar, badRows: BadRowLog): Uint32Array {
  const kept = new Uint32Array(order.length);
  let count = 0;
  let lastStart = Number.NaN;
  let lastLine = 0;
  for (let k = 0; k < order.length; k++) {
    const i = order[k];
    const utcMs = readings.utcMs[i];
    if (calendar.intervalStartAt(utcMs) !== utcMs) {
      badRows.add(readings.line[i], {
        reason: 'off-grid-timestamp',
        message: `${describeInstant(calendar, utcMs)} is not the start of a ${calendar.intervalMinutes}-minute interval.`,
      });
      continue;
    }
    if (utcMs === lastStart) {
      badRows.add(readings.line[i], {
        reason: 'duplicate-interval',
        message: `Interval ${describeSlot(calendar.slotStartingAt(utcMs))} already appears on line ${lastLine}.`,
      });
      continue;
    }
    lastStart = utcMs;
    lastLine = readings.line[i];
    kept[count++] = i;
  }
  return kept.subarray(0, count);
}

function describeInstant(calendar: IntervalCalendar, utcMs: number): string {
  const offsetMinutes = calendar.clock.offsetAt(utcMs);
  const localIso = new Date(utcMs + offsetMinutes * MINUTE_MS).toISOString();
  const localTime = localIso.endsWith(':00.000Z') ? localIso.slice(0, 16) : localIso.slice(0, 19);
  return describeSlot({ localStart: localTime, offsetMinutes });
}
