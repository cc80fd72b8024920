/**
 * Turns a ticket or contact export (one row per contact) into contacts and mean handle time per queue and local
 * interval, fed text chunk by chunk so that a million-row file never has to be parsed into rows in memory.
 */
import { BadRowLog, type BadRowSummary } from './badRows';
import { IntervalCalendar, type IntervalMinutes, type IntervalSlot } from './calendar';
import { DAY_MS, localMidnightOf } from './civil';
import { CsvRecordReader, detectDelimiter } from './csvReader';
import type { TicketColumnMapping } from './ticketColumns';
import { TicketRowReader } from './ticketRows';

/** Local dates `YYYY-MM-DD`, both inclusive. */
export interface LocalDateRange {
  from: string;
  to: string;
}

export interface TicketAggregationOptions {
  /** The workspace's IANA zone: intervals are its wall clock, and created-at values without an offset are read in it. */
  zone: string;
  intervalMinutes: IntervalMinutes;
  mapping: TicketColumnMapping;
  /** Detected from the header line when absent. */
  delimiter?: string;
  /**
   * The days the export covers. Contacts outside it are bad rows. When absent, the days from the first to the
   * last contact: an interval of those days without contacts had zero, which is different from missing.
   */
  dateRange?: LocalDateRange;
  maxBadRows?: number;
}

export interface QueueIntervals {
  queue: string;
  /** Contacts created in each interval, aligned with the aggregate's `slots`; 0 where none was. */
  contacts: number[];
  /** Mean handle time in seconds of the interval's contacts that have one; null where none has. */
  ahtSec: (number | null)[];
  totalContacts: number;
}

export interface TicketAggregate extends BadRowSummary {
  zone: string;
  intervalMinutes: IntervalMinutes;
  /** The days covered; null when the file held no usable contact and no range was given. */
  dateRange: LocalDateRange | null;
  /** Every interval of the covered days in time order (23 hours' worth on a spring-forward day, 25 on a fall-back day). */
  slots: IntervalSlot[];
  /** One entry per queue, by name. */
  queues: QueueIntervals[];
  /** Data rows read, good and bad; the header is not counted. */
  rowsRead: number;
  contactsImported: number;
}

/** A queue's totals, indexed like the aggregator's slot table. */
interface QueueTotals {
  contacts: number[];
  contactsWithHandleTime: number[];
  handleTimeSumSec: number[];
}

export class TicketAggregator {
  private readonly options: TicketAggregationOptions;
  private readonly calendar: IntervalCalendar;
  private readonly rowReader: TicketRowReader;
  private readonly badRows: BadRowLog;
  private readonly totalsByQueue = new Map<string, QueueTotals>();
  /** The intervals that received a contact, numbered in order of first appearance. */
  private readonly slotIndexByStart = new Map<number, number>();
  private readonly slotStarts: number[] = [];
  /** The interval of the previous row: in an export sorted by time, most rows fall into the same one. */
  private recentSlotStartUtcMs = Number.NaN;
  private recentSlotEndUtcMs = Number.NaN;
  private recentSlotIndex = -1;
  private readonly rangeStartUtcMs: number;
  private readonly rangeEndUtcMs: number;
  private csv: CsvRecordReader | null = null;
  /** Text held back until the header line is complete, to detect the delimiter from it. */
  private head = '';
  private headerSeen = false;
  private rowsRead = 0;
  private contactsImported = 0;
  private firstUtcMs = Number.POSITIVE_INFINITY;
  private lastUtcMs = Number.NEGATIVE_INFINITY;
  /** The queue of the previous row: exports are often sorted by queue or dominated by one, so the lookup is skipped. */
  private recentQueue = '';
  private recentQueueTotals: QueueTotals | null = null;

  constructor(options: TicketAggregationOptions) {
    this.options = options;
    this.calendar = new IntervalCalendar(options.zone, options.intervalMinutes);
    this.rowReader = new TicketRowReader(options.mapping, this.calendar.clock);
    this.badRows = new BadRowLog(options.maxBadRows);
    const range = options.dateRange;
    this.rangeStartUtcMs = range ? this.calendar.clock.resolveWallClock(localMidnightOf(range.from)) : Number.NEGATIVE_INFINITY;
    this.rangeEndUtcMs = range ? this.calendar.clock.resolveWallClock(localMidnightOf(range.to) + DAY_MS) : Number.POSITIVE_INFINITY;
  }

  push(text: string): void {
    if (this.csv) {
      this.csv.push(text);
      return;
    }
    this.head += text;
    if (/[\r\n]/.test(this.head)) this.startReading();
  }

