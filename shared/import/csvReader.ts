/**
 * An incremental RFC 4180 reader: text arrives in chunks of any size (a chunk may end inside a quoted field or
 * between the CR and LF of a line break) and complete records come out with the physical line they start on,
 * which is what a bad-row report must quote when a quoted field spans lines.
 *
 * Written for million-row exports: one pass over the characters, no regular expressions, one reused field array,
 * and only the columns the caller asked for are cut out of the text (the rest are only scanned).
 * Leniency, as spreadsheets expect: a quote inside an unquoted field is literal; a lone CR ends a line; blank
 * lines are skipped. Text after a closing quote (`"ab"c`) or a quote left open at the end is malformed: the record
 * is still delivered, flagged, so the caller can list it as a bad row.
 */

/**
 * Receives each record. `fields` is reused for the next record (copy what must outlive the call); columns not
 * asked for hold ''. `line` is the 1-based line the record starts on. Returning false stops the reader.
 */
export type CsvRecordSink = (fields: string[], line: number, malformed: boolean) => boolean | void;

export interface CsvReaderOptions {
  /** One character; see detectDelimiter. */
  delimiter: string;
  /** Columns to cut out of the text; all when absent. */
  columns?: readonly number[];
}

const QUOTE = 34;
const LF = 10;
const CR = 13;

enum State {
  FieldStart,
  Unquoted,
  Quoted,
  QuoteInQuoted,
}

export class CsvRecordReader {
  private readonly sink: CsvRecordSink;
  private readonly delimiter: number;
  private readonly keep: boolean[] | null;
  private readonly fields: string[] = [];
  private state = State.FieldStart;
  private inRecord = false;
  private malformed = false;
  private fieldQuoted = false;
  private fieldHasEscapedQuote = false;
  /** The part of the current field that arrived in earlier chunks (kept columns only). */
  private carry = '';
  private line = 1;
  private recordLine = 1;
  /** The last chunk ended with a CR, so an LF at the start of the next one belongs to the same line break. */
  private pendingLF = false;
  private stopped = false;

  constructor(sink: CsvRecordSink, options: CsvReaderOptions) {
    if (options.delimiter.length !== 1) throw new Error('A CSV delimiter is exactly one character');
    this.sink = sink;
    this.delimiter = options.delimiter.charCodeAt(0);
    this.keep = options.columns ? keepFlags(options.columns) : null;
  }

  get isStopped(): boolean {
    return this.stopped;
  }

  push(chunk: string): void {
    if (this.stopped || chunk.length === 0) return;
    const delimiter = this.delimiter;
    const length = chunk.length;
    // Hot state lives in locals during the scan and is written back at the end.
    let state = this.state;
    let fieldStart = 0;
    let i = 0;
    if (this.pendingLF) {
      // The previous chunk ended with CR: an LF here completes that line break.
      this.pendingLF = false;
      if (chunk.charCodeAt(0) === LF) i = 1;
    }
    while (i < length) {
      switch (state) {
        case State.FieldStart: {
          const c = chunk.charCodeAt(i);
          if (c === LF || c === CR) {
            const endsRecord = this.inRecord;
            if (endsRecord) this.endField(chunk, i, i);
            i = this.skipLineBreak(chunk, i);
            if (endsRecord && !this.endRecord()) return;
            break;
          }
          if (!this.inRecord) {
            this.inRecord = true;
            this.recordLine = this.line;
          }
          if (c === delimiter) {
            this.endField(chunk, i, i);
            i++;
          } else if (c === QUOTE) {
            fieldStart = i++;
            this.fieldQuoted = true;
            state = State.Quoted;
          } else {
            fieldStart = i;
            state = State.Unquoted;
          }
          break;
        }
        case State.Unquoted: {
          let c = 0;
          while (i < length && (c = chunk.charCodeAt(i)) !== delimiter && c !== LF && c !== CR) i++;
          if (i === length) break;
          this.endField(chunk, fieldStart, i);
          state = State.FieldStart;
          if (c === delimiter) i++;
          else {
            i = this.skipLineBreak(chunk, i);
            if (!this.endRecord()) return;
          }
          break;
        }
        case State.Quoted: {
          for (; i < length; i++) {
            const c = chunk.charCodeAt(i);
            if (c === QUOTE) break;
            if (c === LF) this.line++;
            else if (c === CR) i = this.skipLineBreak(chunk, i) - 1;
          }
          if (i === length) break;
          state = State.QuoteInQuoted;
          i++;
          break;
        }
        case State.QuoteInQuoted: {
          const c = chunk.charCodeAt(i);
          if (c === QUOTE) {
            this.fieldHasEscapedQuote = true;
            state = State.Quoted;
            i++;
          } else if (c === delimiter) {
            this.endField(chunk, fieldStart, i);
            state = State.FieldStart;
            i++;
          } else if (c === LF || c === CR) {
            this.endField(chunk, fieldStart, i);
            state = State.FieldStart;
            i = this.skipLineBreak(chunk, i);
            if (!this.endRecord()) return;
          } else {
            // Text after a closing quote: keep reading the field as unquoted text, and flag the record.
            this.malformed = true;
            state = State.Unquoted;
          }
          break;
        }
      }
    }
    this.state = state;
    if (state !== State.FieldStart && this.keepsCurrentField()) this.carry += chunk.slice(fieldStart);
  }

