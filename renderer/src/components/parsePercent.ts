import { parseNumberField } from './parseNumber';

/**
 * A percentage the planner typed, as a fraction. A value from 0 to 1 (exclusive of 0) is refused unless written
 * with a % sign: "0.15" is far more often a fraction meant as 15% than a real 0.15%, and it must never be read
 * silently either way.
 */
export function parsePercentField(raw: string, optional = false): { value?: number; error?: string } {
  const explicit = raw.trim().endsWith('%');
  const parsed = parseNumberField(explicit ? raw.trim().slice(0, -1) : raw, optional);
  if (parsed.error || parsed.value === undefined) return parsed;
  if (!explicit && parsed.value > 0 && parsed.value <= 1) {
    return { error: `${parsed.value} looks like a fraction: type ${+(parsed.value * 100).toFixed(4)} for ${+(parsed.value * 100).toFixed(4)}%, or ${parsed.value}% if you mean ${parsed.value}%` };
  }
  if (parsed.value < 0 || parsed.value > 100) return { error: 'A percentage is from 0 to 100' };
  return { value: parsed.value / 100 };
}

export const percentText = (fraction: number) => String(+(fraction * 100).toFixed(4));
