/**
 * The vocabulary of the forecasting engine. Time is local wall-clock throughout: an interval is named by the
 * `YYYY-MM-DDTHH:mm` at which it starts, so a spring-forward day simply has fewer intervals and a fall-back day's
 * repeated hour lands twice on the same start (its volumes are added, so nothing is lost or counted twice).
 */

/**
 * What was observed in one interval. A number is a count (0 is a real zero-volume interval); `closed` means the
 * queue was not open, so nothing could arrive; `missing` means it was open but the count is unknown.
 * Intervals absent from a series are closed.
 */
export type IntervalValue = number | 'closed' | 'missing';

export type IntervalPoint = {
  /** Local wall-clock start, `YYYY-MM-DDTHH:mm`. */
  start: string;
  value: IntervalValue;
};

export type IntervalSeries = {
  /** Length of every interval in minutes; divides a day (5, 10, 15, 30, 60…). */
  intervalMin: number;
  points: IntervalPoint[];
};

export const FORECAST_METHODS = [
  'seasonal-naive',
  'historical-average',
  'moving-average',
  'trend',
  'seasonal-adjusted',
  'regression',
  'holt-winters-additive',
  'holt-winters-multiplicative',
  'combined',
] as const;

export type ForecastMethod = (typeof FORECAST_METHODS)[number];

/**
 * A known effect on daily volume over a date range (inclusive, local dates). `closed` closes the centre on those
 * days. For `multiplier` and `additive`, leaving `value` out asks the engine to estimate it from earlier
 * occurrences of events with the same name in the history.
 */
export type ForecastEvent = {
  name: string;
  start: string;
  end: string;
  effect: 'multiplier' | 'additive' | 'closed';
  value?: number;
};

/** A user-supplied daily explanatory variable for the regression method, e.g. marketing emails sent. */
export type ForecastDriver = {
  name: string;
  /** Value per local date `YYYY-MM-DD`; it must cover the forecast days to be used. */
  values: Record<string, number>;
};

export type BacktestSettings = {
  /** How many rolling origins to score each method on (spread over the last year of history). */
  origins?: number;
  /** Calendar days of history every origin must have behind it. */
  minTrainingDays?: number;
};

export type ForecastInput = {
  history: IntervalSeries;
  /** Interval length of the forecast; the history is aggregated to it when finer. */
  intervalMin: number;
  /** Number of open days to forecast after the last history day. */
  horizonDays: number;
  method: 'auto' | ForecastMethod;
  events?: ForecastEvent[];
  drivers?: ForecastDriver[];
  /** Estimate month-turn and around-closure effects automatically (default true). */
  calendarEffects?: boolean;
  backtest?: BacktestSettings;
};

/**
 * forecast() runs synchronously, so a worker receives no messages while it works: back `shouldCancel` with a
 * flag in a SharedArrayBuffer (Atomics.load) that the UI thread sets.
 */
export type ForecastHooks = {
  /** Called with the share of the work done (0…1) and what is being done. */
  onProgress?: (fraction: number, message: string) => void;
  /** Polled between methods and backtest origins; returning true stops the run with a ForecastCancelledError. */
  shouldCancel?: () => boolean;
};

export type MethodScore = {
  method: ForecastMethod;
  /** Weighted absolute percentage error: Σ|forecast − actual| ÷ Σ actual, over every scored interval. */
  wape: number;
  /** Mean absolute percentage error over intervals whose actual volume is above zero. */
  mape: number;
  /** (Σ forecast − Σ actual) ÷ Σ actual: positive means over-forecasting. */
  bias: number;
  /**
   * WAPE of the daily totals (Σ over days of |forecast − actual| ÷ Σ actual), over the complete days of the same
   * backtest. Interval errors partly cancel within a day, so it is lower than the interval WAPE. Null when no
   * scored day was complete; absent in runs stored before it was measured.
   */
  dailyWape?: number | null;
  /** Rolling origins the method was scored on. */
  origins: number;
};

/** How the automatic choice was made, with the figures that decided it. */
export type MethodChoice = {
  /** The method forecast with. */
  method: ForecastMethod;
  /**
   * no-backtest: nothing could be scored, the default is used; lowest-wape: the lowest WAPE is the default (or the
   * default has no score); switched / kept-default: another method had the lowest WAPE and did / did not beat the
   * default by more than the threshold.
   */
  outcome: 'no-backtest' | 'lowest-wape' | 'switched' | 'kept-default';
  /** The rule, in words. */
  rule: string;
  /** What happened under the rule, with the numbers. */
  explanation: string;
  defaultMethod: ForecastMethod;
  origins: number;
  best?: ForecastMethod;
  bestWape?: number;
  defaultWape?: number;
  /** WAPE of the default minus WAPE of the best (fractions). */
  wapeGap?: number;
  standardError?: number;
  /** The gap needed to switch: 2 standard errors. */
  threshold?: number;
};

export type PredictionBand = {
  forecast: number;
  lo80: number;
  hi80: number;
  lo95: number;
  hi95: number;
};

export type ForecastPoint = PredictionBand & { start: string };

export type DailyForecast = PredictionBand & {
  /** Local date `YYYY-MM-DD`. */
  date: string;
  /** ISO weekday, 1 = Monday … 7 = Sunday. */
  weekday: number;
  /** Names of the events applied to this day. */
  events: string[];
};

export type WeekdayProfile = {
  weekday: number;
  /** Share of the day's volume per interval of the day (index = minutes since midnight ÷ interval); null = closed. */
  shares: (number | null)[];
};

export type IntradayProfile = {
  intervalMin: number;
  /** `HH:mm` of every interval of the day, aligned with `shares`. */
  slotStarts: string[];
  /** Profiles of the weekdays the queue is open on. */
  weekdays: WeekdayProfile[];
};

export type EventEstimate = {
  name: string;
  effect: 'multiplier' | 'additive';
  value: number;
  /** Where the value came from: given by the user, estimated from history, or neither (no effect applied). */
  source: 'given' | 'estimated' | 'unknown';
  /** True for the calendar effects the engine adds by itself (month turns, days around closures). */
  automatic: boolean;
};

export type ForecastResult = {
  /**
   * The method forecast with: the planner's, or the automatic choice (the lowest backtest WAPE, unless the combined
   * forecast is within two standard errors of it; see chooseMethod).
   */
  method: ForecastMethod;
  /** The automatic rule's verdict with its figures (also when the planner chose the method, for comparison). */
  choice?: MethodChoice;
  /** Backtest scores of every method, best first. */
  scores: MethodScore[];
  /**
   * Every open interval of the horizon, by wall-clock start. The engine knows no time zone: on a spring-forward day
   * the caller drops starts that do not exist, and on a fall-back day the repeated hour's forecast covers both.
   */
  points: ForecastPoint[];
  dailyTotals: DailyForecast[];
  intradayProfile: IntradayProfile;
  events: EventEstimate[];
  /** How the prediction bands were made, in words a planner can read. */
  intervalModel: string;
  /** How often the interval bands held on backtest origins left out of their fit; null when the backtest is too short. */
  bandCoverage: BandCoverage | null;
  warnings: string[];
};

/** How often the bands held on backtest origins left out of their fit (fractions). */
export type BandCoverage = {
  nominal80: number;
  nominal95: number;
  /** With the calibrated quantile levels. */
  backtested80: number;
  backtested95: number;
  /** With the nominal levels (10/90%, 2.5/97.5%), before calibration. */
  uncalibrated80: number;
  uncalibrated95: number;
  /** Errors checked (every origin's, each once). */
  heldOut: number;
};
