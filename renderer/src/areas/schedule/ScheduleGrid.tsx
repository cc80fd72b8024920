/**
 * The weekly grid: one row per agent, one timeline per day, shift bars with their breaks. Only the rows in view
 * are rendered, so a 500-agent week scrolls and drags as smoothly as 40. Drag a bar to move it (also onto another
 * agent's row or another day: the cell under the pointer takes it), drag an edge to resize it (pointer events,
 * snapped to the schedule's interval, the new times shown while dragging); the coverage chart follows while dragging
 * and the edit is saved on release. Keyboard: Tab to a bar; ←/→ move one interval, Shift+←/→ move the end, Alt+←/→
 * move the start, L locks, Delete removes, Enter shows its details (where "Move to" hands it to another agent/day).
 */
import { memo, useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent, type PointerEvent } from 'react';
import type { ScheduleAgent, ScheduleShift, ShiftTimes } from '../../../../shared/api/channels/schedule';
import { ContractSchema } from '../../../../shared/engine/schedule/model';
import { formatNumber } from '../../components/format';
import { useSchedule, type ShiftPlace } from '../../stores/scheduleStore';
import { LockIcon } from './LockIcon';
import { dragTimes, paidMinutes, sameTimes, snap, timesOf, type DragMode } from './shiftEdit';
import { formatClock, WEEKDAY_SHORT } from '../../../../shared/calendar/days';

export const ROW_HEIGHT = 34;
const OVERSCAN = 6;
const EDGE_PX = 7;

export interface TimeWindow {
  from: number;
  to: number;
}

interface GridProps {
  agents: ScheduleAgent[];
  shifts: ScheduleShift[];
  dates: string[];
  window: TimeWindow;
  templateNames: Map<string, { name: string; category: string }>;
  /** Rule messages per shift id, and per agent for rules that are not about one shift. */
  shiftIssues: Map<number, string[]>;
  agentIssues: Map<number, string[]>;
  editable: boolean;
  height: number;
  /** Drags snap to the schedule's interval (15 or 30 minutes). */
  snapMinutes: number;
}

export function ScheduleGrid({ agents, shifts, dates, window, templateNames, shiftIssues, agentIssues, editable, height, snapMinutes }: GridProps) {
  const [scrollTop, setScrollTop] = useState(0);
  const frame = useRef(0);
  const byAgent = useMemo(() => {
    const map = new Map<number, ScheduleShift[]>();
    for (const s of shifts) map.set(s.agentId, [...(map.get(s.agentId) ?? []), s]);
    return map;
  }, [shifts]);
  const perDay = useMemo(() => dates.map((_, d) => shifts.filter((s) => s.day === d).length), [shifts, dates]);

  const viewport = Math.min(height, agents.length * ROW_HEIGHT + 2);
  const first = Math.max(0, Math.floor(scrollTop / ROW_HEIGHT) - OVERSCAN);
  const last = Math.min(agents.length, Math.ceil((scrollTop + viewport) / ROW_HEIGHT) + OVERSCAN);
  const hours = useMemo(() => {
    const marks: number[] = [];
    for (let m = Math.ceil(window.from / 240) * 240; m <= window.to; m += 240) marks.push(m);
    return marks;
  }, [window]);

  return (
    <div className="sg" role="grid" aria-label="Weekly schedule: agents by days" aria-rowcount={agents.length + 1} data-testid="sched-grid">
      <div className="sg-row sg-head" role="row">
        <div className="sg-agent" role="columnheader">Agent <span className="muted">({agents.length})</span></div>
        {dates.map((date, d) => (
          <div key={date} className="sg-day sg-dayhead" role="columnheader">
            <div>{WEEKDAY_SHORT[d]} {date.slice(5)}</div>
            <div className="sg-ticks muted">
              {hours.map((m) => (
                <span key={m} style={{ left: `${((m - window.from) / (window.to - window.from)) * 100}%` }}>{formatClock(m).slice(0, 2)}</span>
              ))}
            </div>
            <div className="sg-count muted" title="Shifts that start this day">{perDay[d]} shifts</div>
          </div>
        ))}
      </div>
      <div
        className="sg-body"
        style={{ height: viewport }}
        onScroll={(e) => {
          const top = e.currentTarget.scrollTop;
          cancelAnimationFrame(frame.current);
          frame.current = requestAnimationFrame(() => setScrollTop(top));
        }}
      >
        <div style={{ height: agents.length * ROW_HEIGHT, position: 'relative' }}>
          {agents.slice(first, last).map((agent, i) => (
            <AgentRow
              key={agent.id}
              index={first + i}
              agent={agent}
              shifts={byAgent.get(agent.id)}
              window={window}
              templateNames={templateNames}
              shiftIssues={shiftIssues}
              issues={agentIssues.get(agent.id)}
              editable={editable}
              snapMinutes={snapMinutes}
            />
          ))}
        </div>
      </div>
    </div>
  );
}

