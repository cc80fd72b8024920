/** Helpers for declaring API channels: a runtime request schema paired with a compile-time response type. */
import { z } from 'zod';

/** Marks a response type without a runtime value: responses are produced by our own services, not validated. */
export const returns = <T>() => undefined as unknown as T;

export const emptyRequest = z.object({}).strict();
export const idRequest = z.object({ id: z.number().int().positive() }).strict();
export const nameField = z.string().trim().min(1, 'Name is required').max(120, 'Name is at most 120 characters');
