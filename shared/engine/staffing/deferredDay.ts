/**
 * The email/tickets calculator: one day of deferred work. The day's items arrive evenly over the opening hours
 * (stated as an assumption in the steps), are worked within the response-time target using the levelled window
 * model of deferred.ts, and the result is the agents each hour needs, the peak and the day's agent-hours.
 */
import { z } from 'zod';
import type { CalculationStep } from '../common';
import { ceilAgents } from '../common/ceilAgents';
import { deferredRequirements, type DeferredInterval } from './deferred';
import { parseOrThrow } from './errors';
import { capFractionField, nonNegativeField, positiveField, shrinkageField } from './fields';
import { formatNumber } from './formatNumber';
import { rosteredAgentsExact } from './shrinkage';

export const deferredDaySchema = z
  .object({
    itemsPerDay: nonNegativeField('Items per day'),
    handleMin: positiveField('Handle time', 'minutes'),
    responseHours: positiveField('Response-time target', 'hours'),
    openFromHour: z.number({ error: 'Opening hour must be a number' }).int('Opening hour must be a whole hour').min(0, 'Opening hour must be from 0 to 23').max(23, 'Opening hour must be from 0 to 23'),
    openToHour: z.number({ error: 'Closing hour must be a number' }).int('Closing hour must be a whole hour').min(1, 'Closing hour must be from 1 to 24').max(24, 'Closing hour must be from 1 to 24'),
    maxOccupancy: capFractionField('Maximum occupancy').optional(),
    shrinkage: shrinkageField().optional(),
  })
  .strict()
  .refine((d) => d.openToHour > d.openFromHour, { path: ['openToHour'], message: 'Closing hour must be after the opening hour' })
  .refine((d) => d.responseHours * 60 >= d.handleMin, { path: ['responseHours'], message: 'Response-time target is shorter than the handle time: no staffing finishes an item in time' });

export type DeferredDayInput = z.infer<typeof deferredDaySchema>;

export interface DeferredDayHour extends DeferredInterval {
  hour: number;
}

export interface DeferredDayResult {
  hours: DeferredDayHour[];
  workloadHours: number;
  peakAgents: number;
  averageAgentsExact: number;
  agentHours: number;
  rosteredPeakAgents?: number;
  closingBacklog: number;
  steps: CalculationStep[];
}

export function solveDeferredDay(raw: DeferredDayInput): DeferredDayResult {
  const input = parseOrThrow(deferredDaySchema, raw);
  const { itemsPerDay, handleMin, responseHours, openFromHour, openToHour, maxOccupancy = 1, shrinkage } = input;
  const openHours = openToHour - openFromHour;
  const perHour = itemsPerDay / openHours;
  const volumes = Array.from({ length: openHours }, () => perHour);
  const rows = deferredRequirements(volumes, { handleSec: handleMin * 60, responseSec: responseHours * 3600, intervalMin: 60, maxOccupancy });
  const hours = rows.map((row, i) => ({ ...row, hour: openFromHour + i }));
  const workloadHours = (itemsPerDay * handleMin) / 60;
  const peak = rows.reduce((best, row) => (row.agentsExact > best.agentsExact ? row : best), rows[0]);
  const agentHours = rows.reduce((sum, row) => sum + row.agents, 0);
  const averageAgentsExact = rows.reduce((sum, row) => sum + row.agentsExact, 0) / rows.length;
  const window = Math.max(1, Math.floor(responseHours + 1e-9));
  const closingBacklog = rows[rows.length - 1].backlog;
  const f = formatNumber;

  const steps: CalculationStep[] = [
    { label: 'Arrivals per open hour', formula: `${f(itemsPerDay)} ÷ ${openHours} h (spread evenly over ${openFromHour}:00–${openToHour}:00)`, value: perHour, unit: 'items/h' },
    { label: 'Workload for the day', formula: `${f(itemsPerDay)} × ${f(handleMin)} min ÷ 60`, value: workloadHours, unit: 'agent-hours' },
    { label: 'Response window', formula: `⌊${f(responseHours)} h ÷ 1 h⌋ (each hour's items are worked in equal shares over this many hours)`, value: window, unit: 'hours' },
    { label: 'Peak hour work', formula: `${f(peak.worked)} items × ${f(handleMin)} min ÷ 60`, value: peak.workloadSec / 3600, unit: 'agent-hours' },
    { label: 'Peak agents (exact)', formula: `${f(peak.workloadSec / 3600)} ÷ (1 h × ${f(maxOccupancy)} occupancy)`, value: peak.agentsExact, unit: 'agents' },
    { label: 'Peak agents', formula: `round up ${f(peak.agentsExact)}`, value: peak.agents, unit: 'agents' },
    { label: 'Scheduled agent-hours', formula: 'Σ agents per hour (rounded up)', value: agentHours, unit: 'agent-hours' },
    { label: 'Backlog at close', formula: 'items still within their target when the day closes', value: closingBacklog, unit: 'items' },
  ];
  const result: DeferredDayResult = { hours, workloadHours, peakAgents: peak.agents, averageAgentsExact, agentHours, closingBacklog, steps };
  if (shrinkage !== undefined) {
    const rosteredExact = rosteredAgentsExact(peak.agents, shrinkage);
    result.rosteredPeakAgents = ceilAgents(rosteredExact);
    steps.push(
      { label: 'Rostered peak agents (exact)', formula: `${peak.agents} ÷ (1 − ${f(shrinkage)})`, value: rosteredExact, unit: 'agents' },
      { label: 'Rostered peak agents', formula: `round up ${f(rosteredExact)}`, value: result.rosteredPeakAgents, unit: 'agents' },
    );
  }
  return result;
}
