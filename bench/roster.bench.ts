/**
 * Rostering engine on the Curtois & Qu benchmark instances 1–8 and 13–19 (../shared/data/curtois): objective beside
 * the published values, hard violations, seconds and the proven lower bound. Target: within 1.05× of the published
 * value at 60 s each (1–8: the optimum; 13–19: the best result at 60 minutes in the published comparison).
 *
 * Then the time limit and Stop: how far past a short limit the solve returns, and how soon after Stop.
 *
 *   npm run bench -- roster [--roster-sec 20] [--roster-instances 1,5,15] [--roster-shuffle 3] [--roster-threads 1] [--roster-days 28] [--roster-runs 5]
 * (or STAFFWISE_BENCH_ROSTER_SEC / _INSTANCES / _SHUFFLE / _RUNS). `--roster-shuffle SEED` lists the employees in a random
 * order (and solves with that seed): the same problem, so the published values still apply, which checks that the
 * result does not hinge on the order the instance happens to be written in. `--roster-days 28` solves the first 28
 * days of each longer instance instead (derived instances like the held-out ones, compared with the proven lower
 * bound); `--roster-threads 1` leaves out the helper thread on the second core, which `staffwise roster` uses;
 * `--roster-runs 5` solves each instance five times (seeds 1–5) and prints the mean with the least and most, since one
 * run of the large instances says little on its own (13 varied from 2233 to 3444 over 27 runs). The
 * machine load (1-minute load average) is printed with the table: on a shared machine the figures are pessimistic.
 */
