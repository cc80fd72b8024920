/**
 * Staffwise's forecasting engine: pure functions over interval series, safe to run in a worker thread.
 *
 *   forecast(input, hooks)     backtest every method, choose, forecast the next open days with prediction bands
 *   aggregateSeries(series, n) roll a fine series up to n-minute intervals, keeping closed ≠ missing ≠ zero
 */
export { forecast } from './forecast';
export { forecastAht, MIN_SLOT_CONTACTS, type AhtForecastSummary, type HandleTimeSample } from './ahtForecast';
export { AUTOMATIC_RULE } from './chooseMethod';
export { aggregateSeries } from './aggregate';
export { ForecastCancelledError } from './hooks';
export { forecastInputSchema, parseForecastInput } from './schema';
export { SIMPLE_METHODS } from './methods';
export { accuracyOf, addToTally, emptyTally, type Accuracy, type AccuracyTally } from './accuracy';
export * from './types';
