/**
 * The Schedule area: pick a week, generate it (progress, Stop keeps the best so far), then read and edit it — the
 * weekly grid over the coverage chart, rule problems on the shifts, why intervals stay short, versions and
 * publishing, and exports (CSV, XLSX, calendars, a printable week). Each part lives in its own module.
 */
import { useEffect } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { NumberField } from '../../components/NumberField';
import { useJobs } from '../../stores/jobsStore';
import { useSchedule } from '../../stores/scheduleStore';
import { useWorkspace } from '../../stores/workspaceStore';
import { ForecastRunChooser } from './ForecastRunChooser';
import { LockConflictsPanel } from './LockConflictsPanel';
import { RequirementsPanel } from './RequirementsPanel';
import { ScheduleBody } from './ScheduleBody';
import { StatusLine } from './StatusLine';
import { TemplatesPanel } from './TemplatesPanel';
import { WeekPicker } from './WeekPicker';
import './schedule.css';

export function ScheduleArea() {
  const summary = useWorkspace((s) => s.summary);
  const s = useSchedule(
    useShallow((state) => ({
      jobId: state.jobId, view: state.view, weekStart: state.weekStart, shifts: state.shifts, intervalMinutes: state.intervalMinutes, timeLimit: state.timeLimit,
      errors: state.errors, stopping: state.stopping, busy: state.busy, notice: state.notice, coverage: state.coverage, weekRequirements: state.weekRequirements,
      set: state.set, generate: state.generate, stop: state.stop, loadRequirements: state.loadRequirements,
    })),
  );
  const job = useJobs((state) => (s.jobId ? state.jobs[s.jobId] : undefined));
  const running = Boolean(job && !job.done);

  useEffect(() => {
    void useSchedule.getState().init();
  }, [summary]);

  if (!summary) return <p className="muted">Loading the workspace…</p>;
  if (summary.agentCount === 0 || summary.queues.length === 0) {
    return (
      <section className="panel empty">
        <h2>Schedule</h2>
        <p>There is nothing to schedule yet: the workspace needs agents and contact history. Reset the demo workspace or import history in the <a href="#/data">Data area</a>.</p>
      </section>
    );
  }
  const view = s.view && s.view.schedule.weekStart === s.weekStart ? s.view : undefined;
  const locked = s.shifts.filter((x) => x.locked).length;

  return (
    <section aria-labelledby="schedule-title" className="sched">
      <header className="area-header">
        <h2 id="schedule-title">Schedule</h2>
        <p className="muted">
          Shifts for named agents from the week’s interval requirements, under each agent’s contract. The solver designs shifts to fit the curve, then assigns agents (HiGHS MIP in a worker thread), then places breaks where coverage can spare them. Edit by dragging; coverage and rules are rechecked at once.
        </p>
      </header>

      <form className="panel toolbar" aria-label="Schedule settings" onSubmit={(e) => { e.preventDefault(); void s.generate(); }}>
        <WeekPicker />
        <div className="field">
          <label htmlFor="sched-interval">Interval</label>
          <select id="sched-interval" value={s.intervalMinutes} onChange={(e) => { s.set({ intervalMinutes: Number(e.target.value) as 15 | 30 }); void s.loadRequirements(); }}>
            <option value={30}>30 minutes</option>
            <option value={15}>15 minutes</option>
          </select>
        </div>
        <NumberField label="Time limit" unit="seconds" value={s.timeLimit} onChange={(v) => s.set({ timeLimit: v })} error={s.errors.timeLimit} testId="sched-time-limit" />
        <button type="submit" disabled={running || !s.weekStart} data-testid="sched-generate">
          {running ? 'Solving…' : view ? (locked > 0 ? `Re-solve around ${locked} locked` : 'Re-solve') : 'Generate'}
        </button>
      </form>
      {s.errors.form && <div className="notice notice--error" role="alert">{s.errors.form}</div>}
      <LockConflictsPanel />
      {/* A finished solve hands over to the live status line, which follows later edits and publishing. */}
      {view && s.coverage && (!job || job.done?.status === 'succeeded') && <StatusLine />}
      {job && !(view && job.done?.status === 'succeeded') && (
        <div className={`job job--${job.done?.status ?? 'running'}`} data-testid="sched-progress">
          {!job.done && (
            <div className="progress" role="progressbar" aria-label="Solve progress" aria-valuemin={0} aria-valuemax={100} aria-valuenow={Math.round(job.fraction * 100)}>
              <div className="progress__bar" style={{ width: `${Math.round(job.fraction * 100)}%` }} />
            </div>
          )}
          <span className="job__message">{job.message}</span>
          {!job.done && (
            <button type="button" onClick={() => void s.stop()} disabled={s.stopping} data-testid="sched-stop" title="Stops the solver and keeps the best schedule found so far">
              {s.stopping ? 'Stopping…' : 'Stop and keep best'}
            </button>
          )}
        </div>
      )}
      {s.notice && <div className={`notice notice--${s.notice.kind}`} role={s.notice.kind === 'error' ? 'alert' : 'status'} data-testid="sched-notice">{s.notice.text}</div>}

      {view && s.coverage ? (
        <ScheduleBody view={view} coverage={s.coverage} editable={!running && !s.busy} />
      ) : (
        !running && (
          <div className="panel empty" data-testid="sched-empty">
            <p>
              No schedule for {s.weekStart ? `the week of ${s.weekStart}` : 'this week'} yet. Press <strong>Generate</strong> to build one for the {summary.agentCount} agents: it takes up to the time limit, and <strong>Stop and keep best</strong> ends it early with the best schedule so far.
            </p>
          </div>
        )
      )}
      {s.weekStart && <ForecastRunChooser weekStart={s.weekStart} />}
      {(view?.requirements ?? s.weekRequirements) && <RequirementsPanel requirements={view?.requirements ?? s.weekRequirements!} frozen={Boolean(view)} />}
      <TemplatesPanel />
    </section>
  );
}
