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
 */
import type { ErrorSample } from './backtest';
import type { PredictionBand } from './types';

const MIN_ERRORS = 30;
const NORMAL_QUANTILES = { lo95: -1.959964, lo80: -1.281552, hi80: 1.281552, hi95: 1.959964 };

export type BandModel = {
  /** Error variance = countNoise·f + levelNoise·f². */
  countNoise: number;
  levelNoise: number;
  quantiles: { lo95: number; lo80: number; hi80: number; hi95: number };
  description: string;
};

export function fitBandModel(sample: ErrorSample | undefined, what: string): BandModel {
  const pairs = sample ? sample.forecast.map((f, i) => ({ f, error: sample.actual[i] - f })).filter((p) => p.f > 0) : [];
  if (pairs.length < MIN_ERRORS) {
    return {
      countNoise: 1,
      levelNoise: 0,
      quantiles: NORMAL_QUANTILES,
      description: `Poisson approximation for ${what} (too little history to backtest): variance equals the forecast, normal quantiles`,
    };
  }
  const { countNoise, levelNoise } = fitVariance(pairs);
  const standardised = pairs.map((p) => p.error / Math.sqrt(countNoise * p.f + levelNoise * p.f * p.f)).sort((a, b) => a - b);
  return {
    countNoise,
    levelNoise,
    quantiles: {
      lo95: quantile(standardised, 0.025),
      lo80: quantile(standardised, 0.1),
      hi80: quantile(standardised, 0.9),
      hi95: quantile(standardised, 0.975),
    },
    description: `Empirical quantiles of ${pairs.length} backtest errors for ${what}, scaled by a fitted variance a·f + b·f² (a = ${round(countNoise)}, b = ${round(levelNoise)})`,
  };
}

export function bandAround(model: BandModel, forecast: number): PredictionBand {
  const spread = Math.sqrt(Math.max(0, model.countNoise * forecast + model.levelNoise * forecast * forecast));
  const at = (z: number) => Math.max(0, forecast + z * spread);
  const q = model.quantiles;
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
