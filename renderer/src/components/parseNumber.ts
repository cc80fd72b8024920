/** Reads a number the planner typed ("1,200", " 7.5 "); says what is wrong in words a planner uses. */
export function parseNumberField(raw: string, optional = false): { value?: number; error?: string } {
  const text = raw.trim().replace(/,/g, '');
  if (text === '') return optional ? {} : { error: 'Required' };
  if (!/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(text)) return { error: `"${raw.trim()}" is not a number` };
  return { value: Number(text) };
}
