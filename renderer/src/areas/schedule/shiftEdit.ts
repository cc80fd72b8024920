/**
 * Pure shift edits for drags and keys: move a whole shift, or move its start or end edge. Breaks move with the
 * shift; after a resize, a break that no longer fits its working span is slid back inside it (or dropped when the
 * span is now too short for it). Times stay on a 15-minute grid.
 */
import type { ScheduleShift, ShiftTimes } from '../../../../shared/api/channels/schedule';

export const SNAP_MINUTES = 15;
/** Shortest working span a resize may leave. */
export const MIN_SPAN_MINUTES = 60;
const LATEST_END = 2880;

export type DragMode = 'move' | 'start' | 'end';

/** Rounds a drag to whole steps of `step` minutes (the schedule's interval; 15 when not given). */
export const snap = (minutes: number, step = SNAP_MINUTES) => Math.round(minutes / step) * step;

export function timesOf(shift: Pick<ScheduleShift, 'start' | 'end' | 'segments' | 'breaks'>): ShiftTimes {
  return { start: shift.start, end: shift.end, segments: shift.segments.map((s) => ({ ...s })), breaks: shift.breaks.map((b) => ({ ...b })) };
}

/** The shift's times after dragging by `delta` minutes in `mode`. */
export function dragTimes(shift: ShiftTimes, mode: DragMode, delta: number): ShiftTimes {
  if (mode === 'move') {
    const d = Math.max(-shift.start, Math.min(LATEST_END - shift.end, delta));
    return {
      start: shift.start + d,
      end: shift.end + d,
      segments: shift.segments.map((s) => ({ start: s.start + d, end: s.end + d })),
      breaks: shift.breaks.map((b) => ({ ...b, start: b.start + d, end: b.end + d })),
    };
  }
  const segments = shift.segments.map((s) => ({ ...s }));
  if (mode === 'start') {
    const first = segments[0];
    first.start = Math.max(0, Math.min(first.end - MIN_SPAN_MINUTES, first.start + delta));
  } else {
    const last = segments[segments.length - 1];
    last.end = Math.min(LATEST_END, Math.max(last.start + MIN_SPAN_MINUTES, last.end + delta));
  }
  return { start: segments[0].start, end: segments[segments.length - 1].end, segments, breaks: fitBreaks(shift.breaks, segments) };
}

/** Keeps each break inside the working span it was in, sliding it when the span shrank past it. */
function fitBreaks(breaks: ShiftTimes['breaks'], segments: ShiftTimes['segments']): ShiftTimes['breaks'] {
  const kept: ShiftTimes['breaks'] = [];
  for (const b of breaks) {
    const length = b.end - b.start;
    const span = segments.find((s) => b.start < s.end && s.start < b.end) ?? nearest(segments, b.start);
    if (span.end - span.start < length + 2 * SNAP_MINUTES) continue;
    const start = Math.min(Math.max(b.start, span.start + SNAP_MINUTES), span.end - SNAP_MINUTES - length);
    if (kept.some((k) => k.start < start + length && start < k.end)) continue;
    kept.push({ ...b, start, end: start + length });
  }
  return kept.sort((a, b) => a.start - b.start);
}

function nearest(segments: ShiftTimes['segments'], minute: number): ShiftTimes['segments'][number] {
  return segments.reduce((best, s) => (Math.abs(s.start - minute) < Math.abs(best.start - minute) ? s : best));
}

export function sameTimes(a: ShiftTimes, b: ShiftTimes): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}


/** Worked minutes less unpaid breaks: the engine's own rule, so the grid and the rule checks count alike. */
export { paidMinutes } from '../../../../shared/engine/schedule/rules';
