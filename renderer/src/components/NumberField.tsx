import { useId } from 'react';
import { Field } from './Field';

interface Props {
  label: string;
  value: string;
  onChange(value: string): void;
  error?: string;
  unit?: string;
  hint?: string;
  testId?: string;
  readOnly?: boolean;
}

/** A labelled numeric input that shows its own validation message beside it. */
export function NumberField({ label, value, onChange, error, unit, hint, testId, readOnly }: Props) {
  const id = useId();
  return (
    <Field id={id} label={label} error={error} hint={hint}>
      <div className="field__input">
        <input
          id={id}
          inputMode="decimal"
          value={value}
          readOnly={readOnly}
          aria-invalid={Boolean(error)}
          aria-describedby={error ? `${id}-error` : undefined}
          data-testid={testId}
          onChange={(e) => onChange(e.target.value)}
        />
        {unit && <span className="field__unit">{unit}</span>}
      </div>
    </Field>
  );
}
