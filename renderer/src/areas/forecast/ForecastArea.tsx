import { useEffect, useMemo, useState } from 'react';
import type { ChartConfiguration } from 'chart.js';
import { AUTOMATIC_RULE, FORECAST_METHODS } from '../../../../shared/engine/forecast';
import type { ForecastView } from '../../../../shared/api/channels/forecast';
import { ChartCanvas } from '../../components/LineChart';
import { JobProgress } from '../../components/ProgressBar';
import { NumberField } from '../../components/NumberField';
import { formatNumber, formatPercent } from '../../components/format';
import { useForecast } from '../../stores/forecastStore';
import { useJobs } from '../../stores/jobsStore';
import { useWorkspace } from '../../stores/workspaceStore';
import { download } from '../../components/download';
import { countOf } from '../../../../shared/text/plural';
import { EventsPanel } from './EventsPanel';
import { WEEKDAY_SHORT } from '../../../../shared/calendar/days';

/** Forecast days carry ISO weekdays, 1 = Monday … 7 = Sunday. */
const weekdayShort = (isoWeekday: number) => WEEKDAY_SHORT[isoWeekday - 1];

export function ForecastArea() {
  const summary = useWorkspace((s) => s.summary);
  const f = useForecast();
  const job = useJobs((s) => (f.jobId ? s.jobs[f.jobId] : undefined));
  const running = Boolean(job && !job.done);

  useEffect(() => {
    if (summary?.queues[0] && (f.queueId === undefined || !summary.queues.some((q) => q.id === f.queueId))) void f.selectQueue(summary.queues[0].id);
  }, [summary, f]);

  if (!summary) return <p className="muted">Loading the workspace…</p>;
  if (summary.queues.length === 0) return <section className="panel empty"><h2>Forecast</h2><p>No queues yet: import contact history in the Data area, then forecast it here.</p></section>;

  return (
    <section aria-labelledby="forecast-title">
      <header className="area-header">
        <h2 id="forecast-title">Forecast</h2>
        <p className="muted">Every method is backtested from rolling origins on this queue's history. {AUTOMATIC_RULE} You can override the choice. Daily totals come first, then each weekday's intraday profile splits them into intervals.</p>
      </header>
      <form className="panel toolbar" aria-label="Forecast settings" onSubmit={(e) => { e.preventDefault(); void f.run(); }}>
        <div className="field">
          <label htmlFor="fc-queue">Queue</label>
          <select id="fc-queue" value={f.queueId} onChange={(e) => void f.selectQueue(Number(e.target.value))} data-testid="fc-queue">
            {summary.queues.map((q) => <option key={q.id} value={q.id}>{q.name}</option>)}
          </select>
        </div>
        <NumberField label="Days ahead" value={f.horizonDays} onChange={(v) => f.set({ horizonDays: v })} error={f.errors.horizonDays} testId="fc-horizon" />
        <div className="field">
          <label htmlFor="fc-interval">Interval</label>
          <select id="fc-interval" value={f.intervalMin} onChange={(e) => f.set({ intervalMin: Number(e.target.value) as 15 | 30 | 60 })}>
            <option value={15}>15 minutes</option><option value={30}>30 minutes</option><option value={60}>60 minutes</option>
          </select>
        </div>
        <div className="field">
          <label htmlFor="fc-method">Method</label>
          <select id="fc-method" value={f.method} onChange={(e) => f.set({ method: e.target.value })} data-testid="fc-method">
            <option value="auto">Automatic (best backtest)</option>
            {FORECAST_METHODS.map((m) => <option key={m} value={m}>{m}</option>)}
          </select>
        </div>
        <div className={`field${f.errors.asOf ? ' field--invalid' : ''}`}>
          <label htmlFor="fc-asof">As of (optional)</label>
          <input id="fc-asof" value={f.asOf} placeholder="all history" onChange={(e) => f.set({ asOf: e.target.value })} data-testid="fc-asof" />
          {f.errors.asOf ? <div className="field__error" role="alert">{f.errors.asOf}</div> : <div className="field__hint">Forecast from an earlier date to compare with what happened</div>}
        </div>
        <button type="submit" disabled={running} data-testid="fc-run">{running ? 'Forecasting…' : 'Run forecast'}</button>
      </form>
      {f.errors.form && <div className="notice notice--error" role="alert">{f.errors.form}</div>}
      <JobProgress job={job} />
      {f.runs.length > 0 && (
        <div className="runs">
          <label htmlFor="fc-runs">Run</label>{' '}
          <select id="fc-runs" value={f.view?.run.id} onChange={(e) => void f.openRun(Number(e.target.value))}>
            {f.runs.map((r) => <option key={r.id} value={r.id}>#{r.id} · {r.backtest ? 'backtest ' : ''}as of {r.asOf} · {r.method} · {countOf(r.horizonDays, 'day')} · {new Date(r.createdAt).toLocaleString()}</option>)}
          </select>
          <span className="muted"> Viewing a run here does not change the schedule: each schedule week uses the newest run that is not a backtest, or the run you choose for that week (<a href="#/schedule">choose a week's run</a>).</span>
        </div>
      )}
      {f.view ? <ForecastResultView view={f.view} /> : !running && <div className="panel empty"><p>No forecast for this queue yet. Press <strong>Run forecast</strong> to backtest the methods and forecast the coming days.</p></div>}
      <EventsPanel />
    </section>
  );
}

function ForecastResultView({ view }: { view: ForecastView }) {
  const f = useForecast();
  const dailyChart = useMemo<ChartConfiguration>(() => {
    const labels = [...view.historyDays.map((d) => d.date), ...view.days.map((d) => d.date)];
    const pad = <T,>(n: number, v: T) => Array.from({ length: n }, () => v);
    const h = view.historyDays.length;
    return {
      type: 'line',
      data: {
        labels,
        datasets: [
          { label: 'History', data: [...view.historyDays.map((d) => d.volume), ...pad(view.days.length, null)], borderColor: '#334155', backgroundColor: '#334155', pointRadius: 1 },
          { label: '80% band (low)', data: [...pad(h, null), ...view.days.map((d) => d.lo80)], borderColor: 'transparent', pointRadius: 0 },
          { label: '80% band', data: [...pad(h, null), ...view.days.map((d) => d.hi80)], borderColor: 'transparent', backgroundColor: 'rgba(37,99,235,0.18)', fill: '-1', pointRadius: 0 },
          { label: 'Forecast', data: [...pad(h, null), ...view.days.map((d) => d.forecast)], borderColor: '#2563eb', backgroundColor: '#2563eb', pointRadius: 2 },
          { label: 'Adjusted', data: [...pad(h, null), ...view.days.map((d) => d.adjusted)], borderColor: '#d97706', backgroundColor: '#d97706', pointRadius: 4, showLine: false },
          { label: 'Actual', data: [...pad(h, null), ...view.days.map((d) => d.actual)], borderColor: '#16a34a', backgroundColor: '#16a34a', pointRadius: 3, showLine: false },
        ],
      },
      options: {
        interaction: { mode: 'index', intersect: false },
        scales: { x: { ticks: { maxTicksLimit: 16 } }, y: { beginAtZero: true, title: { display: true, text: 'Contacts per day' } } },
        plugins: {
          legend: { labels: { filter: (item) => item.text !== '80% band (low)' } },
          tooltip: {
            callbacks: {
              afterBody: (items) => {
                const day = view.days.find((d) => d.date === items[0]?.label);
                return day?.events.length ? `Events: ${day.events.join(', ')}` : '';
              },
            },
          },
        },
      },
    };
  }, [view]);

  const profileChart = useMemo<ChartConfiguration>(() => ({
    type: 'line',
    data: {
      labels: view.intradayProfile.slotStarts,
      datasets: view.intradayProfile.weekdays.map((w, i) => ({
        label: weekdayShort(w.weekday),
        data: w.shares.map((s) => (s === null ? null : s * 100)),
        borderColor: ['#2563eb', '#16a34a', '#d97706', '#9333ea', '#dc2626', '#0891b2', '#64748b'][i % 7],
        pointRadius: 0,
        borderWidth: 1.5,
      })),
    },
    options: { scales: { x: { ticks: { maxTicksLimit: 12 } }, y: { beginAtZero: true, title: { display: true, text: '% of the day' } } } },
  }), [view]);

  const exportCsv = async () => {
    const file = await useForecast.getState().exportCsv();
    if (file) download({ fileName: file.fileName, mimeType: 'text/csv', encoding: 'utf8', content: file.csv });
  };

  return (
    <>
      <div className="panel">
        <div className="headline">
          <div><div className="headline__label">Method</div><div className="headline__model" data-testid="fc-chosen">{view.run.method}</div><div className="muted" data-testid="fc-chosen-how">{chosenHow(view)}</div></div>
          <div><div className="headline__label">Next {countOf(view.days.length, 'open day')}</div><div className="headline__model">{formatNumber(view.days.reduce((s, d) => s + (d.adjusted ?? d.forecast), 0), 0)} contacts</div><div className="muted">history to {view.run.asOf}</div></div>
          <div><button type="button" onClick={() => void exportCsv()} data-testid="fc-export">Export CSV</button></div>
        </div>
        <ChartCanvas config={dailyChart} label="History, forecast with 80% band, adjustments and actuals per day" height={300} />
        {view.run.choice && <p data-testid="fc-choice"><strong>Why {view.run.method}:</strong> {view.run.requestedMethod === 'auto' ? view.run.choice.explanation : `you chose it. The automatic rule would have used ${view.run.choice.method}: ${view.run.choice.explanation}`}</p>}
        <p className="muted">{view.run.intervalModel}</p>
        {view.run.warnings.map((w) => <div key={w} className="notice notice--error">{w}</div>)}
      </div>
      <div className="forecast__grid">
        <div className="panel">
          <h3>Method comparison (rolling-origin backtest)</h3>
          {view.run.scores.length === 0 ? (
            <p data-testid="fc-no-scores">No method could be scored: {view.run.choice?.explanation ?? 'the history is too short to backtest.'}</p>
          ) : (
            <>
              <table className="list" data-testid="fc-scores">
                <thead><tr><th>Method</th><th className="num">WAPE per {view.run.intervalMin}-min interval</th><th className="num">WAPE per day</th><th className="num">MAPE</th><th className="num">Bias</th><th className="num">Origins</th><th /></tr></thead>
                <tbody>
                  {view.run.scores.map((s) => (
                    <tr key={s.method} className={s.method === view.run.method ? 'chosen' : undefined}>
                      <td>{s.method}{s.method === view.run.method && ' ✓'}</td>
                      <td className="num">{formatPercent(s.wape, 2)}</td>
                      <td className="num">{s.dailyWape === undefined || s.dailyWape === null ? '—' : formatPercent(s.dailyWape, 2)}</td>
                      <td className="num">{formatPercent(s.mape, 2)}</td>
                      <td className="num">{formatPercent(s.bias, 2)}</td>
                      <td className="num">{s.origins}</td>
                      <td>{s.method !== view.run.method && <button type="button" className="link" onClick={() => void f.run(s.method)}>Use</button>}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
              <p className="muted">
                WAPE = Σ|forecast − actual| ÷ Σ actual. Per interval: summed over every scored {view.run.intervalMin}-minute interval of the backtest (what staffing follows; the automatic choice uses it). Per day: the same over daily totals, where interval errors partly cancel. MAPE is per interval; bias = (Σ forecast − Σ actual) ÷ Σ actual, positive over-forecasts.
              </p>
            </>
          )}
          {view.run.events.length > 0 && (
            <>
              <h3>Event effects</h3>
              <table className="list">
                <thead><tr><th>Event</th><th>Effect</th><th>Source</th></tr></thead>
                <tbody>{view.run.events.map((e) => <tr key={e.name}><td>{e.name}</td><td>{e.effect === 'multiplier' ? `× ${e.value.toFixed(2)}` : `${e.value >= 0 ? '+' : ''}${formatNumber(e.value)} per day`}</td><td>{e.source}{e.automatic ? ' (automatic)' : ''}</td></tr>)}</tbody>
              </table>
            </>
          )}
        </div>
        <div className="panel">
          <h3>Intraday profile by weekday</h3>
          <ChartCanvas config={profileChart} label="Intraday profile by weekday" height={260} />
        </div>
      </div>
      <IntradayForecast view={view} />
      <DaysTable view={view} />
      <AccuracyTable />
    </>
  );
}

/** How the method on screen was picked, in the words of the rule that picked it. */
function chosenHow(view: ForecastView): string {
  if (view.run.requestedMethod !== 'auto') return 'chosen by you';
  switch (view.run.choice?.outcome) {
    case 'no-backtest': return 'default: no backtest was possible';
    case 'kept-default': return 'default kept: no method beat it beyond noise';
    case 'switched': return 'chosen by backtest: beat the default beyond noise';
    case 'lowest-wape': return 'chosen by backtest: lowest WAPE';
    default: return view.run.scores.length === 0 ? 'default: no backtest was possible' : 'chosen by backtest';
  }
}

/** One day's forecast per interval, in contacts, with its 80% band, adjustment, actuals and forecast AHT. */
function IntradayForecast({ view }: { view: ForecastView }) {
  const [picked, setPicked] = useState<string>();
  const date = view.days.some((d) => d.date === picked) ? picked! : view.days[0]?.date;
  const points = useMemo(() => view.points.filter((p) => p.start.startsWith(date ?? '-')), [view, date]);
  const hasAht = points.some((p) => p.ahtSec !== null);
  const chart = useMemo<ChartConfiguration>(() => ({
    type: 'line',
    data: {
      labels: points.map((p) => p.start.slice(11)),
      datasets: [
        { label: '80% band (low)', data: points.map((p) => p.lo80), borderColor: 'transparent', pointRadius: 0, yAxisID: 'y' },
        { label: '80% band', data: points.map((p) => p.hi80), borderColor: 'transparent', backgroundColor: 'rgba(37,99,235,0.18)', fill: '-1', pointRadius: 0, yAxisID: 'y' },
        { label: 'Forecast', data: points.map((p) => p.forecast), borderColor: '#2563eb', backgroundColor: '#2563eb', pointRadius: 1, yAxisID: 'y' },
        { label: 'Adjusted', data: points.map((p) => p.adjusted), borderColor: '#d97706', backgroundColor: '#d97706', pointRadius: 2, yAxisID: 'y' },
        { label: 'Actual', data: points.map((p) => p.actual), borderColor: '#16a34a', backgroundColor: '#16a34a', pointRadius: 2, showLine: false, yAxisID: 'y' },
        ...(hasAht ? [{ label: 'Forecast AHT (s)', data: points.map((p) => p.ahtSec), borderColor: '#9333ea', backgroundColor: '#9333ea', borderDash: [4, 3], pointRadius: 0, yAxisID: 'aht' }] : []),
      ],
    },
    options: {
      interaction: { mode: 'index', intersect: false },
      scales: {
        x: { ticks: { maxTicksLimit: 12 } },
        y: { beginAtZero: true, title: { display: true, text: `Contacts per ${view.run.intervalMin} min` } },
        ...(hasAht && { aht: { beginAtZero: true, position: 'right' as const, title: { display: true, text: 'AHT (s)' }, grid: { drawOnChartArea: false } } }),
      },
      plugins: { legend: { labels: { filter: (item) => item.text !== '80% band (low)' } } },
    },
  }), [points, hasAht, view.run.intervalMin]);
  if (!date) return null;
  const total = points.reduce((sum, p) => sum + (p.adjusted ?? p.forecast), 0);
  return (
    <div className="panel" data-testid="fc-intraday">
      <h3>Intraday forecast</h3>
      <div className="field">
        <label htmlFor="fc-intraday-day">Day</label>
        <select id="fc-intraday-day" value={date} onChange={(e) => setPicked(e.target.value)} data-testid="fc-intraday-day">
          {view.days.map((d) => <option key={d.date} value={d.date}>{d.date} {weekdayShort(d.weekday)}</option>)}
        </select>
      </div>
      <p className="muted" data-testid="fc-intraday-total">{formatNumber(total, 0)} contacts over {countOf(points.length, 'open interval')} of {view.run.intervalMin} minutes.</p>
      <ChartCanvas config={chart} label={`Forecast contacts per ${view.run.intervalMin}-minute interval on ${date}, with 80% band and forecast AHT`} height={260} />
      <p className="muted" data-testid="fc-aht-source">
        Forecast AHT: {view.run.aht ? view.run.aht.method : 'not forecast for this run (it was made before handle times were forecast; run it again).'}
        {view.run.aht?.meanAhtSec != null && ` Mean ${formatNumber(view.run.aht.meanAhtSec, 0)} s over ${formatNumber(view.run.aht.contacts, 0)} contacts.`}
      </p>
    </div>
  );
}

function DaysTable({ view }: { view: ForecastView }) {
  const { adjustDay, revertDay, errors } = useForecast();
  const [editing, setEditing] = useState<Record<string, string>>({});
  return (
    <div className="panel">
      <h3>Days</h3>
      <p className="muted">Type a day total to adjust it (Enter saves); its intervals keep the statistical shape. Adjustments are kept apart from the statistical forecast and can be reverted.</p>
      {errors.adjust && <div className="notice notice--error" role="alert">{errors.adjust}</div>}
      <table className="list" data-testid="fc-days">
        <thead><tr><th>Date</th><th>Day</th><th>Events</th><th className="num">Forecast</th><th className="num">80% band</th><th className="num">95% band</th><th className="num">Adjusted</th><th className="num">Actual</th><th /></tr></thead>
        <tbody>
          {view.days.map((d) => (
            <tr key={d.date} className={d.adjusted !== null ? 'adjusted' : undefined}>
              <td>{d.date}</td>
              <td>{weekdayShort(d.weekday)}</td>
              <td>{d.events.join(', ')}</td>
              <td className="num">{formatNumber(d.forecast, 0)}</td>
              <td className="num">{formatNumber(d.lo80, 0)}–{formatNumber(d.hi80, 0)}</td>
              <td className="num">{formatNumber(d.lo95, 0)}–{formatNumber(d.hi95, 0)}</td>
              <td className="num">
                <input
                  className="cell-input"
                  aria-label={`Adjusted total for ${d.date}`}
                  value={editing[d.date] ?? (d.adjusted === null ? '' : String(Math.round(d.adjusted)))}
                  placeholder="—"
                  onChange={(e) => setEditing({ ...editing, [d.date]: e.target.value })}
                  onKeyDown={(e) => {
                    if (e.key === 'Enter' && editing[d.date] !== undefined) {
                      void adjustDay(d.date, editing[d.date]).then(() => setEditing(({ [d.date]: _, ...rest }) => rest));
                    }
                    if (e.key === 'Escape') setEditing(({ [d.date]: _, ...rest }) => rest);
                  }}
                />
              </td>
              <td className="num">{d.actual === null ? '' : formatNumber(d.actual, 0)}</td>
              <td>{d.adjusted !== null && <button type="button" className="link" onClick={() => void revertDay(d.date)}>Revert</button>}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function AccuracyTable() {
  const accuracy = useForecast((s) => s.accuracy);
  if (!accuracy) return null;
  if (accuracy.weeks.length === 0) return <div className="panel"><h3>Forecast versus actual</h3><p className="muted">No actuals for these days yet. Once history covering them is imported, the comparison appears here — or run a forecast "as of" an earlier date to see one now.</p></div>;
  const rows = (label: string, list: typeof accuracy.weeks) => list.map((r) => (
    <tr key={`${label}-${r.period}`}><td>{label} {r.period}</td><td className="num">{r.days}</td><td className="num">{formatNumber(r.forecast, 0)}</td><td className="num">{formatNumber(r.actual, 0)}</td><td className="num">{formatPercent(r.wape, 1)}</td><td className="num">{formatPercent(r.bias, 1)}</td></tr>
  ));
  return (
    <div className="panel">
      <h3>Forecast versus actual</h3>
      <table className="list" data-testid="fc-accuracy">
        <thead><tr><th>Period</th><th className="num">Days</th><th className="num">Forecast</th><th className="num">Actual</th><th className="num">WAPE</th><th className="num">Bias</th></tr></thead>
        <tbody>{rows('Week of', accuracy.weeks)}{rows('Month', accuracy.months)}</tbody>
      </table>
    </div>
  );
}
