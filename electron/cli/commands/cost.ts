import type { CostModelResult } from '../../../shared/engine/cost';
import { callApi, numberFlag, type Command } from '../command';
import { printSteps } from '../format';

const FLAG_FOR_FIELD = {
  salaryAndBenefits: 'salary',
  toolsPerSeat: 'tools',
  training: 'training',
  managementOverhead: 'overhead',
  ticketsPerAgentPerDay: 'tickets-per-day',
  workingDaysPerYear: 'days',
  ahtCut: 'aht-cut',
  fcrGain: 'fcr-gain',
};

export const costCommand: Command = {
  name: 'cost',
  summary: 'Full cost per agent, cost per ticket, and what a shorter handle time or better FCR saves (money in $ a year)',
  usage: 'staffwise cost --salary 60000 --tools 5000 --training 2000 --overhead 8000 --tickets-per-day 25 --days 240 [--aht-cut 0.1] [--fcr-gain 0.05] [--json]',
  options: Object.fromEntries([...Object.values(FLAG_FOR_FIELD), 'json'].map((flag) => [flag, { type: flag === 'json' ? 'boolean' : 'string' }])) as Command['options'],
  async run(values, ctx) {
    const optional = new Set(['ahtCut', 'fcrGain']);
    const input = Object.fromEntries(
      Object.entries(FLAG_FOR_FIELD).map(([field, flag]) => [field, optional.has(field) ? numberFlag(values, flag) : numberFlag(values, flag, true)]),
    );
    const result = await callApi<CostModelResult>(ctx, 'cost.calculate', input, FLAG_FOR_FIELD);
    if (values.json) {
      ctx.io.out(JSON.stringify(result));
      return;
    }
    printSteps(ctx.io, result.steps);
  },
};
