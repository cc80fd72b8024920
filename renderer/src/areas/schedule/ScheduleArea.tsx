/**
 * The Schedule area: pick a week, generate it (progress, Stop keeps the best so far), then read and edit it — the
 * weekly grid over the coverage chart, rule problems on the shifts, why intervals stay short, versions and
 * publishing, and exports (CSV, XLSX, one ICS calendar per agent, a printable week).
 */
import { memo, useCallback, useEffect, useMemo, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { createPortal } from 'react-dom';
import type { ScheduleExportFile, ScheduleView, WeekRequirements } from '../../../../shared/api/channels/schedule';
import type { CoverageReport, RuleViolation, ShiftTemplateInput } from '../../../../shared/engine/schedule';
import { NumberField } from '../../components/NumberField';
import { formatNumber } from '../../components/format';
import { useJobs } from '../../stores/jobsStore';
import { useSchedule } from '../../stores/scheduleStore';
import { useWorkspace } from '../../stores/workspaceStore';
import { CoverageChart } from './CoverageChart';
import { ForecastRunChooser } from './ForecastRunChooser';
import { ScheduleGrid, type TimeWindow } from './ScheduleGrid';
import { AgentPanel, ShiftDetails } from './SidePanels';
import { TemplatesPanel } from './TemplatesPanel';
import { clock } from './shiftEdit';
import './schedule.css';

const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
const GRID_HEIGHT = 520;

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
      {job && (
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

function WeekPicker() {
  const { overview, weekStart, selectWeek } = useSchedule(useShallow((state) => ({ overview: state.overview, weekStart: state.weekStart, selectWeek: state.selectWeek })));
  const weeks = useMemo(() => {
    if (!overview) return [];
    const set = new Set<string>(overview.forecastWeeks);
    overview.schedules.forEach((x) => set.add(x.weekStart));
    if (overview.historyWeeks) {
      for (let w = overview.historyWeeks.first; w <= overview.historyWeeks.last; w = addDays(w, 7)) set.add(w);
      set.add(addDays(overview.historyWeeks.last, 7));
      set.add(addDays(overview.historyWeeks.last, 14));
    }
    if (weekStart) set.add(weekStart);
    return [...set].sort().reverse();
  }, [overview, weekStart]);
  if (!overview) return null;
  const describe = (w: string) => {
    const versions = overview.schedules.filter((x) => x.weekStart === w);
    const data = overview.forecastWeeks.includes(w) ? 'forecast' : overview.historyWeeks && w >= overview.historyWeeks.first && w <= overview.historyWeeks.last ? 'history' : 'no full data';
    const latest = versions.sort((a, b) => b.version - a.version)[0];
    return `Week of ${w} (${data})${latest ? ` · v${latest.version} ${latest.status}` : ''}`;
  };
  return (
    <div className="field sched-week">
      <label htmlFor="sched-week">Week (Monday)</label>
      <select id="sched-week" value={weekStart ?? ''} onChange={(e) => void selectWeek(e.target.value)} data-testid="sched-week">
        {weeks.map((w) => <option key={w} value={w}>{describe(w)}</option>)}
      </select>
    </div>
  );
}

function ScheduleBody({ view, coverage, editable }: { view: ScheduleView; coverage: CoverageReport; editable: boolean }) {
  const { shifts, violations, problem, selectedShiftId, selectedAgentId, recomputeMs, editsSinceSolve } = useSchedule(
    useShallow((state) => ({
      shifts: state.shifts, violations: state.violations, problem: state.problem, selectedShiftId: state.selectedShiftId,
      selectedAgentId: state.selectedAgentId, recomputeMs: state.recomputeMs, editsSinceSolve: state.editsSinceSolve,
    })),
  );
  const [printing, setPrinting] = useState(false);
  const onPrint = useCallback(() => setPrinting(true), []);
  const dates = useMemo(() => Array.from({ length: 7 }, (_, d) => addDays(view.schedule.weekStart, d)), [view.schedule.weekStart]);
  const templateNames = useMemo(() => new Map(view.templates.map((t) => [t.id, { name: t.name, category: t.category ?? 'day' }])), [view.templates]);
  const span = useMemo(() => timeWindow(view.templates, shifts), [view.templates, shifts]);
  const { shiftIssues, agentIssues } = useMemo(() => issuesOf(violations, shifts), [violations, shifts]);
  const agents = view.agents;
  const published = view.schedule.status === 'published';
  const selectedShift = shifts.find((x) => x.id === selectedShiftId);
  const selectedAgent = agents.find((a) => a.id === (selectedShift?.agentId ?? selectedAgentId));

  useEffect(() => {
    if (!printing) return;
    document.body.classList.add('print-schedule');
    const done = () => {
      document.body.classList.remove('print-schedule');
      setPrinting(false);
    };
    window.addEventListener('afterprint', done, { once: true });
    const timer = setTimeout(() => window.print(), 50);
    return () => {
      clearTimeout(timer);
      window.removeEventListener('afterprint', done);
      document.body.classList.remove('print-schedule');
    };
  }, [printing]);

  return (
    <>
      <VersionBar view={view} onPrint={onPrint} />
      <SummaryCards view={view} coverage={coverage} violations={violations} shiftCount={shifts.length} />
      <CoverageChart coverage={coverage} dates={dates} />
      <div className="panel sched-gridpanel">
          <div className="sched-gridhead">
            <h3>Week of {view.schedule.weekStart}</h3>
            <span className="muted" data-testid="sched-recompute">
              {published ? 'Published: dragging a shift starts a new draft. ' : ''}
              {recomputeMs !== undefined && `Coverage and rules rechecked in ${formatNumber(recomputeMs, 1)} ms.`}
            </span>
          </div>
          <Legend />
          <ScheduleGrid agents={agents} shifts={shifts} dates={dates} window={span} templateNames={templateNames} shiftIssues={shiftIssues} agentIssues={agentIssues} editable={editable} height={GRID_HEIGHT} />
      </div>
      {/* Below the grid, so opening it never moves the grid under a drag. */}
      {selectedShift && <ShiftDetails shift={selectedShift} agent={selectedAgent} view={view} violations={violations} editable={editable} />}
      {!selectedShift && selectedAgent && <AgentPanel agent={selectedAgent} view={view} problem={problem} violations={violations} editable={editable} />}
      {!selectedShift && !selectedAgent && <p className="muted">Click a shift for its details and lock, or an agent’s name for their week, days off and preferences. Double-click an empty day to add a shift.</p>}
      <RulesPanel violations={violations} view={view} />
      <ExplanationsPanel view={view} editsSinceSolve={editsSinceSolve} />
      {printing && createPortal(<PrintWeek view={view} dates={dates} />, document.body)}
    </>
  );
}

function Legend() {
  return (
    <p className="sched-legend muted">
      <span className="sb-key sb--early" /> Early <span className="sb-key sb--day" /> Core <span className="sb-key sb--late" /> Late <span className="sb-key sb--split" /> Split <span className="sb-key sb--custom" /> Custom
      <span className="sb-key sb-key--break" /> break <span className="sb-key sb-key--issue" /> breaks a rule · 🔒 locked · times on a 00–24 h scale per day
    </p>
  );
}

const VersionBar = memo(function VersionBar({ view, onPrint }: { view: ScheduleView; onPrint(): void }) {
  const { publish, deleteDraft, openSchedule, exportFiles } = useSchedule.getState();
  const busy = useSchedule((state) => state.busy);
  const [agentId, setAgentId] = useState<string>('');
  const [working, setWorking] = useState(false);
  const meta = view.schedule;
  const withShifts = view.agents.filter((a) => view.shifts.some((x) => x.agentId === a.id));

  const run = async (format: 'csv' | 'xlsx' | 'ics', agent?: number) => {
    setWorking(true);
    try {
      const files = await exportFiles(format, agent);
      for (const [i, file] of files.entries()) {
        if (i > 0) await new Promise((resolve) => setTimeout(resolve, 250));
        download(file);
      }
    } finally {
      setWorking(false);
    }
  };

  return (
    <div className="panel sched-versions" data-testid="sched-versions">
      <div className="field">
        <label htmlFor="sched-version">Version</label>
        <select id="sched-version" value={meta.id} onChange={(e) => void openSchedule(Number(e.target.value))}>
          {view.versions.map((v) => (
            <option key={v.id} value={v.id}>v{v.version} · {v.status}{v.publishedAt ? ` ${v.publishedAt.slice(0, 10)}` : ''} · {v.shiftCount} shifts</option>
          ))}
        </select>
      </div>
      <div className="sched-status">
        <span className={`sched-badge sched-badge--${meta.status}`} data-testid="sched-status">{meta.status === 'published' ? `Published v${meta.version}` : `Draft v${meta.version}`}</span>
        {meta.basedOn !== null && <span className="muted"> continues v{view.versions.find((v) => v.id === meta.basedOn)?.version ?? '?'}</span>}
      </div>
      {meta.status === 'draft' ? (
        <>
          <button type="button" disabled={busy} onClick={() => { if (window.confirm(`Publish version ${meta.version}? A published version never changes; later edits start a new draft.`)) void publish(); }} data-testid="sched-publish">Publish</button>
          <button type="button" className="secondary" onClick={() => { if (window.confirm(`Delete draft version ${meta.version}?`)) void deleteDraft(); }}>Delete draft</button>
        </>
      ) : (
        <span className="muted">Read-only record; edits start a new draft.</span>
      )}
      <div className="sched-exports" role="group" aria-label="Export">
        <button type="button" className="secondary" disabled={working} onClick={() => void run('csv')} data-testid="sched-export-csv">CSV</button>
        <button type="button" className="secondary" disabled={working} onClick={() => void run('xlsx')} data-testid="sched-export-xlsx">XLSX</button>
        <button type="button" className="secondary" onClick={onPrint} data-testid="sched-print">Print week</button>
        <select aria-label="Calendar for" value={agentId} onChange={(e) => setAgentId(e.target.value)} data-testid="sched-ics-agent">
          <option value="">Calendars: every agent ({withShifts.length} files)</option>
          {withShifts.map((a) => <option key={a.id} value={a.id}>Calendar: {a.name}</option>)}
        </select>
        <button type="button" className="secondary" disabled={working} onClick={() => void run('ics', agentId ? Number(agentId) : undefined)} data-testid="sched-export-ics">ICS</button>
      </div>
    </div>
  );
});

function SummaryCards({ view, coverage, violations, shiftCount }: { view: ScheduleView; coverage: CoverageReport; violations: RuleViolation[]; shiftCount: number }) {
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
          Last solve: {formatNumber(solve.summary.seconds, 1)} s of {solve.timeLimitSec} s{solve.stoppedEarly ? ' (stopped early; best schedule kept)' : ''}, {solve.lockedKept} locked shifts kept; objective {formatNumber(solve.summary.objective, 1)} = 10 × short + 1 × over agent-hours + {formatNumber(solve.summary.preferencePenalty, 1)} for preferences not met. Spread across agents: weekends {solve.summary.fairness.weekends.min}–{solve.summary.fairness.weekends.max}, lates {solve.summary.fairness.lates.min}–{solve.summary.fairness.lates.max}, splits {solve.summary.fairness.splits.min}–{solve.summary.fairness.splits.max} per agent.
          {solve.summary.notes.map((n) => ` ${n}.`)}
        </p>
      )}
    </>
  );
}