interface RowProps {
  index: number;
  agent: ScheduleAgent;
  shifts?: ScheduleShift[];
  window: TimeWindow;
  templateNames: GridProps['templateNames'];
  shiftIssues: GridProps['shiftIssues'];
  issues?: string[];
  editable: boolean;
  snapMinutes: number;
}

const AgentRow = memo(function AgentRow({ index, agent, shifts, window, templateNames, shiftIssues, issues, editable, snapMinutes }: RowProps) {
  const select = useSchedule((s) => s.set);
  const selectedAgent = useSchedule((s) => s.selectedAgentId === agent.id);
  return (
    <div className={`sg-row${selectedAgent ? ' sg-row--selected' : ''}`} role="row" aria-rowindex={index + 2} style={{ top: index * ROW_HEIGHT }} data-agent={agent.name} data-agent-id={agent.id}>
      <div className="sg-agent" role="rowheader">
        <button type="button" className="link sg-agentname" onClick={() => select({ selectedAgentId: agent.id, selectedShiftId: undefined })} title={`${agent.team} · ${agent.skills.join(', ')}`}>
          {agent.name}
        </button>
        <span className="sg-skills muted">{agent.skills.join(' ')}</span>
        {agent.ramp && (
          <span className="sg-ramp" data-testid="sched-ramp" title={`New hire (${agent.ramp.classLabel}), ramp week ${agent.ramp.rampWeek} of ${agent.ramp.rampWeeks}: ${agent.ramp.focus}. Coverage counts ${Math.round(agent.ramp.load * 100)}% of an agent.`}>
            {agent.ramp.load === 0 ? 'training' : `ramp ${Math.round(agent.ramp.load * 100)}%`}
          </span>
        )}
        <WeekHours agent={agent} shifts={shifts} />
        {issues && issues.length > 0 && (
          <span className="sg-flag" title={issues.join('\n')} aria-label={`${issues.length} rule problems: ${issues.join('; ')}`}>!</span>
        )}
      </div>
      {[0, 1, 2, 3, 4, 5, 6].map((day) => (
        <div
          key={day}
          className="sg-day"
          role="gridcell"
          data-day={day}
          onDoubleClick={() => select({ selectedAgentId: agent.id, selectedDay: day, selectedShiftId: undefined })}
          title={editable ? 'Double-click to add a shift from the agent panel' : undefined}
        >
          {shifts
            ?.filter((s) => s.day === day)
            .map((shift) => (
              <ShiftBar key={shift.id} shift={shift} agent={agent} window={window} template={shift.templateId ? templateNames.get(shift.templateId) : undefined} issues={shiftIssues.get(shift.id)} editable={editable} snapMinutes={snapMinutes} />
            ))}
        </div>
      ))}
    </div>
  );
});

/**
 * The agent's paid hours this week against the contract: red under the weekly minimum, amber over the maximum.
 * Paid hours = Σ (working spans − unpaid breaks) of the week's shifts.
 */
function WeekHours({ agent, shifts }: { agent: ScheduleAgent; shifts?: ScheduleShift[] }) {
  const contract = ContractSchema.parse(agent.engine.contract ?? {});
  const paid = (shifts ?? []).reduce((sum, s) => sum + paidMinutes(s), 0);
  const state = paid < contract.minMinutesPerWeek ? 'under' : paid > contract.maxMinutesPerWeek ? 'over' : 'ok';
  const range = contract.minMinutesPerWeek > 0 ? `${hours(contract.minMinutesPerWeek)}–${hours(contract.maxMinutesPerWeek)}` : `≤ ${hours(contract.maxMinutesPerWeek)}`;
  return (
    <span
      className={`sg-hours sg-hours--${state}`}
      data-testid="agent-week-hours"
      title={`Paid this week: ${hours(paid)} h (working spans − unpaid breaks); contract ${range} h a week${state === 'under' ? ' — under the minimum' : state === 'over' ? ' — over the maximum' : ''}`}
    >
      {hours(paid)}/{range} h
    </span>
  );
}

const hours = (minutes: number) => formatNumber(minutes / 60, 1);

