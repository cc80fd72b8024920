import { describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runStaffwise } from '../helpers/cli';
import { useTempDirs } from '../helpers/tempDir';

const tempDir = useTempDirs();
const fixture = join(__dirname, '..', 'fixtures', 'plan', 'plan.json');


describe('staffwise scenario', () => {
  it('prints baseline and scenario with the same week fields as staffwise plan', async () => {
    const plan = await runStaffwise(['plan', '--input', fixture, '--json']);
    const { code, out } = await runStaffwise(['scenario', '--plan', fixture, '--change', 'volume:+300%:2027-03-01..2027-03-02', '--json']);
    expect(code).toBe(0);
    const json = JSON.parse(out);
    const planJson = JSON.parse(plan.out);
    expect(json.baseline.weeks.map((w: Record<string, number>) => ({ week: w.week, requiredFte: w.requiredFte, headcount: w.headcount, effectiveFte: w.effectiveFte, gap: w.gap }))).toEqual(planJson.weeks);
    expect(json.baseline.hires).toEqual(planJson.hires);
    expect(json.baseline.totalCost).toBe(planJson.totalCost);
    // 2027-03-01 is week 8 of a plan starting 2027-01-04: volume × (1 + 3 × 2/7).
    const volume = JSON.parse(readFileSync(fixture, 'utf8')).demand[8].volume;
    expect(json.scenario.weeks[8].volume).toBeCloseTo(volume * (1 + (3 * 2) / 7), 3);
    expect(json.scenario.weeks[8].requiredFte).toBeCloseTo(json.baseline.weeks[8].requiredFte * (1 + (3 * 2) / 7), 3);
    expect(json.scenario.weeks[9]).toEqual(json.baseline.weeks[9]);
    expect(json.comparison.costDelta).toBeGreaterThan(0);
  });

  it('quantifies a preset’s response and simulates ranges', async () => {
    const plan = JSON.parse(readFileSync(fixture, 'utf8'));
    // Forecast bands ±10% (80%) and ±16% (95%) on every week.
    for (const d of plan.demand) Object.assign(d, { lo95: d.volume * 0.84, lo80: d.volume * 0.9, hi80: d.volume * 1.1, hi95: d.volume * 1.16 });
    const path = join(tempDir(), 'plan.json');
    writeFileSync(path, JSON.stringify(plan));
    const { code, out } = await runStaffwise(['scenario', '--plan', path, '--preset', 'outage:2027-03-01', '--change', 'overtime:4h:w8..w9', '--simulate', '300', '--seed', '7', '--json']);
    expect(code).toBe(0);
    const json = JSON.parse(out);
    expect(json.responses[0]).toMatchObject({ preset: 'outage', response: 'All hands; defer non-critical work' });
    expect(json.responses[0].overtimeHoursNeeded).toBeGreaterThan(0);
    expect(json.responses[0].extraTemporaryAgents).toBeGreaterThan(0);
    expect(json.scenario.weeks[8].overtimeHours).toBeGreaterThan(0);
    expect(json.simulation.runs).toBe(300);
    const w = json.simulation.weeks[3];
    expect(w.gap.p10).toBeLessThan(w.gap.p50);
    expect(w.gap.p50).toBeLessThan(w.gap.p90);
    expect(w.pMeetTarget).toBeGreaterThanOrEqual(0);
    expect(json.simulation.hireUpTo.heads).toBeGreaterThan(0);
  });

  it('refuses bad change syntax in one line naming it, exit 2', async () => {
    for (const [spec, message] of [
      ['volume:lots:2027-03-01', '"lots" is not a value'],
      ['surge:+10%:2027-03-01', 'unknown kind "surge"'],
      ['volume:+10%:March', '"March" is not a range'],
      ['volume:+10%:2027-03-05..2027-03-01', 'To date is before the from date'],
      ['volume:+10%:2027-03-01:Chat', 'no queue "Chat"'],
    ]) {
      const { code, err } = await runStaffwise(['scenario', '--plan', fixture, '--change', spec]);
      expect(code).toBe(2);
      expect(err.split('\n')).toHaveLength(1);
      expect(err).toContain(spec);
      expect(err).toContain(message);
    }
    const noChange = await runStaffwise(['scenario', '--plan', fixture]);
    expect(noChange.code).toBe(2);
    const badPreset = await runStaffwise(['scenario', '--plan', fixture, '--preset', 'meteor:2027-03-01']);
    expect(badPreset.code).toBe(2);
    expect(badPreset.err).toContain('unknown preset "meteor"');
  });
});
