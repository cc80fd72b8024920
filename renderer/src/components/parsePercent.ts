/**
 * Reads a percent field. Every % field of the app goes through here, so a fraction typed by habit ("0.8" for a
 * service level, "0.75" for utilization) is never silently read as 0.8% or 0.75%: a value above 0 and at most 1
 * without a % sign is refused with the percentage the planner most likely meant. Typing the sign ("0.5%") says the
 * small value is meant. Range messages speak in % as the field does (the engine's own messages speak in fractions,
 * for the CLI and API).
 */
import { parseNumberField } from './parseNumber';

/** The percentages a field accepts. */
export interface PercentRange {
  min: number;
  max: number;
  minInclusive: boolean;
  maxInclusive: boolean;
}

/** Shares strictly between 0% and 100%: service-level and abandonment targets. */
export const SHARE: PercentRange = { min: 0, max: 100, minInclusive: false, maxInclusive: false };
/** Caps above 0% up to 100%: maximum occupancy, utilization. */
export const CAP: PercentRange = { min: 0, max: 100, minInclusive: false, maxInclusive: true };
/** From 0% up to, not including, 100%: shrinkage (all paid time lost leaves nobody to staff). */
export const SHRINKAGE: PercentRange = { min: 0, max: 100, minInclusive: true, maxInclusive: false };
/** 0% to 100% inclusive: parts of a breakdown that adds up to 100%. */
export const PART: PercentRange = { min: 0, max: 100, minInclusive: true, maxInclusive: true };

export interface PercentFieldSpec {
  /** What the field is, as the message names it ("Service level"). */
  what: string;
  range: PercentRange;
}

/** The percent the planner typed (80 for 80%), or one message saying what is wrong. */
export function parsePercentField(raw: string, spec: PercentFieldSpec, optional = false): { value?: number; error?: string } {
  const text = raw.trim();
  const withSign = text.endsWith('%');
  const parsed = parseNumberField(withSign ? text.slice(0, -1) : text, optional);
  if (parsed.error || parsed.value === undefined) return parsed;
  const value = parsed.value;
  if (!withSign && value > 0 && value <= 1) {
    return {
      error: `Did you mean ${formatPercentValue(value * 100)}%? ${spec.what} is in percent, so "${text}" would be ${text}%. Type ${formatPercentValue(value * 100)}, or "${text}%" if you mean ${text}%.`,
    };
  }
  const { min, max, minInclusive, maxInclusive } = spec.range;
  const belowMin = minInclusive ? value < min : value <= min;
  const aboveMax = maxInclusive ? value > max : value >= max;
  if (belowMin || aboveMax) return { error: `${spec.what} must be ${rangeText(spec.range)}; "${text}" is outside it.` };
  return { value };
}

function rangeText({ min, max, minInclusive, maxInclusive }: PercentRange): string {
  const low = minInclusive ? `at least ${min}%` : `above ${min}%`;
  const high = maxInclusive ? `at most ${max}%` : `below ${max}%`;
  return `${low} and ${high}`;
}

/** 80 → "80", 12.5 → "12.5": the percent as the planner would type it. */
function formatPercentValue(percent: number): string {
  return String(+percent.toFixed(6));
}
