/** The selected shift's details and actions, and the selected agent's week, preferences and "add a shift". */
import { useEffect, useMemo, useState } from 'react';
import type { AgentSchedulePreferences, ScheduleAgent, ScheduleShift, ScheduleView } from '../../../../shared/api/channels/schedule';
import type { RuleViolation, ScheduleProblem } from '../../../../shared/engine/schedule';
import { formatNumber } from '../../components/format';
import { useSchedule } from '../../stores/scheduleStore';
import { paidMinutes, timesOf } from './shiftEdit';
import { AvailabilityEditor, availabilityIsValid } from './AvailabilityEditor';
import { addDays, formatClock, WEEKDAY_NAMES } from '../../../../shared/calendar/days';


export function ShiftDetails({ shift, agent, view, violations, editable }: { shift: ScheduleShift; agent?: ScheduleAgent; view: ScheduleView; violations: RuleViolation[]; editable: boolean }) {
  const { setLocked, removeShift, set } = useSchedule.getState();
  const template = view.templates.find((t) => t.id === shift.templateId);
  const own = violations.filter((v) => v.agentId === String(shift.agentId) && v.days.includes(shift.day));
  return (
    <div className="panel sched-side" data-testid="shift-details" aria-live="polite">
      <div className="sched-side__head">
        <h3>{agent?.name ?? `Agent ${shift.agentId}`} · {WEEKDAY_NAMES[shift.day]} {shift.date}</h3>
        <button type="button" className="link" onClick={() => set({ selectedShiftId: undefined })} aria-label="Close shift details">Close</button>
      </div>
      <dl className="sched-dl">
        <dt>Shift</dt><dd>{shift.segments.map((s) => `${formatClock(s.start)}–${formatClock(s.end)}`).join(' + ')} ({template?.name ?? 'custom times'}, {shift.skill})</dd>
        <dt>Breaks</dt><dd>{shift.breaks.length === 0 ? 'none' : shift.breaks.map((b) => `${b.kind} ${formatClock(b.start)}–${formatClock(b.end)}${b.paid ? ' paid' : ' unpaid'}`).join('; ')}</dd>
        <dt>Paid time</dt><dd>{formatNumber(paidMinutes(shift) / 60, 2)} h = working spans − unpaid breaks</dd>
        <dt>Status</dt><dd>{shift.locked ? 'Locked: kept as it is when the week is re-solved' : 'Free: the solver may change it'}</dd>
      </dl>
      {own.length > 0 && (
        <div className="notice notice--error" role="alert">
          <strong>Rules broken</strong>
          <ul>{own.map((v, i) => <li key={i}>{v.message}</li>)}</ul>
        </div>
      )}
      {editable && (
        <div className="sched-actions">
          <button type="button" onClick={() => void setLocked([shift.id], !shift.locked)} data-testid="shift-lock">{shift.locked ? 'Unlock' : 'Lock'}</button>
          <button type="button" className="secondary" onClick={() => void removeShift(shift.id)}>Delete shift</button>
        </div>
      )}
      {editable && <MoveShiftForm key={shift.id} shift={shift} view={view} />}
      <p className="muted">Drag the bar to move it, or its edges to change start and end; with the keyboard: ←/→, Shift+←/→ (end), Alt+←/→ (start), L to lock, Delete to remove.</p>
    </div>
  );
}

/**
 * The keyboard way to drag a shift onto another row or day: pick the agent and day, same times. The skill stays when
 * the new agent has it, otherwise it becomes their first skill (the rule check below the grid says if that matters).
 */
function MoveShiftForm({ shift, view }: { shift: ScheduleShift; view: ScheduleView }) {
  const commit = useSchedule((s) => s.commit);
  const [agentId, setAgentId] = useState(shift.agentId);
  const [day, setDay] = useState(shift.day);
  const target = view.agents.find((a) => a.id === agentId);
  const skill = target && !target.skills.includes(shift.skill) ? target.skills[0] : shift.skill;
  const unchanged = agentId === shift.agentId && day === shift.day;
  return (
    <fieldset className="group" data-testid="shift-move">
      <legend>Move to another agent or day</legend>
      <div className="sched-add">
        <label>Agent <select value={agentId} onChange={(e) => setAgentId(Number(e.target.value))}>{view.agents.map((a) => <option key={a.id} value={a.id}>{a.name}</option>)}</select></label>
        <label>Day <select value={day} onChange={(e) => setDay(Number(e.target.value))}>{WEEKDAY_NAMES.map((n, d) => <option key={n} value={d}>{n} {addDays(view.schedule.weekStart, d).slice(5)}</option>)}</select></label>
        <button type="button" disabled={unchanged || shift.locked} onClick={() => void commit(shift.id, timesOf(shift), { agentId, day, skill })}>Move</button>
      </div>
      {shift.locked && <p className="muted">Locked: unlock it to move it.</p>}
      {!unchanged && skill !== shift.skill && <p className="muted">{target?.name} does not have {shift.skill}: the shift will serve {skill}.</p>}
    </fieldset>
  );
}