  /** Counts the line break at `index` (LF, CR or CRLF) and returns the index after it. */
  private skipLineBreak(chunk: string, index: number): number {
    this.line++;
    if (chunk.charCodeAt(index) === LF) return index + 1;
    if (index + 1 === chunk.length) {
      this.pendingLF = true;
      return index + 1;
    }
    return chunk.charCodeAt(index + 1) === LF ? index + 2 : index + 1;
  }

  /** Delivers the last record when the text does not end with a line break. */
  end(): void {
    if (this.stopped || !this.inRecord) return;
    if (this.state === State.Quoted) this.malformed = true;
    const closedByQuote = this.state === State.QuoteInQuoted;
    this.endFieldFromCarry(closedByQuote);
    this.endRecord();
  }

  private keepsCurrentField(): boolean {
    return this.keep === null || this.keep[this.fields.length] === true;
  }

  private endField(chunk: string, start: number, end: number): void {
    if (!this.keepsCurrentField()) {
      this.fields.push('');
      this.resetField();
      return;
    }
    this.carry += chunk.slice(start, end);
    // A quoted field can only end here right after its closing quote.
    this.endFieldFromCarry(true);
  }

  /** Completes the current field from `carry`, which then holds its whole raw text. */
  private endFieldFromCarry(closedByQuote: boolean): void {
    if (!this.keepsCurrentField()) this.fields.push('');
    else if (!this.fieldQuoted || this.malformed) this.fields.push(this.carry);
    else {
      const inner = this.carry.slice(1, closedByQuote ? -1 : undefined);
      this.fields.push(this.fieldHasEscapedQuote ? inner.replaceAll('""', '"') : inner);
    }
    this.resetField();
  }

  private resetField(): void {
    this.carry = '';
    this.fieldQuoted = false;
    this.fieldHasEscapedQuote = false;
  }

  /** Hands the record to the sink; false when the sink asked to stop. */
  private endRecord(): boolean {
    const goOn = this.sink(this.fields, this.recordLine, this.malformed);
    this.fields.length = 0;
    this.inRecord = false;
    this.malformed = false;
    if (goOn === false) this.stopped = true;
    return !this.stopped;
  }
}

function keepFlags(columns: readonly number[]): boolean[] {
  const flags: boolean[] = [];
  for (const column of columns) flags[column] = true;
  return flags;
}

const DELIMITER_CANDIDATES = [',', ';', '\t', '|'];

/** The delimiter used most often outside quotes on the first line; a comma when there is no evidence. */
export function detectDelimiter(text: string): string {
  const counts = new Map<string, number>();
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') quoted = !quoted;
    else if (!quoted && (c === '\n' || c === '\r')) break;
    else if (!quoted && DELIMITER_CANDIDATES.includes(c)) counts.set(c, (counts.get(c) ?? 0) + 1);
  }
  let best = ',';
  for (const candidate of DELIMITER_CANDIDATES) if ((counts.get(candidate) ?? 0) > (counts.get(best) ?? 0)) best = candidate;
  return best;
}