const RulesPanel = memo(function RulesPanel({ violations, view }: { violations: RuleViolation[]; view: ScheduleView }) {
  if (violations.length === 0) return <div className="panel" data-testid="sched-rules"><h3>Rules</h3><p className="ok">Every shift keeps every contract, rest, days-off and skill rule.</p></div>;
  const names = new Map(view.agents.map((a) => [String(a.id), a.name]));
  return (
    <div className="panel" data-testid="sched-rules">
      <h3>Rules broken ({violations.length})</h3>
      <p className="muted">Marked in red on the shifts involved. Fix them by dragging, or lock what must stay and re-solve.</p>
      <ul>{violations.map((v, i) => <li key={i}><strong>{names.get(v.agentId) ?? v.agentId}</strong> · {v.rule}: {v.message}</li>)}</ul>
    </div>
  );
});

const ExplanationsPanel = memo(function ExplanationsPanel({ view, editsSinceSolve }: { view: ScheduleView; editsSinceSolve: number }) {
  const [all, setAll] = useState(false);
  const explanations = view.solve?.explanations ?? [];
  if (!view.solve) return null;
  const shown = all ? explanations : explanations.slice(0, 15);
  return (
    <div className="panel" data-testid="sched-explanations">
      <h3>Why intervals stay short</h3>
      {explanations.length === 0 ? (
        <p className="ok">The last solve covered every interval.</p>
      ) : (
        <>
          <p className="muted">
            {explanations.length} runs of short intervals at the last solve, largest first, each with its causes (most fundamental first). Agent-hours short = Σ (required − scheduled) × interval length over the run.
            {editsSinceSolve > 0 && ` ${editsSinceSolve} edits since then: the chart above shows coverage as it is now.`}
          </p>
          <table className="list">
            <thead><tr><th>Day</th><th>Time</th><th>Skill</th><th className="num">Required (peak)</th><th className="num">Scheduled (least)</th><th className="num">Agent-hours short</th><th>Why</th></tr></thead>
            <tbody>
              {shown.map((e, i) => (
                <tr key={i}>
                  <td>{WEEKDAYS[e.day]} {e.date ?? ''}</td>
                  <td>{e.start}–{e.end}</td>
                  <td>{e.skill}</td>
                  <td className="num">{formatNumber(e.required, 2)}</td>
                  <td className="num">{formatNumber(e.scheduled, 2)}</td>
                  <td className="num">{formatNumber(e.shortfallHours, 2)}</td>
                  <td><ul className="sched-causes">{e.causes.map((c, k) => <li key={k}><span className="sched-cause">{c.cause}</span> {c.message}</li>)}</ul></td>
                </tr>
              ))}
            </tbody>
          </table>
          {explanations.length > 15 && <button type="button" className="link" onClick={() => setAll(!all)}>{all ? 'Show the largest 15' : `Show all ${explanations.length}`}</button>}
        </>
      )}
    </div>
  );
});

