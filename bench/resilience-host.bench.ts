/**
 * `npm run bench -- resilience`: the browser host's probes (bench/resilienceHost.ts), one row per trial. Crashes
 * and 5xx must be zero. Takes about half a minute, most of it waiting out the header timeout of stalled sockets.
 */
import { existsSync } from 'node:fs';
import { WEB_ENTRY } from '../test/helpers/hostProcess';
import { hostTrials } from './resilienceHost';
import { printTable, type Cell } from './table';

export default async function resilienceHost(): Promise<void> {
  if (!existsSync(WEB_ENTRY)) {
    console.log(`\nBrowser host resilience: skipped, ${WEB_ENTRY} is missing (run "npm run build" first).`);
    return;
  }
  const rows: Cell[][] = [];
  for (const trial of hostTrials) {
    const started = Date.now();
    const outcome = await trial.run();
    rows.push([trial.name, outcome.trials, outcome.requests, outcome.crashes, outcome.serverErrors, ((Date.now() - started) / 1000).toFixed(1), outcome.note]);
  }
  printTable('Browser host under hostile input (crashes and 5xx must be 0)', ['probe', 'trials', 'requests', 'crashes', '5xx', 'seconds', 'checked'], rows);
}
