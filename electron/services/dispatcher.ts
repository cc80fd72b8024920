/**
 * Validates and routes one API call. Every transport (IPC, HTTP, the CLI) goes through here, so every request is
 * checked against its channel's schema before any service code or database write runs.
 */
import { contract, isAppChannel, isChannel, type Channel } from '../../shared/api/contract';
import { ApiError, describeIssues, issuesFromZod, type Envelope } from '../../shared/api/errors';
import type { Handlers } from './handlers';

/** Engine errors that point at one input field carry it, so the UI can flag that field. */
interface FieldError extends Error {
  field: string;
}
const isFieldError = (e: unknown): e is FieldError => e instanceof Error && typeof (e as Partial<FieldError>).field === 'string';

export type Dispatch = (channel: unknown, payload: unknown) => Promise<Envelope<unknown>>;

/**
 * `scope: 'app'` is what the renderer and the browser host get: the CLI's own channels (whole solves given in the
 * request) are unknown there. `scope: 'all'` is the CLI's in-process dispatcher.
 */
export function createDispatcher(handlers: Handlers, log: (message: string) => void = console.error, scope: 'app' | 'all' = 'app'): Dispatch {
  const known = scope === 'app' ? isAppChannel : isChannel;
  return async (channel, payload) => {
    if (!known(channel)) {
      return { ok: false, error: { code: 'unknown_channel', message: `Unknown API channel "${String(channel)}"` } };
    }
    const parsed = contract[channel].request.safeParse(payload);
    if (!parsed.success) {
      const issues = issuesFromZod(parsed.error);
      return { ok: false, error: { code: 'invalid_request', message: describeIssues(channel, issues), issues } };
    }
    try {
      const handler = handlers[channel] as (request: unknown) => unknown;
      return { ok: true, value: await handler(parsed.data) };
    } catch (error) {
      return { ok: false, error: toErrorShape(channel, error, log) };
    }
  };
}

function toErrorShape(channel: Channel, error: unknown, log: (message: string) => void) {
  if (error instanceof ApiError) return error.toShape();
  if (isFieldError(error)) {
    return { code: 'invalid_request' as const, message: `${channel}: ${error.message}`, issues: [{ path: error.field, message: error.message }] };
  }
  const message = error instanceof Error ? error.message : String(error);
  if (/UNIQUE constraint failed/.test(message)) return { code: 'conflict' as const, message: `${channel}: that name is already taken` };
  log(`[staffwise] ${channel} failed: ${error instanceof Error && error.stack ? error.stack : message}`);
  return { code: 'internal' as const, message: `${channel} failed: ${message}` };
}
