import { callApi, numberFlag, type Command } from '../command';
import { readTextFile, stringFlag, writeFileAtomically } from './files';

export const rosterCommand: Command = {
  name: 'roster',
  summary: 'Solve a Curtois & Qu rostering benchmark instance with the rostering engine',
  usage: 'staffwise roster --curtois Instance1.txt [--time-limit-sec 60] [--out roster.csv] [--json]',
  options: { curtois: { type: 'string' }, 'time-limit-sec': { type: 'string' }, out: { type: 'string' }, json: { type: 'boolean' } },
  async run(values, ctx) {
    const path = stringFlag(values, 'curtois');
    const text = readTextFile(path, 'curtois');
    const timeLimitSec = numberFlag(values, 'time-limit-sec') ?? 60;
    const solution = await callApi(ctx, 'roster.curtois', { text, timeLimitSec }, { timeLimitSec: 'time-limit-sec', text: 'curtois' });
    if (typeof values.out === 'string') writeFileAtomically(values.out, solution.csv.trimEnd().split('\n'));
    const summary = {
      objective: solution.objective.total,
      hardViolations: solution.hardViolations.length,
      seconds: Math.round(solution.seconds * 100) / 100,
      status: solution.status,
      lowerBound: solution.lowerBound,
      breakdown: { requests: solution.objective.requests, under: solution.objective.under, over: solution.objective.over },
      ...(solution.solverNote && { note: solution.solverNote }),
    };
    if (values.json) {
      ctx.io.out(JSON.stringify(summary));
      return;
    }
    ctx.io.out(`Objective ${summary.objective} (requests ${summary.breakdown.requests}, under-cover ${summary.breakdown.under}, over-cover ${summary.breakdown.over})`);
    // The LP bound is fractional (3393.934…): shown to a tenth, rounded down so that it stays a bound (--json keeps it all).
    const bound = summary.lowerBound === undefined ? '' : `; lower bound ${Math.floor(summary.lowerBound * 10 + 1e-9) / 10}`;
    ctx.io.out(`Hard violations: ${summary.hardViolations}; status ${summary.status}${bound}; ${summary.seconds} s`);
    if (summary.note) ctx.io.out(`Note: ${summary.note}`);
    for (const v of solution.hardViolations.slice(0, 10)) ctx.io.out(`  ${v.message}`);
  },
};
