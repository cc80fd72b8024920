/** What a CLI command looks like; each command lives in commands/ and goes through the same dispatcher as the UI. */
import type { ParseArgsConfig } from 'node:util';
import type { Backend } from '../services/backend';

export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

export interface CliIo {
  out(text: string): void;
  err(text: string): void;
}

export interface CliContext {
  io: CliIo;
  /** Lazily created backend: commands that only compute never open the database. */
  backend(): Backend;
}

export interface Command {
  name: string;
  summary: string;
  usage: string;
  options: NonNullable<ParseArgsConfig['options']>;
  run(values: Record<string, string | boolean | undefined>, ctx: CliContext): Promise<void>;
}

/** Parses a numeric flag or throws a usage error naming it. */
export function numberFlag(values: Record<string, string | boolean | undefined>, flag: string, required: true): number;
export function numberFlag(values: Record<string, string | boolean | undefined>, flag: string, required?: false): number | undefined;
export function numberFlag(values: Record<string, string | boolean | undefined>, flag: string, required = false): number | undefined {
  const raw = values[flag];
  if (raw === undefined) {
    if (required) throw new UsageError(`--${flag} is required`);
    return undefined;
  }
  const value = typeof raw === 'string' && raw.trim() !== '' ? Number(raw) : NaN;
  if (!Number.isFinite(value)) throw new UsageError(`--${flag} must be a number (got "${String(raw)}")`);
  return value;
}

/**
 * Sends a request through the dispatcher and returns its value; a validation failure becomes a usage error that
 * names the flag the user typed rather than the API field.
 */
export async function callApi<T>(ctx: CliContext, channel: string, payload: unknown, flagFor: Record<string, string>): Promise<T> {
  const envelope = await ctx.backend().dispatch(channel, payload);
  if (envelope.ok) return envelope.value as T;
  const { error } = envelope;
  if (error.code === 'invalid_request' && error.issues?.length) {
    const first = error.issues[0];
    const flag = flagFor[first.path.split('.')[0]];
    throw new UsageError(flag ? `--${flag}: ${first.message}` : first.message);
  }
  throw new Error(error.message);
}
