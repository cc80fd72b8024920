/**
 * One interval of a queue's contact volumes, as the demo generates it, the database stores it and the requirements
 * pipeline reads it. Time is local wall-clock; the UTC offset tells the two 01:30s of a fall-back night apart.
 */

/** `open`: the queue took contacts; `closed`: it could not; `missing`: it was open but the count is unknown. */
export type IntervalStatus = 'open' | 'closed' | 'missing';

export interface QueueInterval {
  /** Local wall-clock start, 'YYYY-MM-DDTHH:mm'. */
  startLocal: string;
  /** Minutes east of UTC at that instant; tells apart the two 01:30s of a fall-back night. */
  utcOffsetMin: number;
  status: IntervalStatus;
  /** Contacts arriving in the interval; null unless open. */
  volume: number | null;
  /** Mean handle time in seconds where known (history with handle times, or a forecast AHT). */
  ahtSec: number | null;
}
