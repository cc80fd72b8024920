import { describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runStaffwise } from '../helpers/cli';
import { useTempDirs } from '../helpers/tempDir';

const tempDir = useTempDirs();
const fixture = join(__dirname, '..', 'fixtures', 'plan', 'plan.json');


function writePlan(change: (plan: Record<string, unknown>) => void): string {
  const plan = JSON.parse(readFileSync(fixture, 'utf8'));
  change(plan);
  const path = join(tempDir(), 'plan.json');
  writeFileSync(path, JSON.stringify(plan));
  return path;
}

describe('staffwise plan', () => {
  it('projects the plan week by week and writes the same columns to CSV', async () => {
    const out = join(tempDir(), 'weeks.csv');
    const { code, out: text } = await runStaffwise(['plan', '--input', fixture, '--out', out, '--json']);
    expect(code).toBe(0);
    const json = JSON.parse(text);
    expect(json.weeks).toHaveLength(26);
    // week 0: 6000 contacts × 420 s ÷ 3600 ÷ (40 h × 0.85) ÷ (1 − 0.3) = 29.4118 FTE; 28 tenured, nobody in ramp
    expect(json.weeks[0]).toEqual({ week: 0, requiredFte: 29.4118, headcount: 28, effectiveFte: 28, gap: -1.4118 });
    // week 10 overrides shrinkage with 0.38
    const week10 = JSON.parse(readFileSync(fixture, 'utf8')).demand[10];
    expect(json.weeks[10].requiredFte).toBeCloseTo((week10.volume * 420) / 3600 / 34 / (1 - 0.38), 3);
    expect(json.hires).toEqual([{ startWeek: 6, size: 6 }]);
    expect(json.totalCost).toBeCloseTo(json.cost.payroll + json.cost.hiring + json.cost.understaffing, 1);
    expect(json.bound).toBeUndefined();
    const lines = readFileSync(out, 'utf8').trim().split('\n');
    expect(lines[0]).toBe('week,requiredFte,headcount,effectiveFte,gap');
    expect(lines).toHaveLength(27);
    expect(lines[1]).toBe('0,29.4118,28,28,-1.4118');
  });

  it('optimises the hiring classes with a proven bound and explains the weeks left short', async () => {
    const { code, out } = await runStaffwise(['plan', '--input', fixture, '--optimize', '--time-limit-sec', '30', '--json']);
    expect(code).toBe(0);
    const json = JSON.parse(out);
    expect(json.status).toBe('optimal');
    expect(json.bound).toBeLessThanOrEqual(json.totalCost + 0.01);
    expect(json.gap).toBeLessThanOrEqual(1e-4);
    for (const hire of json.hires) {
      expect(hire.size).toBeGreaterThanOrEqual(3);
      expect(hire.size).toBeLessThanOrEqual(10);
      expect((hire.startWeek - 4) % 2).toBe(0);
    }
    expect(json.hires.reduce((s: number, h: { size: number }) => s + h.size, 0)).toBeLessThanOrEqual(20);
    // Nothing hired can carry load before week 6 (lead time 4 weeks + 2 weeks at 0%).
    expect(json.explanations.shortWeeks[0]).toMatchObject({ week: 0, reason: 'lead-time' });
    expect(json.explanations.classes.length).toBe(json.hires.length);
    // The optimised plan costs no more than the planner's own class of 6 in week 6.
    const manual = JSON.parse((await runStaffwise(['plan', '--input', fixture, '--json'])).out);
    expect(json.totalCost).toBeLessThanOrEqual(manual.totalCost);
  });

  it.each([
    [(p: Record<string, unknown>) => ((p.demand as { ahtSec: number }[])[3].ahtSec = 0), /--input: demand\[3\]\.ahtSec must be greater than 0/],
    [(p: Record<string, unknown>) => ((p.demand as unknown[]).length = 20), /--input: demand must have one entry per week: 26 weeks but 20 entries/],
    [(p: Record<string, unknown>) => (p.weeks = 200), /--input: weeks cannot be more than 104/],
    [(p: Record<string, unknown>) => delete p.costs, /--input: costs is required/],
    [(p: Record<string, unknown>) => (p.startWeek = '2027-01-05'), /--input: startWeek must be a real date that falls on a Monday/],
  ])('exits 2 with one line naming the field (%#)', async (change, message) => {
    const { code, err } = await runStaffwise(['plan', '--input', writePlan(change)]);
    expect(code).toBe(2);
    expect(err).toMatch(message);
    expect(err.split('\n')).toHaveLength(1);
  });

  it('prints the cost breakdown, the optimiser\'s reasons and the warnings without --json', async () => {
    const fullRamp = writePlan((p) => (p.ramp = [1]));
    const { code, out } = await runStaffwise(['plan', '--input', fullRamp, '--optimize']);
    expect(code).toBe(0);
    expect(out).toMatch(/^Cost [\d,.]+ = payroll [\d,.]+ \+ hiring [\d,.]+ \+ understaffing [\d,.]+$/m);
    expect(out).toMatch(/^Optimiser: optimal; proven bound [\d,.]+; gap \d+\.\d{3}%/m);
    expect(out).toMatch(/Week 0 is short [\d.]+ FTE: the lead time binds/);
    expect(out).toMatch(/^Warning: The plan's ramp counts new hires at full capacity/m);
  });

  it('refuses a file that is not JSON', async () => {
    const path = join(tempDir(), 'plan.json');
    writeFileSync(path, '{"weeks": 26,');
    const { code, err } = await runStaffwise(['plan', '--input', path]);
    expect(code).toBe(2);
    expect(err).toMatch(/--input: .* is not valid JSON/);
  });
});
