/**
 * Scenario targets (issue 11):
 * - 10 scenarios × 78 weeks × 20 queues (10 live with service-level estimates, 10 deferred) recomputed in under 200 ms;
 * - 1,000 Monte Carlo runs of a 52-week plan (binomial attrition, forecast bands on every queue) in under 2 s.
 */
import type { CapacityPlanInput, PlanQueue } from '../shared/engine/plan';
import { compareScenarios, runScenario, simulatePlan, type ScenarioChange, type ScenarioSettings } from '../shared/engine/scenario';
import { printTable } from './table';

const REPEATS = 5;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function benchPlan(weeks: number, queueCount: number): { plan: CapacityPlanInput; settings: ScenarioSettings } {
  const queues: PlanQueue[] = Array.from({ length: queueCount }, (_, q) => {
    const live = q % 2 === 0;
    return {
      name: `Q${q + 1}`,
      kind: live ? 'live' : 'deferred',
      demand: Array.from({ length: weeks }, (_, w) => {
        const volume = 2000 + 400 * Math.sin((2 * Math.PI * w) / 52) + 50 * q;
        return live ? { volume, ahtSec: 300, requiredFte: (volume * 300) / 3600 / (40 * 0.8) / 0.7 * 1.1 } : { volume, ahtSec: 420 };
      }),
    };
  });
  const settings: ScenarioSettings = {
    liveTargets: Object.fromEntries(queues.filter((q) => q.kind === 'live').map((q) => [q.name, { serviceLevel: 0.8, answerSec: 20, openHoursPerWeek: 60 }])),
  };
  return {
    settings,
    plan: {
      startWeek: '2027-01-04',
      weeks,
      hoursPerFte: 40,
      occupancy: 0.8,
      shrinkage: 0.3,
      demand: [],
      queues,
      headcount: 420,
      attrition: { tenuredMonthly: 0.03, newHireMonthly: 0.06 },
      ramp: [0, 0, 0.25, 0.5, 0.75, 0.75, 1, 1],
      classes: Array.from({ length: Math.floor(weeks / 8) }, (_, i) => ({ startWeek: 4 + i * 8, size: 12 })),
      hiring: { leadTimeWeeks: 8, cadenceWeeks: 4, minClassSize: 5, maxClassSize: 25 },
      costs: { weeklyCostPerHead: 1100, hireCost: 6000, understaffPerFteWeek: 4000 },
    },
  };
}

function scenarioChanges(i: number): ScenarioChange[] {
  return [
    { kind: 'volume', value: 0.1 * (i + 1), from: '2027-03-01', to: '2027-03-02' },
    { kind: 'volume', value: 0.5, fromWeek: 10 + i, toWeek: 17 + i },
    { kind: 'aht', value: 0.05, fromWeek: 20, toWeek: 40 },
    { kind: 'attrition', value: 0.01, fromWeek: 30, toWeek: 60 },
    { kind: 'hiringFreeze', fromWeek: 40, toWeek: 50 },
    { kind: 'serviceTarget', value: 0.9, fromWeek: 5, toWeek: 8, queues: ['Q1', 'Q3'] },
    { kind: 'overtime', value: 4, fromWeek: 10, toWeek: 20 },
  ];
}

export default function run(): void {
  const { plan, settings } = benchPlan(78, 20);
  const recompute = () => {
    const baseline = runScenario(plan, [], settings);
    const results = Array.from({ length: 10 }, (_, i) => runScenario(plan, scenarioChanges(i), settings));
    compareScenarios(baseline, results.slice(0, 4).map((result, i) => ({ name: `S${i + 1}`, result })));
  };
  recompute();
  const times = Array.from({ length: REPEATS }, () => {
    const start = performance.now();
    recompute();
    return performance.now() - start;
  });
  const recomputeMs = median(times);

  const sim52 = benchPlan(52, 20);
  const bands = sim52.plan.queues!.map((q) => q.demand.map((d, w) => {
    const rel = 0.04 * Math.sqrt(1 + w / 4);
    return { lo95: d.volume * (1 - 1.96 * rel), lo80: d.volume * (1 - 1.28 * rel), hi80: d.volume * (1 + 1.28 * rel), hi95: d.volume * (1 + 1.96 * rel) };
  }));
  const simulate = () => simulatePlan({ plan: sim52.plan, bands, attrition: 'binomial', runs: 1000, seed: 1 });
  simulate();
  const simTimes = Array.from({ length: 3 }, () => {
    const start = performance.now();
    simulate();
    return performance.now() - start;
  });
  const simulateMs = median(simTimes);

  printTable('Scenarios (issue 11): median of repeated runs after a warm-up', ['case', 'ms', 'target ms', 'ok'], [
    ['10 scenarios × 78 weeks × 20 queues recomputed (+ baseline, 4-way comparison)', recomputeMs, 200, recomputeMs < 200],
    ['1,000 Monte Carlo runs, 52 weeks × 20 queues, bands + binomial attrition', simulateMs, 2000, simulateMs < 2000],
  ]);
}
