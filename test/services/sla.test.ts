import { describe, expect, it } from 'vitest';
import type { SlaAssessmentView, StoredSlaPolicy } from '../../shared/api/channels/sla';
import type { CostModelResult } from '../../shared/engine/cost';
import { useBackends } from '../helpers/backend';

const newBackend = useBackends();

async function call<T>(backend: ReturnType<typeof newBackend>, channel: string, payload: unknown): Promise<T> {
  const envelope = await backend.dispatch(channel, payload);
  if (!envelope.ok) throw new Error(envelope.error.message);
  return envelope.value as T;
}

describe('SLA service on the demo workspace', () => {
  it('seeds the blueprint example and an active standard policy on the ticket queue, and assesses both', async () => {
    const backend = newBackend();
    const policies = await call<StoredSlaPolicy[]>(backend, 'sla.policies.list', {});
    expect(policies.map((p) => p.name)).toEqual(['Standard SLA: Email & Tickets', 'Blueprint example (8 agents + 1 lead)']);
    expect(policies[0].active).toBe(true);

    const [standard, blueprint] = policies;
    const strip = ({ policy, mix, businessHours, settings, volumeSource, headcount }: StoredSlaPolicy) => ({ policy, mix, businessHours, settings, volumeSource, headcount });
    const sample = await call<SlaAssessmentView>(backend, 'sla.assess', strip(blueprint));
    expect(sample.ticketsPerWeek).toBeCloseTo((1200 * 12) / 52, 6);
    expect(sample.keepsPromises).toBe(false);
    expect(sample.headcountNeeded).toBeGreaterThan(8);

    const demo = await call<SlaAssessmentView>(backend, 'sla.assess', strip(standard));
    expect(demo.volumeSourceText).toContain('Email & Tickets');
    // The demo's email queue takes about 320 tickets a day on weekdays.
    expect(demo.ticketsPerWeek).toBeGreaterThan(1200);
    expect(demo.matrix).toHaveLength(25);
    expect(demo.requirement.hours.length).toBe(72);

    // Tighten P3 Business from 4 h to 30 min: more is required, and its compliance with the same team does not rise.
    const tighter = strip(standard);
    tighter.policy = { ...tighter.policy, overrides: [{ priority: 'P3', tier: 'business', firstResponseMin: 30 }] };
    const after = await call<SlaAssessmentView>(backend, 'sla.assess', tighter);
    expect(after.requirement.peakAgents).toBeGreaterThan(demo.requirement.peakAgents);
    const cell = (v: SlaAssessmentView) => v.compliance.find((c) => c.priority === 'P3' && c.tier === 'business')!;
    expect(cell(after).firstResponseMin).toBe(30);
    expect(cell(after).answeredInTarget).toBeLessThanOrEqual(cell(demo).answeredInTarget);
  });

  it('saves an edited policy and refuses a queue that does not exist, naming the field', async () => {
    const backend = newBackend();
    const [standard] = await call<StoredSlaPolicy[]>(backend, 'sla.policies.list', {});
    const saved = await call<StoredSlaPolicy>(backend, 'sla.policies.save', { ...standard, id: standard.id, active: undefined, updatedAt: undefined, headcount: 20 }).catch(() => undefined);
    expect(saved).toBeUndefined(); // unknown fields (active, updatedAt) are refused by the strict schema
    const { id, name, policy, mix, businessHours, settings, volumeSource } = standard;
    const ok = await call<StoredSlaPolicy>(backend, 'sla.policies.save', { id, name, policy, mix, businessHours, settings, volumeSource, headcount: 20 });
    expect(ok.headcount).toBe(20);
    const bad = await backend.dispatch('sla.policies.save', { name: 'x', policy, mix, businessHours, settings, volumeSource: { kind: 'queue', queueName: 'Nope' }, headcount: 3 });
    expect(bad.ok).toBe(false);
    expect(!bad.ok && bad.error.message).toMatch(/volumeSource.queueName: there is no queue named "Nope"/);
  });

  it('reproduces the cost example through the API', async () => {
    const backend = newBackend();
    const result = await call<CostModelResult>(backend, 'cost.calculate', {
      salaryAndBenefits: 60000, toolsPerSeat: 5000, training: 2000, managementOverhead: 8000, ticketsPerAgentPerDay: 25, workingDaysPerYear: 240, ahtCut: 0.1, fcrGain: 0.05,
    });
    expect([result.fullCostPerAgent, result.ticketsPerAgentPerYear, result.costPerTicket, result.ahtCutSavingPerTicket, result.fcrSavingPerAgent]).toEqual([75000, 6000, 12.5, 1.25, 3750]);
  });
});
