import { describe, expect, it } from 'vitest';
import { calculateCost, money } from '../../../shared/engine/cost';
import { StaffingInputError as EngineError } from '../../../shared/engine/staffing';

const example = { salaryAndBenefits: 60_000, toolsPerSeat: 5_000, training: 2_000, managementOverhead: 8_000, ticketsPerAgentPerDay: 25, workingDaysPerYear: 240 };

describe('full-cost model: the worked example', () => {
  it('gives $75,000 per agent, 6,000 tickets and $12.50 a ticket', () => {
    const r = calculateCost(example);
    expect(r.fullCostPerAgent).toBe(75_000);
    expect(r.ticketsPerAgentPerYear).toBe(6_000);
    expect(r.costPerTicket).toBe(12.5);
    expect(money(r.costPerTicket)).toBe('$12.50');
    expect(money(r.fullCostPerAgent)).toBe('$75,000');
  });

  it('saves $1.25 a ticket with 10% shorter handle time and $3,750 a year from 300 avoided tickets at 5% better FCR', () => {
    const r = calculateCost({ ...example, ahtCut: 0.1, fcrGain: 0.05 });
    expect(money(r.ahtCutSavingPerTicket!)).toBe('$1.25');
    expect(r.fcrAvoidedTickets).toBeCloseTo(300, 9);
    expect(money(r.fcrSavingPerAgent!)).toBe('$3,750');
    expect(r.steps.map((s) => s.label)).toContain('FCR gain saving per agent');
  });

  it('names the field when an input is out of range', () => {
    expect(() => calculateCost({ ...example, ticketsPerAgentPerDay: 0 })).toThrow(/Tickets per agent per day must be greater than 0/);
    expect(() => calculateCost({ ...example, ahtCut: 10 })).toThrow(/Handle-time cut must be at least 0 and below 1/);
    try {
      calculateCost({ ...example, workingDaysPerYear: 400 });
    } catch (error) {
      expect(error).toBeInstanceOf(EngineError);
      expect((error as EngineError).field).toBe('workingDaysPerYear');
    }
  });
});
