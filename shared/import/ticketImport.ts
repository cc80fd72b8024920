/**
 * Runs a ticket export through the aggregation with a progress fraction and a way to stop. Nothing is written
 * here: the caller gets the whole result or an ImportCancelledError, and writes the result in one transaction,
 * so a cancelled import leaves nothing behind.
 */
import { TicketAggregator, type TicketAggregate, type TicketAggregationOptions } from './ticketAggregation';

/** The text itself, or the bytes of a UTF-8 file as they are read (e.g. a file stream) with the file's size. */
export type ImportSource = string | { chunks: Iterable<Uint8Array> | AsyncIterable<Uint8Array>; totalBytes: number };

export interface ImportControl {
  /** Share of the input consumed, 0…1: of the bytes for a byte source, of the characters for a string. */
  onProgress?: (fraction: number) => void;
  /** Polled between chunks; returning true abandons the import with an ImportCancelledError. */
  shouldCancel?: () => boolean;
}

export class ImportCancelledError extends Error {
  constructor() {
    super('The import was cancelled; nothing was imported.');
    this.name = 'ImportCancelledError';
  }
}

/** About a megabyte: a few milliseconds of work between progress reports and cancel checks. */
const CHUNK_SIZE = 1 << 20;
/** How often the import gives the event loop a turn; each turn costs about a millisecond. */
const YIELD_EVERY_MS = 50;

export async function aggregateTicketsCsv(source: ImportSource, options: TicketAggregationOptions & ImportControl): Promise<TicketAggregate> {
  const aggregator = new TicketAggregator(options);
  let lastYield = Date.now();
  for await (const chunk of textChunks(source)) {
    if (options.shouldCancel?.()) throw new ImportCancelledError();
    aggregator.push(chunk.text);
    options.onProgress?.(chunk.fraction);
    if (Date.now() - lastYield >= YIELD_EVERY_MS) {
      // Lets a worker receive the message that makes shouldCancel return true.
      await yieldToEventLoop();
      lastYield = Date.now();
    }
  }
  if (options.shouldCancel?.()) throw new ImportCancelledError();
  const result = aggregator.finish();
  options.onProgress?.(1);
  return result;
}

interface TextChunk {
  text: string;
  fraction: number;
}

async function* textChunks(source: ImportSource): AsyncGenerator<TextChunk> {
  if (typeof source === 'string') {
    for (let start = 0; start < source.length; start += CHUNK_SIZE) {
      const end = Math.min(source.length, start + CHUNK_SIZE);
      yield { text: source.slice(start, end), fraction: end / source.length };
    }
    return;
  }
  // One decoder for the whole stream: a multi-byte character split between two chunks is joined, not mangled.
  const decoder = new TextDecoder('utf-8');
  let bytesRead = 0;
  for await (const chunk of source.chunks) {
    for (let start = 0; start < chunk.length; start += CHUNK_SIZE) {
      const piece = chunk.subarray(start, start + CHUNK_SIZE);
      bytesRead += piece.length;
      yield { text: decoder.decode(piece, { stream: true }), fraction: source.totalBytes > 0 ? Math.min(1, bytesRead / source.totalBytes) : 0 };
    }
  }
  yield { text: decoder.decode(), fraction: 1 };
}

function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}
