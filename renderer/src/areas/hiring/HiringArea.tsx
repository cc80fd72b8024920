/**
 * Hiring & ramp: long-range capacity plans. Demand comes from the workspace (a weekly forecast over the daily
 * history; Erlang over the week's interval pattern for live queues), supply from the team, attrition and hiring
 * classes on their ramp curves. Tabs are part of the address (#/hiring/classes).
 */
import { useEffect, useRef, useState } from 'react';
import { download } from '../schedule/ScheduleArea';
import { usePlan } from '../../stores/planStore';
import { AssumptionsPanel } from './AssumptionsPanel';
import { ClassesPanel } from './ClassesPanel';
import { MonthsPanel } from './MonthsPanel';
import { PlanOverview } from './PlanOverview';
import { RampCurvesPanel } from './RampCurvesPanel';
import { usePrint } from './usePrint';
import './hiring.css';

const TABS = [
  { id: 'plan', label: 'Plan' },
  { id: 'assumptions', label: 'Assumptions' },
  { id: 'classes', label: 'Classes & ramp schedules' },
  { id: 'months', label: 'Months' },
  { id: 'ramps', label: 'Ramp curves' },
] as const;
type TabId = (typeof TABS)[number]['id'];

function tabFromHash(): TabId {
  const id = window.location.hash.split('/')[2];
  return TABS.some((t) => t.id === id) ? (id as TabId) : 'plan';
}

export function HiringArea() {
  const s = usePlan();
  const [tab, setTab] = useState<TabId>(tabFromHash);
  const fileInput = useRef<HTMLInputElement>(null);
  const { printing, print } = usePrint('print-plan');
  useEffect(() => {
    void s.load();
    const onHash = () => setTab(tabFromHash());
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
    // Load once when the area opens.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const { draft, view, stored } = s;
  const exportAs = async (format: 'json' | 'csv' | 'xlsx') => {
    const file = await s.exportPlan(format);
    if (file) download(file);
  };
  const importFile = async (file: File) => {
    const name = file.name.replace(/\.json$/i, '');
    await s.importPlan(s.plans.some((p) => p.name.toLowerCase() === name.toLowerCase()) ? `${name} (imported ${new Date().toISOString().slice(0, 16).replace('T', ' ')})` : name, await file.text());
  };

  return (
    <section className={`hiring${printing ? ' print-target' : ''}`} data-testid="hiring-area">
      <div className="area-header">
        <h2>Hiring & ramp</h2>
        <p className="muted no-print">
          A long-range capacity plan: weekly demand from the forecast, the team you have, attrition, and hiring classes that ramp up week by week. Every number expands to its formula.
        </p>
      </div>
      <div className="toolbar no-print hiring__bar">
        {s.plans.length > 0 && (
          <label className="field">
            Plan
            <select
              value={stored?.id ?? ''}
              onChange={(e) => {
                if (!e.target.value) return;
                if (s.dirty && !window.confirm(`“${draft?.name}” has unsaved changes. Open the other plan and discard them?`)) return;
                void s.open(Number(e.target.value));
              }}
              data-testid="plan-select"
            >
              {!stored && draft && <option value="">{draft.name} (not saved)</option>}
              {s.plans.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name} · {p.weeks} weeks from {p.startWeek}
                </option>
              ))}
            </select>
          </label>
        )}
        {draft && (
          <>
            <label className="field">
              Name
              <input value={draft.name} onChange={(e) => s.edit((d) => ({ ...d, name: e.target.value }))} data-testid="plan-name" />
            </label>
            <label className="checkbox" title="Its classes' new hires become agents in the weekly Schedule, counted at their ramp load">
              <input type="checkbox" checked={draft.linkedToSchedule} onChange={(e) => s.edit((d) => ({ ...d, linkedToSchedule: e.target.checked }))} data-testid="plan-linked" />
              New hires in the Schedule
            </label>
            <button type="button" onClick={() => void s.save()} disabled={!s.dirty} data-testid="plan-save">
              {s.dirty ? 'Save' : 'Saved'}
            </button>
          </>
        )}
        <button type="button" onClick={() => (!s.dirty || window.confirm(`“${draft?.name}” has unsaved changes. Start a new plan and discard them?`)) && void s.newPlan()} data-testid="plan-new">
          New plan
        </button>
        {draft && (
          <>
            <button type="button" onClick={() => void exportAs('xlsx')}>
              Export XLSX
            </button>
            <button type="button" onClick={() => void exportAs('csv')}>
              Export CSV
            </button>
            <button type="button" onClick={() => void exportAs('json')} title="The CLI form: staffwise plan --input plan.json">
              Export plan (JSON)
            </button>
          </>
        )}
        <button type="button" onClick={() => fileInput.current?.click()}>
          Import plan (JSON)
        </button>
        <input
          ref={fileInput}
          type="file"
          accept=".json,application/json"
          hidden
          data-testid="plan-import-file"
          onChange={(e) => {
            const file = e.target.files?.[0];
            if (file) void importFile(file);
            e.target.value = '';
          }}
        />
        {draft && (
          <>
            <button type="button" onClick={print}>
              Print
            </button>
            <button type="button" className="link danger" onClick={() => void s.remove()}>
              {stored ? 'Delete plan' : 'Discard'}
            </button>
          </>
        )}
      </div>
      {s.notice && (
        <div className={`notice notice--${s.notice.kind} no-print`} role={s.notice.kind === 'error' ? 'alert' : 'status'} data-testid="plan-notice">
          {s.notice.text}{' '}
          <button type="button" className="link" onClick={s.dismissNotice}>
            Dismiss
          </button>
        </div>
      )}
      {s.problems.length > 0 && (
        <div className="notice notice--error" role="alert" data-testid="plan-problems">
          {s.problems.map((p) => (p.path ? `${p.path}: ${p.message}` : p.message)).join(' · ')}
        </div>
      )}
      {!s.loaded ? (
        <p className="muted">Opening plans…</p>
      ) : !draft ? (
        <section className="panel empty" data-testid="plan-empty">
          <h3>No capacity plan yet</h3>
          <p>Start one from the workspace: its forecast, team and shrinkage fill in the assumptions, and you add hiring classes or let the optimiser choose them.</p>
          <button type="button" onClick={() => void s.newPlan()}>
            Create a plan
          </button>
          <p className="muted">Or import a plan file in the command line’s JSON form (staffwise plan --input).</p>
        </section>
      ) : (
        <>
          <div className="tabs no-print" role="tablist" aria-label="Plan views">
            {TABS.map((t) => (
              <a key={t.id} href={`#/hiring/${t.id}`} role="tab" aria-selected={tab === t.id} className={tab === t.id ? 'tab tab--active' : 'tab'}>
                {t.label}
              </a>
            ))}
            <span className="muted hiring__status" aria-live="polite">
              {s.projecting ? 'Projecting…' : view ? `Projected in ${Math.round(view.timings.demandMs + view.timings.projectMs)} ms` : ''}
            </span>
          </div>
          {tab === 'plan' && (view ? <PlanOverview view={view} stored={stored} /> : <p className="muted">Projecting the plan…</p>)}
          {tab === 'assumptions' && <AssumptionsPanel draft={draft} view={view} curves={s.curves} />}
          {tab === 'classes' && <ClassesPanel draft={draft} view={view} curves={s.curves} />}
          {tab === 'months' && (view ? <MonthsPanel view={view} /> : <p className="muted">Projecting the plan…</p>)}
          {tab === 'ramps' && <RampCurvesPanel curves={s.curves} />}
        </>
      )}
    </section>
  );
}
