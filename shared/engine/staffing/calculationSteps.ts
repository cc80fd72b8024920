/**
 * The worked calculation behind a staffing result, one line per intermediate value with the formula and the
 * numbers substituted, so a planner can redo it on a calculator (Erlang C) or at least follow it (Erlang A).
 */
import type { CalculationStep } from '../common';
import { erlangABreakdown } from './erlangA';
import { erlangB } from './erlangB';
import { formatNumber as f } from './formatNumber';
import type { LiveQueue } from './liveQueue';
import type { QueueMetrics } from './queueMetrics';
import type { AgentRequirement, StaffingTargets, TargetName } from './solvers';
import type { StaffingInput } from './staffingInput';

export interface StepsContext {
  input: StaffingInput;
  queue: LiveQueue;
  agents: number;
  metrics: QueueMetrics;
  solved?: AgentRequirement;
  targets: StaffingTargets;
  agentsWithShrinkage: number;
}

export function calculationSteps(context: StepsContext): CalculationStep[] {
  const steps = [...loadSteps(context), ...agentSteps(context)];
  const patienceSec = context.input.patienceSec;
  if (context.queue.traffic > 0 && context.agents > 0) {
    steps.push(...(patienceSec === undefined ? erlangCSteps(context) : erlangASteps(context, patienceSec)));
  }
  if (context.input.shrinkage !== undefined) steps.push(shrinkageStep(context));
  return steps;
}

function loadSteps({ input, queue }: StepsContext): CalculationStep[] {
  const steps: CalculationStep[] = [];
  const slotted = queue.holdSec !== input.ahtSec;
  if (slotted) {
    steps.push({
      label: 'Chat slot handle time',
      formula: `AHT ÷ concurrency efficiency = ${f(input.ahtSec)} ÷ ${f(input.concurrencyEfficiency ?? 1)}`,
      value: queue.holdSec,
      unit: 's',
    });
  }
  const handle = slotted ? 'slot handle time' : 'AHT';
  steps.push({
    label: 'Traffic intensity',
    formula: `A = calls × ${handle} ÷ interval = ${f(input.callsPerInterval)} × ${f(queue.holdSec)} ÷ ${f(input.intervalMin * 60)}`,
    value: queue.traffic,
    unit: 'Erlangs',
  });
  return steps;
}

/** How each target set on the calculation reads in a formula. */
function targetTexts(t: StaffingTargets): Partial<Record<TargetName, string>> {
  return {
    ...(t.serviceLevel !== undefined && { serviceLevel: `SL ≥ ${f(t.serviceLevel * 100)}% in ${f(t.answerSec)} s` }),
    ...(t.maxAsaSec !== undefined && { asa: `ASA ≤ ${f(t.maxAsaSec)} s` }),
    ...(t.maxOccupancy !== undefined && { occupancy: `occupancy ≤ ${f(t.maxOccupancy * 100)}%` }),
    ...(t.maxAbandon !== undefined && { abandonment: `abandonment ≤ ${f(t.maxAbandon * 100)}%` }),
  };
}

function agentSteps({ queue, agents, solved, targets }: StepsContext): CalculationStep[] {
  const steps: CalculationStep[] = [];
  if (solved) {
    const texts = targetTexts(targets);
    steps.push({
      label: 'Agents required',
      formula: `smallest whole number of agents with ${Object.values(texts).join(' and ')}`,
      value: agents,
      unit: 'agents',
    });
    if (solved.limitingTarget) {
      steps.push({
        label: 'Agents required (exact)',
        formula: `where ${texts[solved.limitingTarget]} is met exactly, interpolating between ${agents - 1} and ${agents} agents`,
        value: solved.agentsExact,
        unit: 'agents',
      });
    }
  } else {
    steps.push({ label: 'Agents', formula: 'as given', value: agents, unit: 'agents' });
  }
  if (queue.serversPerAgent > 1) {
    steps.push({
      label: 'Chat slots',
      formula: `N = agents × concurrency = ${agents} × ${queue.serversPerAgent}`,
      value: agents * queue.serversPerAgent,
      unit: 'slots',
    });
  }
  return steps;
}

function blockingStep(servers: number, blocking: number): CalculationStep {
  return {
    label: 'Erlang B (all servers busy, no queue)',
    formula: `B(N, A): B(0) = 1, B(k) = A·B(k−1) ÷ (k + A·B(k−1)) for k = 1…${servers}`,
    value: blocking,
    unit: 'probability',
  };
}

