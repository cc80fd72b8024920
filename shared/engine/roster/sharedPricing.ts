/**
 * A column-generation round priced on both cores. Pricing (one dynamic programme per employee) is most of a round:
 * 79% on instance 19, 1–2.5 s a round over tens of rounds. The main thread opens a round, and it and the helper
 * thread (helperSearch.ts) take the round's employees from one queue until none is left: the helper at its next
 * checkpoint (between HiGHS nodes, or between employees of a descent; measured on instances 13, 15 and 19: half of
 * the gaps under 1.2 ms, nine in ten under 27 ms), so it joins soon and a round is not held up when it does not.
 * Employees the helper took but did not report in time are priced again by the main thread.
 *
 * The results are read in queue order whoever priced them, so the column pool, and so the LP and the roster, are
 * the same as with one thread. Pure TypeScript: the queue and the messages are the caller's (shared memory and a
 * message port in electron/services/rosterHelper.ts).
 */
import { priceRostersUntil, type FoundRosters } from './employeeDp';
import type { IndexedProblem } from './indexedProblem';

/** What the helper needs to price its share of a round. */
export type PricingRound = {
  /** Numbers the rounds, so that a late helper does not price an old one. */
  id: number;
  /** One cost per employee and day and shift type (what a roster pays for working that cell), in queue order. */
  cellCosts: number[][][];
  /** The employees to price, in queue order, each with the cost their roster must stay below. */
  employees: { employee: number; costBelow: number }[];
  /** Locked cells of the problem as pricing sees it (a dive's locks), per employee; null: the problem's own. */
  locked: number[][] | null;
  rostersPerEmployee: number;
  /** When the round must end, in epoch milliseconds (Date.now: threads do not share performance.now's origin). */
  endsAt: number;
};

/** One queue position's result; null when the helper's clock ran out first (the round is then cut short). */
export type PricedPosition = { position: number; found: FoundRosters | null };

/** The main thread's end of the shared queue (RosterHelper.pricing). */
export type PricingPartner = {
  /** Opens a round: from now on the helper may take its employees. */
  open(round: PricingRound): void;
  /** Takes the next queue position for this thread, or undefined when every position is taken. */
  claim(roundId: number): number | undefined;
  /**
   * The helper's results for the round that arrived, after waiting up to `waitMs` for one when none had; null when
   * the helper is gone (stopped, failed), so that nothing more will come.
   */
  receive(roundId: number, waitMs: number): PricedPosition[] | null;
};

/** The helper's end of the shared queue. */
export type PricingDesk = {
  /** The round opened since the last call, if there is one the helper has not seen. */
  pending(): PricingRound | undefined;
  claim(roundId: number): number | undefined;
  post(roundId: number, result: PricedPosition): void;
};

/** The rosters for one queue position, on whichever thread takes it. */
export function priceQueuePosition(indexed: IndexedProblem, round: PricingRound, position: number, deadline: number): FoundRosters | null {
  const { employee, costBelow } = round.employees[position];
  const problem = round.locked ? { ...indexed, locked: round.locked } : indexed;
  return priceRostersUntil(problem, employee, round.cellCosts[position], round.rostersPerEmployee, costBelow, deadline);
}

/** The helper's side: a function for its checkpoints that prices positions of the pending round, if any, until the queue is empty. */
export function pricingServer(indexed: IndexedProblem, desk: PricingDesk): () => void {
  return () => {
    const round = desk.pending();
    if (!round) return;
    const deadline = performance.now() + (round.endsAt - Date.now());
    for (let position = desk.claim(round.id); position !== undefined; position = desk.claim(round.id)) {
      desk.post(round.id, { position, found: priceQueuePosition(indexed, round, position, deadline) });
    }
  };
}
