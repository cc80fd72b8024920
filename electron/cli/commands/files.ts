/** Files a CLI command reads and writes: errors that name the flag and line, and no half-written output. */
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { decodeTextFile, parseIntervalCountsCsv, UnreadableEncodingError } from '../../../shared/import';
import { UsageError } from '../command';

export function stringFlag(values: Record<string, string | boolean | undefined>, flag: string): string {
  const value = values[flag];
  if (typeof value !== 'string' || value.trim() === '') throw new UsageError(`--${flag} is required`);
  return value;
}

/** The text of a file named by `--flag`, or a usage error naming the flag and why the file cannot be read. */
export function readTextFile(path: string, flag: string): string {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    throw new UsageError(`--${flag}: cannot read ${path} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
  }
  // UTF-8, or Windows-1252 as spreadsheets on Windows write it; anything else is refused naming what it is.
  try {
    return decodeTextFile(bytes).text;
  } catch (error) {
    if (error instanceof UnreadableEncodingError) throw new UsageError(`--${flag}: ${path}: ${error.message}`);
    throw error;
  }
}

/** A timestamp,volume file; any bad row stops the command before anything is written. */
export function readIntervalCounts(path: string, flag: string, zone: string) {
  const text = readTextFile(path, flag);
  const parsed = parseIntervalCountsCsv(text, { zone });
  if (!parsed.ok) throw new Error(`${path}: ${parsed.error}`);
  if (parsed.badRowCount > 0) {
    const listed = parsed.badRows.slice(0, 5).map((b) => `line ${b.line}: ${b.message}`).join('; ');
    throw new Error(`${path} has ${parsed.badRowCount} bad row(s), nothing was written: ${listed}`);
  }
  return parsed;
}

/** Written beside the target and renamed into place, so a failure never leaves half a file. */
export function writeFileAtomically(path: string, lines: string[]): void {
  const temporary = `${path}.partial`;
  writeFileSync(temporary, lines.join('\n') + '\n');
  renameSync(temporary, path);
}
