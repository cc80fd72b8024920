/**
 * Gauss–Legendre quadrature: the order-m rule integrates polynomials up to degree 2m − 1 exactly, and smooth
 * integrands to near machine precision when each panel is short compared with the integrand's own scale.
 * Nodes are the roots of the Legendre polynomial P_m, found by Newton's method from Chebyshev-like starting
 * points, so no hard-coded tables are needed.
 */
export interface QuadratureRule {
  /** Nodes on [−1, 1]. */
  nodes: Float64Array;
  weights: Float64Array;
}

export function gaussLegendreRule(order: number): QuadratureRule {
  const nodes = new Float64Array(order);
  const weights = new Float64Array(order);
  for (let i = 0; i < order; i++) {
    let x = Math.cos((Math.PI * (i + 0.75)) / (order + 0.5));
    let derivative = 0;
    for (let iteration = 0; iteration < 100; iteration++) {
      // Three-term recurrence (k+1)·P_{k+1} = (2k+1)·x·P_k − k·P_{k−1}, then P'_m from P_m and P_{m−1}.
      let current = 1;
      let previous = 0;
      for (let k = 0; k < order; k++) {
        const next = ((2 * k + 1) * x * current - k * previous) / (k + 1);
        previous = current;
        current = next;
      }
      derivative = (order * (x * current - previous)) / (x * x - 1);
      const step = current / derivative;
      x -= step;
      if (Math.abs(step) < 1e-16) break;
    }
    nodes[i] = x;
    weights[i] = 2 / ((1 - x * x) * derivative * derivative);
  }
  return { nodes, weights };
}