  /** Ends the input and builds the result; call once, after the last push. */
  finish(): TicketAggregate {
    if (!this.csv) this.startReading();
    this.csv?.end();
    const dateRange = this.coveredDates();
    const slots = dateRange ? this.calendar.intervalsBetween(dateRange.from, dateRange.to) : [];
    // Where each interval that received a contact sits among the covered days' intervals.
    const positionByStart = new Map(slots.map((slot, position) => [slot.startUtcMs, position]));
    const positions = this.slotStarts.map((start) => positionByStart.get(start) as number);
    const queues = [...this.totalsByQueue]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([queue, totals]) => denseQueue(queue, totals, positions, slots.length));
    return {
      zone: this.calendar.zone,
      intervalMinutes: this.calendar.intervalMinutes,
      dateRange,
      slots,
      queues,
      rowsRead: this.rowsRead,
      contactsImported: this.contactsImported,
      ...this.badRows.summary(),
    };
  }

  private startReading(): void {
    const text = this.head.replace(/^\uFEFF/, '');
    this.head = '';
    const delimiter = this.options.delimiter ?? detectDelimiter(text);
    this.csv = new CsvRecordReader(this.onRecord, { delimiter, columns: this.rowReader.columns });
    this.csv.push(text);
  }

  private readonly onRecord = (fields: string[], line: number, malformed: boolean): void => {
    if (!this.headerSeen) {
      this.headerSeen = true;
      return;
    }
    this.rowsRead++;
    const row = this.rowReader.read(fields, malformed);
    if ('reason' in row) {
      this.badRows.add(line, row);
      return;
    }
    if (row.utcMs < this.rangeStartUtcMs || row.utcMs >= this.rangeEndUtcMs) {
      this.badRows.add(line, { reason: 'outside-date-range', message: this.outsideRangeMessage(row.utcMs) });
      return;
    }
    const totals = this.queueTotals(row.queue);
    const slot = this.slotIndexAt(row.utcMs);
    while (totals.contacts.length <= slot) {
      totals.contacts.push(0);
      totals.contactsWithHandleTime.push(0);
      totals.handleTimeSumSec.push(0);
    }
    totals.contacts[slot]++;
    if (row.handleTimeSec !== null) {
      totals.contactsWithHandleTime[slot]++;
      totals.handleTimeSumSec[slot] += row.handleTimeSec;
    }
    this.contactsImported++;
    if (row.utcMs < this.firstUtcMs) this.firstUtcMs = row.utcMs;
    if (row.utcMs > this.lastUtcMs) this.lastUtcMs = row.utcMs;
  };

  private queueTotals(queue: string): QueueTotals {
    if (queue === this.recentQueue && this.recentQueueTotals) return this.recentQueueTotals;
    let totals = this.totalsByQueue.get(queue);
    if (!totals) {
      totals = { contacts: [], contactsWithHandleTime: [], handleTimeSumSec: [] };
      this.totalsByQueue.set(queue, totals);
    }
    this.recentQueue = queue;
    this.recentQueueTotals = totals;
    return totals;
  }

  private slotIndexAt(utcMs: number): number {
    if (utcMs >= this.recentSlotStartUtcMs && utcMs < this.recentSlotEndUtcMs) return this.recentSlotIndex;
    const start = this.calendar.intervalStartAt(utcMs);
    let index = this.slotIndexByStart.get(start);
    if (index === undefined) {
      index = this.slotStarts.length;
      this.slotStarts.push(start);
      this.slotIndexByStart.set(start, index);
    }
    this.recentSlotStartUtcMs = start;
    this.recentSlotEndUtcMs = this.calendar.intervalEndAfter(start);
    this.recentSlotIndex = index;
    return index;
  }

  private outsideRangeMessage(utcMs: number): string {
    const range = this.options.dateRange;
    return `Created ${this.calendar.localDateOf(utcMs)}, outside ${range?.from} to ${range?.to}.`;
  }

  private coveredDates(): LocalDateRange | null {
    if (this.options.dateRange) return this.options.dateRange;
    if (this.contactsImported === 0) return null;
    return { from: this.calendar.localDateOf(this.firstUtcMs), to: this.calendar.localDateOf(this.lastUtcMs) };
  }
}

/** Spreads a queue's totals over every interval of the covered days, zero where it had no contact. */
function denseQueue(queue: string, totals: QueueTotals, positions: readonly number[], slotCount: number): QueueIntervals {
  const contacts = new Array<number>(slotCount).fill(0);
  const ahtSec = new Array<number | null>(slotCount).fill(null);
  let totalContacts = 0;
  for (let slot = 0; slot < totals.contacts.length; slot++) {
    const position = positions[slot];
    contacts[position] = totals.contacts[slot];
    const handled = totals.contactsWithHandleTime[slot];
    if (handled > 0) ahtSec[position] = totals.handleTimeSumSec[slot] / handled;
    totalContacts += totals.contacts[slot];
  }
  return { queue, contacts, ahtSec, totalContacts };
}
