/**
 * Hiring classes: add, edit, remove; each with its printable ramp schedule (week-by-week dates, load, expected
 * heads, focus and support). A new class's kind suggests its start from the planning table's lead times.
 */
import { useState } from 'react';
import { HIRING_KINDS, type HiringKindName, type PlanClassInput, type PlanProjectionView, type PlanSave, type RampCurve } from '../../../../shared/api/channels/plan';
import { DEFAULT_LEAD_TIMES } from '../../../../shared/engine/plan/rampCurves';
import { formatNumber, formatPercent } from '../../components/format';
import { usePlan } from '../../stores/planStore';
import { usePrint } from './usePrint';
import { CHANNEL_KINDS } from '../../../../shared/model/queues';

const KIND_LABEL: Record<HiringKindName, string> = { replacement: 'Replacement', growth: 'Growth', 'new-tier': 'New tier or specialty', seasonal: 'Seasonal' };
const SKILLS = CHANNEL_KINDS;

export function leadTimeText(kind: HiringKindName): string {
  const t = DEFAULT_LEAD_TIMES[kind];
  return `${t.minMonths}–${t.maxMonths} months (${t.minWeeks}–${t.maxWeeks} weeks) from the decision to the first day; default ${t.defaultWeeks} weeks`;
}

export function ClassesPanel({ draft, view, curves }: { draft: PlanSave; view?: PlanProjectionView; curves: RampCurve[] }) {
  const { addClass, updateClass, removeClass } = usePlan();
  const mondays = view?.weekStarts ?? [];
  return (
    <>
      <AddClassForm draft={draft} mondays={mondays} curves={curves} onAdd={addClass} />
      {draft.classes.length === 0 ? (
        <section className="panel empty">
          <h3>No hiring classes yet</h3>
          <p>Add a class above, or let the optimiser choose them on the Plan tab: it hires for the weeks the gap chart shows short.</p>
        </section>
      ) : (
        draft.classes.map((cls, index) => (
          <ClassCard key={'id' in cls && cls.id ? cls.id : `new-${index}`} index={index} cls={cls} mondays={mondays} curves={curves} view={view} onChange={(patch) => updateClass(index, patch)} onRemove={() => removeClass(index)} />
        ))
      )}
    </>
  );
}

