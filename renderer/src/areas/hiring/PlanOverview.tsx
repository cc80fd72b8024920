/**
 * The plan at a glance: cost and its parts, the gap chart, warnings, the optimiser (progress, Stop, why each short
 * week stays short and what each class covers) and the weeks, each expandable to the formula behind its numbers.
 */
import { Fragment, useState } from 'react';
import type { PlanProjectionView, StoredPlan } from '../../../../shared/api/channels/plan';
import { formatNumber, formatPercent } from '../../components/format';
import { JobProgress } from '../../components/ProgressBar';
import { useJobs } from '../../stores/jobsStore';
import { usePlan } from '../../stores/planStore';
import { GapChart } from './GapChart';

const money = (value: number) => value.toLocaleString('en-US', { maximumFractionDigits: 0 });

export function PlanOverview({ view, stored }: { view: PlanProjectionView; stored?: StoredPlan }) {
  const { cost } = view.projection;
  const weeks = view.projection.weeks;
  const short = weeks.filter((w) => w.gap < -1e-6);
  const worst = short.reduce((m, w) => Math.min(m, w.gap), 0);
  const hires = view.input.classes.reduce((s, c) => s + c.size, 0);
  const volume = weeks.reduce((s, w) => s + w.volume, 0);
  const cards = [
    { label: 'Total cost', value: money(cost.total), help: `payroll ${money(cost.payroll)} + hiring ${money(cost.hiring)} + understaffing ${money(cost.understaffing)}`, testId: 'plan-total-cost' },
    { label: 'Cost per contact', value: formatNumber(cost.perContact, 2), help: `total ${money(cost.total)} ÷ ${money(volume)} contacts` },
    { label: 'Weeks short', value: String(short.length), help: short.length ? `largest shortfall ${formatNumber(-worst, 1)} FTE (effective − required < 0)` : 'effective ≥ required every week', testId: 'plan-weeks-short' },
    { label: 'Hires in classes', value: String(hires), help: `${view.input.classes.length} classes; hiring cost ${money(view.input.costs.hireCost)} each` },
    { label: 'Starting headcount', value: formatNumber(view.startingHeadcount.value), help: view.startingHeadcount.source },
  ];
  return (
    <>
      <div className="cards">
        {cards.map((c) => (
          <div className="card" key={c.label} title={c.help} data-testid={c.testId}>
            <div className="card__value">{c.value}</div>
            <div className="card__label">{c.label}</div>
            <div className="card__help">{c.help}</div>
          </div>
        ))}
      </div>
      <section className="panel">
        <h3>Gap: required versus effective FTE</h3>
        <GapChart view={view} />
        <p className="muted formula">
          effective FTE(w) = tenured + Σ class headcount × ramp load; headcount(w) = tenured + heads in ramp; gap(w) = effective − required. Weekly attrition{' '}
          {formatPercent(view.projection.weeklyAttrition.tenured, 3)} tenured, {formatPercent(view.projection.weeklyAttrition.newHire, 3)} new hires = 1 − (1 − monthly)^(12/52).
        </p>
      </section>
      <section className="panel" data-testid="plan-demand">
        <h3>Where the demand comes from</h3>
        <table>
          <thead>
            <tr>
              <th>Queue</th>
              <th>Weekly contacts (long-range forecast)</th>
              <th>Required FTE</th>
            </tr>
          </thead>
          <tbody>
            {view.queues.map((q) => (
              <tr key={q.name}>
                <td>
                  {q.name}
                  <div className="muted">{q.kind === 'live' ? 'live (Erlang)' : 'deferred (capacity equation)'}{q.seasonalityDetected ? '; yearly pattern found' : ''}</div>
                </td>
                <td className="formula">{q.forecastMethod}</td>
                <td className="formula">{q.staffingSummary}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <p className="muted formula">
          Live: required FTE = Σ Erlang agents per 30-min interval (week contacts × the history’s share of the week in that interval) × 0.5 h ÷ {view.input.hoursPerFte} h ÷ (1 − shrinkage). Deferred: volume × AHT ÷ 3600 ÷ ({view.input.hoursPerFte} h × {formatPercent(view.input.occupancy, 0)} occupancy) ÷ (1 − shrinkage).
        </p>
      </section>
      {view.warnings.length > 0 && (
        <section className="panel" data-testid="plan-warnings">
          <h3>Warnings</h3>
          <ul>
            {view.warnings.map((w, i) => (
              <li key={i} className={w.severity === 'warning' ? 'danger' : undefined}>
                <strong>{w.severity === 'warning' ? 'Warning' : 'Caution'}:</strong> {w.message}
              </li>
            ))}
          </ul>
        </section>
      )}
      <OptimisePanel stored={stored} view={view} />
      <WeekResults view={view} />
    </>
  );
}

function OptimisePanel({ stored, view }: { stored?: StoredPlan; view: PlanProjectionView }) {
  const { optimise, stop, optimiseJobId, stopping, dirty } = usePlan();
  const job = useJobs((s) => (optimiseJobId ? s.jobs[optimiseJobId] : undefined));
  const [seconds, setSeconds] = useState(30);
  const running = job !== undefined && !job.done;
  const result = stored?.optimisation;
  const rules = view.input.hiring;
  return (
    <section className="panel" data-testid="optimise-panel">
      <h3>Optimise the hiring plan</h3>
      <p className="muted">
        Chooses class sizes (HiGHS, in a worker) for the lowest total cost. Classes start only in weeks ≥ {rules.leadTimeWeeks} (the lead time), every {rules.cadenceWeeks} week
        {rules.cadenceWeeks === 1 ? '' : 's'}; each class is 0 or {rules.minClassSize}–{rules.maxClassSize} hires{rules.maxHires !== undefined ? `; at most ${rules.maxHires} hires in all` : ''}. Your own classes are kept; the
        optimiser’s earlier classes are replaced.
      </p>
      <div className="toolbar">
        <label className="field">
          Time limit
          <select value={seconds} onChange={(e) => setSeconds(Number(e.target.value))} disabled={running}>
            {[10, 30, 60, 120].map((s) => (
              <option key={s} value={s}>
                {s} s
              </option>
            ))}
          </select>
        </label>
        <button type="button" onClick={() => void optimise(seconds)} disabled={running} data-testid="plan-optimise">
          {dirty ? 'Save and optimise' : 'Optimise'}
        </button>
        {running && (
          <button type="button" onClick={() => void stop()} disabled={stopping} data-testid="plan-stop">
            {stopping ? 'Stopping…' : 'Stop (keep the best so far)'}
          </button>
        )}
      </div>
      <JobProgress job={job} />
      {!result && !job && <p className="muted">Not optimised yet: press Optimise to let the solver choose the classes. Its explanation appears here.</p>}
      {result && (
        <div className="explain" data-testid="optimise-explanation">
          <p>
            <strong>Last run</strong> {new Date(result.ranAt).toLocaleString()}: {result.status === 'optimal' ? 'proven optimal' : result.status}, total cost {money(result.cost.total)}
            {result.bound !== null && ` (no plan can cost less than ${money(result.bound)}${result.gap ? `; gap ${formatPercent(result.gap, 2)}` : ''})`}, {formatNumber(result.seconds, 1)} s.
          </p>
          <h4>Why these weeks stay short</h4>
          {result.shortWeeks.length === 0 ? (
            <p className="muted">No week is short.</p>
          ) : (
            <ul data-testid="short-weeks">
              {result.shortWeeks.map((w) => (
                <li key={w.week} data-testid={`short-week-${w.week}`}>
                  <strong>
                    Week {w.week} ({view.weekStarts[w.week]})
                  </strong>
                  : short {formatNumber(w.shortfallFte, 2)} FTE. {w.message}
                </li>
              ))}
            </ul>
          )}
          <h4>What each class covers</h4>
          <ul>
            {result.classes.map((c) => (
              <li key={c.classIndex}>{c.message}</li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}

function WeekResults({ view }: { view: PlanProjectionView }) {
  const [open, setOpen] = useState<number>();
  const live = view.serviceLevels[0] ?? [];
  return (
    <section className="panel">
      <h3>Weeks</h3>
      <p className="muted">Weeks count from 0, the plan’s first week (as in the command line’s JSON form). Select a week (Enter or click) to see each number as its formula with the inputs.</p>
      <div className="table-scroll">
        <table data-testid="plan-weeks">
          <thead>
            <tr>
              <th>Week</th>
              <th>Monday</th>
              <th className="num">Contacts</th>
              <th className="num">Required FTE</th>
              <th className="num">Headcount</th>
              <th className="num">Effective FTE</th>
              <th className="num">Gap FTE</th>
              {live.map((q) => (
                <th key={q.queue} className="num" title="Erlang with the effective staff on the week's interval pattern">
                  SL {q.queue}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {view.projection.weeks.map((w) => {
              const expanded = open === w.week;
              const e = view.explanations[w.week];
              return (
                <Fragment key={w.week}>
                  <tr
                    tabIndex={0}
                    className={`plan-week${w.gap < -1e-6 ? ' plan-week--short' : ''}`}
                    aria-expanded={expanded}
                    data-testid={`plan-week-${w.week}`}
                    onClick={() => setOpen(expanded ? undefined : w.week)}
                    onKeyDown={(ev) => {
                      if (ev.key === 'Enter' || ev.key === ' ') {
                        ev.preventDefault();
                        setOpen(expanded ? undefined : w.week);
                      }
                    }}
                  >
                    <td>{w.week}</td>
                    <td>{view.weekStarts[w.week]}</td>
                    <td className="num">{formatNumber(Math.round(w.volume))}</td>
                    <td className="num">{formatNumber(w.requiredFte, 1)}</td>
                    <td className="num">{formatNumber(w.headcount, 1)}</td>
                    <td className="num">{formatNumber(w.effectiveFte, 1)}</td>
                    <td className={`num${w.gap < -1e-6 ? ' danger' : ''}`}>{formatNumber(w.gap, 1)}</td>
                    {view.serviceLevels[w.week].map((q) => (
                      <td key={q.queue} className="num">
                        {q.serviceLevel === null ? '–' : formatPercent(q.serviceLevel, 0)}
                      </td>
                    ))}
                  </tr>
                  {expanded && (
                    <tr className="plan-week__explain" data-testid={`plan-week-explain-${w.week}`}>
                      <td colSpan={7 + live.length}>
                        <dl className="formula">
                          <dt>Required FTE</dt>
                          <dd>{e.requiredFte}</dd>
                          <dt>Tenured</dt>
                          <dd>{e.tenured}</dd>
                          <dt>Effective FTE</dt>
                          <dd>{e.effectiveFte}</dd>
                          <dt>Headcount</dt>
                          <dd>{e.headcount}</dd>
                          <dt>Gap</dt>
                          <dd>{e.gap}</dd>
                          {view.serviceLevels[w.week].length > 0 && (
                            <>
                              <dt>Service level</dt>
                              <dd>
                                Erlang per 30-min interval with required agents × {formatNumber(view.serviceLevels[w.week][0].staffRatio, 3)} (effective ÷ required, rounded down), weighted by contacts.
                              </dd>
                            </>
                          )}
                        </dl>
                      </td>
                    </tr>
                  )}
                </Fragment>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}
