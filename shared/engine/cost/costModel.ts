/**
 * The full-cost model of a support agent and what a ticket costs:
 *
 *   full cost per agent      = salary and benefits + tools per seat + training + management overhead   ($ per year)
 *   tickets per agent a year = tickets per agent per day × working days per year
 *   cost per ticket          = full cost per agent ÷ tickets per agent a year
 *   handle-time cut saving   = cost per ticket × handle-time cut (share)                      ($ per ticket)
 *   FCR gain avoided tickets = tickets per agent a year × first-contact-resolution gain (share) (per agent a year)
 *   FCR gain saving          = avoided tickets × cost per ticket                               ($ per agent a year)
 *
 * Money is rounded to cents only where it is shown (results carry the exact values), so $75,000 ÷ 6,000 is $12.50.
 */
import { z } from 'zod';
import type { CalculationStep } from '../common';
import { parseOrThrow } from '../staffing/errors';
import { nonNegativeField, positiveField } from '../staffing/fields';
import { formatNumber } from '../staffing/formatNumber';

const shareField = (what: string) =>
  z.number({ error: `${what} must be a number` }).refine((v) => v >= 0 && v < 1, `${what} must be at least 0 and below 1, e.g. 0.1 for 10%`);

export const costModelInputSchema = z
  .object({
    salaryAndBenefits: nonNegativeField('Salary and benefits ($ per agent per year)'),
    toolsPerSeat: nonNegativeField('Tools per seat ($ per agent per year)'),
    training: nonNegativeField('Training ($ per agent per year)'),
    managementOverhead: nonNegativeField('Management overhead ($ per agent per year)'),
    ticketsPerAgentPerDay: positiveField('Tickets per agent per day', 'tickets'),
    workingDaysPerYear: positiveField('Working days per year', 'days').refine((v) => v <= 366, 'Working days per year cannot exceed 366'),
    ahtCut: shareField('Handle-time cut').optional(),
    fcrGain: shareField('First-contact-resolution gain').optional(),
  })
  .strict();

export type CostModelInput = z.infer<typeof costModelInputSchema>;

export interface CostModelResult {
  fullCostPerAgent: number;
  ticketsPerAgentPerYear: number;
  costPerTicket: number;
  /** With ahtCut: $ saved per ticket. */
  ahtCutSavingPerTicket?: number;
  /** With ahtCut: $ saved per agent per year (saving per ticket × tickets per agent a year). */
  ahtCutSavingPerAgent?: number;
  /** With fcrGain: repeat tickets avoided per agent per year. */
  fcrAvoidedTickets?: number;
  /** With fcrGain: $ saved per agent per year. */
  fcrSavingPerAgent?: number;
  steps: CalculationStep[];
}

export function calculateCost(raw: CostModelInput): CostModelResult {
  const input = parseOrThrow(costModelInputSchema, raw);
  const f = formatNumber;
  const fullCostPerAgent = input.salaryAndBenefits + input.toolsPerSeat + input.training + input.managementOverhead;
  const ticketsPerAgentPerYear = input.ticketsPerAgentPerDay * input.workingDaysPerYear;
  const costPerTicket = fullCostPerAgent / ticketsPerAgentPerYear;
  const steps: CalculationStep[] = [
    {
      label: 'Full cost per agent',
      formula: `${money(input.salaryAndBenefits)} salary and benefits + ${money(input.toolsPerSeat)} tools + ${money(input.training)} training + ${money(input.managementOverhead)} management overhead`,
      value: fullCostPerAgent,
      unit: '$ per agent per year',
    },
    { label: 'Tickets per agent per year', formula: `${f(input.ticketsPerAgentPerDay)} per day × ${f(input.workingDaysPerYear)} working days`, value: ticketsPerAgentPerYear, unit: 'tickets' },
    { label: 'Cost per ticket', formula: `${money(fullCostPerAgent)} ÷ ${f(ticketsPerAgentPerYear)} tickets`, value: costPerTicket, unit: '$ per ticket' },
  ];
  const result: CostModelResult = { fullCostPerAgent, ticketsPerAgentPerYear, costPerTicket, steps };
  if (input.ahtCut !== undefined) {
    result.ahtCutSavingPerTicket = costPerTicket * input.ahtCut;
    result.ahtCutSavingPerAgent = result.ahtCutSavingPerTicket * ticketsPerAgentPerYear;
    steps.push(
      { label: 'Handle-time cut saving per ticket', formula: `${money(costPerTicket)} × ${f(input.ahtCut * 100)}% shorter handle time`, value: result.ahtCutSavingPerTicket, unit: '$ per ticket' },
      { label: 'Handle-time cut saving per agent', formula: `${money(result.ahtCutSavingPerTicket)} × ${f(ticketsPerAgentPerYear)} tickets`, value: result.ahtCutSavingPerAgent, unit: '$ per agent per year' },
    );
  }
  if (input.fcrGain !== undefined) {
    result.fcrAvoidedTickets = ticketsPerAgentPerYear * input.fcrGain;
    result.fcrSavingPerAgent = result.fcrAvoidedTickets * costPerTicket;
    steps.push(
      { label: 'Tickets avoided by better first-contact resolution', formula: `${f(ticketsPerAgentPerYear)} tickets × ${f(input.fcrGain * 100)}% FCR gain`, value: result.fcrAvoidedTickets, unit: 'tickets per agent per year' },
      { label: 'FCR gain saving per agent', formula: `${f(result.fcrAvoidedTickets)} tickets × ${money(costPerTicket)}`, value: result.fcrSavingPerAgent, unit: '$ per agent per year' },
    );
  }
  return result;
}

/** Dollars as a planner writes them: $75,000, $12.50. */
export function money(value: number): string {
  return `$${value.toLocaleString('en-US', { minimumFractionDigits: Number.isInteger(value) ? 0 : 2, maximumFractionDigits: 2 })}`;
}
