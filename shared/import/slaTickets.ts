/**
 * Ticket exports read ticket by ticket for the SLA side (issue 13): when each ticket was created and solved, its
 * priority and its organization (which the planner maps to a customer tier). The volume import (ticketRows.ts)
 * only counts created times into intervals; this reader keeps every ticket, for the backlog (tickets open over
 * 24 h) and the priority × tier mix.
 *
 * Column suggestions follow Zendesk ("Created at", "Solved at", "Priority", "Organization") and Freshdesk
 * ("Created time", "Resolved time", "Priority", "Company Name") exports; the planner confirms or changes them.
 */
import { BadRowLog, quoteValue, type BadRowSummary, type RowProblem } from './badRows';
import { CsvRecordReader, detectDelimiter } from './csvReader';
import { normalizeHeader } from './headers';
import { detectColumns, type HandleTimeColumn } from './ticketColumns';
import { parseDurationSeconds } from './numbers';
import { ImportCancelledError, type ImportControl } from './ticketImport';
import { ACCEPTED_TIMESTAMP_FORMS, parseTimestamp } from './timestamp';
import { TimestampSequence } from './timestampSequence';
import { ZoneClock } from './zoneClock';

/** P1 Critical … P5 Request, as the SLA policy names them (shared/engine/sla/policy.ts). */
export type TicketPriority = 'P1' | 'P2' | 'P3' | 'P4' | 'P5';

/** Which column holds what, by index from 0. */
export interface SlaTicketMapping {
  createdAt: number;
  /** Blank cells are tickets still open; null when the export has no solved time (no backlog then). */
  solvedAt: number | null;
  priority: number;
  /** Organization, company or tier name; null puts every ticket under one organization. */
  organization: number | null;
  /** Time agents spent on the ticket (Freshdesk "Time tracked"); blank cells are tickets without one. */
  handleTime?: HandleTimeColumn | null;
}

export interface SuggestedSlaTicketMapping {
  createdAt: number | null;
  solvedAt: number | null;
  priority: number | null;
  organization: number | null;
  handleTime: HandleTimeColumn | null;
}

/** Organization of a ticket whose organization cell is empty, or of every ticket when none is mapped. */
export const NO_ORGANIZATION = '(no organization)';
/** Longest organization name kept; longer ones are bad rows (a wrong column, most likely). */
export const MAX_ORGANIZATION_CHARS = 200;

type Rule = readonly [pattern: RegExp, score: number];

const SOLVED_RULES: readonly Rule[] = [
  [/^(ticket )?(solved|resolved|closed)( at| time| date| on| timestamp| date ?time)?$/, 100],
  [/^date (solved|resolved|closed)$/, 90],
  [/\b(solved|resolved|closed) (at|time|date|on)\b/, 60],
];
const PRIORITY_RULES: readonly Rule[] = [
  [/^(ticket )?(priority|severity|urgency)( level| name)?$/, 100],
  [/\b(priority|severity)\b/, 50],
];
const ORGANIZATION_RULES: readonly Rule[] = [
  [/^(ticket |requester |customer )?(organization|organisation|company|account|customer)( name)?$/, 100],
  [/^(customer |account |support )?(tier|plan|segment)( name)?$/, 90],
  [/\b(organization|organisation|company|account)\b/, 50],
  [/\b(tier|plan|segment)\b/, 40],
];
/** Solved-time columns that are really durations or other stages. */
const NOT_A_SOLVED_TIME = /\b(minutes|hours|seconds|time to|resolution time|status|id|count)\b/;

