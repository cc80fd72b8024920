import { describe, expect, it } from 'vitest';
import { gaussLegendreRule } from '../../../shared/engine/staffing/gaussLegendre';

describe('Gauss–Legendre rule', () => {
  it('integrates every polynomial up to degree 2m − 1 exactly on [−1, 1]', () => {
    for (const order of [4, 10, 16]) {
      const { nodes, weights } = gaussLegendreRule(order);
      for (let degree = 0; degree < 2 * order; degree++) {
        let sum = 0;
        for (let i = 0; i < order; i++) sum += weights[i] * nodes[i] ** degree;
        const exact = degree % 2 === 1 ? 0 : 2 / (degree + 1);
        expect(Math.abs(sum - exact)).toBeLessThan(1e-14);
      }
    }
  });

  it('has nodes inside (−1, 1) and weights adding up to the interval length', () => {
    const { nodes, weights } = gaussLegendreRule(16);
    expect(nodes.every((x) => x > -1 && x < 1)).toBe(true);
    expect(weights.reduce((a, b) => a + b, 0)).toBeCloseTo(2, 14);
  });
});
