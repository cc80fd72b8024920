/** Reads a number the planner typed ("1,200", " 7.5 "); says what is wrong in words a planner uses. */
export function parseNumberField(raw: string, optional = false): { value?: number; error?: string } {
  const text = raw.trim().replace(/,/g, '');
  if (text === '') return optional ? {} : { error: 'Required' };
  if (!/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(text)) return { error: `"${raw.trim()}" is not a number` };
  return { value: Number(text) };
}

/**
 * Reads a percentage field ("30" or "30%") as a fraction. A bare value of 1 or less is refused rather than guessed:
 * it is usually a fraction typed into a % field (0.3 meant as 30%). Rates of 1% or less are typed with their sign
 * ("0.5%"), which says the planner means it.
 */
export function parsePercentField(raw: string, optional = false): { value?: number; error?: string } {
  const text = raw.trim();
  const explicit = text.endsWith('%');
  const parsed = parseNumberField(explicit ? text.slice(0, -1) : text, optional);
  if (parsed.error || parsed.value === undefined) return parsed;
  if (!explicit && parsed.value !== 0 && Math.abs(parsed.value) <= 1) {
    return { error: `“${text}” looks like a fraction: this field is in percent (type ${+(parsed.value * 100).toFixed(4)} for ${+(parsed.value * 100).toFixed(4)}%, or ${text}% if you mean ${text}%)` };
  }
  return { value: parsed.value / 100 };
}