/** Suggests the four columns from the header (and, for the created time, a few sample rows). */
export function detectSlaTicketColumns(header: readonly string[], sampleRows: readonly (readonly string[])[] = []): SuggestedSlaTicketMapping {
  const names = header.map(normalizeHeader);
  const volumeColumns = detectColumns(header, sampleRows);
  const createdAt = volumeColumns.createdAt;
  // Time worked on the ticket, never the time it took to resolve (that includes the waiting).
  const handleTime = volumeColumns.handleTime && !/\bresolution\b/.test(names[volumeColumns.handleTime.column]) ? volumeColumns.handleTime : null;
  const taken = new Set<number>([createdAt, handleTime?.column ?? null].filter((c): c is number => c !== null));
  const pick = (rules: readonly Rule[], exclude?: RegExp): number | null => {
    let best: number | null = null;
    let bestScore = 0;
    names.forEach((name, column) => {
      if (taken.has(column) || exclude?.test(name)) return;
      const score = rules.find(([pattern]) => pattern.test(name))?.[1] ?? 0;
      if (score > bestScore) [best, bestScore] = [column, score];
    });
    if (best !== null) taken.add(best);
    return best;
  };
  const solvedAt = pick(SOLVED_RULES, NOT_A_SOLVED_TIME);
  const priority = pick(PRIORITY_RULES, /\bid\b/);
  const organization = pick(ORGANIZATION_RULES, /\bid\b/);
  return { createdAt, solvedAt, priority, organization, handleTime };
}

/**
 * Priority names of the usual help desks onto P1…P5: Zendesk (urgent, high, normal, low), Freshdesk (urgent,
 * high, medium, low), ServiceNow ("1 - Critical" … "5 - Planning"), and P1…P5 or 1…5 as written.
 */
const PRIORITY_WORDS: Record<string, TicketPriority> = {
  urgent: 'P1',
  critical: 'P1',
  emergency: 'P1',
  highest: 'P1',
  high: 'P2',
  major: 'P2',
  normal: 'P3',
  medium: 'P3',
  moderate: 'P3',
  low: 'P4',
  minor: 'P4',
  lowest: 'P5',
  request: 'P5',
  planning: 'P5',
  trivial: 'P5',
};

export function readPriority(raw: string): TicketPriority | null {
  const text = normalizeHeader(raw);
  const numbered = /^(?:p|priority |sev |severity )?([1-5])\b/.exec(text);
  if (numbered) return `P${numbered[1]}` as TicketPriority;
  for (const word of text.split(' ')) {
    const priority = PRIORITY_WORDS[word];
    if (priority) return priority;
  }
  return null;
}

export interface SlaTicketRow {
  createdUtcMs: number;
  solvedUtcMs: number | null;
  priority: TicketPriority;
  organization: string;
  handleSec: number | null;
}

export class SlaTicketRowReader {
  private readonly mapping: SlaTicketMapping;
  private readonly columnNames: readonly string[];
  private readonly columnsNeeded: number;
  private readonly created: TimestampSequence;
  private readonly solved: TimestampSequence;

  constructor(mapping: SlaTicketMapping, header: readonly string[], clock: ZoneClock) {
    this.mapping = mapping;
    const columns = [mapping.createdAt, mapping.solvedAt, mapping.priority, mapping.organization, mapping.handleTime?.column ?? null].filter((c): c is number => c !== null);
    if (columns.some((column) => !Number.isInteger(column) || column < 0)) throw new Error(`A column mapping names columns by index from 0, not ${columns.join(', ')}`);
    this.columnsNeeded = Math.max(...columns) + 1;
    this.columnNames = header.map((name, i) => name.trim() || `column ${i + 1}`);
    this.created = new TimestampSequence(clock);
    this.solved = new TimestampSequence(clock);
  }

  /** `Column "Solved at"`: bad rows name the column as the file does. */
  private column(index: number): string {
    return `Column "${this.columnNames[index] ?? `column ${index + 1}`}"`;
  }

