/**
 * Prediction bands (80% and 95%) from the backtest's own errors, so they reflect how wrong this method has really
 * been on this queue rather than an assumed distribution.
 *
 * Errors grow with volume, but not in proportion: a quiet interval is dominated by Poisson-like counting noise
 * (variance ∝ forecast) and a busy one by day-to-day swings in level (variance ∝ forecast²). So the error variance
 * is modelled as a·f + b·f², fitted by least squares to the squared backtest errors, each error is divided by
 * the spread that model gives it, and the bands are the empirical 2.5/10/90/97.5% quantiles of those standardised
 * errors, scaled back to each forecast. Empirical quantiles keep any skew the errors have; bands never go below 0.
 *
 * Without enough backtest errors (a short history) the counts are taken as Poisson, variance = forecast, with
 * normal quantiles: honest about counting noise, blind to everything else, and said so in the description.
 *
 * Calibration (split conformal, by horizon). Errors grow with the horizon, so each horizon day gets its own scale
 * (see horizonQuantiles) on one pooled shape. And the quantile levels themselves are calibrated out of sample,
 * leaving one backtest origin out at a time: the other origins' errors give quantiles at tail level a, the origin
 * left out says how often those bands held, and a is moved (bisection) until, over every origin, they hold as
 * often as the nominal 80% or 95% says. The final quantiles are taken at that level from every error. So errors that
 * differ from origin to origin (a level that shifts, a winning method that the backtest flatters) widen the bands,
 * steadier ones narrow them; `coverage` reports the left-out coverage at the nominal and at the calibrated levels.
 */
import type { ErrorSample } from './backtest';
import type { BandCoverage, PredictionBand } from './types';

const MIN_ERRORS = 30;
const NORMAL_QUANTILES = { lo95: -1.959964, lo80: -1.281552, hi80: 1.281552, hi95: 1.959964 };

export type BandQuantiles = { lo95: number; lo80: number; hi80: number; hi95: number };


export type BandModel = {
  /** Error variance = countNoise·f + levelNoise·f². */
  countNoise: number;
  levelNoise: number;
  /** Pooled over every horizon (used beyond the last horizon backtested). */
  quantiles: BandQuantiles;
  /** Per horizon day (0 = first open day ahead). */
  quantilesByHorizon: BandQuantiles[];
  coverage: BandCoverage | null;
  description: string;
};

const MIN_PER_HORIZON = 200;
/** Errors needed before the levels are calibrated; fewer keep the nominal levels. */
const MIN_HELD_OUT = 100;

export function fitBandModel(sample: ErrorSample | undefined, what: string): BandModel {
  const pairs = sample
    ? sample.forecast.map((f, i) => ({ f, error: sample.actual[i] - f, horizon: sample.horizon?.[i] ?? 0, origin: sample.origin?.[i] ?? 0 })).filter((p) => p.f > 0)
    : [];
  if (pairs.length < MIN_ERRORS) {
    return {
      countNoise: 1,
      levelNoise: 0,
      quantiles: NORMAL_QUANTILES,
      quantilesByHorizon: [],
      coverage: null,
      description: `Poisson approximation for ${what} (too little history to backtest): variance equals the forecast, normal quantiles`,
    };
  }
  const { countNoise, levelNoise } = fitVariance(pairs);
  const errors = pairs.map((p) => ({ z: p.error / Math.sqrt(countNoise * p.f + levelNoise * p.f * p.f), horizon: p.horizon, origin: p.origin }));
  const levels = calibratedLevels(errors);
  const quantilesByHorizon = horizonQuantiles(errors, levels.tail80, levels.tail95);
  const all = errors.map((e) => e.z).sort((a, b) => a - b);
  const coverageText = levels.coverage
    ? `; quantile levels calibrated leaving one origin out at a time (coverage of the left-out origins ${pct(levels.coverage.uncalibrated80)} → ${pct(levels.coverage.backtested80)} for 80%, ${pct(levels.coverage.uncalibrated95)} → ${pct(levels.coverage.backtested95)} for 95%)`
    : '';
  return {
    countNoise,
    levelNoise,
    quantiles: quantilesAt(all, levels.tail80, levels.tail95),
    quantilesByHorizon,
    coverage: levels.coverage,
    description: `Empirical quantiles of ${pairs.length} backtest errors for ${what} per horizon day, scaled by a fitted variance a·f + b·f² (a = ${round(countNoise)}, b = ${round(levelNoise)})${coverageText}`,
  };
}

