/**
 * Rounds a fractional agent requirement up to whole agents, ignoring floating-point dust: 14 ÷ 0.7 computes as
 * 20.000000000000004 and must stay 20. Never returns −0 (which would print as "-0" in some tables).
 */
export function ceilAgents(exact: number): number {
  return Math.max(0, Math.ceil(exact - 1e-9));
}