function erlangCSteps({ input, queue, agents, metrics }: StepsContext): CalculationStep[] {
  const n = agents * queue.serversPerAgent;
  const a = queue.traffic;
  const aht = queue.holdSec;
  const blocking = erlangB(n, a);
  if (!metrics.stable) {
    return [
      blockingStep(n, blocking),
      {
        label: 'Queue stability',
        formula: `N − A = ${f(n)} − ${f(a)} ≤ 0: work arrives faster than ${f(n)} servers finish it, so the queue grows without bound`,
        value: n - a,
        unit: 'servers',
      },
      { label: 'Service level', formula: 'no caller is answered within a fixed time once the queue runs away', value: 0, unit: 'share' },
    ];
  }
  const c = metrics.pWait;
  return [
    blockingStep(n, blocking),
    {
      label: 'Probability of waiting (Erlang C)',
      formula: `C = N·B ÷ (N − A + A·B) = ${f(n)} × ${f(blocking)} ÷ (${f(n)} − ${f(a)} + ${f(a)} × ${f(blocking)})`,
      value: c,
      unit: 'probability',
    },
    {
      label: 'Service level',
      formula: `SL = 1 − C·e^(−(N − A)·t ÷ AHT) = 1 − ${f(c)} × e^(−(${f(n)} − ${f(a)}) × ${f(input.answerSec)} ÷ ${f(aht)})`,
      value: metrics.serviceLevel,
      unit: 'share',
    },
    {
      label: 'Average speed of answer',
      formula: `ASA = C × AHT ÷ (N − A) = ${f(c)} × ${f(aht)} ÷ (${f(n)} − ${f(a)})`,
      value: metrics.asaSec,
      unit: 's',
    },
    { label: 'Occupancy', formula: `A ÷ N = ${f(a)} ÷ ${f(n)}`, value: metrics.occupancy, unit: 'share' },
  ];
}

function erlangASteps({ input, queue, agents, metrics }: StepsContext, patienceSec: number): CalculationStep[] {
  const n = agents * queue.serversPerAgent;
  const a = queue.traffic;
  const aht = queue.holdSec;
  const detail = erlangABreakdown({ servers: n, traffic: a, ahtSec: aht, patienceSec, answerSec: input.answerSec });
  const b = detail.blocking;
  const gamma = detail.abandonRatePerHandleTime;
  const queuedWeight = Math.exp(detail.logQueuedWeight);
  const density = 'f(s) = exp(−N·s + (A ÷ γ)·(1 − e^(−γ·s))), s in handle times';
  return [
    blockingStep(n, b),
    {
      label: 'Abandon rate per handle time',
      formula: `γ = AHT ÷ patience = ${f(aht)} ÷ ${f(patienceSec)}`,
      value: gamma,
      unit: 'per handle time',
    },
    Number.isFinite(queuedWeight)
      ? {
          label: 'Queued-state weight',
          formula: `S = Σ_{j≥0} Π_{i=1..j} A ÷ (N + iγ) = N·∫₀^∞ f(s) ds, ${density}`,
          value: queuedWeight,
          unit: '',
        }
      : {
          label: 'Queued-state weight (natural log)',
          formula: `ln S, S = N·∫₀^∞ f(s) ds, ${density}; too large to print`,
          value: detail.logQueuedWeight,
          unit: '',
        },
    {
      label: 'Probability of waiting',
      formula: `P(wait) = B·S ÷ (1 − B + B·S), B = ${f(b)}`,
      value: metrics.pWait,
      unit: 'probability',
    },
    {
      label: 'Abandonment among callers who wait',
      formula: 'P(abandon | wait) = ∫₀^∞ (1 − e^(−γs))·f(s) ds ÷ ∫₀^∞ f(s) ds',
      value: detail.abandonGivenWait,
      unit: 'probability',
    },
    {
      label: 'Probability of abandoning',
      formula: `P(abandon) = P(wait) × P(abandon | wait) = ${f(metrics.pWait)} × ${f(detail.abandonGivenWait)}`,
      value: metrics.pAbandon,
      unit: 'probability',
    },
    {
      label: 'Answered in time among callers who wait',
      formula: `P(answered ≤ t | wait) = ∫₀^(t÷AHT) e^(−γs)·f(s) ds ÷ ∫₀^∞ f(s) ds, t ÷ AHT = ${f(input.answerSec)} ÷ ${f(aht)}`,
      value: detail.answeredWithinGivenWait,
      unit: 'probability',
    },
    {
      label: 'Service level',
      formula: `SL = 1 − P(wait) + P(wait) × P(answered ≤ t | wait) = 1 − ${f(metrics.pWait)} + ${f(metrics.pWait)} × ${f(detail.answeredWithinGivenWait)}`,
      value: metrics.serviceLevel,
      unit: 'share',
    },
    {
      label: 'Average speed of answer (all callers)',
      formula: `ASA = P(abandon) × patience = ${f(metrics.pAbandon)} × ${f(patienceSec)} (Little's law: abandonments = queue length ÷ patience)`,
      value: metrics.asaSec,
      unit: 's',
    },
    {
      label: 'Occupancy',
      formula: `A × (1 − P(abandon)) ÷ N = ${f(a)} × (1 − ${f(metrics.pAbandon)}) ÷ ${f(n)}`,
      value: metrics.occupancy,
      unit: 'share',
    },
  ];
}

function shrinkageStep({ input, agents, agentsWithShrinkage }: StepsContext): CalculationStep {
  const shrinkage = input.shrinkage ?? 0;
  return {
    label: 'Rostered agents (shrinkage)',
    formula: `⌈agents ÷ (1 − shrinkage)⌉ = ⌈${agents} ÷ (1 − ${f(shrinkage)})⌉ = ⌈${f(agents / (1 - shrinkage))}⌉`,
    value: agentsWithShrinkage,
    unit: 'agents',
  };
}
