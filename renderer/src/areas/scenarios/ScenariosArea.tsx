/**
 * Scenarios: the plan plus named changes, compared side by side with the baseline (recomputed after every edit),
 * presets from the planning table with their response quantified, the interval view of a short shock, saved
 * versions with what changed, "make baseline", and Monte Carlo ranges.
 */
import { useEffect, useState } from 'react';
import { formatNumber, formatPercent } from '../../components/format';
import { JobProgress } from '../../components/ProgressBar';
import { useJobs } from '../../stores/jobsStore';
import { CHANGE_KINDS, describeDiff, type ChangeKind } from '../../../../shared/engine/scenario';
import { useScenarios, VALUE_UNIT } from '../../stores/scenarioStore';
import { ComparisonCharts, ShockChart, SimulationChart } from './ScenarioCharts';

const signed = (n: number, decimals = 2) => `${n > 0 ? '+' : ''}${formatNumber(n, decimals)}`;
const signedPts = (n: number | null) => (n === null ? '—' : `${n > 0 ? '+' : ''}${(n * 100).toFixed(1)} pts`);
const KIND_LABEL = (kind: ChangeKind) => VALUE_UNIT[kind]?.label ?? 'Hiring freeze';

export function ScenariosArea() {
  const s = useScenarios();
  useEffect(() => {
    void s.load();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  if (s.plans.length === 0) {
    return (
      <section className="panel empty">
        <h2>Scenarios</h2>
        <p>{s.error ?? 'Scenarios are built on a capacity plan: create one in Hiring & ramp first.'}</p>
      </section>
    );
  }
  return (
    <section aria-label="Scenarios">
      <header className="area-header">
        <h2>Scenarios</h2>
        <p className="muted">A scenario is the plan plus named changes over dates. Every figure is compared with the baseline and recomputed as you type.</p>
      </header>
      <div className="panel toolbar">
        <div className="field">
          <label htmlFor="sc-plan">Plan</label>
          <select id="sc-plan" value={s.planId} onChange={(e) => void s.selectPlan(Number(e.target.value))}>
            {s.plans.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name} (from {p.startWeek}, {p.weeks} weeks)
              </option>
            ))}
          </select>
        </div>
      </div>
      {s.error && <div className="notice notice--error" role="alert">{s.error}</div>}
      {s.message && <div className="notice" role="status">{s.message}</div>}
      <div className="calculator__grid">
        <ScenarioList />
        <DraftEditor />
      </div>
      {s.comparison && <Comparison />}
      <ShockPanel />
      <Versions />
      <MonteCarlo />
    </section>
  );
}

