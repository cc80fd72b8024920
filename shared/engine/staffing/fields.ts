/** Zod building blocks shared by the staffing input schemas, so every field explains itself the same way. */
import { z } from 'zod';
import { MAX_CONCURRENCY } from './concurrency';

export const numberField = (what: string) => z.number({ error: `${what} must be a number` });

export const positiveField = (what: string, unit: string) =>
  numberField(what).refine((v) => v > 0, `${what} must be greater than 0 ${unit}`);

export const nonNegativeField = (what: string) => numberField(what).refine((v) => v >= 0, `${what} cannot be negative`);

/** A share strictly between 0 and 1, such as a service-level target. */
export const openFractionField = (what: string) =>
  numberField(what).refine((v) => v > 0 && v < 1, `${what} must be between 0 and 1 (exclusive), e.g. 0.8 for 80%`);

/** A cap in (0, 1], where 1 means no cap. */
export const capFractionField = (what: string) =>
  numberField(what).refine((v) => v > 0 && v <= 1, `${what} must be above 0 and at most 1, e.g. 0.85 for 85%`);

export const shrinkageField = () =>
  numberField('Shrinkage').refine((v) => v >= 0 && v < 1, 'Shrinkage must be at least 0 and below 1, e.g. 0.3 for 30%');

export const concurrencyField = () =>
  numberField('Concurrency').refine(
    (v) => Number.isInteger(v) && v >= 1 && v <= MAX_CONCURRENCY,
    `Concurrency must be a whole number from 1 to ${MAX_CONCURRENCY}`,
  );
