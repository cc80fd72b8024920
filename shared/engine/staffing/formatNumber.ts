/** Numbers as they appear in formula text: four significant digits, no trailing zeros (0.1741, 180, 1e-30). */
export function formatNumber(value: number, significantDigits = 4): string {
  if (!Number.isFinite(value)) return value > 0 ? '∞' : value < 0 ? '−∞' : 'undefined';
  if (Number.isInteger(value) && Math.abs(value) < 1e15) return String(value);
  return String(Number(value.toPrecision(significantDigits)));
}