type Standardised = { z: number; horizon: number; origin: number };

function quantilesAt(sorted: number[], tail80: number, tail95: number): BandQuantiles {
  return { lo95: quantile(sorted, tail95), lo80: quantile(sorted, tail80), hi80: quantile(sorted, 1 - tail80), hi95: quantile(sorted, 1 - tail95) };
}

/**
 * Quantiles per horizon day: one shape for every horizon (the pooled quantiles of the errors, each divided by its
 * horizon's scale), stretched by each horizon's scale = median |z| at that horizon ÷ median |z| overall. A scale
 * needs far fewer errors than a 2.5% tail, so far horizons get their own width without noisy tails; a horizon with
 * few errors is pooled with the nearer ones for its scale.
 */
function horizonQuantiles(errors: Standardised[], tail80: number, tail95: number): BandQuantiles[] {
  return quantilesOfShape(horizonShape(errors), tail80, tail95);
}

type HorizonShape = { scales: number[]; sortedShape: number[] };

/** The part of horizonQuantiles that does not depend on the tail level, so calibration can probe levels cheaply. */
function horizonShape(errors: Standardised[]): HorizonShape {
  const horizons = errors.reduce((n, e) => Math.max(n, e.horizon + 1), 0);
  const byHorizon: number[][] = Array.from({ length: horizons }, () => []);
  for (const e of errors) byHorizon[e.horizon].push(Math.abs(e.z));
  const overall = median(errors.map((e) => Math.abs(e.z)));
  const scales = byHorizon.map((_, h) => {
    let pooled: number[] = [];
    for (let k = h; k >= 0 && pooled.length < MIN_PER_HORIZON; k--) pooled = pooled.concat(byHorizon[k]);
    const m = median(pooled);
    return overall > 0 && m > 0 ? m / overall : 1;
  });
  return { scales, sortedShape: errors.map((e) => e.z / (scales[e.horizon] ?? 1)).sort((a, b) => a - b) };
}

function quantilesOfShape({ scales, sortedShape }: HorizonShape, tail80: number, tail95: number): BandQuantiles[] {
  const shape = quantilesAt(sortedShape, tail80, tail95);
  return scales.map((scale) => ({ lo95: shape.lo95 * scale, lo80: shape.lo80 * scale, hi80: shape.hi80 * scale, hi95: shape.hi95 * scale }));
}

function median(values: number[]): number {
  if (values.length === 0) return 0;
  return quantile([...values].sort((a, b) => a - b), 0.5);
}

function coverageOf(errors: Standardised[], quantiles: BandQuantiles[], which: '80' | '95'): number {
  let inside = 0;
  for (const e of errors) {
    const q = quantiles[Math.min(e.horizon, quantiles.length - 1)];
    const [lo, hi] = which === '80' ? [q.lo80, q.hi80] : [q.lo95, q.hi95];
    if (e.z >= lo && e.z <= hi) inside++;
  }
  return errors.length ? inside / errors.length : 0;
}

/**
 * Tail levels (10% and 2.5% nominally) at which bands fitted without an origin hold as often as nominal on it, over
 * every origin, found by bisection (coverage falls as the tail level rises). Kept within a factor of 3 of nominal,
 * so one odd stretch of history cannot make the bands absurd.
 */