  read(fields: readonly string[], malformed: boolean): SlaTicketRow | RowProblem {
    if (malformed) return { reason: 'malformed-csv', message: 'A quoted value is not closed properly.' };
    if (fields.length < this.columnsNeeded) {
      return { reason: 'too-few-columns', message: `The row has ${fields.length} column(s); the mapping reads column ${this.columnsNeeded}.` };
    }
    const { createdAt, solvedAt, priority, organization } = this.mapping;
    const created = parseTimestamp(fields[createdAt]);
    if (!created) return { reason: 'timestamp-unparsable', message: `${this.column(createdAt)}: ${quoteValue(fields[createdAt])} is not of the form ${ACCEPTED_TIMESTAMP_FORMS}.` };
    const createdGap = this.created.nonexistentReason(created, this.column(createdAt));
    if (createdGap) return createdGap;
    let solvedUtcMs: number | null = null;
    if (solvedAt !== null && fields[solvedAt].trim() !== '') {
      const solved = parseTimestamp(fields[solvedAt]);
      if (!solved) return { reason: 'timestamp-unparsable', message: `${this.column(solvedAt)}: ${quoteValue(fields[solvedAt])} is not of the form ${ACCEPTED_TIMESTAMP_FORMS} (leave it empty for a ticket still open).` };
      const solvedGap = this.solved.nonexistentReason(solved, this.column(solvedAt));
      if (solvedGap) return solvedGap;
      solvedUtcMs = this.solved.instantOf(solved);
    }
    const ticketPriority = readPriority(fields[priority]);
    if (!ticketPriority) {
      return { reason: 'priority-unreadable', message: `${this.column(priority)}: ${quoteValue(fields[priority])} is not a priority (P1…P5, 1…5, or urgent, high, normal/medium, low).` };
    }
    const name = organization === null ? NO_ORGANIZATION : fields[organization].trim() || NO_ORGANIZATION;
    if (name.length > MAX_ORGANIZATION_CHARS) {
      return { reason: 'organization-too-long', message: `${this.column(organization!)}: ${quoteValue(name)} is ${name.length.toLocaleString('en-US')} characters long; at most ${MAX_ORGANIZATION_CHARS} are allowed.` };
    }
    let handleSec: number | null = null;
    const handleTime = this.mapping.handleTime;
    if (handleTime) {
      handleSec = parseDurationSeconds(fields[handleTime.column], handleTime.unit);
      if (Number.isNaN(handleSec)) return { reason: 'handle-time-not-a-number', message: `${this.column(handleTime.column)}: ${quoteValue(fields[handleTime.column])} is neither a number of ${handleTime.unit} nor h:mm:ss.` };
      if (handleSec !== null && handleSec < 0) return { reason: 'handle-time-negative', message: `${this.column(handleTime.column)}: ${quoteValue(fields[handleTime.column])} is negative.` };
    }
    const createdUtcMs = this.created.instantOf(created);
    if (solvedUtcMs !== null && solvedUtcMs < createdUtcMs) {
      return { reason: 'solved-before-created', message: `${this.column(solvedAt!)}: ${quoteValue(fields[solvedAt!])} is before the ticket was created (${quoteValue(fields[createdAt])}).` };
    }
    return { createdUtcMs, solvedUtcMs, priority: ticketPriority, organization: name, handleSec };
  }
}

/** Every good ticket as parallel arrays (cheap to pass between threads and to write). */
export interface SlaTicketColumns {
  createdUtcMs: number[];
  solvedUtcMs: (number | null)[];
  priority: TicketPriority[];
  organization: string[];
  handleSec: (number | null)[];
}

export interface SlaTicketParse extends BadRowSummary {
  tickets: SlaTicketColumns;
  rowsRead: number;
}

/** About a megabyte between progress reports and cancel checks. */
const CHUNK_SIZE = 1 << 20;

