import { callApi, numberFlag, type Command } from '../command';
import { printSteps } from '../format';

export const capacityCommand: Command = {
  name: 'capacity',
  summary: 'Required agents from the capacity equation (volume × handle time ÷ productive time per agent)',
  usage: 'staffwise capacity --volume 500 --aht-min 20 --hours 8 --utilization 0.75 [--shrinkage 0.3] [--json]',
  options: {
    volume: { type: 'string' },
    'aht-min': { type: 'string' },
    hours: { type: 'string' },
    utilization: { type: 'string' },
    shrinkage: { type: 'string' },
    json: { type: 'boolean' },
  },
  async run(values, ctx) {
    const input = {
      volume: numberFlag(values, 'volume', true),
      ahtMin: numberFlag(values, 'aht-min', true),
      hours: numberFlag(values, 'hours', true),
      utilization: numberFlag(values, 'utilization', true),
      shrinkage: numberFlag(values, 'shrinkage'),
    };
    const result = await callApi(ctx, 'capacity.calculate', input, {
      volume: 'volume',
      ahtMin: 'aht-min',
      hours: 'hours',
      utilization: 'utilization',
      shrinkage: 'shrinkage',
    });
    if (values.json) {
      const { steps, workloadMin, productiveMinPerAgent, requiredAgents, requiredAgentsRounded, rosteredAgents, rosteredAgentsExact } = result;
      ctx.io.out(JSON.stringify({ requiredAgents: round2(requiredAgents), requiredAgentsExact: requiredAgents, requiredAgentsRounded, rosteredAgents, rosteredAgentsExact, workloadMin, productiveMinPerAgent, steps }));
      return;
    }
    printSteps(ctx.io, result.steps);
  },
};

const round2 = (n: number) => Math.round(n * 100) / 100;
