/** The plan's assumptions: horizon, FTE and occupancy, shrinkage, headcount, attrition, growth, hiring rules, costs, and the week table. */
import type { PlanDocument, PlanProjectionView, PlanSave, RampCurve } from '../../../../shared/api/channels/plan';
import { usePlan } from '../../stores/planStore';
import { PlanField } from './PlanField';
import { WeekTable } from './WeekTable';
import { CHANNEL_KINDS } from '../../../../shared/model/queues';

const SKILLS = CHANNEL_KINDS;

export function AssumptionsPanel({ draft, view, curves }: { draft: PlanSave; view?: PlanProjectionView; curves: RampCurve[] }) {
  const { edit, problems } = usePlan();
  const doc = draft.document;
  const problem = (path: string) => problems.find((p) => p.path === path || p.path === `document.${path}`)?.message;
  const setDoc = (change: (doc: PlanDocument) => PlanDocument) => edit((d) => ({ ...d, document: change(d.document) }));
  const whole = (what: string, min: number, max: number) => (v: number) => (Number.isInteger(v) && v >= min && v <= max ? undefined : `${what}: a whole number from ${min} to ${max}`);
  return (
    <>
      <section className="panel">
        <h3>Horizon and pool</h3>
        <div className="plan-form">
          <label className="field">
            First week (Monday)
            <input type="date" value={draft.startWeek} onChange={(e) => e.target.value && edit((d) => ({ ...d, startWeek: e.target.value }))} aria-invalid={Boolean(problem('startWeek'))} />
            {problem('startWeek') && <span className="field__error">{problem('startWeek')}</span>}
          </label>
          <PlanField label="Weeks" unit="weeks" value={draft.weeks} check={whole('Weeks', 13, 104)} onCommit={(v) => v !== undefined && edit((d) => ({ ...d, weeks: v, document: { ...d.document, weekAssumptions: d.document.weekAssumptions.slice(0, v) } }))} hint="13 to 104 weeks; a shorter plan drops the week table's rows past its end" testId="plan-weeks-count" />
          <fieldset className="group">
            <legend>Queues and agents in the plan</legend>
            {SKILLS.map((s) => (
              <label key={s} className="checkbox">
                <input
                  type="checkbox"
                  checked={doc.skills.includes(s)}
                  onChange={(e) => setDoc((d) => ({ ...d, skills: e.target.checked ? [...d.skills, s] : d.skills.filter((x) => x !== s) }))}
                />
                {s}
              </label>
            ))}
            <div className="field__hint">None ticked: every queue and every agent.</div>
          </fieldset>
          <PlanField
            label="Starting headcount"
            unit="heads"
            optional
            value={doc.headcount}
            onCommit={(v) => setDoc((d) => ({ ...d, headcount: v ?? null }))}
            hint={doc.headcount === null ? `Empty: ${view?.startingHeadcount.source ?? 'the workspace’s agents'}` : 'Clear to take the workspace’s agents'}
            problem={problem('headcount')}
          />
        </div>
      </section>
      <section className="panel">
        <h3>Staffing</h3>
        <div className="plan-form">
          <PlanField label="Paid hours per FTE" unit="h/week" value={doc.hoursPerFte} onCommit={(v) => v !== undefined && setDoc((d) => ({ ...d, hoursPerFte: v }))} problem={problem('hoursPerFte')} testId="plan-hours" />
          <PlanField label="Occupancy target (deferred queues)" percent value={doc.occupancy} onCommit={(v) => v !== undefined && setDoc((d) => ({ ...d, occupancy: v }))} problem={problem('occupancy')} hint="Live queues: Erlang holds occupancy to the staffing profile’s cap" testId="plan-occupancy" />
          <PlanField label="Shrinkage (default)" percent value={doc.shrinkage} onCommit={(v) => v !== undefined && setDoc((d) => ({ ...d, shrinkage: v }))} problem={problem('shrinkage')} hint="A week in the table below may override it" testId="plan-shrinkage" />
          <PlanField label="Yearly growth (short history)" percent value={doc.growthPerYear} onCommit={(v) => v !== undefined && setDoc((d) => ({ ...d, growthPerYear: v }))} problem={problem('growthPerYear')} hint="Used for queues with a year or less of history" />
        </div>
      </section>
      <section className="panel">
        <h3>Attrition and ramp</h3>
        <div className="plan-form">
          <PlanField label="Tenured attrition" percent value={doc.attrition.tenuredMonthly} onCommit={(v) => v !== undefined && setDoc((d) => ({ ...d, attrition: { ...d.attrition, tenuredMonthly: v } }))} problem={problem('attrition.tenuredMonthly')} hint="Per month; weekly = 1 − (1 − monthly)^(12/52)" testId="plan-attrition-tenured" />
          <PlanField label="New-hire attrition" percent value={doc.attrition.newHireMonthly} onCommit={(v) => v !== undefined && setDoc((d) => ({ ...d, attrition: { ...d.attrition, newHireMonthly: v } }))} problem={problem('attrition.newHireMonthly')} hint="Per month, while in ramp" />
          <label className="field">
            Default ramp curve
            <select value={doc.defaultRampCurveId} onChange={(e) => setDoc((d) => ({ ...d, defaultRampCurveId: Number(e.target.value) }))}>
              {curves.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name} ({c.weeks.map((w) => Math.round(w.load * 100)).join('/')} %)
                </option>
              ))}
            </select>
            <span className="field__hint">For the optimiser’s classes and the CLI form</span>
          </label>
        </div>
      </section>
      <section className="panel">
        <h3>Hiring rules (for the optimiser)</h3>
        <div className="plan-form">
          <PlanField label="Lead time" unit="weeks" value={doc.hiring.leadTimeWeeks} check={whole('Lead time', 0, 104)} onCommit={(v) => v !== undefined && setDoc((d) => ({ ...d, hiring: { ...d.hiring, leadTimeWeeks: v } }))} problem={problem('hiring.leadTimeWeeks')} hint="Replacement 9–13, growth 13–17, new tier 17–26, seasonal 4–9 weeks" />
          <PlanField label="Cadence" unit="weeks" value={doc.hiring.cadenceWeeks} check={whole('Cadence', 1, 104)} onCommit={(v) => v !== undefined && setDoc((d) => ({ ...d, hiring: { ...d.hiring, cadenceWeeks: v } }))} problem={problem('hiring.cadenceWeeks')} hint="A class may start every this many weeks" />
          <PlanField label="Smallest class" unit="hires" value={doc.hiring.minClassSize} check={whole('Smallest class', 1, 500)} onCommit={(v) => v !== undefined && setDoc((d) => ({ ...d, hiring: { ...d.hiring, minClassSize: v } }))} problem={problem('hiring.minClassSize')} />
          <PlanField label="Largest class" unit="hires" value={doc.hiring.maxClassSize} check={whole('Largest class', 1, 500)} onCommit={(v) => v !== undefined && setDoc((d) => ({ ...d, hiring: { ...d.hiring, maxClassSize: v } }))} problem={problem('hiring.maxClassSize')} />
          <PlanField label="Hire limit (optional)" unit="hires" optional value={doc.hiring.maxHires} check={whole('Hire limit', 0, 100000)} onCommit={(v) => setDoc((d) => ({ ...d, hiring: { ...d.hiring, maxHires: v } }))} problem={problem('hiring.maxHires')} hint="Empty: no limit over the horizon" />
        </div>
      </section>
      <section className="panel">
        <h3>Costs</h3>
        <div className="plan-form">
          <PlanField label="Cost per head per week" unit="$/week" value={doc.costs.weeklyCostPerHead} onCommit={(v) => v !== undefined && setDoc((d) => ({ ...d, costs: { ...d.costs, weeklyCostPerHead: v } }))} problem={problem('costs.weeklyCostPerHead')} hint="Tenured or in ramp" />
          <PlanField label="Cost per hire" unit="$" value={doc.costs.hireCost} onCommit={(v) => v !== undefined && setDoc((d) => ({ ...d, costs: { ...d.costs, hireCost: v } }))} problem={problem('costs.hireCost')} hint="Recruiting and onboarding" />
          <PlanField label="Understaffing cost" unit="$/FTE-week" value={doc.costs.understaffPerFteWeek} onCommit={(v) => v !== undefined && setDoc((d) => ({ ...d, costs: { ...d.costs, understaffPerFteWeek: v } }))} problem={problem('costs.understaffPerFteWeek')} hint="Per FTE short for a week: overtime, missed service" />
        </div>
      </section>
      <section className="panel">
        <h3>Week by week</h3>
        <WeekTable draft={draft} view={view} />
      </section>
    </>
  );
}
