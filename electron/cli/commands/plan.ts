/**
 * `staffwise plan`: the capacity plan (capacity-equation form) projected week by week, or with --optimize the hiring
 * classes chosen by the MIP. The plan JSON is the one the app imports and exports (shared/engine/plan/schema.ts).
 * The optimiser runs in-process here: a CLI run has nothing else to keep responsive.
 */
import { optimiseHiring, parseCapacityPlan, planWarnings, projectPlan, type CapacityPlanInput, type HiringOptimisation, type PlanProjection } from '../../../shared/engine/plan';
import { numberFlag, UsageError, type Command } from '../command';
import { readTextFile, stringFlag, writeFileAtomically } from './files';

const DEFAULT_TIME_LIMIT_SEC = 60;
const WEEK_COLUMNS = ['week', 'requiredFte', 'headcount', 'effectiveFte', 'gap'] as const;

export const planCommand: Command = {
  name: 'plan',
  summary: 'Project a capacity plan week by week (headcount, effective FTE, gap, cost); --optimize chooses the hiring classes',
  usage: 'staffwise plan --input plan.json [--optimize] [--time-limit-sec 60] [--out weeks.csv] [--json]',
  options: {
    input: { type: 'string' },
    optimize: { type: 'boolean' },
    'time-limit-sec': { type: 'string' },
    out: { type: 'string' },
    json: { type: 'boolean' },
  },
  async run(values, ctx) {
    const path = stringFlag(values, 'input');
    const plan = readPlan(path);
    const timeLimitSec = numberFlag(values, 'time-limit-sec') ?? DEFAULT_TIME_LIMIT_SEC;
    if (!(timeLimitSec > 0)) throw new UsageError(`--time-limit-sec must be greater than 0 (got ${timeLimitSec})`);

    const optimised = values.optimize ? await optimiseHiring(plan, { timeLimitSec }) : null;
    if (optimised?.status === 'failed') throw new Error('the hiring optimiser (HiGHS) could not run; the plan without new classes was not optimised');
    const projection = optimised?.projection ?? projectPlan(plan);
    const weeks = projection.weeks.map((w) => ({ week: w.week, requiredFte: round4(w.requiredFte), headcount: round4(w.headcount), effectiveFte: round4(w.effectiveFte), gap: round4(w.gap) }));
    if (typeof values.out === 'string') writeFileAtomically(values.out, [WEEK_COLUMNS.join(','), ...weeks.map((w) => WEEK_COLUMNS.map((c) => w[c]).join(','))]);

    const output = {
      weeks,
      hires: projection.hires,
      totalCost: round2(projection.totalCost),
      cost: roundCost(projection),
      warnings: planWarnings(optimised ? { ...plan, classes: optimised.classes } : plan, projection).map(({ code, severity, message }) => ({ code, severity, message })),
      ...(optimised && optimisationSummary(optimised)),
    };
    if (values.json) {
      ctx.io.out(JSON.stringify(output));
      return;
    }
    printSummary(ctx.io.out, plan, projection, optimised);
    for (const w of output.warnings) ctx.io.out(`${w.severity === 'warning' ? 'Warning' : 'Caution'}: ${w.message}`);
  },
};

export function readPlan(path: string): CapacityPlanInput {
  const text = readTextFile(path, 'input');
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new UsageError(`--input: ${path} is not valid JSON (${(error as Error).message})`);
  }
  const parsed = parseCapacityPlan(json);
  if (!parsed.ok) throw new UsageError(`--input: ${parsed.message}`);
  return parsed.plan;
}

function optimisationSummary(result: HiringOptimisation) {
  return {
    status: result.status,
    bound: result.bound === null ? null : round2(result.bound),
    gap: result.gap,
    seconds: Math.round(result.seconds * 100) / 100,
    explanations: {
      shortWeeks: result.shortWeeks.map((w) => ({ week: w.week, shortfallFte: round4(w.shortfallFte), reason: w.reason, message: w.message })),
      classes: result.classCoverage.map((c) => ({ startWeek: c.startWeek, size: c.size, coversWeeks: c.coversWeeks, message: c.message })),
    },
  };
}

function printSummary(out: (text: string) => void, plan: CapacityPlanInput, projection: PlanProjection, optimised: HiringOptimisation | null): void {
  const shortWeeks = projection.weeks.filter((w) => w.gap < 0);
  const c = projection.cost;
  out(`${plan.weeks} weeks; hires: ${projection.hires.map((h) => `${h.size} in week ${h.startWeek}`).join(', ') || 'none'}`);
  out(`Cost ${money(c.total)} = payroll ${money(c.payroll)} + hiring ${money(c.hiring)} + understaffing ${money(c.understaffing)}`);
  out(`Short weeks: ${shortWeeks.length} (${round2(shortWeeks.reduce((s, w) => s - w.gap, 0))} FTE-weeks)`);
  if (optimised) {
    out(`Optimiser: ${optimised.status}; proven bound ${optimised.bound === null ? 'none' : money(optimised.bound)}; gap ${optimised.gap === null ? '—' : `${(optimised.gap * 100).toFixed(3)}%`}; ${optimised.seconds.toFixed(2)} s`);
    for (const c of optimised.classCoverage) out(`  ${c.message}`);
    for (const w of optimised.shortWeeks.slice(0, 10)) out(`  ${w.message}`);
    if (optimised.shortWeeks.length > 10) out(`  … and ${optimised.shortWeeks.length - 10} more short weeks (see --json)`);
  }
}

const round2 = (n: number) => Math.round(n * 100) / 100;
const round4 = (n: number) => Math.round(n * 10_000) / 10_000;
const money = (n: number) => round2(n).toLocaleString('en-US');

function roundCost(projection: PlanProjection) {
  const c = projection.cost;
  return { payroll: round2(c.payroll), hiring: round2(c.hiring), understaffing: round2(c.understaffing), total: round2(c.total), perContact: round4(c.perContact) };
}
