/**
 * The second core's share of a roster solve: while the main thread runs the column stages (a lower bound and pooled
 * rosters, seconds per pricing round on large teams), a helper thread runs the large-neighbourhood search from the
 * first roster. The two share one incumbent: each sends every better roster it finds, and each continues from the
 * other's when it is better. So the neighbourhood search gets the whole time limit whatever the column stages cost,
 * and the column stages still start from, and feed, the best roster known.
 *
 * Pure TypeScript: the thread itself (worker_threads, message ports) is the caller's, injected as a
 * `RosterHelperStarter` (electron/workers/rosterHelper.ts for Node), so this engine still runs anywhere.
 */
import { getHighs } from '../common/highsRuntime';
import { hasWholeWeights, indexProblem } from './indexedProblem';
import { evaluateCells, type Cells } from './evaluate';
import { neighbourhoodSearch } from './neighbourhoodSearch';
import { seededRandom } from '../../random/seeded';
import { pricingServer, type PricingDesk, type PricingPartner } from './sharedPricing';
import type { RosterProblem } from './types';

/** What a helper thread is given: the problem (as the main thread optimises it) and where to start. */
export type RosterHelperJob = {
  problem: RosterProblem;
  start: Cells;
  /** Wall-clock budget of the helper, counted from its start (threads do not share a clock origin). */
  timeLimitSec: number;
  seed: number;
  /** Most neighbourhood rounds and MIP nodes per round, for runs that must not depend on the clock. */
  neighbourhoodRounds?: number;
  mipNodes?: number;
};

/** The main thread's end of a running helper. */
export type RosterHelper = {
  /** Sends a better roster to the helper. */
  share(cells: Cells): void;
  /** The helper's latest better roster since the last call, if any; never blocks. */
  receive(): Cells | undefined;
  /** Asks the helper to stop and releases it; rosters it sent before are still received. */
  stop(): void;
  /** A pricing queue shared with the helper (sharedPricing.ts), so column generation uses both cores. */
  pricing?: PricingPartner;
};

/** Starts a helper on another thread, or returns undefined when none can run (the solve then uses one thread). */
export type RosterHelperStarter = (job: RosterHelperJob) => RosterHelper | undefined;

/** The helper thread's end: how it talks to the main thread. */
export type RosterHelperLink = {
  share(cells: Cells): void;
  receive(): Cells | undefined;
  shouldStop(): boolean;
  /** The helper's end of the shared pricing queue, served at every checkpoint; none when the caller has none. */
  pricing?: PricingDesk;
};

/**
 * The helper's work, run on its own thread: the neighbourhood search from the job's start until its time limit or
 * Stop, sending each better roster and taking the main thread's better ones, and at each checkpoint pricing its share
 * of any column-generation round the main thread opened. A HiGHS failure ends it quietly (the main thread does not
 * depend on it: it prices what the helper does not).
 */
export async function runRosterHelper(job: RosterHelperJob, link: RosterHelperLink): Promise<{ rounds: number; error?: string }> {
  const indexed = indexProblem(job.problem);
  const deadline = performance.now() + job.timeLimitSec * 1000;
  const serveRound = link.pricing ? pricingServer(indexed, link.pricing) : () => undefined;
  try {
    const highs = await getHighs();
    const outcome = neighbourhoodSearch(highs, indexed, job.start, {
      deadline,
      shouldStop: () => {
        serveRound();
        return link.shouldStop();
      },
      random: seededRandom(job.seed),
      onImproved: (cells) => link.share(cells),
      integralObjective: hasWholeWeights(indexed),
      target: -Infinity,
      maxRounds: job.neighbourhoodRounds,
      nodeLimitPerRound: job.mipNodes,
      incoming: () => {
        // Only rosters that break no rule are ever sent, but a helper must not trust its input blindly.
        const offered = link.receive();
        return offered && offered.length === indexed.employeeCount && evaluateCells(indexed, offered).hardViolations.length === 0 ? offered : undefined;
      },
    });
    return { rounds: outcome.rounds };
  } catch (error) {
    return { rounds: 0, error: error instanceof Error ? error.message : String(error) };
  }
}
