/**
 * UTC offsets of one IANA zone, cached so that a million rows cost about a thousand zone look-ups rather than a
 * million. Luxon's IANAZone answers each look-up through Intl, which is correct but far too slow per row.
 *
 * Conventions for local wall-clock readings that do not name exactly one instant:
 * - Ambiguous (the repeated hour of a fall-back day): without context, the earlier occurrence. Reading a file,
 *   TimestampSequence adds the context: in a file going forward in time, the first occurrence not before the
 *   previous row; in a file going backward, the last one not after it; while the direction is not yet known,
 *   the occurrence nearer the previous row. Exports sorted either way thus walk through the first and then the
 *   second occurrence as their author meant, and any row, sorted or not, lands in exactly one interval.
 * - Nonexistent (the skipped hour of a spring-forward day): a row stamped with one is a bad row (see skippedAt):
 *   moving it forward by the gap, as java.time, Temporal ("compatible") and luxon do, would land it on the real
 *   interval an hour later and push that interval's own row out as a duplicate. resolveWallClock still applies
 *   the compatible reading, for computed times such as the midnight that starts a day in a zone that changes at
 *   midnight.
 */
import { IANAZone } from 'luxon';
import { DAY_MS, HOUR_MS, MINUTE_MS } from './civil';

/** Where a file's previous row was, and which way the file runs, for reading an ambiguous wall-clock time. */
export interface ReadingOrder {
  previousUtcMs: number;
  direction: 'forward' | 'backward' | 'unknown';
}

/** Marks a cached day or hour whose offset changes inside it, so readings in it take a finer path. */
const MIXED = Number.NaN;

export class ZoneClock {
  readonly zoneName: string;
  private readonly zone: IANAZone;
  /**
   * Offsets are cached per day (zones change at most once a day), and per hour inside the few days with a
   * transition: a year of data costs about a thousand Intl look-ups.
   */
  private readonly offsetByUtcDay = new Map<number, number>();
  private readonly offsetByUtcHour = new Map<number, number>();
  /** The one offset every wall-clock reading of a local day (or hour) resolves with, or MIXED. */
  private readonly offsetByLocalDay = new Map<number, number>();
  private readonly offsetByLocalHour = new Map<number, number>();
  private lastUtcDay = Number.NaN;
  private lastUtcDayOffset = 0;
  private lastLocalDay = Number.NaN;
  private lastLocalDayOffset = 0;

  constructor(zoneName: string) {
    const zone = IANAZone.create(zoneName);
    if (!zone.isValid) throw new Error(`"${zoneName}" is not an IANA time zone such as Europe/Berlin`);
    this.zone = zone;
    this.zoneName = zone.name;
  }

  /** Offset east of UTC, in minutes, in force at the instant `utcMs`. */
  offsetAt(utcMs: number): number {
    const day = Math.floor(utcMs / DAY_MS);
    if (day === this.lastUtcDay) return this.lastUtcDayOffset;
    const dayOffset = cached(this.offsetByUtcDay, day, () => this.uniformOffsetBetween(day * DAY_MS, DAY_MS));
    if (!Number.isNaN(dayOffset)) {
      this.lastUtcDay = day;
      this.lastUtcDayOffset = dayOffset;
      return dayOffset;
    }
    const hour = Math.floor(utcMs / HOUR_MS);
    const hourOffset = cached(this.offsetByUtcHour, hour, () => this.uniformOffsetBetween(hour * HOUR_MS, HOUR_MS));
    return Number.isNaN(hourOffset) ? this.zone.offset(utcMs) : hourOffset;
  }

