import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    exclude: ['test/e2e/**', 'node_modules/**'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // Solver tests (rostering, scheduling, forecasting) run against wall-clock time limits and assert on the quality
    // reached; two files in parallel on a two-core machine halve each solver's time, so files run one at a time.
    fileParallelism: false,
  },
});
