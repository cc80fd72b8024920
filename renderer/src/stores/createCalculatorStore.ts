/**
 * A live calculator's state, shared by the Staffing calculators: fields hold the text the planner typed; each
 * change is parsed, validated with the engine's own schema (so a field shows what is wrong at once) and, when
 * valid, sent to the services. Out-of-order replies are dropped so the last keystroke wins.
 */
import { create } from 'zustand';
import type { z } from 'zod';
import { ApiError } from '../../../shared/api/errors';
import { parseNumberField } from '../components/parseNumber';
import { parsePercentField, type PercentFieldSpec } from '../components/parsePercent';

export interface CalculatorSpec<F extends string, I, R> {
  initial: Record<F, string>;
  optional: readonly F[];
  /** Fields typed in percent: read by the one percent parser (a "0.8" is refused, never read as 0.8%). */
  percentFields: Partial<Record<F, PercentFieldSpec>>;
  /** Builds the request from the parsed numbers (percent fields converted to fractions here). */
  toInput(values: Partial<Record<F, number>>, text: Record<F, string>): unknown;
  schema: z.ZodType<I>;
  /** Which field a schema path (e.g. "slTarget") belongs to. */
  fieldForPath(path: string): F | undefined;
  compute(input: I): Promise<R>;
}

export interface CalculatorState<F extends string, I, R> {
  fields: Record<F, string>;
  errors: Partial<Record<F | 'form', string>>;
  input?: I;
  result?: R;
  setField(field: F, value: string): void;
  setFields(values: Partial<Record<F, string>>): void;
}

export function createCalculatorStore<F extends string, I, R>(spec: CalculatorSpec<F, I, R>) {
  let sequence = 0;
  const store = create<CalculatorState<F, I, R>>((set, get) => {
    const recalculate = async () => {
      const errors: Partial<Record<F | 'form', string>> = {};
      const values: Partial<Record<F, number>> = {};
      for (const field of Object.keys(get().fields) as F[]) {
        const percent = spec.percentFields[field];
        const optional = spec.optional.includes(field);
        const parsed = percent ? parsePercentField(get().fields[field], percent, optional) : parseNumberField(get().fields[field], optional);
        if (parsed.error) errors[field] = parsed.error;
        else if (parsed.value !== undefined) values[field] = parsed.value;
      }
      if (Object.keys(errors).length) return set({ errors, input: undefined });
      const checked = spec.schema.safeParse(spec.toInput(values, get().fields));
      if (!checked.success) {
        for (const issue of checked.error.issues) errors[spec.fieldForPath(issue.path.map(String).join('.')) ?? 'form'] ??= issue.message;
        return set({ errors, input: undefined });
      }
      set({ errors: {}, input: checked.data });
      const mine = ++sequence;
      try {
        const result = await spec.compute(checked.data);
        if (mine === sequence) set({ result });
      } catch (error) {
        if (mine !== sequence) return;
        const field = error instanceof ApiError && error.issues[0] ? spec.fieldForPath(error.issues[0].path) : undefined;
        set({ errors: { [field ?? 'form']: (error as Error).message } as Partial<Record<F | 'form', string>> });
      }
    };
    queueMicrotask(() => void recalculate());
    return {
      fields: { ...spec.initial },
      errors: {},
      setField(field, value) {
        set((s) => ({ fields: { ...s.fields, [field]: value } }));
        void recalculate();
      },
      setFields(values) {
        set((s) => ({ fields: { ...s.fields, ...values } }));
        void recalculate();
      },
    };
  });
  return store;
}

/** Percent text → fraction, leaving absent values absent. */
export const fraction = (percent: number | undefined) => (percent === undefined ? undefined : percent / 100);
