/**
 * The schedule's status as it is now: version, shifts, agent-hours short and over, rules broken and edits since the
 * solve. It is computed from the live state, so it follows every edit, undo and publish (the solve job's own
 * message describes the schedule as the solver left it, and went stale after the first edit).
 */
import { useShallow } from 'zustand/react/shallow';
import { formatNumber } from '../../components/format';
import { useSchedule } from '../../stores/scheduleStore';

export function StatusLine() {
  const { view, shifts, coverage, violations, editsSinceSolve } = useSchedule(
    useShallow((s) => ({ view: s.view, shifts: s.shifts, coverage: s.coverage, violations: s.violations, editsSinceSolve: s.editsSinceSolve })),
  );
  if (!view || !coverage) return null;
  const meta = view.schedule;
  return (
    <div className="job job--succeeded" role="status" data-testid="sched-status-line">
      <span className="job__message">
        Week of {meta.weekStart}, version {meta.version} ({meta.status === 'published' ? `published${meta.publishedAt ? ` ${meta.publishedAt.slice(0, 10)}` : ''}` : 'draft'}): {shifts.length} shifts, {formatNumber(coverage.underHours, 1)} agent-hours short, {formatNumber(coverage.overHours, 1)} over, {violations.length} rule violation{violations.length === 1 ? '' : 's'}
        {editsSinceSolve > 0 ? `; ${editsSinceSolve} edit${editsSinceSolve === 1 ? '' : 's'} since the solve` : ''}.
      </span>
    </div>
  );
}
