import { describe, expect, it } from 'vitest';
import { buildContext, parseScheduleInput } from '../../../shared/engine/schedule/context';
import { computeCoverage } from '../../../shared/engine/schedule/coverage';
import { explainShortfalls } from '../../../shared/engine/schedule/explain';
import type { ShiftAssignment } from '../../../shared/engine/schedule';
import { agents, at, curve } from './fixtures';

describe('explaining a short run', () => {
  it('reads required and scheduled in the same interval, the one most short', () => {
    // 08:00–09:00 needs 2 and has nobody; 09:00–10:00 needs 6 and has 1. The peak (6) and the least scheduled (0)
    // are in different hours: side by side they described a gap of 6 that never existed.
    const requirements = curve(1, 30, { voice: (_, m) => (m >= at('08:00') && m < at('09:00') ? 2 : m >= at('09:00') && m < at('10:00') ? 6 : 0) });
    const problem = parseScheduleInput({ startDate: '2026-11-09', requirements, agents: agents(1, ['voice']) });
    const shift: ShiftAssignment = { agentId: 'A1', day: 0, start: at('09:00'), end: at('17:00'), segments: [{ start: at('09:00'), end: at('17:00') }], breaks: [], skill: 'voice' };
    const coverage = computeCoverage(problem.requirements, [shift]);
    const [run] = explainShortfalls({ context: buildContext(problem), coverage, assignments: [shift], designed: [], lockedWork: new Map() });
    expect(run).toMatchObject({ start: '08:00', end: '10:00', worstAt: '09:00', required: 6, scheduled: 1, shortfallHours: 2 + 5 });
  });
});
