/**
 * Events (holidays, releases, month-ends, promotions) as effects on daily volume over date ranges.
 *
 * A multiplier or additive effect the planner did not quantify is estimated from the event's earlier occurrences
 * (events of the same name and kind): each past event day is compared with a baseline of the same weekday in the
 * four weeks either side that no event touched. Multipliers are a ratio of sums, additive effects a mean difference.
 *
 * The methods then learn from history with the event days' effects taken out, so a promotion does not inflate next
 * month's baseline, and the effects are put back on the forecast days they cover. Overlapping effects combine:
 * multipliers multiply and additive effects add.
 */
import { dayNumberOf } from './calendar';
import type { EventEstimate, ForecastEvent } from './types';

const BASELINE_WEEKS = 4;

export type CalendarEvent = ForecastEvent & { automatic: boolean };

export type EventCalendar = {
  events: CalendarEvent[];
  /** Per timeline row, indices into `events` of the events covering it. */
  byRow: number[][];
};

export type EventEffects = {
  /** One entry per distinct (name, effect) among multiplier and additive events. */
  estimates: EventEstimate[];
  multiplier: Float64Array;
  additive: Float64Array;
};

export function layOutEvents(events: CalendarEvent[], firstDay: number, rowCount: number): EventCalendar {
  const byRow = Array.from({ length: rowCount }, () => [] as number[]);
  events.forEach((event, index) => {
    const from = Math.max(0, dayNumberOf(event.start) - firstDay);
    const to = Math.min(rowCount - 1, dayNumberOf(event.end) - firstDay);
    for (let row = from; row <= to; row++) byRow[row].push(index);
  });
  return { events, byRow };
}

export function isClosedByEvent(calendar: EventCalendar, row: number): boolean {
  return calendar.byRow[row].some((index) => calendar.events[index].effect === 'closed');
}

export function hasEffect(calendar: EventCalendar, row: number): boolean {
  return calendar.byRow[row].some((index) => calendar.events[index].effect !== 'closed');
}

/** Resolves every effect's size using only daily totals before `origin`, and spreads them over the timeline. */
export function estimateEffects(calendar: EventCalendar, totals: Float64Array, origin: number): EventEffects {
  const rowCount = calendar.byRow.length;
  const estimates = new Map<string, EventEstimate>();
  for (const event of calendar.events) {
    if (event.effect === 'closed') continue;
    const key = effectKey(event);
    if (!estimates.has(key)) estimates.set(key, estimateOne(calendar, totals, origin, event));
  }
  const multiplier = new Float64Array(rowCount).fill(1);
  const additive = new Float64Array(rowCount);
  for (let row = 0; row < rowCount; row++) {
    for (const index of calendar.byRow[row]) {
      const event = calendar.events[index];
      if (event.effect === 'closed') continue;
      const value = event.value ?? (estimates.get(effectKey(event)) as EventEstimate).value;
      if (event.effect === 'multiplier') multiplier[row] *= value;
      else additive[row] += value;
    }
  }
  // Automatic effects the history has not shown yet are not worth reporting.
  const reported = [...estimates.values()].filter((estimate) => !(estimate.automatic && estimate.source === 'unknown'));
  return { estimates: reported, multiplier, additive };
}

/** History totals with event effects taken out, for the methods to learn the underlying pattern from. */
export function withoutEffects(totals: Float64Array, effects: EventEffects, origin: number): Float64Array {
  const cleaned = totals.slice(0, origin);
  for (let row = 0; row < origin; row++) {
    if (Number.isNaN(cleaned[row])) continue;
    cleaned[row] = Math.max(0, (cleaned[row] - effects.additive[row]) / (effects.multiplier[row] || 1));
  }
  return cleaned;
}

export function withEffect(forecast: number, effects: EventEffects, row: number): number {
  return Math.max(0, forecast * effects.multiplier[row] + effects.additive[row]);
}

export function eventNamesOn(calendar: EventCalendar, row: number): string[] {
  return [...new Set(calendar.byRow[row].map((index) => calendar.events[index].name))];
}

function estimateOne(calendar: EventCalendar, totals: Float64Array, origin: number, event: CalendarEvent): EventEstimate {
  const { name, automatic } = event;
  const effect = event.effect as 'multiplier' | 'additive';
  const occurrences = calendar.events.filter((e) => e.name === name && e.effect === effect);
  const given = occurrences.find((e) => e.value !== undefined)?.value;
  if (given !== undefined && occurrences.every((e) => e.value !== undefined)) return { name, effect, value: given, source: 'given', automatic };

  const covered = (row: number) => calendar.byRow[row].some((i) => occurrences.includes(calendar.events[i]));
  let actualSum = 0;
  let baselineSum = 0;
  let days = 0;
  for (let row = 0; row < Math.min(origin, totals.length); row++) {
    if (Number.isNaN(totals[row]) || !covered(row)) continue;
    const baseline = sameWeekdayBaseline(calendar, totals, origin, row);
    if (Number.isNaN(baseline)) continue;
    actualSum += totals[row];
    baselineSum += baseline;
    days++;
  }
  if (days > 0 && baselineSum > 0) {
    const value = effect === 'multiplier' ? actualSum / baselineSum : (actualSum - baselineSum) / days;
    return { name, effect, value, source: 'estimated', automatic };
  }
  // A value given on another occurrence of the same event stands in; failing that, the event has no effect.
  if (given !== undefined) return { name, effect, value: given, source: 'given', automatic };
  return { name, effect, value: effect === 'multiplier' ? 1 : 0, source: 'unknown', automatic };
}

/** Mean total of the same weekday within four weeks either side, on days no event touched, before `origin`. */
function sameWeekdayBaseline(calendar: EventCalendar, totals: Float64Array, origin: number, row: number): number {
  let sum = 0;
  let count = 0;
  for (let weeks = -BASELINE_WEEKS; weeks <= BASELINE_WEEKS; weeks++) {
    const other = row + weeks * 7;
    if (weeks === 0 || other < 0 || other >= Math.min(origin, totals.length)) continue;
    if (Number.isNaN(totals[other]) || calendar.byRow[other].length > 0) continue;
    sum += totals[other];
    count++;
  }
  return count > 0 ? sum / count : NaN;
}

function effectKey(event: ForecastEvent): string {
  return `${event.effect}\u0000${event.name}`;
}
