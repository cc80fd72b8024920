/**
 * Resolves a file's timestamps row by row. Wall-clock times in a repeated fall-back hour are ambiguous on their
 * own; the row before them and the direction the file runs in (most exports are sorted, ascending or
 * descending) say which occurrence was meant. See ZoneClock for the convention.
 */
import type { RowProblem } from './badRows';
import type { ParsedTimestamp } from './timestamp';
import type { ReadingOrder, ZoneClock } from './zoneClock';

export class TimestampSequence {
  private readonly clock: ZoneClock;
  private previousUtcMs: number | null = null;
  /** Steps forward minus steps backward in time between consecutive rows so far. */
  private netForwardSteps = 0;

  constructor(clock: ZoneClock) {
    this.clock = clock;
  }

  /**
   * Why the timestamp names no instant at all (a wall-clock time inside a spring-forward gap), or null. Check
   * before instantOf: such a row is a bad row, never moved onto the real interval after the gap.
   */
  nonexistentReason(timestamp: ParsedTimestamp, label: string): RowProblem | null {
    if (timestamp.kind !== 'wallClock') return null;
    const gapMinutes = this.clock.skippedAt(timestamp.localMs);
    if (gapMinutes === null) return null;
    const wallClock = new Date(timestamp.localMs).toISOString().slice(0, 16).replace('T', ' ');
    return {
      reason: 'timestamp-nonexistent',
      message: `${label} ${wallClock} does not exist in ${this.clock.zoneName}: the clocks jumped ${gapMinutes} minutes forward (daylight saving), so no contact happened then. Check the export's time zone.`,
    };
  }

  /** The instant of the next row's timestamp. Call in file order, for good rows only. */
  instantOf(timestamp: ParsedTimestamp): number {
    const previousUtcMs = this.previousUtcMs;
    const utcMs =
      timestamp.kind === 'instant'
        ? timestamp.utcMs
        : this.clock.resolveWallClock(timestamp.localMs, previousUtcMs === null ? undefined : { previousUtcMs, direction: this.direction() });
    if (previousUtcMs !== null) this.netForwardSteps += Math.sign(utcMs - previousUtcMs);
    this.previousUtcMs = utcMs;
    return utcMs;
  }

  private direction(): ReadingOrder['direction'] {
    if (this.netForwardSteps > 0) return 'forward';
    return this.netForwardSteps < 0 ? 'backward' : 'unknown';
  }
}