const RequirementsPanel = memo(function RequirementsPanel({ requirements, frozen }: { requirements: WeekRequirements; frozen: boolean }) {
  const label = (src: WeekRequirements['sources'][number]) => {
    switch (src.source) {
      case 'forecast': return `Forecast run #${src.forecastRunId} (${src.forecastMethod}), every day`;
      case 'forecast+history': return `Forecast run #${src.forecastRunId} (${src.forecastMethod}) for ${src.forecastDays.length} days, history for ${src.historyDays.length}`;
      case 'history': return `This week’s history (${src.historyDays.length} days): no forecast reaches this week`;
      default: return 'No forecast or history: nobody required';
    }
  };
  return (
    <div className="panel" data-testid="sched-requirements">
      <h3>Requirements {frozen ? 'this schedule was solved against' : 'Generate will use'}</h3>
      <p className="muted">
        Per queue: volumes per {requirements.intervalMinutes}-minute interval from the queue’s latest forecast where it reaches the week (with your day adjustments), else from that week’s history; then agents needed on the floor with the queue’s saved staffing profile, or the Staffing defaults. Queues of one channel add up to that skill’s curve. Shrinkage is not added: breaks are scheduled, absence is not known yet.
      </p>
      <table className="list">
        <thead><tr><th>Queue</th><th>Skill</th><th>Volumes from</th><th>Staffing</th><th className="num">Contacts</th><th className="num">Required agent-hours</th><th className="num">Peak agents</th></tr></thead>
        <tbody>
          {requirements.sources.map((src) => (
            <tr key={src.queueId}>
              <td>{src.queueName}</td>
              <td>{src.channel}</td>
              <td data-testid="sched-source">{label(src)}</td>
              <td>{src.profileName ? `Profile “${src.profileName}”: ` : 'Staffing defaults: '}{src.staffingSummary}</td>
              <td className="num">{formatNumber(src.volume, 0)}</td>
              <td className="num">{formatNumber(src.requiredAgentHours, 1)}</td>
              <td className="num">{formatNumber(src.peakRequired, 0)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {requirements.notes.map((n) => <div key={n} className="notice notice--error">{n}</div>)}
      {!frozen && requirements.sources.every((s) => s.source === 'history' || s.source === 'none') && (
        <p className="muted">To schedule a coming week from a forecast, run one in the <a href="#/forecast">Forecast area</a> that reaches it.</p>
      )}
    </div>
  );
});

function PrintWeek({ view, dates }: { view: ScheduleView; dates: string[] }) {
  const shifts = useSchedule((s) => s.shifts);
  const names = new Map(view.templates.map((t) => [t.id, t.name]));
  return (
    <div className="print-week">
      <h1>Schedule · week of {view.schedule.weekStart} · version {view.schedule.version} ({view.schedule.status})</h1>
      <p>Times are local ({view.timeZone}). Breaks in brackets.</p>
      <table>
        <thead><tr><th>Agent</th>{dates.map((d, i) => <th key={d}>{WEEKDAYS[i]} {d.slice(5)}</th>)}</tr></thead>
        <tbody>
          {view.agents.map((a) => (
            <tr key={a.id}>
              <td>{a.name}<br /><small>{a.team}</small></td>
              {dates.map((_, d) => (
                <td key={d}>
                  {shifts.filter((x) => x.agentId === a.id && x.day === d).map((x) => (
                    <div key={x.id}>
                      {x.segments.map((sg) => `${clock(sg.start)}–${clock(sg.end)}`).join(' + ')} {x.templateId ? names.get(x.templateId) : ''} {x.skill}
                      <br /><small>[{x.breaks.map((b) => `${clock(b.start)} ${b.kind}`).join(', ')}]</small>
                    </div>
                  ))}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function download(file: ScheduleExportFile): void {
  const body = file.encoding === 'base64' ? Uint8Array.from(atob(file.content), (c) => c.charCodeAt(0)) : file.content;
  const link = document.createElement('a');
  link.href = URL.createObjectURL(new Blob([body], { type: file.mimeType }));
  link.download = file.fileName;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 1000);
}

function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/** The part of the day the grid shows: every template's and shift's hours, on whole hours. */
function timeWindow(templates: ShiftTemplateInput[], shifts: { start: number; end: number }[]): TimeWindow {
  let from = 24 * 60;
  let to = 0;
  for (const t of templates) {
    const minutes = (v: string | number) => (typeof v === 'number' ? v : Number(v.slice(0, 2)) * 60 + Number(v.slice(3, 5)));
    const last = t.segments[t.segments.length - 1];
    from = Math.min(from, minutes(t.earliestStart));
    to = Math.max(to, minutes(t.latestStart) + last.offsetMinutes + last.lengthMinutes);
  }
  for (const s of shifts) {
    from = Math.min(from, s.start);
    to = Math.max(to, s.end);
  }
  if (to <= from) return { from: 0, to: 24 * 60 };
  return { from: Math.max(0, Math.floor(from / 60) * 60 - 60), to: Math.min(48 * 60, Math.ceil(to / 60) * 60 + 60) };
}

/** Rule messages on the shifts of the days they involve; rules with no shift on those days go on the agent. */
function issuesOf(violations: RuleViolation[], shifts: { id: number; agentId: number; day: number }[]) {
  const shiftIssues = new Map<number, string[]>();
  const agentIssues = new Map<number, string[]>();
  for (const v of violations) {
    const agentId = Number(v.agentId);
    const onDays = shifts.filter((x) => x.agentId === agentId && v.days.includes(x.day));
    if (onDays.length === 0) agentIssues.set(agentId, [...(agentIssues.get(agentId) ?? []), v.message]);
    for (const x of onDays) shiftIssues.set(x.id, [...(shiftIssues.get(x.id) ?? []), v.message]);
    if (onDays.length > 0) agentIssues.set(agentId, [...(agentIssues.get(agentId) ?? []), v.message]);
  }
  return { shiftIssues, agentIssues };
}
