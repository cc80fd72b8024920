/**
 * The capacity dashboard: the metrics a support manager reads (each with its formula on hover), the published
 * schedule's intervals rated green/yellow/red against the forecast with the action for red ones, coverage gaps,
 * the cost model, projected SLA compliance, the planning calendar, and the workspace at a glance.
 */
import { useEffect, useMemo } from 'react';
import type { ChartConfiguration } from 'chart.js';
import type { DashboardMetric, RagInterval } from '../../../../shared/api/channels/dashboard';
import { RAG_RULES } from '../../../../shared/engine/dashboard';
import { ChartCanvas } from '../../components/LineChart';
import { NumberField } from '../../components/NumberField';
import { StepsTable } from '../../components/StepsTable';
import { formatNumber, formatPercent } from '../../components/format';
import { useDashboard, type CostField } from '../../stores/dashboardStore';
import { useWorkspace } from '../../stores/workspaceStore';
import { WEEKDAY_SHORT } from '../../../../shared/calendar/days';
import './dashboard.css';

const COLORS = ['#2563eb', '#16a34a', '#d97706', '#9333ea'];

export function DashboardArea() {
  const { overview, error, load, exportXlsx, exportPdf } = useDashboard();
  const summary = useWorkspace((s) => s.summary);
  useEffect(() => {
    void load();
  }, [load, summary]);

  return (
    <section aria-labelledby="dashboard-title" className="dash">
      <header className="area-header dash__header">
        <div>
          <h2 id="dashboard-title">{summary?.name ?? overview?.workspaceName ?? 'Dashboard'}</h2>
          <p className="muted">
            Capacity at a glance. Hover a metric for its formula and inputs.{summary ? ` ${summary.isDemo ? 'Demo workspace — reset it any time from Data.' : 'Your workspace.'} Time zone ${summary.timezone}.` : ''}
          </p>
        </div>
        <div className="dash__exports no-print">
          <button type="button" onClick={() => void exportXlsx()} data-testid="dash-export-xlsx">Export XLSX</button>
          <button type="button" onClick={() => void exportPdf()} data-testid="dash-export-pdf">{window.staffwiseBridge ? 'Export PDF' : 'Print / PDF'}</button>
        </div>
      </header>
      {error && <div className="notice notice--error" role="alert">{error}</div>}
      {!overview ? (
        <p className="muted">Loading the dashboard…</p>
      ) : (
        <>
          <div className="dash__metrics" data-testid="dash-metrics">
            {overview.metrics.map((m) => (
              <MetricCard key={m.id} metric={m} />
            ))}
          </div>
          {overview.notes.map((n) => (
            <p key={n} className="notice" data-testid="dash-note">{n}</p>
          ))}
          <MetricCharts metrics={overview.metrics} />
          <IntervalBoard />
          <CoverageGaps />
          <SlaSummary />
          <CostModelPanel />
          <PlanningCalendar />
        </>
      )}
      <WorkspaceAtAGlance />
    </section>
  );
}

function MetricCard({ metric }: { metric: DashboardMetric }) {
  const value = metric.value === null ? '–' : metric.unit.startsWith('$') ? `$${metric.value.toFixed(2)}` : formatNumber(metric.value, 2);
  return (
    <div className="card metric" tabIndex={0} data-testid={`metric-${metric.id}`} aria-describedby={`formula-${metric.id}`}>
      <div className="card__value">{value}</div>
      <div className="card__label">{metric.label} <span className="metric__unit">({metric.unit})</span></div>
      <div className="metric__cadence">{metric.cadence}</div>
      {metric.unavailable && <div className="metric__unavailable">{metric.unavailable}</div>}
      <div className="metric__formula" role="tooltip" id={`formula-${metric.id}`} data-testid={`formula-${metric.id}`}>
        <strong>Formula:</strong> {metric.formula}
        <br />
        <strong>Inputs:</strong> {metric.inputs}
      </div>
    </div>
  );
}