import { existsSync, readFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { parseCurtois } from '../shared/engine/roster/curtois';
import { solveRoster, type RosterProblem } from '../shared/engine/roster';
import { seededRandom } from '../shared/random/seeded';
import { benchOption, printTable, sharedDataDir, type Cell } from './table';
import { startRosterHelper } from '../electron/services/rosterHelper';

/** Published values (../shared/data/curtois/README.md): the optimum for 1–8; for 13–19 the best at 10 and 60 minutes. */
const PUBLISHED: Record<number, { optimum?: number; at10min?: number; at60min?: number }> = {
  1: { optimum: 607 },
  2: { optimum: 828 },
  3: { optimum: 1001 },
  4: { optimum: 1716 },
  5: { optimum: 1143 },
  6: { optimum: 1950 },
  7: { optimum: 1056 },
  8: { optimum: 1300 },
  13: { at10min: 3109, at60min: 1905 },
  14: { at10min: 1281, at60min: 1279 },
  15: { at10min: 4144, at60min: 3928 },
  16: { at10min: 3253, at60min: 3225 },
  17: { at10min: 5760, at60min: 5750 },
  18: { at10min: 5000, at60min: 4650 },
  19: { at10min: 3809, at60min: 3218 },
};
const DEFAULT_SECONDS = 60;
const TARGET_RATIO = 1.05;
/** The time-limit and Stop checks: a short limit on a large instance, and Stop pressed after a few seconds. */
const LIMIT_CHECK = { instance: 15, limitsSec: [2, 10], stopAfterSec: 5 };


export default async function (): Promise<void> {
  const dir = join(sharedDataDir(), 'data', 'curtois');
  if (!existsSync(join(dir, 'Instance1.txt'))) {
    console.log(
      `\nroster bench skipped: the Curtois instances are not in ${dir}. They live in the shared folder beside the repository ` +
        `(../shared/data/curtois); point STAFFWISE_SHARED_DIR at that shared folder to run this bench.`,
    );
    return;
  }
  const timeLimitSec = Number(benchOption('roster-sec', 'STAFFWISE_BENCH_ROSTER_SEC') ?? DEFAULT_SECONDS);
  if (!(timeLimitSec > 0)) throw new Error(`--roster-sec must be a number of seconds greater than 0, got ${benchOption('roster-sec', 'STAFFWISE_BENCH_ROSTER_SEC')}`);
  const listed = benchOption('roster-instances', 'STAFFWISE_BENCH_ROSTER_INSTANCES');
  const instances = listed ? listed.split(',').map(Number) : Object.keys(PUBLISHED).map(Number);
  const unknown = instances.filter((n) => !PUBLISHED[n]);
  if (unknown.length > 0) throw new Error(`--roster-instances: no published values for instance ${unknown.join(', ')} (known: ${Object.keys(PUBLISHED).join(', ')})`);
  const shuffleOption = benchOption('roster-shuffle', 'STAFFWISE_BENCH_ROSTER_SHUFFLE');
  const shuffleSeed = shuffleOption === undefined ? undefined : Number(shuffleOption);
  if (shuffleSeed !== undefined && !Number.isInteger(shuffleSeed)) throw new Error(`--roster-shuffle must be a whole number (a seed), got ${shuffleOption}`);
  const load = () => loadavg()[0].toFixed(1);
  const loadBefore = load();
  // Read before any solve, so a bad value is refused at once; the derived table below is one run per instance.
  const runs = runCount();
  const daysOption = benchOption('roster-days', 'STAFFWISE_BENCH_ROSTER_DAYS');
  if (daysOption !== undefined) {
    const days = Number(daysOption);
    if (!Number.isInteger(days) || days < 7) throw new Error(`--roster-days must be a whole number of days ≥ 7, got ${daysOption}`);
    await derivedTable(dir, instances, days, timeLimitSec, loadBefore);
    return;
  }

  const rows: Cell[][] = [];
  for (const n of instances) {
    const written = read(dir, n);
    const problem = shuffleSeed === undefined ? written : { ...written, employees: shuffled(written.employees, shuffleSeed) };
    const { optimum, at10min, at60min } = PUBLISHED[n];
    const published = optimum ?? at60min!;
    const solutions = [];
    for (let run = 0; run < runs; run++) {
      // Runs differ by seed (the heuristic's random choices) and by the clock; the first run uses the usual seed.
      const seed = (shuffleSeed ?? 1) + run;
      const solution = await solveRoster(problem, { timeLimitSec, seed, startHelper: helperOption() });
      solutions.push(solution);
      // One line per run as it finishes, so a long run shows progress before the table.
      const objective = solution.objective.total;
      console.log(`instance ${n}${runs > 1 ? ` run ${run + 1} (seed ${seed})` : ''}: ${objective} (${(objective / published).toFixed(3)}× ${published}), ${solution.hardViolations.length} hard violations, ${solution.seconds.toFixed(1)} s`);
    }
    const objectives = solutions.map((solution) => solution.objective.total);
    const mean = objectives.reduce((sum, objective) => sum + objective, 0) / runs;
    const ratio = mean / published;
    const best = solutions[objectives.indexOf(Math.min(...objectives))];
    const bounds = solutions.flatMap((solution) => (solution.lowerBound === undefined ? [] : [Math.ceil(solution.lowerBound - 1e-6)]));
    rows.push([
      n,
      `${problem.days} d × ${problem.shiftTypes.length} shifts × ${problem.employees.length} staff`,
      runs > 1 ? `${Math.round(mean)} (${Math.min(...objectives)}–${Math.max(...objectives)})` : mean,
      published,
      ratio.toFixed(3),
      at10min === undefined ? null : (mean / at10min).toFixed(3),
      ratio <= TARGET_RATIO ? 'yes' : 'NO',
      Math.max(...solutions.map((solution) => solution.hardViolations.length)),
      Math.max(...solutions.map((solution) => solution.seconds)).toFixed(1),
      bounds.length > 0 ? Math.max(...bounds) : null,
      best.status,
    ]);
  }
  printTable(
    `Curtois & Qu rostering at ${timeLimitSec} s each${runs > 1 ? `, ${runs} runs per instance (objective: mean (least–most); ratios of the mean; the most hard violations and seconds of any run; status of the best run)` : ''}${shuffleSeed === undefined ? '' : `, employees shuffled (seed ${shuffleSeed})`} (target: ≤ ${TARGET_RATIO}× the published value, 0 hard violations), ${threadCount()} threads. ` +
      `Load average ${loadBefore} → ${load()} on ${cpus().length} cores`,
    ['instance', 'size', 'objective', 'published (1–8 optimum, 13–19 best at 60 min)', 'ratio', 'ratio to best at 10 min', 'within target', 'hard violations', 'seconds', 'lower bound', 'status'],
    rows,
  );

  await timeLimitTable(dir);
}

/**
 * Instances that are not published, for a check of generality: the first `days` days of each instance (the held-out
 * instances of the family have 28 days). No published value applies, so the roster is compared with the lower bound
 * the solve proves; the per-employee limits over the horizon are scaled to the shorter one (see firstDays).
 */
async function derivedTable(dir: string, instances: number[], days: number, timeLimitSec: number, loadBefore: string): Promise<void> {
  const rows: Cell[][] = [];
  for (const n of instances) {
    const full = read(dir, n);
    if (full.days <= days) continue;
    const problem = firstDays(full, days);
    const solution = await solveRoster(problem, { timeLimitSec, startHelper: helperOption() });
    const objective = solution.objective.total;
    const lowerBound = solution.lowerBound === undefined ? null : Math.ceil(solution.lowerBound - 1e-6);
    const ratio = lowerBound && lowerBound > 0 ? (objective / lowerBound).toFixed(3) : null;
    console.log(`instance ${n}, first ${days} days: ${objective} (lower bound ${lowerBound ?? 'none'}), ${solution.hardViolations.length} hard violations, ${solution.seconds.toFixed(1)} s`);
    rows.push([n, `${days} d × ${problem.shiftTypes.length} shifts × ${problem.employees.length} staff`, objective, lowerBound, ratio, solution.hardViolations.length, solution.seconds.toFixed(1), solution.status]);
  }
  printTable(
    `Derived instances: the first ${days} days of each, ${timeLimitSec} s each (no published values; ratio to the lower bound the solve proved). ` +
      `Load average ${loadBefore} → ${loadavg()[0].toFixed(1)} on ${cpus().length} cores`,
    ['instance', 'size', 'objective', 'lower bound', 'ratio to bound', 'hard violations', 'seconds', 'status'],
    rows,
  );
}

/**
 * The first `days` days of an instance. Limits over the whole horizon shrink in proportion (rounded up); the minimum
 * minutes also drop by two longest shifts, so that an employee whose limits were tight still has a legal roster.
 */
function firstDays(problem: RosterProblem, days: number): RosterProblem {
  const share = days / problem.days;
  const longestShift = Math.max(...problem.shiftTypes.map((shift) => shift.minutes));
  const before = <T extends { day: number }>(items: T[]) => items.filter((item) => item.day < days);
  return {
    ...problem,
    days,
    employees: problem.employees.map((employee) => ({
      ...employee,
      maxShifts: Object.fromEntries(Object.entries(employee.maxShifts).map(([shift, limit]) => [shift, Math.ceil(limit * share)])),
      maxTotalMinutes: Math.ceil(employee.maxTotalMinutes * share),
      minTotalMinutes: Math.max(0, Math.floor(employee.minTotalMinutes * share) - 2 * longestShift),
      maxWeekends: Math.ceil(employee.maxWeekends * share),
      daysOff: employee.daysOff.filter((day) => day < days),
      fixed: employee.fixed && before(employee.fixed),
    })),
    shiftOnRequests: before(problem.shiftOnRequests),
    shiftOffRequests: before(problem.shiftOffRequests),
    cover: before(problem.cover),
  };
}

/** A result by the limit every time, and the best so far on Stop: seconds past the limit, and from Stop to the result. */
async function timeLimitTable(dir: string): Promise<void> {
  const problem = read(dir, LIMIT_CHECK.instance);
  const rows: Cell[][] = [];
  for (const limitSec of LIMIT_CHECK.limitsSec) {
    const solution = await solveRoster(problem, { timeLimitSec: limitSec, startHelper: helperOption() });
    rows.push([`time limit ${limitSec} s`, solution.seconds.toFixed(2), (solution.seconds - limitSec).toFixed(2), solution.objective.total, solution.hardViolations.length]);
  }
  let stopPressedAt = Infinity;
  const started = performance.now();
  const stopped = await solveRoster(problem, {
    timeLimitSec: DEFAULT_SECONDS,
    startHelper: helperOption(),
    shouldCancel: () => {
      if (performance.now() - started < LIMIT_CHECK.stopAfterSec * 1000) return false;
      stopPressedAt = Math.min(stopPressedAt, performance.now());
      return true;
    },
  });
  const stopLatencySec = (performance.now() - stopPressedAt) / 1000;
  rows.push([`Stop after ${LIMIT_CHECK.stopAfterSec} s`, stopped.seconds.toFixed(2), `${stopLatencySec.toFixed(2)} after Stop`, stopped.objective.total, stopped.hardViolations.length]);
  printTable(`Time limit and Stop on instance ${LIMIT_CHECK.instance} (load average ${loadavg()[0].toFixed(1)})`, ['run', 'seconds', 'seconds past limit', 'objective', 'hard violations'], rows);
}

/**
 * Two threads by default, as `staffwise roster` solves (the roster service passes the helper); `--roster-threads 1`
 * measures the main thread alone.
 */
function helperOption() {
  return threadCount() === 2 ? startRosterHelper : undefined;
}

/** Solves per instance (`--roster-runs N`, seeds 1 … N): a single run of the large instances varies by ±10–20%. */
function runCount(): number {
  const option = benchOption('roster-runs', 'STAFFWISE_BENCH_ROSTER_RUNS') ?? '1';
  const runs = Number(option);
  if (!Number.isInteger(runs) || runs < 1) throw new Error(`--roster-runs must be a whole number of runs ≥ 1, got ${option}`);
  return runs;
}

function threadCount(): 1 | 2 {
  const threads = benchOption('roster-threads', 'STAFFWISE_BENCH_ROSTER_THREADS') ?? '2';
  if (threads !== '1' && threads !== '2') throw new Error(`--roster-threads must be 1 or 2, got ${threads}`);
  return threads === '2' ? 2 : 1;
}

function read(dir: string, n: number): RosterProblem {
  return parseCurtois(readFileSync(join(dir, `Instance${n}.txt`), 'utf8'));
}

function shuffled<T>(items: T[], seed: number): T[] {
  return seededRandom(seed).sample(items.length, items.length).map((i) => items[i]);
}
