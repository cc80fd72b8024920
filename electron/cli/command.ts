/** What a CLI command looks like; each command lives in commands/ and goes through the same dispatcher as the UI. */
import type { ParseArgsConfig } from 'node:util';
import type { Backend } from '../services/backend';
import type { Channel, RequestOf, ResponseOf } from '../../shared/api/contract';

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
 * A request as the user typed it: literal unions (a method name, a channel kind) widen to string or number, because
 * the channel's schema is what judges them, and its message is turned into one that names the flag.
 */
type AsTyped<T> = T extends string ? string : T extends number ? number : T extends boolean ? boolean
  : T extends readonly (infer U)[] ? AsTyped<U>[] : T extends object ? { [K in keyof T]: AsTyped<T[K]> } : T;

/**
 * Sends a request through the dispatcher and returns its value; a validation failure becomes a usage error that
 * names the flag the user typed rather than the API field.
 */
export async function callApi<C extends Channel>(ctx: CliContext, channel: C, payload: AsTyped<RequestOf<C>>, flagFor: Record<string, string>): Promise<ResponseOf<C>> {
  const envelope = await ctx.backend().dispatchLocal(channel, payload);
  if (envelope.ok) return envelope.value as ResponseOf<C>;
  const { error } = envelope;
  if (error.code === 'invalid_request' && error.issues?.length) {
    const first = error.issues[0];
    const flag = flagFor[first.path.split('.')[0]];
    throw new UsageError(flag ? `--${flag}: ${first.message}` : first.message);
  }
  throw new Error(error.message);
}
