import { describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
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

  it('estimates the mix from a ticket export (--tickets), organizations mapped to tiers by name and by --tier-map', async () => {
    const tierMap = join(tempDir(), 'tiers.json');
    writeFileSync(tierMap, JSON.stringify({ 'Beta Co': 'mid-market', 'Gamma LLC': 'smb' }));
    const { code, out } = await runStaffwise(['sla', '--policy', `${fixtures}/policy.json`, '--tickets', `${fixtures}/tickets.csv`, '--tier-map', tierMap, '--volumes', `${fixtures}/volumes.csv`, '--agents', '8', '--json']);
    expect(code).toBe(0);
    const json = JSON.parse(out);
    // The policy covers P1 and P2: tickets 1, 2 (Acme Enterprise), 6 (Beta Co), 8 and 11 (Gamma LLC), one per cell.
    expect(json.fromTickets).toMatchObject({ tickets: 12, badRows: 3, ticketsCounted: 5, outsidePolicy: [{ priority: 'P3', tickets: 5 }, { priority: 'P4', tickets: 2 }] });
    expect(json.fromTickets.tierMap['Acme Enterprise']).toBe('enterprise');
    expect(json.mix).toHaveLength(5);
    for (const cell of json.mix) expect(cell.share).toBeCloseTo(0.2, 12);
    // With the week taken from the tickets' created times instead (12 tickets over Monday to Friday).
    const fromCreated = JSON.parse((await runStaffwise(['sla', '--policy', `${fixtures}/policy.json`, '--tickets', `${fixtures}/tickets.csv`, '--tier-map', tierMap, '--agents', '8', '--json'])).out);
    expect(fromCreated.ticketsPerWeek).toBeCloseTo(12, 6);
  });

  it.each([
    [['--mix', `${fixtures}/mix.json`, '--tickets', `${fixtures}/tickets.csv`], /Give the mix as --mix mix.json or estimate it from a ticket export with --tickets export.csv \(one of them\)/],
    [['--tickets', `${fixtures}/tickets.csv`, '--priority-column', 'Urgency'], /--priority-column: the ticket export has no column "Urgency"/],
    [['--tickets', `${fixtures}/volumes.csv`], /--tickets: no column of .* looks like the priority/],
    [['--mix', `${fixtures}/mix.json`, '--volumes', `${fixtures}/volumes.csv`, '--week', '2026-12-22'], /--week: Week start must be a Monday/],
  ])('refuses bad ticket input in one line with exit 2: %s', async (args, message) => {
    const { code, err } = await runStaffwise(['sla', '--policy', `${fixtures}/policy.json`, ...args]);
    expect(code).toBe(2);
    expect(err).toMatch(message);
    expect(err.split('\n')).toHaveLength(1);
  });

  it('projects a week with its holidays (--week): the SLA clock stops on the holiday', async () => {
    const policy = JSON.parse(readFileSync(`${fixtures}/policy.json`, 'utf8'));
    policy.businessHours.holidays = ['2026-12-25'];
    const path = join(tempDir(), 'policy.json');
    writeFileSync(path, JSON.stringify(policy));
    const args = ['sla', '--policy', path, '--mix', `${fixtures}/mix.json`, '--volumes', `${fixtures}/volumes.csv`, '--agents', '8', '--json'];
    const typical = JSON.parse((await runStaffwise(args)).out);
    const christmas = JSON.parse((await runStaffwise([...args, '--week', '2026-12-21'])).out);
    expect(typical.hours).toHaveLength(40);
    expect(christmas.hours).toHaveLength(32);
    expect(christmas.hours.some((h: { weekday: string }) => h.weekday === 'Fri')).toBe(false);
    expect(christmas.overallInTarget).toBeLessThan(typical.overallInTarget);
  });
});
