/** Numbers as planners read them: thousands separators, at most two decimals, integers without decimals. */
export function formatNumber(value: number, maxDecimals = 2): string {
  return value.toLocaleString('en-US', { maximumFractionDigits: Number.isInteger(value) ? 0 : maxDecimals });
}

export function formatPercent(fraction: number, decimals = 1): string {
  return `${(fraction * 100).toFixed(decimals)}%`;
}

/**
 * A queue as a planner reads it: "Billing & Accounts (phone)". The channel is added only when the name does not
 * already say it (the demo and many imports name queues with their channel).
 */
export function queueLabel(queue: { name: string; channel: string }): string {
  return queue.name.toLowerCase().includes(queue.channel.toLowerCase()) ? queue.name : `${queue.name} (${queue.channel})`;
}
