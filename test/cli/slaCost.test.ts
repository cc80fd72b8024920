import { describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runStaffwise } from '../helpers/cli';
import { assessSlaPlan, samplePlanInput } from '../../shared/engine/sla';
import { useTempDirs } from '../helpers/tempDir';

const tempDir = useTempDirs();


const cost = ['cost', '--salary', '60000', '--tools', '5000', '--training', '2000', '--overhead', '8000', '--tickets-per-day', '25', '--days', '240'];
const fixtures = 'test/fixtures/sla';
const sla = ['sla', '--policy', `${fixtures}/policy.json`, '--mix', `${fixtures}/mix.json`, '--volumes', `${fixtures}/volumes.csv`];

describe('staffwise cost', () => {
  it('reproduces the worked example: $75,000, 6,000 tickets, $12.50, $1.25 and 300 tickets = $3,750', async () => {
    const { code, out } = await runStaffwise([...cost, '--aht-cut', '0.1', '--fcr-gain', '0.05', '--json']);
    expect(code).toBe(0);
    const json = JSON.parse(out);
    expect(json).toMatchObject({ fullCostPerAgent: 75000, ticketsPerAgentPerYear: 6000, costPerTicket: 12.5, ahtCutSavingPerTicket: 1.25, fcrAvoidedTickets: 300, fcrSavingPerAgent: 3750 });
  });

  it('prints the steps with their formulas', async () => {
    const { out } = await runStaffwise(cost);
    expect(out).toMatch(/Cost per ticket\s+\$75,000 ÷ 6000 tickets\s+= 12.5 \$ per ticket/);
  });

  it.each([
    [['cost', '--tools', '5000'], /--salary is required/],
    [[...cost.slice(0, -1), 'many'], /--days must be a number/],
    [[...cost, '--aht-cut', '10'], /--aht-cut: Handle-time cut must be at least 0 and below 1/],
    [[...cost.slice(0, 10), '0', ...cost.slice(11)], /--tickets-per-day: Tickets per agent per day must be greater than 0/],
  ])('refuses bad input in one line with exit 2: %s', async (args, message) => {
    const { code, err } = await runStaffwise(args);
    expect(code).toBe(2);
    expect(err).toMatch(message);
    expect(err.split('\n')).toHaveLength(1);
  });
});

describe('staffwise sla', () => {
  it('answers the blueprint example for 8 agents as the engine does on the same week', async () => {
    const { code, out } = await runStaffwise([...sla, '--agents', '8', '--json']);
    expect(code).toBe(0);
    const json = JSON.parse(out);
    const direct = assessSlaPlan(samplePlanInput(), 8);
    expect(json.keepsPromises).toBe(false);
    expect(json.headcountNeeded).toBe(direct.headcountNeeded);
    expect(json.peakAgents).toBe(direct.requirement.peakAgents);
    expect(json.ticketsPerWeek).toBeCloseTo(276.92, 2);
    json.cells.forEach((c: { answeredInTarget: number }, i: number) => expect(c.answeredInTarget).toBeCloseTo(direct.compliance[i].answeredInTarget, 3));
    expect(json.hours).toHaveLength(40);
  });

  it('without --agents reports the team that keeps every promise', async () => {
    const { out } = await runStaffwise([...sla, '--json']);
    const json = JSON.parse(out);
    expect(json.agents).toBe(json.headcountNeeded);
    expect(json.keepsPromises).toBe(true);
  });

  it('refuses a mix that does not add up, naming the flag, in one line with exit 2', async () => {
    const mix = join(tempDir(), 'mix.json');
    writeFileSync(mix, JSON.stringify({ cells: [{ priority: 'P1', tier: 'enterprise', share: 0.5 }] }));
    const { code, err } = await runStaffwise(['sla', '--policy', `${fixtures}/policy.json`, '--mix', mix, '--volumes', `${fixtures}/volumes.csv`]);
    expect(code).toBe(2);
    expect(err).toMatch(/--mix: Mix shares add up to 50.00%, not 100%/);
    expect(err.split('\n')).toHaveLength(1);
  });
});
