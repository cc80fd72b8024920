/** The schedule's headline numbers, each with its formula, and the last solve in words. */
import type { ScheduleView } from '../../../../shared/api/channels/schedule';
import type { CoverageReport } from '../../../../shared/engine/schedule/coverage';
import type { ScheduleWeights } from '../../../../shared/engine/schedule/model';
import type { RuleViolation } from '../../../../shared/engine/schedule/rules';
import { formatNumber } from '../../components/format';

export function SummaryCards({ view, coverage, violations, shiftCount, weights }: { view: ScheduleView; coverage: CoverageReport; violations: RuleViolation[]; shiftCount: number; weights: ScheduleWeights }) {
  const solve = view.solve;
  const bound = solve?.summary.lowerBoundUnderHours;
  const cards: { label: string; value: string; help: string; testId?: string }[] = [
    { label: 'Required agent-hours', value: formatNumber(coverage.requiredHours, 1), help: 'Σ required agents per interval × interval length, all skills' },
    { label: 'Scheduled agent-hours', value: formatNumber(coverage.scheduledHours, 1), help: 'Σ agents working (not on a break) per interval × interval length' },
    { label: 'Short (under-coverage)', value: formatNumber(coverage.underHours, 1), help: 'Σ max(0, required − scheduled) × interval length', testId: 'sched-under' },
    { label: 'Over-coverage', value: formatNumber(coverage.overHours, 1), help: 'Σ max(0, scheduled − required) × interval length' },
    {
      label: 'Least possible short',
      value: bound === undefined ? '—' : formatNumber(bound, 1),
      help: 'Lower bound from the LP relaxation of shift design: no schedule from these templates and agents can be shorter',
    },
    { label: 'Rule violations', value: String(violations.length), help: 'Contract, rest, days-off and skill rules broken by the shifts as they are now', testId: 'sched-violations' },
    { label: 'Shifts', value: String(shiftCount), help: `${view.agents.length} agents` },
  ];
  return (
    <>
      <div className="cards" data-testid="sched-summary">
        {cards.map((c) => (
          <div key={c.label} className="card" title={c.help}>
            <div className="card__value" data-testid={c.testId}>{c.value}</div>
            <div className="card__label">{c.label}</div>
            <div className="card__help muted">{c.help}</div>
          </div>
        ))}
      </div>
      {solve && (
        <p className="muted" data-testid="sched-solve-line">
          Last solve: {formatNumber(solve.summary.seconds, 1)} s of {solve.timeLimitSec} s{solve.stoppedEarly ? ' (stopped early; best schedule kept)' : ''}, {solve.lockedKept} locked shifts kept; objective {formatNumber(solve.summary.objective, 1)} = {formatNumber(weights.underPerAgentHour, 2)} × short + {formatNumber(weights.overPerAgentHour, 2)} × over agent-hours + {formatNumber(solve.summary.preferencePenalty, 1)} for preferences not met. Spread across agents: weekends {solve.summary.fairness.weekends.min}–{solve.summary.fairness.weekends.max}, lates {solve.summary.fairness.lates.min}–{solve.summary.fairness.lates.max}, splits {solve.summary.fairness.splits.min}–{solve.summary.fairness.splits.max} per agent.
          {solve.summary.notes.map((n) => ` ${n}.`)}
        </p>
      )}
    </>
  );
}
