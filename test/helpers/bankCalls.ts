import { readFileSync } from 'node:fs';
import type { IntervalPoint } from '../../shared/engine/forecast';

/** Ten weeks of real bank call volumes in 30-minute intervals (see test/fixtures/bank-calls/README.md). */
export function bankCalls30min(): IntervalPoint[] {
  return readFileSync(new URL('../fixtures/bank-calls/bank_calls_30min.csv', import.meta.url), 'utf8')
    .trim()
    .split('\n')
    .slice(1)
    .map((line) => {
      const [start, volume] = line.split(',');
      return { start, value: Number(volume) };
    });
}
