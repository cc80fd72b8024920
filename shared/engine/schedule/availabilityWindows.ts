/**
 * Checks a planner's weekly availability windows before they are saved, so the form and the API say the same thing:
 * each time is a clock time ('HH:MM', 00:00–23:59), a window's end differs from its start (an end before the start
 * runs past midnight, as the engine reads it: 22:00–06:00), and two windows of one weekday do not overlap.
 */
import { MINUTES_PER_DAY, parseClock, WEEKDAY_NAMES } from './time';

export interface AvailabilityWindowText {
  weekday: number;
  from: string;
  to: string;
}

export interface AvailabilityWindowIssue {
  /** Position of the window in the list. */
  index: number;
  field: 'from' | 'to';
  message: string;
}

export function availabilityWindowIssues(windows: readonly AvailabilityWindowText[]): AvailabilityWindowIssue[] {
  const issues: AvailabilityWindowIssue[] = [];
  const spans: { index: number; weekday: number; start: number; end: number }[] = [];
  windows.forEach((window, index) => {
    const from = clockOf(window.from);
    const to = clockOf(window.to);
    if (typeof from === 'string') issues.push({ index, field: 'from', message: from });
    if (typeof to === 'string') issues.push({ index, field: 'to', message: to });
    if (typeof from === 'string' || typeof to === 'string') return;
    if (from === to) return issues.push({ index, field: 'to', message: `ends when it starts (${window.to}): give a later end, or an earlier one for a window past midnight` });
    spans.push({ index, weekday: window.weekday, start: from, end: to > from ? to : to + MINUTES_PER_DAY });
  });
  for (const span of spans) {
    const earlier = spans.find((other) => other.index < span.index && other.weekday === span.weekday && other.start < span.end && span.start < other.end);
    if (earlier) {
      const w = windows[earlier.index];
      issues.push({ index: span.index, field: 'from', message: `overlaps the ${WEEKDAY_NAMES[span.weekday]} window ${w.from}–${w.to}: join them into one` });
    }
  }
  return issues;
}

/** Minutes since midnight, or what is wrong with the text. */
function clockOf(text: string): number | string {
  try {
    const minutes = parseClock(text);
    return minutes < MINUTES_PER_DAY ? minutes : `${text} is not a time of day: use 00:00–23:59`;
  } catch {
    return `“${text}” is not a time: use HH:MM, like 08:00`;
  }
}
