/**
 * `staffwise scenario`: the plan (as `staffwise plan` reads it) against the same plan with changes and presets,
 * side by side; --simulate N adds Monte Carlo ranges of the scenario. Changes use the one-line syntax of
 * shared/engine/scenario/changeSyntax.ts. Rates are fractions except where a "%" is typed.
 */
import type { CapacityPlanInput } from '../../../shared/engine/plan';
import {
  applyScenario,
  compareScenarios,
  parseChangeSpec,
  presetById,
  presetChange,
  queueNames,
  quantifyResponse,
  runScenario,
  ScenarioInputError,
  simulatePlan,
  type ScenarioChange,
  type ScenarioResult,
  type WeekBand,
} from '../../../shared/engine/scenario';
import { numberFlag, UsageError, type Command } from '../command';
import { readTextFile, stringFlag } from './files';
import { readPlan } from './plan';

export const scenarioCommand: Command = {
  name: 'scenario',
  summary: 'The plan and a what-if side by side: changes over date or week ranges, planning-table presets, Monte Carlo ranges',
  usage:
    'staffwise scenario --plan plan.json --change "volume:+300%:2027-03-01..2027-03-02[:queue]" … [--preset outage:2027-03-01[:days]] [--simulate N] [--seed S] [--json]',
  options: {
    plan: { type: 'string' },
    change: { type: 'string', multiple: true },
    preset: { type: 'string', multiple: true },
    simulate: { type: 'string' },
    seed: { type: 'string' },
    json: { type: 'boolean' },
  },
  async run(values, ctx) {
    const path = stringFlag(values, 'plan');
    const plan = readPlan(path);
    if (!plan.startWeek) failNoStart(path);
    const specs = (values.change as unknown as string[] | undefined) ?? [];
    const presets = (values.preset as unknown as string[] | undefined) ?? [];
    if (specs.length === 0 && presets.length === 0) throw new UsageError('give at least one --change or --preset');
    const changes: ScenarioChange[] = [];
    const presetChanges: { id: string; response: string; change: ScenarioChange }[] = [];
    try {
      const names = queueNames(plan);
      for (const spec of specs) {
        const change = parseChangeSpec(spec, changes.length);
        const unknown = change.queues?.find((name) => !names.includes(name));
        if (unknown) throw new ScenarioInputError('change', `change "${spec}": no queue "${unknown}" in the plan (queues: ${names.join(', ')})`);
        changes.push(change);
      }
      for (const text of presets) {
        const [id, start, days] = text.split(':');
        if (!id || !start || !/^\d{4}-\d{2}-\d{2}$/.test(start)) throw new ScenarioInputError('preset', `preset "${text}": expected <preset>:<YYYY-MM-DD>[:days]`);
        if (days !== undefined && !/^\d+$/.test(days)) throw new ScenarioInputError('preset', `preset "${text}": days must be a whole number`);
        const change = presetChange(id, start, days ? { days: Number(days) } : {});
        changes.push(change);
        presetChanges.push({ id, response: presetById(id).response, change });
      }
    } catch (error) {
      if (error instanceof ScenarioInputError) throw new UsageError(error.message);
      throw error;
    }
    const runs = numberFlag(values, 'simulate');
    if (runs !== undefined && (!Number.isInteger(runs) || runs < 1 || runs > 100_000)) throw new UsageError(`--simulate must be a whole number of runs from 1 to 100000 (got ${runs})`);
    const seed = numberFlag(values, 'seed') ?? 1;

    let baseline: ScenarioResult;
    let scenario: ScenarioResult;
    try {
      baseline = runScenario(plan);
      scenario = runScenario(plan, changes);
    } catch (error) {
      if (error instanceof ScenarioInputError) throw new UsageError(error.message);
      throw error;
    }
    const [comparison] = compareScenarios(baseline, [{ name: 'scenario', result: scenario }]);
    const responses = presetChanges.map(({ id, response, change }) => ({ preset: id, change, ...roundDeep(quantifyResponse(plan, change, baseline, scenario, response)) }));
    const simulation = runs === undefined ? undefined : simulateScenario(plan, changes, readBands(path, plan), runs, seed);

    if (values.json) {
      ctx.io.out(
        JSON.stringify({
          baseline: shape(baseline),
          scenario: { ...shape(scenario), changes, notes: scenario.notes },
          comparison: roundDeep(comparison.totals),
          ...(responses.length ? { responses } : {}),
          ...(simulation ? { simulation } : {}),
        }),
      );
      return;
    }
    printSideBySide(ctx.io.out, baseline, scenario);
    const t = comparison.totals;
    ctx.io.out(`Cost ${money(baseline.totalCost)} → ${money(scenario.totalCost)} (${signed(t.costDelta)}); cost per contact ${baseline.cost.perContact.toFixed(4)} → ${scenario.cost.perContact.toFixed(4)}`);
    ctx.io.out(`Short FTE-weeks ${round2(baseline.weeks.reduce((s, w) => s + Math.max(0, -w.gap), 0))} → ${round2(t.shortFteWeeks)}; hires ${t.hires - t.hiresDelta} → ${t.hires}; overtime ${round2(t.overtimeHours)} agent-hours`);
    for (const note of scenario.notes) ctx.io.out(`Note: ${note}`);
    for (const r of responses) {
      ctx.io.out(
        `${r.preset} (${r.response}): overtime ${r.overtimeHoursNeeded} agent-hours (${r.overtimeHoursPerAgent} per agent), ${r.extraTemporaryAgents} temporary agents on the shock days, ` +
          `postpone ${r.deferrable.postponeHours} h of deferrable work${r.deferrable.clearsOn ? `, cleared by ${r.deferrable.clearsOn}` : r.deferrable.postponeHours > 0 ? ', not cleared within the plan' : ''}`,
      );
    }
    if (simulation) {
      ctx.io.out(`Monte Carlo (${simulation.method})`);
      ctx.io.out('week  gap P10   gap P50   gap P90   P(meet target)');
      for (const w of simulation.weeks) ctx.io.out(`${String(w.week).padStart(4)}  ${pad(w.gap.p10)}  ${pad(w.gap.p50)}  ${pad(w.gap.p90)}  ${(w.pMeetTarget * 100).toFixed(0)}%`);
      ctx.io.out(simulation.hireUpTo.explanation);
    }
  },
};