function ScenarioList() {
  const s = useScenarios();
  return (
    <div className="panel" data-testid="sc-list">
      <h3>Saved scenarios</h3>
      <table>
        <thead>
          <tr>
            <th>Name</th>
            <th>Versions</th>
            <th title="Show beside the scenario being edited (up to 3)">Compare</th>
          </tr>
        </thead>
        <tbody>
          {s.scenarios.map((sc) => (
            <tr key={sc.id} className={sc.id === s.draft.id ? 'selected' : ''}>
              <td>
                <button type="button" className="link" onClick={() => void s.open(sc)}>
                  {sc.name}
                </button>
                {sc.isBaseline && <span className="badge" data-testid="sc-baseline-badge"> baseline</span>}
              </td>
              <td>{sc.versionCount}</td>
              <td>{!sc.isBaseline && sc.id !== s.draft.id && <input type="checkbox" aria-label={`Compare ${sc.name}`} checked={s.compareIds.includes(sc.id)} onChange={() => s.toggleCompare(sc.id)} />}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <button type="button" onClick={() => s.newDraft()}>
        New scenario
      </button>
    </div>
  );
}

function PresetPicker() {
  const s = useScenarios();
  const [presetId, setPresetId] = useState('outage');
  const preset = s.presets.find((p) => p.id === presetId);
  const [start, setStart] = useState('');
  const [days, setDays] = useState('');
  const [pct, setPct] = useState('');
  useEffect(() => {
    if (!preset) return;
    setDays(String(preset.days));
    setPct(String(preset.volumeChange * 100));
  }, [preset]);
  useEffect(() => setStart((v) => v || (s.planStart ?? '')), [s.planStart]);
  return (
    <fieldset className="toolbar" aria-label="Add a preset">
      <legend>Preset from the planning table</legend>
      <div className="field">
        <label htmlFor="sc-preset">Preset</label>
        <select id="sc-preset" value={presetId} onChange={(e) => setPresetId(e.target.value)}>
          {s.presets.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name} {p.volumeChange > 0 ? '+' : ''}
              {p.volumeChange * 100}% ({p.days} days) — {p.response}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="sc-preset-start">Starts on</label>
        <input id="sc-preset-start" value={start} onChange={(e) => setStart(e.target.value)} placeholder="2027-03-01" />
      </div>
      <div className="field">
        <label htmlFor="sc-preset-days">Days</label>
        <input id="sc-preset-days" value={days} onChange={(e) => setDays(e.target.value)} />
      </div>
      <div className="field">
        <label htmlFor="sc-preset-pct">Volume change</label>
        <div className="field__input">
          <input id="sc-preset-pct" value={pct} onChange={(e) => setPct(e.target.value)} />
          <span className="field__unit">%</span>
        </div>
      </div>
      <button type="button" data-testid="sc-add-preset" onClick={() => s.addPreset(presetId, start, days, pct)}>
        Add preset
      </button>
    </fieldset>
  );
}

function DraftEditor() {
  const s = useScenarios();
  const [kind, setKind] = useState<ChangeKind>('volume');
  const draftIsBaseline = s.scenarios.find((sc) => sc.id === s.draft.id)?.isBaseline ?? false;
  return (
    <div className="panel" data-testid="sc-editor">
      <div className="field">
        <label htmlFor="sc-name">Scenario name</label>
        <input id="sc-name" value={s.draft.name} onChange={(e) => s.setName(e.target.value)} />
      </div>
      <PresetPicker />
      <table aria-label="Changes">
        <thead>
          <tr>
            <th>Change</th>
            <th>From</th>
            <th>To</th>
            <th>Queue</th>
            <th>Value</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {s.draft.rows.map((row, i) => {
            const unit = VALUE_UNIT[row.kind];
            const err = (f: string) => s.rowErrors[`${i}.${f}`];
            return (
              <tr key={i} data-testid="sc-change-row">
                <td>{row.label || KIND_LABEL(row.kind)}</td>
                <td>{row.kind !== 'classRemove' && <input aria-label="From" aria-invalid={Boolean(err('from'))} value={row.from} onChange={(e) => s.updateRow(i, { from: e.target.value })} size={10} />}</td>
                <td>{row.kind !== 'classRemove' && <input aria-label="To" aria-invalid={Boolean(err('to'))} value={row.to} onChange={(e) => s.updateRow(i, { to: e.target.value })} size={10} />}</td>
                <td>
                  <input aria-label="Queue (empty = all)" placeholder="all" value={row.queue} onChange={(e) => s.updateRow(i, { queue: e.target.value })} size={8} />
                </td>
                <td>
                  {unit && (
                    <div className="field__input">
                      <input aria-label={`${unit.label} (${unit.unit})`} aria-invalid={Boolean(err('value'))} value={row.value} onChange={(e) => s.updateRow(i, { value: e.target.value })} size={6} />
                      <span className="field__unit">{unit.unit}</span>
                    </div>
                  )}
                  {(err('value') || err('from') || err('to')) && <div className="field__error" role="alert">{err('value') ?? err('from') ?? err('to')}</div>}
                </td>
                <td>
                  {row.kind === 'volume' && (
                    <button type="button" data-testid="sc-show-intervals" onClick={() => void s.loadShock(i)}>
                      Intervals
                    </button>
                  )}
                  <button type="button" aria-label="Remove change" onClick={() => s.removeRow(i)}>
                    ✕
                  </button>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <div className="toolbar">
        <select aria-label="Kind of change" value={kind} onChange={(e) => setKind(e.target.value as ChangeKind)}>
          {CHANGE_KINDS.map((k) => (
            <option key={k} value={k}>
              {KIND_LABEL(k)}
            </option>
          ))}
        </select>
        <button type="button" onClick={() => s.addChange(kind)}>
          Add change
        </button>
        <button type="button" className="primary" data-testid="sc-save" onClick={() => void s.save()}>
          Save version
        </button>
        <button type="button" data-testid="sc-make-baseline" disabled={s.draft.id === undefined || draftIsBaseline} onClick={() => void s.makeBaseline()}>
          Make baseline
        </button>
      </div>
      <p className="muted">
        Percent fields take percent (300 for +300%). A change over d days of a week acts with d/7 of its effect on that week: a +300% outage over 2 days multiplies the week’s volume by 1 + 3 × 2/7.
      </p>
    </div>
  );
}

function Comparison() {
  const view = useScenarios((s) => s.comparison)!;
  const levels = view.baseline.weeks.map((w) => w.serviceLevel).filter((l): l is number => l !== null);
  const baseLowest = levels.length ? Math.min(...levels) : null;
  const changedWeeks = view.baseline.weeks.filter((_, w) => view.scenarios.some((sc) => Math.abs(sc.comparison.weeks[w].gapDelta) > 1e-9 || sc.comparison.weeks[w].overtimeHours > 0));
  return (
    <>
      <div className="panel" data-testid="sc-compare">
        <h3>Side by side with the baseline “{view.baseline.name}”</h3>
        <table>
          <thead>
            <tr>
              <th>Figure</th>
              <th>{view.baseline.name} (baseline)</th>
              {view.scenarios.map((sc) => (
                <th key={sc.result.name}>{sc.result.name} (Δ)</th>
              ))}
            </tr>
          </thead>
          <tbody>
            <tr>
              <td title="Σ max(0, −gap) over the weeks">Short FTE-weeks</td>
              <td>{formatNumber(view.baseline.weeks.reduce((a, w) => a + Math.max(0, -w.gap), 0))}</td>
              {view.scenarios.map((sc) => (
                <td key={sc.result.name}>{formatNumber(sc.comparison.totals.shortFteWeeks)} ({signed(sc.comparison.totals.shortFteWeeksDelta)})</td>
              ))}
            </tr>
            <tr>
              <td>Weeks short</td>
              <td>{view.baseline.weeks.filter((w) => w.gap < -1e-9).length}</td>
              {view.scenarios.map((sc) => (
                <td key={sc.result.name}>{sc.comparison.totals.weeksShort} ({signed(sc.comparison.totals.weeksShortDelta, 0)})</td>
              ))}
            </tr>
            <tr>
              <td title="Lowest weekly service level of the live queues (Erlang C on the average interval)">Lowest weekly service level</td>
              <td>{baseLowest === null ? '—' : formatPercent(baseLowest)}</td>
              {view.scenarios.map((sc) => (
                <td key={sc.result.name}>
                  {sc.comparison.totals.lowestServiceLevel === null ? '—' : formatPercent(sc.comparison.totals.lowestServiceLevel)} ({signedPts(sc.comparison.totals.lowestServiceLevelDelta)})
                </td>
              ))}
            </tr>
            <tr>
              <td>Hires (heads)</td>
              <td>{view.baseline.hires.reduce((a, h) => a + h.size, 0)}</td>
              {view.scenarios.map((sc) => (
                <td key={sc.result.name}>{sc.comparison.totals.hires} ({signed(sc.comparison.totals.hiresDelta, 0)})</td>
              ))}
            </tr>
            <tr>
              <td title="min(tenured heads × allowed hours, shortfall × hours per FTE), summed">Overtime worked, agent-hours</td>
              <td>{formatNumber(view.baseline.overtimeHours, 1)}</td>
              {view.scenarios.map((sc) => (
                <td key={sc.result.name}>{formatNumber(sc.comparison.totals.overtimeHours, 1)} ({signed(sc.comparison.totals.overtimeHoursDelta, 1)})</td>
              ))}
            </tr>
            <tr>
              <td title="payroll + hiring + understaffing penalty + overtime">Total cost</td>
              <td>{formatNumber(view.baseline.totalCost, 0)}</td>
              {view.scenarios.map((sc) => (
                <td key={sc.result.name} data-testid="sc-cost-delta">
                  {formatNumber(sc.comparison.totals.cost, 0)} ({signed(sc.comparison.totals.costDelta, 0)})
                </td>
              ))}
            </tr>
            <tr>
              <td title="total cost ÷ Σ weekly contacts">Cost per contact</td>
              <td>{formatNumber(view.baseline.cost.perContact, 3)}</td>
              {view.scenarios.map((sc) => (
                <td key={sc.result.name}>
                  {formatNumber(sc.comparison.totals.costPerContact, 3)} ({signed(sc.comparison.totals.costPerContactDelta, 3)})
                </td>
              ))}
            </tr>
          </tbody>
        </table>
        {view.scenarios.flatMap((sc) => sc.result.notes.map((n) => <p key={sc.result.name + n} className="muted">{sc.result.name}: {n}</p>))}
        <details>
          <summary>How these figures are computed</summary>
          <ul>
            {view.conventions.map((c) => (
              <li key={c}>{c}</li>
            ))}
          </ul>
        </details>
      </div>
      <ComparisonCharts view={view} />
      {view.scenarios.some((sc) => sc.responses.length > 0) && (
        <div className="panel" data-testid="sc-responses">
          <h3>The response each shock calls for</h3>
          {view.scenarios.flatMap((sc) =>
            sc.responses.map((r) => (
              <div key={sc.result.name + r.change} className="response">
                <h4>
                  {sc.result.name}: {r.change}
                  {r.response && ` — ${r.response}`}
                </h4>
                <ul>
                  <li title="Σ extra shortfall on the shock days × covered share of the week × hours per FTE">
                    Overtime needed: <strong>{formatNumber(r.overtimeHoursNeeded, 1)} agent-hours</strong> ({formatNumber(r.overtimeHoursPerAgent, 1)} h per tenured agent)
                  </li>
                  <li title="⌈largest extra shortfall on the shock days⌉">
                    Extra temporary agents on the shock days: <strong>{r.extraTemporaryAgents}</strong> (required on those days: {r.weeks.map((w) => formatNumber(w.requiredFteOnShockDays, 1)).join(', ')} FTE)
                  </li>
                  <li title="min(extra deferred handling hours, shortfall in productive hours); cleared by the baseline's spare productive hours per day">
                    Deferrable work to postpone: <strong>{formatNumber(r.deferrable.postponeHours, 1)} handling hours</strong> of {formatNumber(r.deferrable.extraWorkHours, 1)} extra;{' '}
                    {r.deferrable.postponeHours <= 0 ? 'nothing to postpone' : r.deferrable.clearsOn ? `backlog clears ${formatNumber(r.deferrable.clearsAfterDays ?? 0, 1)} days after the shock (by ${r.deferrable.clearsOn})` : 'not cleared within the plan: there is no spare capacity afterwards'}
                  </li>
                  {r.releasableHours > 0 && <li>Staff hours that can be released (skeleton crew): {formatNumber(r.releasableHours, 1)} agent-hours</li>}
                  <li>Weekly service level (live queues): {r.lowestServiceLevel === null ? '—' : formatPercent(r.lowestServiceLevel)} — see the interval view for the shock days with the schedule</li>
                </ul>
              </div>
            )),
          )}
        </div>
      )}
      {changedWeeks.length > 0 && (
        <div className="panel table-scroll">
          <h3>Weeks that differ</h3>
          <table>
            <thead>
              <tr>
                <th>Week</th>
                <th>Baseline gap, FTE</th>
                {view.scenarios.map((sc) => (
                  <th key={sc.result.name}>{sc.result.name}: gap (Δ), FTE · overtime h</th>
                ))}
              </tr>
            </thead>
            <tbody>
              {changedWeeks.map((w) => (
                <tr key={w.week}>
                  <td>{w.weekStart}</td>
                  <td title={`effective ${formatNumber(w.effectiveFte)} + overtime ${formatNumber(w.overtimeFte)} − required ${formatNumber(w.requiredFte)}`}>{formatNumber(w.gap)}</td>
                  {view.scenarios.map((sc) => {
                    const c = sc.comparison.weeks[w.week];
                    const r = sc.result.weeks[w.week];
                    return (
                      <td key={sc.result.name} title={`effective ${formatNumber(r.effectiveFte)} + overtime ${formatNumber(r.overtimeFte)} − required ${formatNumber(r.requiredFte)}`}>
                        {formatNumber(c.gap)} ({signed(c.gapDelta)}) · {formatNumber(c.overtimeHours, 1)}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}

function ShockPanel() {
  const { shock, shockError } = useScenarios();
  if (!shock && !shockError) return null;
  return (
    <div className="panel" data-testid="sc-shock">
      <h3>Interval view {shock && `— week of ${shock.weekStart}`}</h3>
      {shockError && <div className="notice notice--error" role="alert">{shockError}</div>}
      {shock && (
        <>
          <p className="muted">
            Agents: {shock.staffSource}. Volumes: {shock.volumeSource}.
          </p>
          {shock.views.map((v) => (
            <div key={v.queue}>
              <h4>
                {v.queue} ({v.kind === 'live' ? 'live: Erlang with the agents on the floor' : 'deferred: backlog worked oldest first'})
              </h4>
              <p data-testid="sc-shock-summary">
                {v.kind === 'live'
                  ? `Service level over the shock ${formatPercent(v.summary.serviceLevel ?? 0)} (without it ${formatPercent(v.summary.baseServiceLevel ?? 0)}), lowest interval ${formatPercent(v.summary.lowestServiceLevel ?? 0)}, ${v.summary.averageWaitSec === null || v.summary.averageWaitSec === undefined ? 'no interval can keep up' : `average wait ${formatNumber(v.summary.averageWaitSec, 0)} s where the queue keeps up`}${v.summary.unstableIntervals ? `, ${v.summary.unstableIntervals} intervals where it cannot (agents ≤ workload: the wait grows without bound)` : ''}; ${v.summary.intervalsBelowTarget} intervals below target; to hold the target: ${v.summary.peakExtraAgents} extra agents at the peak, ${formatNumber(v.summary.extraAgentHours ?? 0, 1)} extra agent-hours.`
                  : `Backlog peaks at ${formatNumber(v.summary.peakBacklog ?? 0, 0)} items (${formatNumber(v.summary.backlogAtShockEnd ?? 0, 0)} when the shock ends); ${v.summary.clearanceHours === null ? 'not cleared within the week' : `cleared ${formatNumber(v.summary.clearanceHours ?? 0, 1)} hours after the shock`}; at most ${formatNumber(v.summary.peakOverdue ?? 0, 0)} items past their response target.`}{' '}
                {formatNumber(v.summary.extraContacts, 0)} extra contacts over {v.summary.shockIntervals} intervals of {v.intervalMin} min.
              </p>
              <ShockChart view={v} />
              <details>
                <summary>Intervals of the shock</summary>
                <div className="table-scroll">
                  <table>
                    <thead>
                      <tr>
                        <th>Interval</th>
                        <th>Contacts (without shock)</th>
                        <th>Agents</th>
                        {v.kind === 'live' ? (
                          <>
                            <th>Service level</th>
                            <th>Average wait, s</th>
                            <th>Agents for target</th>
                          </>
                        ) : (
                          <>
                            <th>Backlog, items</th>
                            <th>Overdue, items</th>
                          </>
                        )}
                      </tr>
                    </thead>
                    <tbody>
                      {v.rows
                        .filter((r) => r.inShock)
                        .map((r) => (
                          <tr key={r.start}>
                            <td>{r.start.replace('T', ' ')}</td>
                            <td>
                              {formatNumber(r.volume, 1)} ({formatNumber(r.baseVolume, 1)})
                            </td>
                            <td>{formatNumber(r.agents, 1)}</td>
                            {v.kind === 'live' ? (
                              <>
                                <td>{formatPercent(r.serviceLevel ?? 1)}</td>
                                <td>{Number.isFinite(r.asaSec ?? 0) ? formatNumber(r.asaSec ?? 0, 0) : 'unbounded'}</td>
                                <td>{r.requiredAgents}</td>
                              </>
                            ) : (
                              <>
                                <td>{formatNumber(r.backlog ?? 0, 0)}</td>
                                <td>{formatNumber(r.overdue ?? 0, 0)}</td>
                              </>
                            )}
                          </tr>
                        ))}
                    </tbody>
                  </table>
                </div>
              </details>
            </div>
          ))}
        </>
      )}
    </div>
  );
}

function Versions() {
  const { versions, draft } = useScenarios();
  if (draft.id === undefined || versions.length === 0) return null;
  return (
    <div className="panel" data-testid="sc-versions">
      <h3>Versions of “{draft.name}”</h3>
      <ol reversed>
        {versions.map((v) => (
          <li key={v.version} data-testid="sc-version">
            <strong>Version {v.version}</strong> <span className="muted">{v.createdAt.slice(0, 16).replace('T', ' ')}</span>
            {v.note && <em> — {v.note}</em>}
            {v.version === 1 ? (
              <span className="muted"> — first save: {v.changes.length} changes</span>
            ) : v.diff.length === 0 ? (
              <span className="muted"> — no assumption changed</span>
            ) : (
              <ul>
                {v.diff.map((d, i) => (
                  <li key={i} data-testid="sc-diff">
                    {describeDiff(d)}
                  </li>
                ))}
              </ul>
            )}
          </li>
        ))}
      </ol>
    </div>
  );
}

function MonteCarlo() {
  const s = useScenarios();
  const job = useJobs((state) => (s.simulationJobId ? state.jobs[s.simulationJobId] : undefined));
  return (
    <div className="panel" data-testid="sc-montecarlo">
      <h3>Ranges: Monte Carlo of the scenario being edited</h3>
      <p className="muted">
        Volume per queue and week drawn from the forecast’s bands (backtested by horizon), leavers per week binomial. P10/P50/P90 of the weekly gap and the share of runs that meet the service target.
      </p>
      <div className="toolbar">
        <div className="field">
          <label htmlFor="sc-runs">Runs</label>
          <input id="sc-runs" value={s.runs} onChange={(e) => s.setRuns(e.target.value)} size={6} />
        </div>
        <button type="button" data-testid="sc-simulate" onClick={() => void s.simulate()}>
          Simulate
        </button>
      </div>
      <JobProgress job={job} />
      {s.simulation && (
        <>
          <SimulationChart result={s.simulation} />
          <p data-testid="sc-hire-up-to">
            <strong>Hire-up-to at P90:</strong> {s.simulation.hireUpTo.explanation}
          </p>
          <p className="muted">{s.simulation.method} {s.simulation.bandMethod}</p>
        </>
      )}
    </div>
  );
}