function lineChart(labels: string[], datasets: ChartConfiguration['data']['datasets'], yTitle: string, type: 'line' | 'bar' = 'line'): ChartConfiguration {
  return {
    type,
    data: { labels, datasets },
    options: { interaction: { mode: 'index', intersect: false }, scales: { x: { ticks: { maxTicksLimit: 10 } }, y: { beginAtZero: true, title: { display: true, text: yTitle } } } },
  };
}

function MetricCharts({ metrics }: { metrics: DashboardMetric[] }) {
  const byId = Object.fromEntries(metrics.map((m) => [m.id, m]));
  const charts = useMemo(() => {
    const out: { key: string; title: string; config: ChartConfiguration }[] = [];
    const perAgent = byId.ticketsPerAgentDay;
    if (perAgent?.series?.length) {
      out.push({ key: 'perAgent', title: 'Tickets per agent per day (last 4 weeks)', config: lineChart(perAgent.series.map((p) => p.label), [{ label: 'Tickets per agent', data: perAgent.series.map((p) => p.value), borderColor: COLORS[0], backgroundColor: COLORS[0], pointRadius: 0 }], 'tickets per agent') });
    }
    const aht = byId.handleTimeTrend;
    if (aht?.series?.length) {
      out.push({
        key: 'aht',
        title: 'Handle time by week, with its trend line',
        config: lineChart(aht.series.map((p) => p.label), [
          { label: 'Weekly average (min)', data: aht.series.map((p) => p.value), borderColor: COLORS[1], backgroundColor: COLORS[1] },
          { label: 'Trend', data: aht.trend ?? [], borderColor: '#64748b', borderDash: [6, 4], pointRadius: 0 },
        ], 'minutes per ticket'),
      });
    }
    const util = byId.utilization;
    if (util?.series?.length) {
      out.push({ key: 'util', title: 'Utilization by day (published week)', config: lineChart(util.series.map((p) => p.label), [{ label: 'Utilization (%)', data: util.series.map((p) => p.value), backgroundColor: COLORS[2] }], '%', 'bar') });
    }
    const backlog = byId.backlog;
    if (backlog?.series?.length) {
      out.push({ key: 'backlog', title: 'Backlog: tickets open over 24 h, at the end of each day (ticket export)', config: lineChart(backlog.series.map((p) => p.label), [{ label: 'Open over 24 h', data: backlog.series.map((p) => p.value), backgroundColor: COLORS[0] }], 'tickets', 'bar') });
    }
    const cost = byId.costPerTicket;
    if (cost?.series?.length) {
      out.push({ key: 'cost', title: 'Cost per ticket by month', config: lineChart(cost.series.map((p) => p.label), [{ label: 'Cost per ticket ($)', data: cost.series.map((p) => p.value), backgroundColor: COLORS[3] }], '$ per ticket', 'bar') });
    }
    return out;
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [metrics]);
  return (
    <div className="dash__charts">
      {charts.map((c) => (
        <div className="panel" key={c.key} data-testid={`chart-${c.key}`}>
          <h3>{c.title}</h3>
          <ChartCanvas config={c.config} label={c.title} height={200} />
        </div>
      ))}
    </div>
  );
}

function IntervalBoard() {
  const { overview, selected, select } = useDashboard();
  if (!overview) return null;
  if (!overview.schedule) {
    return (
      <div className="panel" data-testid="rag-board">
        <h3>Intervals against the forecast</h3>
        <p className="muted">No published schedule yet. Generate and publish a week in the Schedule area (<a href="#/schedule">go there</a>) to rate each interval green, yellow or red.</p>
      </div>
    );
  }
  const skills = [...new Set(overview.intervals.map((i) => i.skill))];
  const counts = { red: 0, yellow: 0, green: 0 };
  overview.intervals.forEach((i) => counts[i.status]++);
  return (
    <div className="panel" data-testid="rag-board">
      <h3>Intervals of the published week of {overview.schedule.weekStart} (version {overview.schedule.version}) against the forecast</h3>
      <p className="muted">
        {counts.red} red, {counts.yellow} yellow, {counts.green} green {overview.schedule.intervalMinutes}-minute intervals. Thresholds:{' '}
        {Object.values(RAG_RULES).map((r) => `${r.label} ${r.bands}`).join('; ')}. Select an interval for its readings and actions.
      </p>
      {skills.map((skill) => (
        <SkillGrid key={skill} skill={skill} intervals={overview.intervals.filter((i) => i.skill === skill)} onSelect={select} selected={selected} />
      ))}
      {selected && <IntervalDetail interval={selected} />}
    </div>
  );
}

function SkillGrid({ skill, intervals, onSelect, selected }: { skill: string; intervals: RagInterval[]; onSelect(i: RagInterval): void; selected?: RagInterval }) {
  const starts = [...new Set(intervals.map((i) => i.start))].sort();
  const byKey = new Map(intervals.map((i) => [`${i.day}|${i.start}`, i]));
  return (
    <div className="rag" data-testid={`rag-${skill}`}>
      <h4>{skill}</h4>
      <div className="rag__grid" style={{ gridTemplateColumns: `48px repeat(${starts.length}, minmax(6px, 1fr))` }}>
        <span />
        {starts.map((s, k) => (
          <span key={s} className="rag__hour">{k % 4 === 0 ? s : ''}</span>
        ))}
        {WEEKDAY_SHORT.map((name, day) => (
          <FragmentRow key={name} name={name} day={day} starts={starts} byKey={byKey} onSelect={onSelect} selected={selected} />
        ))}
      </div>
    </div>
  );
}

function FragmentRow({ name, day, starts, byKey, onSelect, selected }: { name: string; day: number; starts: string[]; byKey: Map<string, RagInterval>; onSelect(i: RagInterval): void; selected?: RagInterval }) {
  return (
    <>
      <span className="rag__day">{name}</span>
      {starts.map((start) => {
        const interval = byKey.get(`${day}|${start}`);
        if (!interval) return <span key={start} className="rag__cell rag__cell--closed" />;
        const isSelected = selected === interval;
        return (
          <button
            key={start}
            type="button"
            className={`rag__cell rag__cell--${interval.status}${isSelected ? ' rag__cell--selected' : ''}`}
            data-testid="rag-cell"
            data-status={interval.status}
            aria-label={`${interval.skill} ${name} ${interval.date} ${interval.start}: ${interval.status}`}
            title={`${name} ${interval.start}: ${interval.status}`}
            onClick={() => onSelect(interval)}
          />
        );
      })}
    </>
  );
}

function IntervalDetail({ interval }: { interval: RagInterval }) {
  return (
    <div className={`rag__detail rag__detail--${interval.status}`} data-testid="rag-detail">
      <h4>
        {interval.skill}, {interval.date} {interval.start}: <span className={`badge badge--${interval.status}`}>{interval.status}</span>
      </h4>
      <p>
        Forecast {formatNumber(interval.forecast)} contacts; required {formatNumber(interval.required)} agents; scheduled {formatNumber(interval.scheduled)} agents.
      </p>
      <table className="steps">
        <thead>
          <tr><th>Reading</th><th className="num">Value</th><th>Bands (green / yellow / red)</th><th>Status</th></tr>
        </thead>
        <tbody>
          {interval.readings.map((r) => (
            <tr key={r.metric}>
              <td>{RAG_RULES[r.metric].label}</td>
              <td className="num">{formatNumber(r.value)} {RAG_RULES[r.metric].unit}</td>
              <td>{RAG_RULES[r.metric].bands}</td>
              <td><span className={`badge badge--${r.status}`}>{r.status}</span></td>
            </tr>
          ))}
        </tbody>
      </table>
      {interval.actions.length > 0 ? (
        <ul className="rag__actions" data-testid="rag-actions">
          {interval.actions.map((a) => (
            <li key={a}><strong>Action:</strong> {a}</li>
          ))}
        </ul>
      ) : (
        <p className="muted">No red reading: no action needed.</p>
      )}
      <p className="muted">{interval.basis}</p>
    </div>
  );
}

function CoverageGaps() {
  const overview = useDashboard((s) => s.overview);
  if (!overview?.schedule) return null;
  const gaps = overview.coverageGaps;
  return (
    <div className="panel" data-testid="coverage-gaps">
      <h3>Coverage gaps this week ({gaps.length} skill-hours under 50% of the requirement)</h3>
      {gaps.length === 0 ? (
        <p className="muted">Every hour has at least half the agents it needs.</p>
      ) : (
        <div className="dash__scroll">
          <table className="steps">
            <thead><tr><th>Skill</th><th>Date</th><th>Hour</th><th className="num">Required (agents)</th><th className="num">Scheduled (agents)</th></tr></thead>
            <tbody>
              {gaps.slice(0, 200).map((g) => (
                <tr key={`${g.skill}|${g.date}|${g.hour}`}><td>{g.skill}</td><td>{g.date}</td><td>{String(g.hour).padStart(2, '0')}:00</td><td className="num">{formatNumber(g.required)}</td><td className="num">{formatNumber(g.scheduled)}</td></tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}

function SlaSummary() {
  const sla = useDashboard((s) => s.overview?.sla);
  return (
    <div className="panel" data-testid="dash-sla">
      <h3>SLA compliance projected from the plan</h3>
      {!sla ? (
        <p className="muted">No active SLA policy: <a href="#/sla">choose one</a>.</p>
      ) : (
        <p>
          <strong>{sla.policyName}</strong>, week of {sla.weekStart}: {formatPercent(sla.overallInTarget)} of tickets answered within their first-response target with {sla.headcount} agents.{' '}
          {sla.holidaysInWeek.length > 0 && `Holidays ${sla.holidaysInWeek.join(', ')} stop the SLA clock (their tickets count from the next open hour). `}
          {sla.cellsWithoutCapacity.length > 0 ? `SLA without capacity: ${sla.cellsWithoutCapacity.join(', ')}. ` : 'Every promise has the capacity behind it. '}
          {sla.headcountNeeded !== null && `${sla.headcountNeeded} agents keep every promise 95% of the time. `}
          <a href="#/sla">Open the policy</a>
        </p>
      )}
      {sla?.withSchedule && (
        <p data-testid="dash-sla-schedule">
          With the published week of {sla.withSchedule.weekStart} ({sla.withSchedule.skill} agents hour by hour): {formatPercent(sla.withSchedule.overallInTarget)} answered in target
          {sla.withSchedule.cellsWithoutCapacity.length > 0 ? `; without capacity: ${sla.withSchedule.cellsWithoutCapacity.join(', ')}` : '; every promise kept'}.
        </p>
      )}
    </div>
  );
}

const COST_FIELDS: { key: CostField; label: string; unit: string }[] = [
  { key: 'salaryAndBenefits', label: 'Salary and benefits', unit: '$ / agent / year' },
  { key: 'toolsPerSeat', label: 'Tools per seat', unit: '$ / agent / year' },
  { key: 'training', label: 'Training', unit: '$ / agent / year' },
  { key: 'managementOverhead', label: 'Management overhead', unit: '$ / agent / year' },
  { key: 'ticketsPerAgentPerDay', label: 'Tickets per agent per day', unit: 'tickets' },
  { key: 'workingDaysPerYear', label: 'Working days per year', unit: 'days' },
  { key: 'ahtCutPct', label: 'Handle-time cut', unit: '%' },
  { key: 'fcrGainPct', label: 'First-contact-resolution gain', unit: '%' },
];

function CostModelPanel() {
  const { costFields, costErrors, costResult, costSaved, setCostField, saveCost } = useDashboard();
  return (
    <div className="panel" data-testid="cost-model">
      <h3>Cost per ticket: the full-cost model</h3>
      <p className="muted">Full cost per agent = salary and benefits + tools + training + overhead; cost per ticket = full cost ÷ (tickets per day × working days).</p>
      <div className="dash__form">
        {COST_FIELDS.map((f) => (
          <NumberField key={f.key} label={f.label} unit={f.unit} value={costFields[f.key]} error={costErrors[f.key]} onChange={(v) => setCostField(f.key, v)} testId={`cost-${f.key}`} />
        ))}
      </div>
      {costErrors.form && <div className="notice notice--error" role="alert">{costErrors.form}</div>}
      {costResult && <StepsTable steps={costResult.steps} testId="cost-steps" />}
      <button type="button" onClick={() => void saveCost()} disabled={costSaved} data-testid="cost-save">{costSaved ? 'Saved' : 'Save the cost model'}</button>
    </div>
  );
}

function PlanningCalendar() {
  const { overview, setChecklist } = useDashboard();
  if (!overview) return null;
  return (
    <div className="panel" data-testid="planning-calendar">
      <h3>Planning calendar</h3>
      {(['monthly', 'quarterly', 'annual'] as const).map((cadence) => (
        <div key={cadence}>
          <h4>{cadence[0].toUpperCase() + cadence.slice(1)} reviews</h4>
          <ul className="checklist">
            {overview.checklist.filter((c) => c.cadence === cadence).map((c) => (
              <li key={c.key}>
                <label>
                  <input type="checkbox" checked={c.doneAt !== null} onChange={(e) => void setChecklist(c.key, c.period, e.target.checked)} data-testid={`check-${c.key}`} />{' '}
                  <strong>{c.title}</strong> ({c.period}, due {c.due})
                </label>{' '}
                — {c.detail}. In {c.linkLabel}: <a href={c.link}>open</a>
              </li>
            ))}
          </ul>
        </div>
      ))}
    </div>
  );
}

function WorkspaceAtAGlance() {
  const summary = useWorkspace((s) => s.summary);
  const chart = useMemo<ChartConfiguration | undefined>(() => {
    if (!summary) return undefined;
    const dates = [...new Set(summary.dailyVolumes.map((d) => d.date))].sort();
    const index = new Map(dates.map((d, i) => [d, i]));
    return {
      type: 'line',
      data: {
        labels: dates,
        datasets: summary.queues.map((q, i) => {
          const values: (number | null)[] = dates.map(() => null);
          for (const d of summary.dailyVolumes) if (d.queueId === q.id) values[index.get(d.date)!] = d.volume;
          return { label: q.name, data: values, borderColor: COLORS[i % COLORS.length], backgroundColor: COLORS[i % COLORS.length], pointRadius: 0, borderWidth: 1.5, spanGaps: false };
        }),
      },
      options: { interaction: { mode: 'index', intersect: false }, scales: { x: { ticks: { maxTicksLimit: 12 } }, y: { beginAtZero: true, title: { display: true, text: 'Contacts per day' } } } },
    };
  }, [summary]);
  if (!summary) return null;
  return (
    <div className="panel">
      <h3>The workspace</h3>
      <div className="cards">
        <div className="card" data-testid="agent-count"><div className="card__value">{formatNumber(summary.agentCount)}</div><div className="card__label">agents</div></div>
        {Object.entries(summary.agentsBySkill).map(([skill, n]) => (
          <div className="card" key={skill}><div className="card__value">{formatNumber(n)}</div><div className="card__label">skilled for {skill}</div></div>
        ))}
        {summary.queues.map((q) => (
          <div className="card" key={q.id}><div className="card__value">{formatNumber(q.totalVolume)}</div><div className="card__label">{q.name} contacts</div></div>
        ))}
      </div>
      <h4>Daily contacts by queue</h4>
      <p className="muted">Gaps are closed days (holidays, Sundays on phones) or missing data — never counted as zero.</p>
      {chart && <ChartCanvas config={chart} label="Daily contacts by queue" height={280} />}
    </div>
  );
}
