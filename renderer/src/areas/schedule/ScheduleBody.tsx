/**
 * An open schedule: versions and exports, the summary, the coverage chart, the grid with the selected shift's (or
 * agent's) details beside it, the rules it breaks and why intervals stay short.
 */
import { useCallback, useEffect, useMemo, useState } from 'react';
import { createPortal } from 'react-dom';
import { useShallow } from 'zustand/react/shallow';
import type { ScheduleView } from '../../../../shared/api/channels/schedule';
import type { CoverageReport } from '../../../../shared/engine/schedule/coverage';
import { ScheduleWeightsSchema } from '../../../../shared/engine/schedule/model';
import { formatNumber } from '../../components/format';
import { useSchedule } from '../../stores/scheduleStore';
import { CoverageChart } from './CoverageChart';
import { EditHistory } from './EditHistory';
import { ExplanationsPanel } from './ExplanationsPanel';
import { issuesOf, timeWindow } from './gridLayout';
import { Legend } from './Legend';
import { PrintWeek } from './PrintWeek';
import { RulesPanel } from './RulesPanel';
import { ScheduleGrid } from './ScheduleGrid';
import { AgentPanel, ShiftDetails } from './SidePanels';
import { SummaryCards } from './SummaryCards';
import { VersionBar } from './VersionBar';
import { VersionCompare } from './VersionCompare';
import { addDays } from '../../../../shared/calendar/days';

const GRID_HEIGHT = 520;
/** The engine's own defaults, for a stored schedule whose problem no longer parses. */
const DEFAULT_WEIGHTS = ScheduleWeightsSchema.parse({});

export function ScheduleBody({ view, coverage, editable }: { view: ScheduleView; coverage: CoverageReport; editable: boolean }) {
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
      <SummaryCards view={view} coverage={coverage} violations={violations} shiftCount={shifts.length} weights={problem?.weights ?? DEFAULT_WEIGHTS} />
      <CoverageChart coverage={coverage} dates={dates} />
      <div className="sched-work">
        <div className="panel sched-gridpanel">
          <div className="sched-gridhead">
            <h3>Week of {view.schedule.weekStart}</h3>
            <span className="muted" data-testid="sched-recompute">
              {published ? 'Published: dragging a shift starts a new draft. ' : ''}
              {recomputeMs !== undefined && `Coverage and rules rechecked in ${formatNumber(recomputeMs, 1)} ms.`}
            </span>
          </div>
          <Legend />
          <ScheduleGrid agents={agents} shifts={shifts} dates={dates} window={span} templateNames={templateNames} shiftIssues={shiftIssues} agentIssues={agentIssues} editable={editable} height={GRID_HEIGHT} snapMinutes={view.requirements.intervalMinutes} />
        </div>
        {/* Beside the grid, in a column of its own, so opening it never moves the grid under a drag. */}
        <aside className="sched-aside" aria-label="Selected shift or agent, and edits">
          {selectedShift && <ShiftDetails shift={selectedShift} agent={selectedAgent} view={view} violations={violations} editable={editable} />}
          {!selectedShift && selectedAgent && <AgentPanel agent={selectedAgent} view={view} problem={problem} violations={violations} editable={editable} />}
          {!selectedShift && !selectedAgent && <p className="muted panel">Click a shift for its details and lock, or an agent’s name for their week, days off and preferences. Double-click an empty day to add a shift.</p>}
          <EditHistory editable={editable} />
        </aside>
      </div>
      <VersionCompare view={view} />
      <RulesPanel violations={violations} view={view} />
      <ExplanationsPanel view={view} editsSinceSolve={editsSinceSolve} />
      {printing && createPortal(<PrintWeek view={view} dates={dates} />, document.body)}
    </>
  );
}