function failNoStart(path: string): never {
  throw new UsageError(`--plan: ${path} needs a startWeek (a Monday) so change dates can be placed in weeks`);
}

/** Optional forecast bands in the plan JSON: lo95/lo80/hi80/hi95 on a week's demand (volumes). */
function readBands(path: string, plan: CapacityPlanInput): (WeekBand | null)[][] {
  const raw = JSON.parse(readTextFile(path, 'plan')) as { demand?: unknown[]; queues?: { demand?: unknown[] }[] };
  const pools = plan.queues?.length ? (raw.queues ?? []).map((q) => q.demand ?? []) : [raw.demand ?? []];
  return pools.map((pool, q) =>
    pool.map((entry, w) => {
      const e = entry as Partial<WeekBand>;
      const fields = [e.lo95, e.lo80, e.hi80, e.hi95];
      if (fields.every((f) => f === undefined)) return null;
      if (!fields.every((f) => typeof f === 'number' && Number.isFinite(f))) throw new UsageError(`--plan: ${plan.queues?.length ? `queues[${q}].` : ''}demand[${w}] needs all of lo95, lo80, hi80, hi95 as numbers for its band`);
      return e as WeekBand;
    }),
  );
}

function simulateScenario(plan: CapacityPlanInput, changes: ScenarioChange[], bands: (WeekBand | null)[][], runs: number, seed: number) {
  const applied = applyScenario(plan, changes);
  // Bands are relative to the baseline forecast; a volume change moves them with the forecast.
  const pools = applied.plan.queues?.length ? applied.plan.queues.map((q) => q.demand) : [applied.plan.demand];
  const basePools = plan.queues?.length ? plan.queues.map((q) => q.demand) : [plan.demand];
  const scaled = bands.map((pool, q) =>
    pool.map((band, w) => {
      if (!band) return null;
      const ratio = basePools[q][w].volume > 0 ? pools[q][w].volume / basePools[q][w].volume : 1;
      return { lo95: band.lo95 * ratio, lo80: band.lo80 * ratio, hi80: band.hi80 * ratio, hi95: band.hi95 * ratio };
    }),
  );
  try {
    const result = simulatePlan({ plan: applied.plan, overtimeHoursPerHead: applied.overtimeHoursPerHead, bands: scaled, attrition: 'binomial', runs, seed });
    return roundDeep({
      runs: result.runs,
      seed: result.seed,
      method: result.method,
      weeks: result.weeks.map((w) => ({ week: w.week, gap: w.gap, requiredFte: w.requiredFte, pMeetTarget: w.pMeetTarget, shortfallP90: w.shortfallP90 })),
      hireUpTo: result.hireUpTo,
    });
  } catch (error) {
    if (error instanceof ScenarioInputError) throw new UsageError(`--plan: ${error.message}`);
    throw error;
  }
}

/** The same `weeks` / `hires` / `totalCost` fields as `staffwise plan`, plus overtime and the cost split. */
function shape(result: ScenarioResult) {
  return {
    weeks: result.weeks.map((w) => ({
      week: w.week,
      requiredFte: round4(w.requiredFte),
      headcount: round4(w.headcount),
      effectiveFte: round4(w.effectiveFte),
      gap: round4(w.gap),
      overtimeHours: round4(w.overtimeHours),
      volume: round4(w.volume),
    })),
    hires: result.hires,
    totalCost: round2(result.totalCost),
    cost: roundDeep(result.cost),
    overtimeHours: round4(result.overtimeHours),
  };
}

function printSideBySide(out: (text: string) => void, baseline: ScenarioResult, scenario: ScenarioResult): void {
  out('week  start       required FTE (base → scenario)   gap FTE (base → scenario)   Δ gap    overtime h');
  scenario.weeks.forEach((w, i) => {
    const b = baseline.weeks[i];
    out(`${String(w.week).padStart(4)}  ${w.weekStart ?? ''}  ${pad(b.requiredFte)} → ${pad(w.requiredFte)}        ${pad(b.gap)} → ${pad(w.gap)}     ${pad(w.gap - b.gap)}  ${pad(w.overtimeHours)}`);
  });
}

const round2 = (n: number) => Math.round(n * 100) / 100;
const round4 = (n: number) => Math.round(n * 10_000) / 10_000;
const pad = (n: number) => n.toFixed(2).padStart(8);
const money = (n: number) => round2(n).toLocaleString('en-US');
const signed = (n: number) => `${n >= 0 ? '+' : ''}${money(n)}`;

/** Rounds every number in a JSON-like value to 4 decimals (the CLI prints figures, not floating-point noise). */
function roundDeep<T>(value: T): T {
  if (typeof value === 'number') return (Number.isFinite(value) ? round4(value) : value) as T;
  if (Array.isArray(value)) return value.map(roundDeep) as T;
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, roundDeep(v)])) as T;
  return value;
}
