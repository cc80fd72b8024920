import { callApi, numberFlag, UsageError, type Command } from '../command';
import { printSteps } from '../format';
import { FLAG_FOR_FIELD, queueFlagOptions, queueFlags } from './staffingFlags';

export const erlangCommand: Command = {
  name: 'erlang',
  summary: 'Agents for a live queue (Erlang C, or Erlang A with --patience-sec), or what --agents N deliver',
  usage:
    'staffwise erlang --calls 100 --interval-min 30 --aht-sec 180 --sl 0.8 --answer-sec 20 [--max-occupancy 0.85] [--shrinkage 0.3] [--patience-sec 300] [--concurrency 2] [--agents 14] [--asa-sec 30] [--max-abandon 0.05] [--json]',
  options: { ...queueFlagOptions, calls: { type: 'string' }, 'interval-min': { type: 'string' }, agents: { type: 'string' } },
  async run(values, ctx) {
    const { slTarget, answerSec, ...rest } = queueFlags(values);
    if (slTarget === undefined) throw new UsageError('--sl is required (e.g. 0.8 for 80%)');
    if (answerSec === undefined) throw new UsageError('--answer-sec is required (e.g. 20)');
    const input = {
      callsPerInterval: numberFlag(values, 'calls', true),
      intervalMin: numberFlag(values, 'interval-min', true),
      slTarget,
      answerSec,
      ...rest,
      agents: numberFlag(values, 'agents'),
    };
    const r = await callApi(ctx, 'staffing.solve', input, FLAG_FOR_FIELD);
    if (values.json) {
      ctx.io.out(
        JSON.stringify({
          model: r.model,
          mode: r.mode,
          traffic: r.traffic,
          agents: r.agents,
          agentsExact: r.agentsExact,
          agentsWithShrinkage: r.agentsWithShrinkage,
          serviceLevel: r.serviceLevel,
          asaSec: r.asaSec,
          occupancy: r.occupancy,
          pWait: r.pWait,
          ...(r.pAbandon !== undefined && { pAbandon: r.pAbandon }),
          stable: r.stable,
          meetsTargets: r.meetsTargets,
          limitingTarget: r.limitingTarget,
          steps: r.steps,
        }),
      );
      return;
    }
    printSteps(ctx.io, r.steps);
    if (!r.stable) ctx.io.out(`${r.agents} agents cannot keep up with ${r.traffic.toFixed(2)} Erlangs: the queue grows without limit.`);
  },
};
