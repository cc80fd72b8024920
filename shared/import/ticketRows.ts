/**
 * Reads one row of a ticket or contact export through the planner's column mapping: when it was created (as an
 * instant), which queue it belongs to, and how long it took to handle. Shared by the preview and the import so
 * that both judge every row the same way.
 */
import { quoteValue, type RowProblem } from './badRows';
import { TimestampSequence } from './timestampSequence';
import type { ZoneClock } from './zoneClock';
import { MAX_QUEUE_NAME_CHARS } from './limits';
import { parseDurationSeconds } from './numbers';
import type { TicketColumnMapping } from './ticketColumns';
import { ACCEPTED_TIMESTAMP_FORMS, parseTimestamp } from './timestamp';

export interface TicketRow {
  utcMs: number;
  queue: string;
  handleTimeSec: number | null;
}

/** Queue name of a contact whose queue cell is empty. */
export const BLANK_QUEUE = '(blank)';
/** Queue name of every contact when the mapping names no queue column. */
export const DEFAULT_QUEUE = 'All contacts';
const QUEUE_SEPARATOR = ' / ';

/** Queue names by their raw cells, one level per queue column. */
type QueueNameTree = Map<string, QueueNameTree | string>;

export class TicketRowReader {
  /** The columns the mapping reads, for the CSV reader to cut out. */
  readonly columns: readonly number[];
  private readonly mapping: TicketColumnMapping;
  private readonly columnsNeeded: number;
  private readonly timestamps: TimestampSequence;
  /** Each queue's name is built once, not once per row: a million rows usually name a few dozen queues. */
  private readonly queueNames: QueueNameTree = new Map();

  constructor(mapping: TicketColumnMapping, clock: ZoneClock) {
    this.mapping = mapping;
    this.timestamps = new TimestampSequence(clock);
    const handleTimeColumn = mapping.handleTime ? [mapping.handleTime.column] : [];
    this.columns = [mapping.createdAt, ...mapping.queue, ...handleTimeColumn];
    if (this.columns.some((column) => !Number.isInteger(column) || column < 0)) {
      throw new Error(`A column mapping names columns by index from 0, not ${this.columns.join(', ')}`);
    }
    this.columnsNeeded = Math.max(...this.columns) + 1;
  }

  read(fields: readonly string[], malformed: boolean): TicketRow | RowProblem {
    if (malformed) return { reason: 'malformed-csv', message: 'A quoted value is not closed properly.' };
    if (fields.length < this.columnsNeeded) {
      return { reason: 'too-few-columns', message: `The row has ${fields.length} column(s); the mapping reads column ${this.columnsNeeded}.` };
    }
    const createdAt = fields[this.mapping.createdAt];
    const timestamp = parseTimestamp(createdAt);
    if (!timestamp) {
      return { reason: 'timestamp-unparsable', message: `Created-at ${quoteValue(createdAt)} is not of the form ${ACCEPTED_TIMESTAMP_FORMS}.` };
    }
    const nonexistent = this.timestamps.nonexistentReason(timestamp, 'Created-at');
    if (nonexistent) return nonexistent;
    let handleTimeSec: number | null = null;
    const handleTime = this.mapping.handleTime;
    if (handleTime) {
      handleTimeSec = parseDurationSeconds(fields[handleTime.column], handleTime.unit);
      if (Number.isNaN(handleTimeSec)) {
        return {
          reason: 'handle-time-not-a-number',
          message: `Handle time ${quoteValue(fields[handleTime.column])} is neither a number of ${handleTime.unit} nor h:mm:ss.`,
        };
      }
      if (handleTimeSec !== null && handleTimeSec < 0) {
        return { reason: 'handle-time-negative', message: `Handle time ${quoteValue(fields[handleTime.column])} is negative.` };
      }
    }
    const queue = this.queueOf(fields);
    if (queue.length > MAX_QUEUE_NAME_CHARS) {
      return { reason: 'queue-name-too-long', message: `The queue name ${quoteValue(queue)} is ${queue.length.toLocaleString('en-US')} characters long; at most ${MAX_QUEUE_NAME_CHARS} are allowed.` };
    }
    return { utcMs: this.timestamps.instantOf(timestamp), queue, handleTimeSec };
  }

  private queueOf(fields: readonly string[]): string {
    const columns = this.mapping.queue;
    if (columns.length === 0) return DEFAULT_QUEUE;
    let level = this.queueNames;
    for (let k = 0; k < columns.length - 1; k++) {
      const cell = fields[columns[k]];
      let next = level.get(cell);
      if (typeof next !== 'object') {
        next = new Map();
        level.set(cell, next);
      }
      level = next;
    }
    const lastCell = fields[columns[columns.length - 1]];
    let name = level.get(lastCell);
    if (typeof name !== 'string') {
      name = queueName(columns.map((column) => fields[column]));
      level.set(lastCell, name);
    }
    return name;
  }
}

function queueName(cells: readonly string[]): string {
  const parts = cells.map((cell) => cell.trim());
  if (parts.every((part) => part === '')) return BLANK_QUEUE;
  return parts.map((part) => part || BLANK_QUEUE).join(QUEUE_SEPARATOR);
}
