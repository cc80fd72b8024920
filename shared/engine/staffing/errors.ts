/**
 * A staffing question the engine cannot answer as asked: a field out of range, or a load no staff can carry under
 * the targets. `field` names the input to change (as in the solveStaffing input), so a form can point at it.
 */
import type { z } from 'zod';

export class StaffingInputError extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
    this.name = 'StaffingInputError';
  }
}

/** Validates with a zod schema, reporting the first problem as a StaffingInputError naming its field. */
export function parseOrThrow<T>(schema: z.ZodType<T>, raw: unknown): T {
  const parsed = schema.safeParse(raw);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  throw new StaffingInputError(issue.path.map(String).join('.'), issue.message);
}
