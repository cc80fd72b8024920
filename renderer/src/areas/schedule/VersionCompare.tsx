/**
 * Compare the open version with another version of the same week (by default the published one): shifts added,
 * removed and moved, and the change in agent-hours short and over, both measured against this version's
 * requirements.
 */
import { useEffect, useMemo } from 'react';
import type { ScheduleShift, ScheduleView } from '../../../../shared/api/channels/schedule';
import { formatNumber } from '../../components/format';
import { useVersionCompare } from '../../stores/versionCompareStore';
import { useSchedule } from '../../stores/scheduleStore';
import { diffVersions, type ShiftChange } from './versionDiff';
import { formatClock, WEEKDAY_SHORT } from '../../../../shared/calendar/days';

const SHOWN = 12;

export function VersionCompare({ view }: { view: ScheduleView }) {
  const shifts = useSchedule((s) => s.shifts);
  const others = view.versions.filter((v) => v.id !== view.schedule.id);
  const preferred = others.find((v) => v.status === 'published') ?? others[0];
  const otherId = useVersionCompare((s) => s.otherId);
  const otherShifts = useVersionCompare((s) => s.otherShifts);
  const error = useVersionCompare((s) => s.error);
  const compareWith = useVersionCompare((s) => s.compareWith);

  useEffect(() => {
    void compareWith(preferred?.id);
  }, [compareWith, view.schedule.id, preferred?.id]);

  const requirements = useMemo(() => ({ intervalMinutes: view.requirements.intervalMinutes, days: 7, series: view.requirements.series }), [view.requirements]);
  const diff = useMemo(() => (otherShifts ? diffVersions(otherShifts, shifts, requirements) : undefined), [otherShifts, shifts, requirements]);
  if (others.length === 0) return null;
  const other = others.find((v) => v.id === otherId);
  const name = (id: number) => view.agents.find((a) => a.id === id)?.name ?? `Agent ${id}`;
  const times = (s?: ScheduleShift) => (s ? s.segments.map((x) => `${formatClock(x.start)}–${formatClock(x.end)}`).join(' + ') : '');
  const list = (changes: ShiftChange[], show: (c: ShiftChange) => string) => (
    <ul>
      {changes.slice(0, SHOWN).map((c) => <li key={`${c.agentId}|${c.day}`}>{WEEKDAY_SHORT[c.day]} · {name(c.agentId)}: {show(c)}</li>)}
      {changes.length > SHOWN && <li className="muted">and {changes.length - SHOWN} more</li>}
    </ul>
  );
  const signed = (n: number) => `${n > 0 ? '+' : n < 0 ? '−' : '±'}${formatNumber(Math.abs(n), 1)}`;

  return (
    <div className="panel" data-testid="sched-compare">
      <div className="sched-side__head">
        <h3>Compare v{view.schedule.version} with</h3>
        <select aria-label="Version to compare with" value={otherId ?? ''} onChange={(e) => void compareWith(Number(e.target.value))} data-testid="sched-compare-version">
          {others.map((v) => <option key={v.id} value={v.id}>v{v.version} · {v.status}</option>)}
        </select>
      </div>
      {error && <div className="notice notice--error">{error}</div>}
      {!diff ? (
        <p className="muted">Loading v{other?.version}…</p>
      ) : (
        <>
          <p data-testid="sched-compare-summary">
            From v{other?.version} to v{view.schedule.version}: <strong>{diff.added.length}</strong> shifts added, <strong>{diff.removed.length}</strong> removed, <strong>{diff.moved.length}</strong> moved, {diff.unchanged} unchanged.
            {' '}Short {formatNumber(diff.underHours.before, 1)} → {formatNumber(diff.underHours.after, 1)} agent-hours (<span data-testid="sched-compare-under">{signed(diff.underHours.delta)}</span>), over {formatNumber(diff.overHours.before, 1)} → {formatNumber(diff.overHours.after, 1)} ({signed(diff.overHours.delta)}).
          </p>
          <p className="muted">Shifts are matched by agent and day; short and over = Σ max(0, required − scheduled) and Σ max(0, scheduled − required) × interval length, both versions against v{view.schedule.version}’s requirements.</p>
          {diff.moved.length > 0 && <><h4>Moved</h4>{list(diff.moved, (c) => `${times(c.before)} → ${times(c.after)}`)}</>}
          {diff.added.length > 0 && <><h4>Added</h4>{list(diff.added, (c) => `${times(c.after)} (${c.after!.skill})`)}</>}
          {diff.removed.length > 0 && <><h4>Removed</h4>{list(diff.removed, (c) => `${times(c.before)} (${c.before!.skill})`)}</>}
        </>
      )}
    </div>
  );
}
