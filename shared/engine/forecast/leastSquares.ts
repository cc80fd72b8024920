/**
 * Weighted least squares with a whisper of ridge regularisation, solved through the normal equations and a Cholesky
 * factorisation. The models here have a dozen or so columns, so the normal equations are cheap; the ridge term
 * keeps them solvable when a column is all zeros in the window (no month-end yet, a driver that never varies),
 * in which case that column's coefficient comes out as zero instead of the solve failing.
 */

const RIDGE = 1e-6;

/** Solves min Σ wᵢ (yᵢ − xᵢ·β)² + ridge·|β|²; rows are feature vectors of equal length. */
export function weightedLeastSquares(rows: number[][], targets: number[], weights: number[]): number[] {
  const width = rows[0]?.length ?? 0;
  const gram = Array.from({ length: width }, () => new Float64Array(width));
  const moment = new Float64Array(width);
  for (let i = 0; i < rows.length; i++) {
    const x = rows[i];
    const w = weights[i];
    for (let a = 0; a < width; a++) {
      const wxa = w * x[a];
      moment[a] += wxa * targets[i];
      for (let b = 0; b <= a; b++) gram[a][b] += wxa * x[b];
    }
  }
  let scale = 0;
  for (let a = 0; a < width; a++) scale = Math.max(scale, gram[a][a]);
  for (let a = 0; a < width; a++) gram[a][a] += RIDGE * Math.max(scale, 1);
  return choleskySolve(gram, moment);
}

/** Solves A x = b for a symmetric positive-definite A given by its lower triangle. */
function choleskySolve(lower: Float64Array[], rhs: Float64Array): number[] {
  const n = rhs.length;
  const l = Array.from({ length: n }, () => new Float64Array(n));
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      let sum = lower[i][j];
      for (let k = 0; k < j; k++) sum -= l[i][k] * l[j][k];
      l[i][j] = i === j ? Math.sqrt(Math.max(sum, 1e-300)) : sum / l[j][j];
    }
  }
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let sum = rhs[i];
    for (let k = 0; k < i; k++) sum -= l[i][k] * y[k];
    y[i] = sum / l[i][i];
  }
  const x = new Array<number>(n).fill(0);
  for (let i = n - 1; i >= 0; i--) {
    let sum = y[i];
    for (let k = i + 1; k < n; k++) sum -= l[k][i] * x[k];
    x[i] = sum / l[i][i];
  }
  return x;
}