function calibratedLevels(errors: Standardised[]): { tail80: number; tail95: number; coverage: BandCoverage | null } {
  const origins = [...new Set(errors.map((e) => e.origin))].sort((a, b) => a - b);
  if (origins.length < 5 || errors.length < MIN_HELD_OUT) return { tail80: 0.1, tail95: 0.025, coverage: null };
  // Leave one origin out: bands from the other origins' errors, checked on the one left out, for every origin.
  const folds = origins.map((origin) => ({ shape: horizonShape(errors.filter((e) => e.origin !== origin)), heldOut: errors.filter((e) => e.origin === origin) }));
  const coverageAt = (tail: number, which: '80' | '95') => {
    let inside = 0;
    for (const fold of folds) inside += coverageOf(fold.heldOut, quantilesOfShape(fold.shape, tail, tail), which) * fold.heldOut.length;
    return inside / errors.length;
  };
  const solve = (nominalTail: number, which: '80' | '95') => {
    const target = 1 - 2 * nominalTail;
    let low = nominalTail / 3;
    let high = Math.min(0.49, nominalTail * 3);
    for (let i = 0; i < 20; i++) {
      const mid = (low + high) / 2;
      if (coverageAt(mid, which) > target) low = mid;
      else high = mid;
    }
    return (low + high) / 2;
  };
  const tail80 = solve(0.1, '80');
  const tail95 = solve(0.025, '95');
  return {
    tail80,
    tail95,
    coverage: {
      nominal80: 0.8,
      nominal95: 0.95,
      backtested80: coverageAt(tail80, '80'),
      backtested95: coverageAt(tail95, '95'),
      uncalibrated80: coverageAt(0.1, '80'),
      uncalibrated95: coverageAt(0.025, '95'),
      heldOut: errors.length,
    },
  };
}

const pct = (fraction: number) => `${(fraction * 100).toFixed(1)}%`;

/** The band around a forecast `horizon` open days ahead (0 = the first); without a horizon, the pooled quantiles. */
export function bandAround(model: BandModel, forecast: number, horizon?: number): PredictionBand {
  const spread = Math.sqrt(Math.max(0, model.countNoise * forecast + model.levelNoise * forecast * forecast));
  const at = (z: number) => Math.max(0, forecast + z * spread);
  const q = horizon !== undefined && model.quantilesByHorizon.length ? model.quantilesByHorizon[Math.min(horizon, model.quantilesByHorizon.length - 1)] : model.quantiles;
  return { forecast, lo80: at(q.lo80), hi80: at(q.hi80), lo95: at(q.lo95), hi95: at(q.hi95) };
}

/**
 * Least squares of squared errors on f and f², both coefficients kept non-negative: when the joint fit makes one
 * negative, the better single-term fit is used instead.
 */
function fitVariance(pairs: { f: number; error: number }[]): { countNoise: number; levelNoise: number } {
  let s11 = 0;
  let s12 = 0;
  let s22 = 0;
  let t1 = 0;
  let t2 = 0;
  for (const { f, error } of pairs) {
    const x1 = f;
    const x2 = f * f;
    const y = error * error;
    s11 += x1 * x1;
    s12 += x1 * x2;
    s22 += x2 * x2;
    t1 += x1 * y;
    t2 += x2 * y;
  }
  const det = s11 * s22 - s12 * s12;
  if (det > 0) {
    const a = (t1 * s22 - t2 * s12) / det;
    const b = (s11 * t2 - s12 * t1) / det;
    if (a >= 0 && b >= 0) return floored(a, b);
  }
  const countOnly = t1 / s11;
  const levelOnly = t2 / s22;
  const residual = (a: number, b: number) => pairs.reduce((sum, { f, error }) => sum + (error * error - a * f - b * f * f) ** 2, 0);
  return residual(countOnly, 0) <= residual(0, levelOnly) ? floored(countOnly, 0) : floored(0, levelOnly);
}

/** A perfect backtest would give zero-width bands; keep at least a sliver of spread so the scale stays defined. */
function floored(countNoise: number, levelNoise: number): { countNoise: number; levelNoise: number } {
  return countNoise + levelNoise > 0 ? { countNoise, levelNoise } : { countNoise: 1e-9, levelNoise: 0 };
}

/** Linear interpolation between order statistics of a sorted array. */
function quantile(sorted: number[], p: number): number {
  const position = p * (sorted.length - 1);
  const below = Math.floor(position);
  const above = Math.min(sorted.length - 1, below + 1);
  return sorted[below] + (sorted[above] - sorted[below]) * (position - below);
}

function round(value: number): number {
  return Number(value.toPrecision(3));
}
