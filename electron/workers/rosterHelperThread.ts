/**
 * The roster solve's helper thread (started by electron/services/rosterHelper.ts): runs the neighbourhood search
 * of shared/engine/roster/helperSearch.ts and trades better rosters with the main thread until its time limit or
 * the stop flag. Built to dist/node/rosterHelperThread.mjs, self-contained like the job worker.
 */
import { workerData } from 'node:worker_threads';
import { runRosterHelper } from '../../shared/engine/roster';
import { latestMessage, pricingDesk, type RosterHelperThreadData } from '../services/rosterHelper';

const { job, port, stopFlag, pricing } = workerData as RosterHelperThreadData;
await runRosterHelper(job, {
  share: (cells) => port.postMessage(cells),
  receive: () => latestMessage<number[][]>(port),
  shouldStop: () => Atomics.load(stopFlag, 0) === 1,
  pricing: pricingDesk(pricing),
});
port.close();
pricing.port.close();
