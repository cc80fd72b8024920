/**
 * Erlang B: the probability that a contact offered `traffic` Erlangs finds all `servers` busy in a loss system.
 * It is the building block for Erlang C and Erlang A.
 *
 * The textbook form (A^N/N!) ÷ Σ A^k/k! overflows long before 5,000 servers, so neither form is used directly.
 * Unrolling the inverse recursion 1/B(N) = 1 + (N/A)·1/B(N−1) from the top gives
 *   1/B(N) = Σ_{j=0..N} Π_{i<j} (N − i)/A  =  1 + N/A + N(N−1)/A² + …
 * whose terms shrink once N − j < A, so the sum stops after about 9·√A terms near N ≈ A (the staffing region)
 * instead of walking all N steps — a multiply per term, no factorials, fractional A allowed. When N is so far
 * above A that the sum passes the largest double, B is below the smallest one and 0 is the right answer.
 */
const NEGLIGIBLE = 1e-17;

export function erlangB(servers: number, traffic: number): number {
  if (traffic <= 0) return servers === 0 ? 1 : 0;
  const perErlang = 1 / traffic;
  let term = 1;
  let inverse = 1;
  for (let j = 1; j <= servers; j++) {
    const ratio = (servers - j + 1) * perErlang;
    term *= ratio;
    inverse += term;
    // Later ratios are smaller, so the rest of the sum is below term·ratio/(1 − ratio).
    if (ratio < 1 && term * ratio < NEGLIGIBLE * inverse * (1 - ratio)) break;
  }
  return 1 / inverse;
}

/**
 * B(N, A) for one traffic value at many N, as a solver probes staffing levels. From the lowest N asked for so far
 * it steps up with the forward recursion B(k) = A·B(k−1) ÷ (k + A·B(k−1)), which is stable (each step shrinks
 * earlier rounding errors), so probing N + 1 after N costs one division. A probe below that point starts afresh
 * from the sum above, because the recursion run downwards amplifies errors.
 */
export class ErlangBLadder {
  private lowest = -1;
  private values: number[] = [];

  constructor(readonly traffic: number) {}

  at(servers: number): number {
    if (this.lowest < 0 || servers < this.lowest) {
      this.lowest = servers;
      this.values = [erlangB(servers, this.traffic)];
    }
    const a = this.traffic;
    for (let k = this.lowest + this.values.length; k <= servers; k++) {
      const previous = this.values[this.values.length - 1];
      this.values.push((a * previous) / (k + a * previous));
    }
    return this.values[servers - this.lowest];
  }
}
