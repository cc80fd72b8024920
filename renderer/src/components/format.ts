/** Numbers as planners read them: thousands separators, at most two decimals, integers without decimals. */
export function formatNumber(value: number, maxDecimals = 2): string {
  return value.toLocaleString('en-US', { maximumFractionDigits: Number.isInteger(value) ? 0 : maxDecimals });
}

export function formatPercent(fraction: number, decimals = 1): string {
  return `${(fraction * 100).toFixed(decimals)}%`;
}