interface BarProps {
  shift: ScheduleShift;
  agent: ScheduleAgent;
  window: TimeWindow;
  template?: { name: string; category: string };
  issues?: string[];
  editable: boolean;
  snapMinutes: number;
}

interface DragState {
  mode: DragMode;
  /** Minute of the day under the pointer when the drag began (in the shift's own cell). */
  grabMinute: number;
  minutesPerPx: number;
  base: ShiftTimes;
  delta: number;
  /** Another agent's row or another day the bar would land on (whole-shift moves only). */
  target?: { agentId: number; day: number; cell: HTMLElement };
}

function ShiftBar({ shift, agent, window, template, issues, editable, snapMinutes }: BarProps) {
  const { preview, commit, setLocked, removeShift, set } = useSchedule.getState();
  const selected = useSchedule((s) => s.selectedShiftId === shift.id);
  const [draft, setDraft] = useState<ShiftTimes | null>(null);
  const drag = useRef<DragState | null>(null);
  const frame = useRef(0);
  useEffect(() => () => cancelAnimationFrame(frame.current), []);

  const shown = draft ? { ...shift, ...draft } : shift;
  const dropTarget = draft ? drag.current?.target : undefined;
  const dropLabel = dropTarget ? `→ ${useSchedule.getState().view?.agents.find((a) => a.id === dropTarget.agentId)?.name ?? 'agent'}, ${WEEKDAY_SHORT[dropTarget.day]} ` : '';
  const span = window.to - window.from;
  const pct = (m: number) => `${((m - window.from) / span) * 100}%`;
  const length = shown.end - shown.start;
  const name = template?.name ?? 'Custom';
  const label = `${agent.name}, ${shift.date}: ${formatClock(shown.start)}–${formatClock(shown.end)} ${name} (${shift.skill}), ${shown.breaks.length} breaks${shift.locked ? ', locked' : ''}${issues?.length ? `. Rule problems: ${issues.join('; ')}` : ''}`;

  const schedulePreview = useCallback(
    (times: ShiftTimes | null, moveTo?: ShiftPlace) => {
      cancelAnimationFrame(frame.current);
      frame.current = requestAnimationFrame(() => preview(shift.id, times, moveTo));
    },
    [preview, shift.id],
  );

  const onPointerDown = (e: PointerEvent<HTMLDivElement>) => {
    if (e.button !== 0) return;
    set({ selectedShiftId: shift.id, selectedAgentId: agent.id });
    e.currentTarget.focus();
    if (!editable || shift.locked) return;
    const cell = e.currentTarget.parentElement!.getBoundingClientRect();
    const bar = e.currentTarget.getBoundingClientRect();
    const mode: DragMode = e.clientX - bar.left <= EDGE_PX ? 'start' : bar.right - e.clientX <= EDGE_PX ? 'end' : 'move';
    const minutesPerPx = span / cell.width;
    drag.current = { mode, grabMinute: (e.clientX - cell.left) * minutesPerPx, minutesPerPx, base: timesOf(shift), delta: 0 };
    try {
      e.currentTarget.setPointerCapture(e.pointerId);
    } catch {
      // A pointer that already ended (or a synthetic one) cannot be captured; the drag still follows it here.
    }
    e.preventDefault();
  };
  const onPointerMove = (e: PointerEvent<HTMLDivElement>) => {
    const d = drag.current;
    if (!d) return;
    const home = e.currentTarget.parentElement!;
    const over = d.mode === 'move' ? dropCellAt(e.clientX, e.clientY) : undefined;
    const target = over && (over.agentId !== shift.agentId || over.day !== shift.day) ? over : undefined;
    const cell = (target?.cell ?? home).getBoundingClientRect();
    const delta = snap((e.clientX - cell.left) * d.minutesPerPx - d.grabMinute, snapMinutes);
    if (delta === d.delta && target?.cell === d.target?.cell) return;
    d.target?.cell.classList.remove('sg-day--drop');
    target?.cell.classList.add('sg-day--drop');
    d.delta = delta;
    d.target = target;
    const times = dragTimes(d.base, d.mode, delta);
    setDraft(times);
    schedulePreview(times, target && placeFor(target));
  };
  /** The skill the shift keeps on its new agent: the same when they have it, else their first skill. */
  const placeFor = (target: { agentId: number; day: number }): ShiftPlace => {
    const skills = useSchedule.getState().view?.agents.find((a) => a.id === target.agentId)?.skills ?? [];
    return { agentId: target.agentId, day: target.day, skill: skills.includes(shift.skill) ? shift.skill : (skills[0] ?? shift.skill) };
  };
  const finish = (e: PointerEvent<HTMLDivElement>, save: boolean) => {
    const d = drag.current;
    if (!d) return;
    drag.current = null;
    d.target?.cell.classList.remove('sg-day--drop');
    if (e.currentTarget.hasPointerCapture(e.pointerId)) e.currentTarget.releasePointerCapture(e.pointerId);
    cancelAnimationFrame(frame.current);
    const times = dragTimes(d.base, d.mode, d.delta);
    if (save && d.target) void commit(shift.id, times, placeFor(d.target));
    else if (save && d.delta !== 0 && !sameTimes(times, d.base)) void commit(shift.id, times);
    else preview(shift.id, null);
    setDraft(null);
  };
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      set({ selectedShiftId: shift.id, selectedAgentId: agent.id });
      return;
    }
    if (!editable) {
      if (['l', 'L', 'Delete', 'Backspace', 'ArrowLeft', 'ArrowRight'].includes(e.key)) {
        set({ notice: { kind: 'error', text: 'Editing waits while the solver runs or a new draft is being created; try again in a moment.' } });
      }
      return;
    }
    if (e.key === 'l' || e.key === 'L') {
      e.preventDefault();
      void setLocked([shift.id], !shift.locked);
      return;
    }
    if (e.key === 'Delete' || e.key === 'Backspace') {
      e.preventDefault();
      void removeShift(shift.id);
      return;
    }
    if (e.key !== 'ArrowLeft' && e.key !== 'ArrowRight') return;
    e.preventDefault();
    if (shift.locked) return set({ notice: { kind: 'error', text: 'This shift is locked: press L to unlock it before moving it.' } });
    const mode: DragMode = e.shiftKey ? 'end' : e.altKey ? 'start' : 'move';
    void commit(shift.id, dragTimes(timesOf(shift), mode, e.key === 'ArrowLeft' ? -snapMinutes : snapMinutes));
  };

  return (
    <div
      className={`sb sb--${template?.category ?? 'custom'}${shift.locked ? ' sb--locked' : ''}${issues?.length ? ' sb--issue' : ''}${selected ? ' sb--selected' : ''}${draft ? ' sb--dragging' : ''}`}
      style={{ left: pct(shown.start), width: `${(length / span) * 100}%` }}
      tabIndex={0}
      role="button"
      aria-label={label}
      aria-pressed={selected}
      title={`${label}\n${shown.breaks.map((b) => `${b.kind} ${formatClock(b.start)}–${formatClock(b.end)}${b.paid ? ' (paid)' : ''}`).join('\n')}${editable && !shift.locked ? '\nDrag to move, drag an edge to resize; arrow keys too.' : ''}`}
      data-testid="shift-bar"
      data-shift-id={shift.id}
      data-start={formatClock(shown.start)}
      data-end={formatClock(shown.end)}
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={(e) => finish(e, true)}
      onPointerCancel={(e) => finish(e, false)}
      onKeyDown={onKeyDown}
    >
      {shown.segments.map((s, i) => (
        <span key={i} className="sb-seg" style={{ left: `${((s.start - shown.start) / length) * 100}%`, width: `${((s.end - s.start) / length) * 100}%` }} />
      ))}
      {shown.breaks.map((b, i) => (
        <span key={`b${i}`} className={`sb-break sb-break--${b.kind}`} style={{ left: `${((b.start - shown.start) / length) * 100}%`, width: `${((b.end - b.start) / length) * 100}%` }} />
      ))}
      {draft && <span className="sb-drag-time" data-testid="drag-time">{dropLabel}{formatClock(draft.start)}–{formatClock(draft.end)}</span>}
      <span className="sb-text">
        {shift.locked && <LockIcon />}
        {formatClock(shown.start).replace(':00', '')}
        {agent.skills.length > 1 && ` ${shift.skill}`}
      </span>
    </div>
  );
}

/** The grid cell (agent row × day) under a screen point, if any: where a dragged bar would land. */
function dropCellAt(x: number, y: number): { agentId: number; day: number; cell: HTMLElement } | undefined {
  for (const element of document.elementsFromPoint(x, y)) {
    if (!(element instanceof HTMLElement) || element.dataset.day === undefined) continue;
    const row = element.closest<HTMLElement>('[data-agent-id]');
    if (!row) return undefined;
    return { agentId: Number(row.dataset.agentId), day: Number(element.dataset.day), cell: element };
  }
  return undefined;
}