/** The whole export read with `mapping`; nothing is written here. */
export async function parseSlaTicketsCsv(text: string, options: { zone: string; mapping: SlaTicketMapping } & ImportControl): Promise<SlaTicketParse> {
  const body = text.replace(/^\uFEFF/, '');
  const tickets: SlaTicketColumns = { createdUtcMs: [], solvedUtcMs: [], priority: [], organization: [], handleSec: [] };
  const badRows = new BadRowLog();
  const clock = new ZoneClock(options.zone);
  let reader: SlaTicketRowReader | null = null;
  let rowsRead = 0;
  const csv = new CsvRecordReader(
    (fields, line, malformed) => {
      if (!reader) {
        reader = new SlaTicketRowReader(options.mapping, [...fields], clock);
        return true;
      }
      rowsRead++;
      const row = reader.read(fields, malformed);
      if ('reason' in row) badRows.add(line, row);
      else {
        tickets.createdUtcMs.push(row.createdUtcMs);
        tickets.solvedUtcMs.push(row.solvedUtcMs);
        tickets.priority.push(row.priority);
        tickets.organization.push(row.organization);
        tickets.handleSec.push(row.handleSec);
      }
      return true;
    },
    { delimiter: detectDelimiter(body) },
  );
  for (let start = 0; start < body.length; start += CHUNK_SIZE) {
    if (options.shouldCancel?.()) throw new ImportCancelledError();
    csv.push(body.slice(start, start + CHUNK_SIZE));
    options.onProgress?.(Math.min(1, (start + CHUNK_SIZE) / body.length));
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
  csv.end();
  return { tickets, rowsRead, ...badRows.summary() };
}

export interface SlaTicketPreview extends BadRowSummary {
  delimiter: string;
  header: string[];
  suggestedMapping: SuggestedSlaTicketMapping;
  /** The mapping the rows were read with; null while no created-at or priority column is chosen. */
  mapping: SlaTicketMapping | null;
  rows: { line: number; cells: string[]; outcome: SlaTicketRow | RowProblem | null }[];
  rowsRead: number;
  goodRowCount: number;
  /** Good tickets by priority and by organization (most tickets first). */
  priorities: { priority: TicketPriority; tickets: number }[];
  organizations: { organization: string; tickets: number }[];
}

const DETECTION_SAMPLE_ROWS = 50;

/** The first rows as they will be read, the suggested mapping and the good and bad row counts; writes nothing. */
export function previewSlaTicketsCsv(text: string, options: { zone: string; mapping?: SlaTicketMapping; rowLimit: number; wholeFile?: boolean }): SlaTicketPreview {
  const body = text.replace(/^\uFEFF/, '');
  const delimiter = detectDelimiter(body);
  const records: { line: number; cells: string[]; malformed: boolean }[] = [];
  const csv = new CsvRecordReader((fields, line, malformed) => void records.push({ line, cells: [...fields], malformed }), { delimiter });
  csv.push(body);
  if (options.wholeFile ?? true) csv.end();
  const [headerRecord, ...dataRecords] = records;
  const header = headerRecord?.cells ?? [];
  const suggestedMapping = detectSlaTicketColumns(header, dataRecords.slice(0, DETECTION_SAMPLE_ROWS).map((r) => r.cells));
  const { createdAt, priority } = suggestedMapping;
  const mapping: SlaTicketMapping | null = options.mapping ?? (createdAt !== null && priority !== null ? { ...suggestedMapping, createdAt, priority } : null);
  const reader = mapping ? new SlaTicketRowReader(mapping, header, new ZoneClock(options.zone)) : null;
  const badRows = new BadRowLog();
  const byPriority = new Map<TicketPriority, number>();
  const byOrganization = new Map<string, number>();
  const rows: SlaTicketPreview['rows'] = [];
  let goodRowCount = 0;
  for (const record of dataRecords) {
    const outcome = reader?.read(record.cells, record.malformed) ?? null;
    if (outcome && 'reason' in outcome) badRows.add(record.line, outcome);
    else if (outcome) {
      goodRowCount++;
      byPriority.set(outcome.priority, (byPriority.get(outcome.priority) ?? 0) + 1);
      byOrganization.set(outcome.organization, (byOrganization.get(outcome.organization) ?? 0) + 1);
    }
    if (rows.length < options.rowLimit) rows.push({ line: record.line, cells: record.cells, outcome });
  }
  return {
    delimiter,
    header,
    suggestedMapping,
    mapping,
    rows,
    rowsRead: dataRecords.length,
    goodRowCount,
    priorities: [...byPriority].sort(([a], [b]) => a.localeCompare(b)).map(([p, tickets]) => ({ priority: p, tickets })),
    organizations: [...byOrganization].sort(([a, x], [b, y]) => y - x || a.localeCompare(b)).map(([organization, tickets]) => ({ organization, tickets })),
    ...badRows.summary(),
  };
}