function AddClassForm({ draft, mondays, curves, onAdd }: { draft: PlanSave; mondays: string[]; curves: RampCurve[]; onAdd(cls: PlanClassInput): void }) {
  const [kind, setKind] = useState<HiringKindName>('replacement');
  const suggested = mondays[Math.min(DEFAULT_LEAD_TIMES[kind].defaultWeeks, mondays.length - 1)] ?? draft.startWeek;
  const [startWeek, setStartWeek] = useState<string>();
  const [size, setSize] = useState('6');
  const [skill, setSkill] = useState<(typeof SKILLS)[number]>('phone');
  const [curveId, setCurveId] = useState<number>();
  const [error, setError] = useState<string>();
  const start = startWeek ?? suggested;
  const curve = curveId ?? draft.document.defaultRampCurveId;
  const add = () => {
    const n = Number(size.trim());
    if (!/^\d+$/.test(size.trim()) || n < 1 || n > 500) return setError('Class size: a whole number of hires from 1 to 500');
    setError(undefined);
    const number = draft.classes.length + 1;
    onAdd({ kind, startWeek: start, size: n, rampCurveId: curve, label: `${KIND_LABEL[kind]} class ${number} (${start})`, skill, origin: 'planner' });
    setStartWeek(undefined);
  };
  return (
    <section className="panel">
      <h3>Add a class</h3>
      <div className="toolbar">
        <label className="field">
          Kind
          <select value={kind} onChange={(e) => setKind(e.target.value as HiringKindName)} data-testid="class-kind">
            {HIRING_KINDS.map((k) => (
              <option key={k} value={k}>
                {KIND_LABEL[k]}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          First week (Monday)
          <select value={start} onChange={(e) => setStartWeek(e.target.value)} data-testid="class-start">
            <PlanWeekOptions mondays={mondays} />
          </select>
        </label>
        <label className="field">
          Size (hires)
          <input value={size} onChange={(e) => setSize(e.target.value)} inputMode="numeric" data-testid="class-size" aria-invalid={Boolean(error)} />
        </label>
        <label className="field">
          Skill
          <select value={skill} onChange={(e) => setSkill(e.target.value as (typeof SKILLS)[number])}>
            {SKILLS.map((s) => (
              <option key={s}>{s}</option>
            ))}
          </select>
        </label>
        <label className="field">
          Ramp curve
          <select value={curve} onChange={(e) => setCurveId(Number(e.target.value))}>
            {curves.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
        </label>
        <button type="button" onClick={add} data-testid="class-add">
          Add class
        </button>
      </div>
      {error && (
        <div className="field__error" role="alert">
          {error}
        </div>
      )}
      <p className="muted">Lead time for a {KIND_LABEL[kind].toLowerCase()} class: {leadTimeText(kind)}. The suggested first week is that many weeks into the plan.</p>
    </section>
  );
}

interface CardProps {
  index: number;
  cls: PlanClassInput;
  mondays: string[];
  curves: RampCurve[];
  view?: PlanProjectionView;
  onChange(patch: Partial<PlanClassInput>): void;
  onRemove(): void;
}

function ClassCard({ index, cls, mondays, curves, view, onChange, onRemove }: CardProps) {
  const schedule = view?.rampSchedules.find((r) => r.classIndex === index);
  const [sizeText, setSizeText] = useState(String(cls.size));
  const [sizeError, setSizeError] = useState<string>();
  const { printing, print } = usePrint('print-ramp');
  return (
    <section className={`panel class-card${printing ? ' print-target' : ''}`} data-testid={`class-${index}`}>
      <div className="class-card__head">
        <h3>{cls.label}</h3>
        <span className="muted">
          {KIND_LABEL[cls.kind]} · {cls.skill} · {cls.origin === 'optimiser' ? 'chosen by the optimiser' : 'your class'}
        </span>
      </div>
      <div className="toolbar no-print">
        <label className="field">
          Label
          <input value={cls.label} onChange={(e) => onChange({ label: e.target.value })} />
        </label>
        <label className="field">
          Kind
          <select value={cls.kind} onChange={(e) => onChange({ kind: e.target.value as HiringKindName })} title={leadTimeText(cls.kind)}>
            {HIRING_KINDS.map((k) => (
              <option key={k} value={k}>
                {KIND_LABEL[k]}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          First week
          <select value={cls.startWeek} onChange={(e) => onChange({ startWeek: e.target.value })} data-testid={`class-${index}-start`}>
            {!mondays.includes(cls.startWeek) && <option value={cls.startWeek}>{cls.startWeek} (outside the plan)</option>}
            <PlanWeekOptions mondays={mondays} />
          </select>
        </label>
        <label className="field">
          Size (hires)
          <input
            value={sizeText}
            inputMode="numeric"
            data-testid={`class-${index}-size`}
            aria-invalid={Boolean(sizeError)}
            onChange={(e) => {
              setSizeText(e.target.value);
              const n = Number(e.target.value.trim());
              if (!/^\d+$/.test(e.target.value.trim()) || n < 1 || n > 500) return setSizeError('A whole number of hires from 1 to 500');
              setSizeError(undefined);
              onChange({ size: n });
            }}
          />
        </label>
        <label className="field">
          Skill
          <select value={cls.skill} onChange={(e) => onChange({ skill: e.target.value as PlanClassInput['skill'] })}>
            {SKILLS.map((s) => (
              <option key={s}>{s}</option>
            ))}
          </select>
        </label>
        <label className="field">
          Ramp curve
          <select value={cls.rampCurveId} onChange={(e) => onChange({ rampCurveId: Number(e.target.value) })}>
            {curves.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
        </label>
        <button type="button" onClick={print}>
          Print ramp schedule
        </button>
        <button type="button" className="link danger" onClick={onRemove} data-testid={`class-${index}-remove`}>
          Remove
        </button>
      </div>
      {sizeError && (
        <div className="field__error" role="alert">
          {sizeError}
        </div>
      )}
      {schedule ? (
        <table className="ramp-schedule" data-testid={`ramp-schedule-${index}`}>
          <caption>
            Ramp schedule: {cls.size} hires from {schedule.weeks[0]?.weekStart}; expected heads = {cls.size} × (1 − new-hire weekly attrition)^(week − 1)
          </caption>
          <thead>
            <tr>
              <th>Ramp week</th>
              <th>Dates</th>
              <th className="num">Load</th>
              <th className="num">Expected heads</th>
              <th className="num">Effective FTE</th>
              <th>Focus</th>
              <th>Support</th>
            </tr>
          </thead>
          <tbody>
            {schedule.weeks.map((row) => (
              <tr key={row.rampWeek} className={row.outsideHorizon ? 'muted' : undefined}>
                <td>
                  {row.rampWeek}
                  {row.outsideHorizon ? ' (outside the plan)' : ''}
                </td>
                <td>
                  {row.weekStart} – {row.weekEnd}
                </td>
                <td className="num">{row.load === 0 ? 'training (0%)' : formatPercent(row.load, 0)}</td>
                <td className="num">{formatNumber(row.expectedHeads, 2)}</td>
                <td className="num">{formatNumber(row.effectiveFte, 2)}</td>
                <td>{row.focus}</td>
                <td>{row.support}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p className="muted">The ramp schedule appears once the plan is projected.</p>
      )}
    </section>
  );
}

/** The plan's weeks as choices: "week 3: 2026-12-21". */
function PlanWeekOptions({ mondays }: { mondays: string[] }) {
  return (
    <>
      {mondays.map((m, w) => (
        <option key={m} value={m}>
          week {w}: {m}
        </option>
      ))}
    </>
  );
}
