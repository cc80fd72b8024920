import type { StoreApi, UseBoundStore } from 'zustand';
import type { CalculatorState } from '../stores/createCalculatorStore';
import { NumberField } from './NumberField';

interface Props<F extends string> {
  store: UseBoundStore<StoreApi<CalculatorState<F, unknown, unknown>>>;
  field: F;
  label: string;
  unit?: string;
  hint?: string;
  testId?: string;
}

/** A NumberField wired to one field of a calculator store. */
export function BoundField<F extends string>({ store, field, label, unit, hint, testId }: Props<F>) {
  const value = store((s) => s.fields[field]);
  const error = store((s) => s.errors[field]);
  const setField = store((s) => s.setField);
  return <NumberField label={label} unit={unit} hint={hint} value={value} error={error} onChange={(v) => setField(field, v)} testId={testId} />;
}
