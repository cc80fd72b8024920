import { describe, expect, it } from 'vitest';
import { runCli } from '../../electron/cli/staffwise';

async function run(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(args, { out: (t) => out.push(t), err: (t) => err.push(t) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

const worked = ['capacity', '--volume', '500', '--aht-min', '20', '--hours', '8', '--utilization', '0.75'];

describe('staffwise CLI', () => {
  it('prints the worked example as JSON', async () => {
    const { code, out } = await run([...worked, '--json']);
    expect(code).toBe(0);
    const json = JSON.parse(out);
    expect(json.requiredAgents).toBe(27.78);
    expect(json.requiredAgentsRounded).toBe(28);
    expect(json.rosteredAgents).toBeUndefined();
  });

  it('adds rostered agents with shrinkage', async () => {
    const { out } = await run([...worked, '--shrinkage', '0.3', '--json']);
    expect(JSON.parse(out)).toMatchObject({ requiredAgentsRounded: 28, rosteredAgents: 40 });
  });

  it('prints every step without --json', async () => {
    const { out } = await run(worked);
    expect(out).toMatch(/Workload\s+500 × 20 min\s+= 10000 min/);
    expect(out).toMatch(/Required agents\s+round up 27.78\s+= 28 agents/);
  });

  it.each([
    [['capacity', '--aht-min', '20', '--hours', '8', '--utilization', '0.75'], /--volume is required/],
    [['capacity', '--volume', 'lots', '--aht-min', '20', '--hours', '8', '--utilization', '0.75'], /--volume must be a number \(got "lots"\)/],
    [[...worked.slice(0, 7), '--utilization', '1.5'], /--utilization: Utilization cannot exceed 100%/],
    [[...worked.slice(0, 5), '--hours', '0', '--utilization', '0.75'], /--hours: Available hours must be greater than zero/],
    [[...worked, '--colour', 'red'], /Unknown option '--colour'/],
    [['forcast'], /unknown command "forcast"/],
  ])('exits 2 with a one-line message for %j', async (args, message) => {
    const { code, err } = await run(args);
    expect(code).toBe(2);
    expect(err).toMatch(message);
    expect(err.split('\n')).toHaveLength(1);
  });
});
