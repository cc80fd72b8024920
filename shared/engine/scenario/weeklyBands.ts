/**
 * Weekly forecast bands calibrated on the forecast's own backtest, by horizon (split conformal): at each past origin
 * the weekly forecast is made from the history before it, and the ratio actual ÷ forecast is kept per horizon
 * (1 = the first week after the origin). A plan week at horizon h gets the empirical 2.5/10/90/97.5% quantiles of
 * log(actual ÷ forecast) at horizon min(h, H) (H = the longest horizon backtested), spread by √(h ÷ H) beyond H
 * where errors keep growing like a random walk, and the band is forecast × e^quantile. Too few ratios at a horizon
 * (under 8) pool it with its neighbours down to horizon 1.
 */
import type { WeekBand } from './monteCarlo';

export interface HorizonErrors {
  /** log(actual ÷ forecast) per backtest origin, indexed by horizon − 1. */
  logRatios: number[][];
}

const MIN_PER_HORIZON = 8;

function quantile(sorted: number[], p: number): number {
  const position = p * (sorted.length - 1);
  const below = Math.floor(position);
  const above = Math.min(sorted.length - 1, below + 1);
  return sorted[below] + (sorted[above] - sorted[below]) * (position - below);
}

export interface HorizonQuantiles {
  lo95: number;
  lo80: number;
  hi80: number;
  hi95: number;
  samples: number;
}

export function horizonQuantiles(errors: HorizonErrors): HorizonQuantiles[] {
  return errors.logRatios.map((_, h) => {
    let pooled: number[] = [];
    for (let k = h; k >= 0 && pooled.length < MIN_PER_HORIZON; k--) pooled = pooled.concat(errors.logRatios[k]);
    const sorted = pooled.filter(Number.isFinite).sort((a, b) => a - b);
    if (sorted.length === 0) return { lo95: 0, lo80: 0, hi80: 0, hi95: 0, samples: 0 };
    return { lo95: quantile(sorted, 0.025), lo80: quantile(sorted, 0.1), hi80: quantile(sorted, 0.9), hi95: quantile(sorted, 0.975), samples: sorted.length };
  });
}

/** Bands for a forecast at horizon h (1-based) from the backtested quantiles. */
export function bandAtHorizon(quantiles: readonly HorizonQuantiles[], forecast: number, horizon: number): WeekBand | null {
  if (quantiles.length === 0 || quantiles.every((q) => q.samples === 0)) return null;
  const H = quantiles.length;
  const q = quantiles[Math.min(horizon, H) - 1];
  const stretch = horizon > H ? Math.sqrt(horizon / H) : 1;
  // Clamped so the forecast stays inside its own bands (the sampler's split normal needs lo ≤ forecast ≤ hi).
  const at = (x: number) => forecast * Math.exp(x * stretch);
  return { lo95: Math.min(forecast, at(q.lo95)), lo80: Math.min(forecast, at(q.lo80)), hi80: Math.max(forecast, at(q.hi80)), hi95: Math.max(forecast, at(q.hi95)) };
}
