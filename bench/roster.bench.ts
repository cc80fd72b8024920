/**
 * Rostering engine on the Curtois & Qu benchmark instances 1–8: objective and time beside the published best-known
 * values. Target: the best-known value on 1–4, within 5% on 5–8, at most 60 s each
 * (STAFFWISE_BENCH_ROSTER_SEC lowers the limit).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseCurtois } from '../shared/engine/roster/curtois';
import { solveRoster } from '../shared/engine/roster';
import { printTable, sharedDataDir, type Cell } from './table';

const BEST_KNOWN = [607, 828, 1001, 1716, 1143, 1950, 1056, 1300];
const DEFAULT_SECONDS = 60;

export default async function (): Promise<void> {
  const dir = join(sharedDataDir(), 'data', 'curtois');
  if (!existsSync(join(dir, 'Instance1.txt'))) {
    console.log(`\nroster bench skipped: Curtois instances not found in ${dir} (set STAFFWISE_SHARED_DIR)`);
    return;
  }
  const timeLimitSec = Number(process.env.STAFFWISE_BENCH_ROSTER_SEC ?? DEFAULT_SECONDS);
  const rows: Cell[][] = [];
  for (const [i, bestKnown] of BEST_KNOWN.entries()) {
    const problem = parseCurtois(readFileSync(join(dir, `Instance${i + 1}.txt`), 'utf8'));
    const solution = await solveRoster(problem, { timeLimitSec });
    const objective = solution.objective.total;
    const gap = ((objective - bestKnown) / bestKnown) * 100;
    const lowerBound = solution.lowerBound === undefined ? null : Math.ceil(solution.lowerBound - 1e-6);
    rows.push([i + 1, objective, bestKnown, gap.toFixed(2), lowerBound, solution.status, solution.hardViolations.length, solution.seconds.toFixed(1)]);
  }
  const columns = ['instance', 'objective', 'best known', 'gap %', 'lower bound', 'status', 'hard violations', 'seconds'];
  printTable(`Curtois & Qu rostering, instances 1–8 (time limit ${timeLimitSec} s each)`, columns, rows);
}
