/**
 * A number of the plan's assumptions, typed as text and committed to the draft once it reads as a valid number.
 * Percent fields show and take percentages and refuse a bare fraction (see parsePercentField).
 */
import { useEffect, useState } from 'react';
import { NumberField } from '../../components/NumberField';
import { parseNumberField, parsePercentField } from '../../components/parseNumber';

interface Props {
  label: string;
  value: number | null | undefined;
  onCommit(value: number | undefined): void;
  percent?: boolean;
  unit?: string;
  hint?: string;
  optional?: boolean;
  /** A problem the services reported for this field. */
  problem?: string;
  testId?: string;
  check?: (value: number) => string | undefined;
}

export const percentText = (fraction: number | null | undefined) => (fraction === null || fraction === undefined ? '' : String(+(fraction * 100).toFixed(4)));

export function PlanField({ label, value, onCommit, percent, unit, hint, optional, problem, testId, check }: Props) {
  const shown = percent ? percentText(value) : value === null || value === undefined ? '' : String(value);
  const [text, setText] = useState(shown);
  const [error, setError] = useState<string>();
  // A change from elsewhere (another plan opened, an import) replaces what is shown unless the text already says it.
  useEffect(() => {
    setText((current) => {
      const parsed = percent ? parsePercentField(current, true) : parseNumberField(current, true);
      const same = parsed.value === (value ?? undefined);
      return same ? current : shown;
    });
    setError(undefined);
  }, [shown, value, percent]);
  return (
    <NumberField
      label={label}
      unit={percent ? '%' : unit}
      hint={hint}
      value={text}
      testId={testId}
      error={error ?? problem}
      onChange={(next) => {
        setText(next);
        const parsed = percent ? parsePercentField(next, optional) : parseNumberField(next, optional);
        const problemText = parsed.error ?? (parsed.value !== undefined ? check?.(parsed.value) : undefined);
        setError(problemText);
        if (!problemText) onCommit(parsed.value);
      }}
    />
  );
}
