/** Rows that could not be imported, each with the line it starts on and why, for the preview and the report. */

export type BadRowReason =
  | 'malformed-csv'
  | 'too-few-columns'
  | 'timestamp-unparsable'
  | 'timestamp-nonexistent'
  | 'off-grid-timestamp'
  | 'duplicate-interval'
  | 'volume-not-a-number'
  | 'volume-negative'
  | 'volume-too-large'
  | 'aht-not-a-number'
  | 'aht-negative'
  | 'aht-too-large'
  | 'handle-time-not-a-number'
  | 'handle-time-negative'
  | 'outside-date-range'
  | 'queue-name-too-long'
  | 'priority-unreadable'
  | 'organization-too-long'
  | 'solved-before-created';

export interface BadRow {
  /** 1-based line of the file the row starts on (the header is line 1). */
  line: number;
  reason: BadRowReason;
  /** A sentence for the planner, quoting the offending value. */
  message: string;
}

/** What a bad-row check found, before the line number is known. */
export interface RowProblem {
  reason: BadRowReason;
  message: string;
}

export interface BadRowSummary {
  /** The first bad rows in file order, at most the log's limit. */
  badRows: BadRow[];
  /** All bad rows, including those past the limit. */
  badRowCount: number;
  badRowCountByReason: Partial<Record<BadRowReason, number>>;
}

export const DEFAULT_BAD_ROW_LIMIT = 1000;

/**
 * Collects bad rows. A wrong column mapping on a million-row export would make every row bad, so only the first
 * `limit` are kept in full; the counts stay exact.
 */
export class BadRowLog {
  private readonly limit: number;
  private readonly rows: BadRow[] = [];
  private readonly countByReason: Partial<Record<BadRowReason, number>> = {};
  private count = 0;

  constructor(limit = DEFAULT_BAD_ROW_LIMIT) {
    this.limit = limit;
  }

  get size(): number {
    return this.count;
  }

  add(line: number, problem: RowProblem): void {
    this.count++;
    this.countByReason[problem.reason] = (this.countByReason[problem.reason] ?? 0) + 1;
    if (this.rows.length < this.limit) this.rows.push({ line, ...problem });
  }

  summary(): BadRowSummary {
    const badRows = [...this.rows].sort((a, b) => a.line - b.line);
    return { badRows, badRowCount: this.count, badRowCountByReason: { ...this.countByReason } };
  }
}

/** Shortens a cell for quoting in a message, so one enormous field cannot flood the report. */
export function quoteValue(value: string): string {
  const trimmed = value.trim();
  return `"${trimmed.length > 40 ? `${trimmed.slice(0, 40)}…` : trimmed}"`;
}
