/** Progress and cancellation for long runs: the engine runs in a worker and the app shows a bar and a Cancel button. */
import type { ForecastHooks } from './types';

export class ForecastCancelledError extends Error {
  constructor() {
    super('The forecast was cancelled');
    this.name = 'ForecastCancelledError';
  }
}

export function checkCancelled(hooks: ForecastHooks): void {
  if (hooks.shouldCancel?.()) throw new ForecastCancelledError();
}

export function reportProgress(hooks: ForecastHooks, fraction: number, message: string): void {
  hooks.onProgress?.(Math.min(1, Math.max(0, fraction)), message);
}

/** Hooks for a sub-task that covers the share [from, to] of the whole run's progress. */
export function withinProgress(hooks: ForecastHooks, from: number, to: number): ForecastHooks {
  return {
    shouldCancel: hooks.shouldCancel,
    onProgress: hooks.onProgress && ((fraction, message) => reportProgress(hooks, from + (to - from) * fraction, message)),
  };
}
