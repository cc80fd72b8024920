/**
 * Errors crossing the API boundary. Every transport (Electron IPC, the browser host's HTTP) carries a plain
 * envelope rather than a thrown Error, because structured fields (which field, why) do not survive Electron's
 * error serialization.
 */
import type { z } from 'zod';

export type ApiErrorCode = 'invalid_request' | 'unknown_channel' | 'not_found' | 'conflict' | 'cancelled' | 'internal';

export interface FieldIssue {
  /** Dotted path of the offending field inside the request, e.g. `breakdown.handlingPct`; empty for the whole payload. */
  path: string;
  message: string;
}

export interface ApiErrorShape {
  code: ApiErrorCode;
  message: string;
  issues?: FieldIssue[];
}

export type Envelope<T> = { ok: true; value: T } | { ok: false; error: ApiErrorShape };

export class ApiError extends Error {
  readonly code: ApiErrorCode;
  readonly issues: FieldIssue[];
  constructor(shape: ApiErrorShape) {
    super(shape.message);
    this.name = 'ApiError';
    this.code = shape.code;
    this.issues = shape.issues ?? [];
  }
  toShape(): ApiErrorShape {
    return { code: this.code, message: this.message, issues: this.issues.length ? this.issues : undefined };
  }
}

export function issuesFromZod(error: z.ZodError): FieldIssue[] {
  return error.issues.map((issue) => ({ path: issue.path.map(String).join('.'), message: issue.message }));
}

/** One readable line naming the channel, the field and what is wrong with it. */
export function describeIssues(channel: string, issues: FieldIssue[]): string {
  const parts = issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message));
  return `Invalid request to ${channel}: ${parts.join('; ')}`;
}
