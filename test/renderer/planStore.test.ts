import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { PlanSave } from '../../shared/api/channels/plan';
import type { RecordedCall } from '../helpers/apiStandIn';

// The store talks to the services only through `api`; here `api` is a stand-in that records the calls.
const calls: RecordedCall[] = [];
const replies: Record<string, (payload: unknown) => unknown> = {};
vi.mock('../../renderer/src/api', async () => (await import('../helpers/apiStandIn')).apiStandIn(calls, (channel, payload) => replies[channel]?.(payload)));

const { usePlan } = await import('../../renderer/src/stores/planStore');
const { parsePercentFraction } = await import('../../renderer/src/components/parsePercent');

const DRAFT: PlanSave = {
  name: 'Test plan',
  startWeek: '2027-01-04',
  weeks: 13,
  document: {
    hoursPerFte: 40,
    occupancy: 0.85,
    shrinkage: 0.3,
    headcount: 20,
    skills: [],
    attrition: { tenuredMonthly: 0.03, newHireMonthly: 0.06 },
    growthPerYear: 0,
    defaultRampCurveId: 1,
    hiring: { leadTimeWeeks: 4, cadenceWeeks: 2, minClassSize: 2, maxClassSize: 8 },
    costs: { weeklyCostPerHead: 1000, hireCost: 5000, understaffPerFteWeek: 3000 },
    weekAssumptions: [],
  },
  classes: [],
  linkedToSchedule: false,
};

describe('plan store', () => {
  beforeEach(() => {
    calls.length = 0;
    vi.useFakeTimers();
    usePlan.setState({ draft: structuredClone(DRAFT), dirty: false, view: undefined, problems: [] });
  });

  it('sets a range of weeks at once and does not store trailing empty weeks', () => {
    usePlan.getState().setWeekValues('shrinkage', 2, [0.4, 0.4, 0.4]);
    expect(usePlan.getState().draft!.document.weekAssumptions).toEqual([{}, {}, { shrinkage: 0.4 }, { shrinkage: 0.4 }, { shrinkage: 0.4 }]);
    expect(usePlan.getState().dirty).toBe(true);
    usePlan.getState().setWeekValues('shrinkage', 3, [undefined, undefined]);
    expect(usePlan.getState().draft!.document.weekAssumptions).toEqual([{}, {}, { shrinkage: 0.4 }]);
    // Values past the plan's last week are dropped, not stored.
    usePlan.getState().setWeekValues('headcountChange', 12, [-2, -3]);
    expect(usePlan.getState().draft!.document.weekAssumptions).toHaveLength(13);
    expect(usePlan.getState().draft!.document.weekAssumptions[12]).toEqual({ headcountChange: -2 });
  });

  it('projects once per pause in typing, with the latest draft, and keeps the latest reply', async () => {
    let release: (value: unknown) => void = () => {};
    replies['plan.project'] = (payload) => {
      const { plan } = payload as { plan: PlanSave };
      // The first reply arrives after the second: it must not replace the newer projection.
      return plan.document.hoursPerFte === 38 ? new Promise((r) => (release = r)) : { marker: plan.document.hoursPerFte };
    };
    usePlan.getState().edit((d) => ({ ...d, document: { ...d.document, hoursPerFte: 39 } }));
    usePlan.getState().edit((d) => ({ ...d, document: { ...d.document, hoursPerFte: 38 } }));
    await vi.advanceTimersByTimeAsync(200);
    expect(calls.filter((c) => c.channel === 'plan.project')).toHaveLength(1);
    usePlan.getState().edit((d) => ({ ...d, document: { ...d.document, hoursPerFte: 37 } }));
    await vi.advanceTimersByTimeAsync(200);
    expect(usePlan.getState().view).toEqual({ marker: 37 });
    release({ marker: 38 });
    await vi.runAllTimersAsync();
    expect(usePlan.getState().view).toEqual({ marker: 37 });
  });

  it('adds, edits and removes classes on the draft', () => {
    const cls = { kind: 'growth', startWeek: '2027-02-01', size: 5, rampCurveId: 1, label: 'Feb', skill: 'chat' } as const;
    usePlan.getState().addClass(cls);
    usePlan.getState().updateClass(0, { size: 7 });
    expect(usePlan.getState().draft!.classes).toEqual([{ ...cls, size: 7 }]);
    usePlan.getState().removeClass(0);
    expect(usePlan.getState().draft!.classes).toEqual([]);
  });
});

describe('percent fields', () => {
  it('read percentages as fractions and refuse a bare fraction instead of guessing', () => {
    expect(parsePercentFraction('30')).toEqual({ value: 0.3 });
    expect(parsePercentFraction('30%')).toEqual({ value: 0.3 });
    expect(parsePercentFraction('0')).toEqual({ value: 0 });
    expect(parsePercentFraction('0.5%')).toEqual({ value: 0.005 });
    expect(parsePercentFraction('0.3').error).toMatch(/Did you mean 30%\?/);
    expect(parsePercentFraction('1').error).toMatch(/Did you mean 100%\?/);
    expect(parsePercentFraction('-5').error).toMatch(/at least 0%/);
    expect(parsePercentFraction('abc').error).toMatch(/not a number/);
    expect(parsePercentFraction('', undefined, true)).toEqual({});
  });
});
