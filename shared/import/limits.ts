/**
 * Plausible magnitudes for imported and requested numbers. Values beyond them are typos, wrong columns or hostile
 * input (a volume of 1e308 was stored before these bounds), and are refused by name rather than stored.
 */

/** The most contacts one interval can hold: the largest contact centres take tens of thousands of calls in 15 minutes. */
export const MAX_INTERVAL_VOLUME = 1_000_000;
/** A day's total at that bound over 5-minute intervals, rounded up. */
export const MAX_DAY_VOLUME = 300_000_000;
/** Queue names, typed or read from an export's queue columns (the same bound as every name in the app). */
export const MAX_QUEUE_NAME_CHARS = 120;
/** The longest mean handle time of an interval: a whole day, in seconds. */
export const MAX_AHT_SEC = 86_400;