  /** Every instant whose wall-clock reading in this zone is `localMs`, earliest first: none, one or two. */
  instantsAt(localMs: number): number[] {
    // Offsets a day either side bracket any transition near `localMs` (zones never move twice in a day).
    const offsets = new Set([this.offsetAt(localMs - DAY_MS), this.offsetAt(localMs + DAY_MS)]);
    for (const offset of [...offsets]) offsets.add(this.offsetAt(localMs - offset * MINUTE_MS));
    const instants: number[] = [];
    for (const offset of offsets) {
      const utcMs = localMs - offset * MINUTE_MS;
      if (this.offsetAt(utcMs) === offset && !instants.includes(utcMs)) instants.push(utcMs);
    }
    return instants.sort((a, b) => a - b);
  }

  /** The instant a wall-clock reading stands for, by the conventions in this module's comment. */
  resolveWallClock(localMs: number, order?: ReadingOrder): number {
    const day = Math.floor(localMs / DAY_MS);
    if (day === this.lastLocalDay) return localMs - this.lastLocalDayOffset * MINUTE_MS;
    const dayOffset = cached(this.offsetByLocalDay, day, () => this.uniformLocalOffsetBetween(day * DAY_MS, DAY_MS));
    if (!Number.isNaN(dayOffset)) {
      this.lastLocalDay = day;
      this.lastLocalDayOffset = dayOffset;
      return localMs - dayOffset * MINUTE_MS;
    }
    const hour = Math.floor(localMs / HOUR_MS);
    const hourOffset = cached(this.offsetByLocalHour, hour, () => this.uniformLocalOffsetBetween(hour * HOUR_MS, HOUR_MS));
    return Number.isNaN(hourOffset) ? this.resolveExactly(localMs, order) : localMs - hourOffset * MINUTE_MS;
  }

  /**
   * When the wall-clock reading `localMs` does not exist (the clocks jumped over it), the length of the jump in
   * minutes; otherwise null. Costs one cached look-up except on the few days with a transition.
   */
  skippedAt(localMs: number): number | null {
    const day = Math.floor(localMs / DAY_MS);
    if (day === this.lastLocalDay) return null;
    const dayOffset = cached(this.offsetByLocalDay, day, () => this.uniformLocalOffsetBetween(day * DAY_MS, DAY_MS));
    if (!Number.isNaN(dayOffset)) return null;
    if (this.instantsAt(localMs).length > 0) return null;
    return this.offsetAt(localMs + DAY_MS) - this.offsetAt(localMs - DAY_MS);
  }

  /** The offset of the instants from `startUtcMs` for `lengthMs`, or MIXED when it changes among them. */
  private uniformOffsetBetween(startUtcMs: number, lengthMs: number): number {
    const offset = this.zone.offset(startUtcMs);
    return this.zone.offset(startUtcMs + lengthMs - 1) === offset ? offset : MIXED;
  }

  /** The offset every wall-clock reading from `startLocalMs` for `lengthMs` resolves with, or MIXED. */
  private uniformLocalOffsetBetween(startLocalMs: number, lengthMs: number): number {
    const first = this.instantsAt(startLocalMs);
    const last = this.instantsAt(startLocalMs + lengthMs - 1);
    if (first.length !== 1 || last.length !== 1) return MIXED;
    const offset = this.offsetAt(first[0]);
    return this.offsetAt(last[0]) === offset ? offset : MIXED;
  }

  private resolveExactly(localMs: number, order: ReadingOrder | undefined): number {
    const instants = this.instantsAt(localMs);
    if (instants.length === 0) return localMs - this.offsetAt(localMs - DAY_MS) * MINUTE_MS;
    const [earlier, later] = instants;
    if (instants.length === 1 || !order) return earlier;
    const previous = order.previousUtcMs;
    switch (order.direction) {
      case 'forward':
        return earlier < previous && later >= previous ? later : earlier;
      case 'backward':
        return later <= previous ? later : earlier;
      case 'unknown':
        return Math.abs(later - previous) < Math.abs(earlier - previous) ? later : earlier;
    }
  }
}

function cached(cache: Map<number, number>, key: number, compute: () => number): number {
  let value = cache.get(key);
  if (value === undefined) {
    value = compute();
    cache.set(key, value);
  }
  return value;
}
