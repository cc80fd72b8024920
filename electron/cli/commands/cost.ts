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
    const required = (field: keyof typeof FLAG_FOR_FIELD) => numberFlag(values, FLAG_FOR_FIELD[field], true);
    const input = {
      salaryAndBenefits: required('salaryAndBenefits'),
      toolsPerSeat: required('toolsPerSeat'),
      training: required('training'),
      managementOverhead: required('managementOverhead'),
      ticketsPerAgentPerDay: required('ticketsPerAgentPerDay'),
      workingDaysPerYear: required('workingDaysPerYear'),
      ahtCut: numberFlag(values, FLAG_FOR_FIELD.ahtCut),
      fcrGain: numberFlag(values, FLAG_FOR_FIELD.fcrGain),
    };
    const result = await callApi(ctx, 'cost.calculate', input, FLAG_FOR_FIELD);
    if (values.json) {
      ctx.io.out(JSON.stringify(result));
      return;
    }
    printSteps(ctx.io, result.steps);
  },
};