export function AgentPanel({ agent, view, problem, violations, editable }: { agent: ScheduleAgent; view: ScheduleView; problem?: ScheduleProblem; violations: RuleViolation[]; editable: boolean }) {
  const { set, savePreferences, addShift } = useSchedule.getState();
  const shifts = useSchedule((s) => s.shifts);
  const selectedDay = useSchedule((s) => s.selectedDay);
  const [prefs, setPrefs] = useState<AgentSchedulePreferences>(agent.preferences);
  const templates = problem?.templates ?? [];
  const [day, setDay] = useState(selectedDay ?? 0);
  const [templateId, setTemplateId] = useState(templates[0]?.id ?? '');
  const template = templates.find((t) => t.id === templateId);
  const starts = useMemo(() => {
    if (!template) return [];
    const list: number[] = [];
    for (let m = template.earliestStart; m <= template.latestStart; m += template.startStepMinutes) list.push(m);
    return list;
  }, [template]);
  const [start, setStart] = useState<number | undefined>(undefined);
  const [skill, setSkill] = useState(agent.skills[0]);
  useEffect(() => setPrefs(agent.preferences), [agent]);
  useEffect(() => setDay(selectedDay ?? 0), [selectedDay]);

  const own = shifts.filter((s) => s.agentId === agent.id);
  const paid = own.reduce((sum, s) => sum + paidMinutes(s), 0);
  const contract = problem?.agents.find((a) => a.id === String(agent.id))?.contract;
  const ownViolations = violations.filter((v) => v.agentId === String(agent.id));
  const toggle = (list: number[], value: number) => (list.includes(value) ? list.filter((v) => v !== value) : [...list, value].sort());
  const avoids = (id: string) => prefs.preferences.some((p) => p.kind === 'avoid' && p.templateId === id && p.weekday === undefined);

  return (
    <div className="panel sched-side" data-testid="agent-panel">
      <div className="sched-side__head">
        <h3>{agent.name}</h3>
        <button type="button" className="link" onClick={() => set({ selectedAgentId: undefined, selectedDay: undefined })} aria-label="Close agent panel">Close</button>
      </div>
      <p className="muted">{agent.team} · skills: {agent.skills.join(', ')}</p>
      {contract && (
        <p>
          This week: <strong>{own.length}</strong> shifts, <strong>{formatNumber(paid / 60, 2)} h</strong> paid. Contract: {formatNumber(contract.minMinutesPerWeek / 60, 1)}–{formatNumber(contract.maxMinutesPerWeek / 60, 1)} h and at most {contract.maxShiftsPerWeek} shifts a week, {contract.maxConsecutiveWorkingDays} days in a row, {contract.minConsecutiveDaysOff} days off in a row, {contract.maxWeekendsPerPeriod} weekend in the week.
        </p>
      )}
      {ownViolations.length > 0 && (
        <div className="notice notice--error" role="alert">
          <ul>{ownViolations.map((v, i) => <li key={i}>{v.message}</li>)}</ul>
        </div>
      )}
      <fieldset className="group">
        <legend>Fixed days off (every week)</legend>
        <div className="sched-checks">
          {WEEKDAY_NAMES.map((name, d) => (
            <label key={name} className="checkbox">
              <input type="checkbox" checked={prefs.fixedWeekdaysOff.includes(d)} onChange={() => setPrefs({ ...prefs, fixedWeekdaysOff: toggle(prefs.fixedWeekdaysOff, d) })} />
              {name.slice(0, 3)}
            </label>
          ))}
        </div>
      </fieldset>
      <fieldset className="group">
        <legend>Shifts to avoid (weight 1 per day it happens)</legend>
        <div className="sched-checks">
          {templates.map((t) => (
            <label key={t.id} className="checkbox">
              <input
                type="checkbox"
                checked={avoids(t.id)}
                onChange={() =>
                  setPrefs({
                    ...prefs,
                    preferences: avoids(t.id) ? prefs.preferences.filter((p) => !(p.kind === 'avoid' && p.templateId === t.id && p.weekday === undefined)) : [...prefs.preferences, { kind: 'avoid', templateId: t.id, weight: 1 }],
                  })
                }
              />
              {t.name}
            </label>
          ))}
        </div>
      </fieldset>
      <AvailabilityEditor windows={prefs.availability} onChange={(availability) => setPrefs({ ...prefs, availability })} />
      <button type="button" onClick={() => void savePreferences(agent.id, prefs)} disabled={!availabilityIsValid(prefs.availability)} data-testid="agent-prefs-save">
        Save days off, availability and preferences
      </button>
      <p className="muted">They apply the next time a week is generated; the rule check below the grid uses them at once.</p>
      {editable && template && (
        <fieldset className="group">
          <legend>Add a shift</legend>
          <div className="sched-add">
            <label>Day <select value={day} onChange={(e) => setDay(Number(e.target.value))}>{WEEKDAY_NAMES.map((n, d) => <option key={n} value={d}>{n} {view.requirements.weekStart && addDays(view.schedule.weekStart, d).slice(5)}</option>)}</select></label>
            <label>Template <select value={templateId} onChange={(e) => { setTemplateId(e.target.value); setStart(undefined); }}>{templates.map((t) => <option key={t.id} value={t.id}>{t.name}</option>)}</select></label>
            <label>Start <select value={start ?? starts[0]} onChange={(e) => setStart(Number(e.target.value))}>{starts.map((m) => <option key={m} value={m}>{formatClock(m)}</option>)}</select></label>
            <label>Skill <select value={skill} onChange={(e) => setSkill(e.target.value)}>{agent.skills.map((s) => <option key={s} value={s}>{s}</option>)}</select></label>
            <button type="button" onClick={() => void addShift(agent.id, day, templateId, start ?? starts[0], skill)}>Add</button>
          </div>
        </fieldset>
      )}
    </div>
  );
}

