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
import { detectIntervalMinutes } from './intervalDetection';
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

interface CsvLine {
  fields: string[];
  line: number;
  malformed: boolean;
}

interface Reading {
  line: number;
  utcMs: number;
  volume: number;
  ahtSec: number | null;
}

export function parseIntervalCountsCsv(text: string, options: IntervalCountsOptions): IntervalCountsResult {
  const lines = readAllLines(text);
  if (lines.length === 0) return { ok: false, error: 'The file has no rows.' };
  const hasHeader = looksLikeHeader(lines[0].fields);
  const columns = hasHeader ? columnsFromHeader(lines[0].fields) : columnsByPosition(lines[0].fields.length);
  if (typeof columns === 'string') return { ok: false, error: columns };

  const clock = new ZoneClock(options.zone);
  const badRows = new BadRowLog(options.maxBadRows);
  const readings: Reading[] = [];
  const timestamps = new TimestampSequence(clock);
  for (const csvLine of hasHeader ? lines.slice(1) : lines) {
    const reading = readLine(csvLine, columns, timestamps);
    if ('reason' in reading) badRows.add(csvLine.line, reading);
    else readings.push(reading);
  }

  let intervalMinutes = options.intervalMinutes;
  if (intervalMinutes === undefined) {
    const detection = detectIntervalMinutes(readings, clock);
    if (!detection.ok) return { ok: false, error: detection.error };
    intervalMinutes = detection.intervalMinutes;
  }
  const rows = placeOnGrid(readings, new IntervalCalendar(clock, intervalMinutes), badRows);
  return { ok: true, intervalMinutes, hasHeader, columns, rows, ...badRows.summary() };
}

function readAllLines(text: string): CsvLine[] {
  const body = text.replace(/^\uFEFF/, '');
  const lines: CsvLine[] = [];
  const reader = new CsvRecordReader((fields, line, malformed) => {
    lines.push({ fields: [...fields], line, malformed });
  }, { delimiter: detectDelimiter(body) });
  reader.push(body);
  reader.end();
  return lines;
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

/** Keeps the readings that start an interval of the grid, once each; the rest become bad rows. */
function placeOnGrid(readings: readonly Reading[], calendar: IntervalCalendar, badRows: BadRowLog): IntervalCountRow[] {
  const lineByStart = new Map<number, number>();
  const rows: IntervalCountRow[] = [];
  for (const reading of readings) {
    const slot = calendar.intervalAt(reading.utcMs);
    if (slot.startUtcMs !== reading.utcMs) {
      badRows.add(reading.line, {
        reason: 'off-grid-timestamp',
        message: `${describeInstant(calendar, reading.utcMs)} is not the start of a ${calendar.intervalMinutes}-minute interval.`,
      });
      continue;
    }
    const firstLine = lineByStart.get(slot.startUtcMs);
    if (firstLine !== undefined) {
      badRows.add(reading.line, {
        reason: 'duplicate-interval',
        message: `Interval ${describeSlot(slot)} already appears on line ${firstLine}.`,
      });
      continue;
    }
    lineByStart.set(slot.startUtcMs, reading.line);
    rows.push({ ...slot, line: reading.line, volume: reading.volume, ahtSec: reading.ahtSec });
  }
  return rows.sort((a, b) => a.startUtcMs - b.startUtcMs);
}

function describeInstant(calendar: IntervalCalendar, utcMs: number): string {
  const offsetMinutes = calendar.clock.offsetAt(utcMs);
  const localIso = new Date(utcMs + offsetMinutes * MINUTE_MS).toISOString();
  const localTime = localIso.endsWith(':00.000Z') ? localIso.slice(0, 16) : localIso.slice(0, 19);
  return describeSlot({ localStart: localTime, offsetMinutes });
}
