/** Reads a number the planner typed ("1,200", " 7.5 "); says what is wrong in words a planner uses. */
export function parseNumberField(raw: string, optional = false): { value?: number; error?: string } {
  const text = raw.trim().replace(/,/g, '');
  if (text === '') return optional ? {} : { error: 'Required' };
  if (!/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(text)) return { error: `"${raw.trim()}" is not a number` };
  return { value: Number(text) };
}

/**
 * A percent field: "50" is 50%. A value between −1 and 1 (not 0) typed without a "%" is refused with a question,
 * because it is usually a fraction typed into a percent field (0.5 meant as 50%); "0.5%" says it is meant.
 * Returns the fraction (50 → 0.5).
 */
export function parsePercentField(raw: string, optional = false): { value?: number; error?: string } {
  const text = raw.trim();
  const explicit = text.endsWith('%');
  const parsed = parseNumberField(explicit ? text.slice(0, -1) : text, optional);
  if (parsed.value === undefined) return parsed;
  if (!explicit && parsed.value !== 0 && Math.abs(parsed.value) <= 1) {
    return { error: `This field is in percent: ${parsed.value} would be ${parsed.value}%. Type ${+(parsed.value * 100).toFixed(4)} for ${+(parsed.value * 100).toFixed(4)}%, or ${parsed.value}% if you mean ${parsed.value}%` };
  }
  return { value: parsed.value / 100 };
}
