import { useEffect, useMemo, useRef } from 'react';
import type { ChartConfiguration } from 'chart.js';
import { ChartCanvas } from '../../components/LineChart';
import { Field } from '../../components/Field';
import { NumberField } from '../../components/NumberField';
import { formatNumber } from '../../components/format';
import { queueLabel } from '../../../../shared/text/queueLabel';
import { countOf } from '../../../../shared/text/plural';
import { defaultWeekOfRun, weeksOfRun } from '../../../../shared/calendar/forecastWeeks';
import { addDays } from '../../../../shared/calendar/days';
import { weekdayOfDate } from '../../../../shared/engine/schedule/time';
import { isDeferred, useRequirements, type SettingField } from '../../stores/requirementsStore';
import { useWorkspace } from '../../stores/workspaceStore';
import type { QueueSummary } from '../../../../shared/api/types';
import type { ResponseOf } from '../../../../shared/api/contract';

/** Mondays whose whole week lies inside the queue's history, newest first. */
function weeksOf(queue: QueueSummary): string[] {
  if (!queue.historyFrom || !queue.historyTo) return [];
  const first = queue.historyFrom.slice(0, 10);
  const last = queue.historyTo.slice(0, 10);
  const weeks: string[] = [];
  for (let monday = addDays(first, (7 - weekdayOfDate(first)) % 7); addDays(monday, 6) <= last; monday = addDays(monday, 7)) weeks.push(monday);
  return weeks.reverse();
}

const LIVE_FIELDS: { field: SettingField; label: string; unit: string }[] = [
  { field: 'ahtSec', label: 'Average handle time', unit: 's' },
  { field: 'slPct', label: 'Service level', unit: '%' },
  { field: 'answerSec', label: 'Answered within', unit: 's' },
  { field: 'maxOccupancyPct', label: 'Maximum occupancy (optional)', unit: '%' },
  { field: 'concurrency', label: 'Concurrency', unit: 'at once' },
  { field: 'patienceSec', label: 'Mean patience (optional)', unit: 's' },
  { field: 'shrinkagePct', label: 'Shrinkage (optional)', unit: '%' },
];
const DEFERRED_FIELDS: { field: SettingField; label: string; unit: string }[] = [
  { field: 'handleMin', label: 'Handle time', unit: 'min' },
  { field: 'responseHours', label: 'Response-time target', unit: 'h' },
  { field: 'maxOccupancyPct', label: 'Maximum occupancy (optional)', unit: '%' },
  { field: 'shrinkagePct', label: 'Shrinkage (optional)', unit: '%' },
];

export function RequirementsView() {
  const summary = useWorkspace((s) => s.summary);
  const r = useRequirements();
  const queue = summary?.queues.find((q) => q.id === r.queueId) ?? summary?.queues[0];

  useEffect(() => {
    void r.loadProfiles();
    // Profiles are loaded once when the view opens.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  useEffect(() => {
    if (queue && r.queueId !== queue.id) r.selectQueue(queue);
  }, [queue, r]);

  if (!summary) return <p className="muted">Loading the workspace…</p>;
  if (!queue) return <section className="panel empty"><h2>Interval requirements</h2><p>No queues yet. Reset the demo workspace or import interval volumes in the Data area.</p></section>;
  const weeks = weeksOf(queue);
  const fields = isDeferred(queue.channel) ? DEFERRED_FIELDS : LIVE_FIELDS;

  return (
    <section aria-labelledby="req-title">
      <header className="area-header">
        <h2 id="req-title">Interval requirements</h2>
        <p className="muted">Required agents for every interval of a week, from a queue's volumes and how the queue is staffed. Closed intervals need nobody; missing data stays unknown.</p>
      </header>
      <div className="calculator__grid">
        <form className="panel" aria-label="Requirement settings" onSubmit={(e) => { e.preventDefault(); void r.calculate(queue, summary.timezone); }}>
          <div className="field">
            <label htmlFor="req-queue">Queue</label>
            <select id="req-queue" value={queue.id} data-testid="req-queue" onChange={(e) => r.selectQueue(summary.queues.find((q) => q.id === Number(e.target.value))!)}>
              {summary.queues.map((q) => <option key={q.id} value={q.id}>{queueLabel(q)}</option>)}
            </select>
          </div>
          <div className="field">
            <span className="label">Volumes</span>
            <label className="checkbox"><input type="radio" name="req-source" checked={r.source === 'queue'} onChange={() => r.setSource('queue')} /> A week of this queue's history</label>
            <label className="checkbox"><input type="radio" name="req-source" checked={r.source === 'forecast'} disabled={r.runs.length === 0} onChange={() => r.setSource('forecast')} data-testid="req-source-forecast" /> A week of a forecast run{r.runs.length === 0 ? ' (none yet: run one in the Forecast area)' : ''}</label>
            <label className="checkbox"><input type="radio" name="req-source" checked={r.source === 'paste'} onChange={() => r.setSource('paste')} data-testid="req-source-paste" /> Paste timestamp,volume lines</label>
          </div>
          {r.source === 'forecast' ? (
            <ForecastRunFields live={!isDeferred(queue.channel)} />
          ) : r.source === 'queue' ? (
            <div className="field">
              <label htmlFor="req-week">Week starting</label>
              <select id="req-week" value={r.weekStart ?? weeks[0] ?? ''} onChange={(e) => r.setWeek(e.target.value)} data-testid="req-week">
                {weeks.map((w) => <option key={w} value={w}>{w}</option>)}
              </select>
            </div>
          ) : (
            <div className={`field${r.errors.paste ? ' field--invalid' : ''}`}>
              <label htmlFor="req-paste">Volumes (CSV, in {summary.timezone})</label>
              <textarea id="req-paste" rows={6} value={r.pasteText} placeholder={'timestamp,volume\n2026-11-16T08:00,42\n2026-11-16T08:15,51'} onChange={(e) => r.setPasteText(e.target.value)} data-testid="req-paste" />
              {r.errors.paste && <div className="field__error" role="alert" style={{ whiteSpace: 'pre-line' }}>{r.errors.paste}</div>}
            </div>
          )}
          {r.settings && fields.map(({ field, label, unit }) => (
            <NumberField key={field} label={label} unit={unit} value={r.settings![field]} error={r.errors[field]} onChange={(v) => r.setSetting(field, v)} testId={`req-${field}`} />
          ))}
          <button type="submit" disabled={r.running} data-testid="req-calculate">{r.running ? 'Calculating…' : 'Calculate requirements'}</button>
          {r.errors.form && <div className="notice notice--error" role="alert">{r.errors.form}</div>}
          <div className="save-row">
            <Field id="req-profile-name" label="Save settings as profile" error={r.errors.name}>
              <input id="req-profile-name" value={r.profileName} onChange={(e) => r.setProfileName(e.target.value)} placeholder="e.g. Billing phones 80/20" data-testid="req-profile-name" />
            </Field>
            <button type="button" onClick={() => void r.saveProfile(queue)} data-testid="req-profile-save">Save profile</button>
          </div>
          {r.notice && <div className={`notice notice--${r.notice.kind}`} role="status" data-testid="req-notice">{r.notice.text}</div>}
          <ProfileList queue={queue} />
        </form>
        <div className="panel results">
          {r.result ? <RequirementsResult result={r.result} /> : <p className="muted">Choose a week and press Calculate to see the required agents per interval.</p>}
        </div>
      </div>
    </section>
  );
}

function ForecastRunFields({ live }: { live: boolean }) {
  const { runs, runId, runWeek, setRun, useForecastAht, setUseForecastAht } = useRequirements();
  const run = runs.find((x) => x.id === runId);
  return (
    <>
      <div className="field">
        <label htmlFor="req-run">Forecast run</label>
        <select id="req-run" value={runId ?? ''} onChange={(e) => setRun(Number(e.target.value))} data-testid="req-run">
          {runs.map((x) => <option key={x.id} value={x.id}>#{x.id} · {x.backtest ? 'backtest ' : ''}as of {x.asOf} · {x.method} · {countOf(x.horizonDays, 'day')}</option>)}
        </select>
      </div>
      {run && (
        <div className="field">
          <label htmlFor="req-run-week">Week starting</label>
          <select id="req-run-week" value={runWeek ?? defaultWeekOfRun(run)} onChange={(e) => setRun(run.id, e.target.value)} data-testid="req-run-week">
            {weeksOfRun(run).map((w) => <option key={w.monday} value={w.monday}>{w.monday} ({countOf(w.days, 'day')} of the run)</option>)}
          </select>
        </div>
      )}
      {live && (
        <label className="checkbox">
          <input type="checkbox" checked={useForecastAht} onChange={(e) => setUseForecastAht(e.target.checked)} data-testid="req-forecast-aht" /> AHT per interval from the forecast (else the AHT typed below)
        </label>
      )}
    </>
  );
}

function ProfileList({ queue }: { queue: QueueSummary }) {
  const { profiles, applyProfile, deleteProfile } = useRequirements();
  const mine = profiles.filter((p) => p.channel === queue.channel);
  if (mine.length === 0) return <p className="muted">No saved {queue.channel} profiles yet.</p>;
  return (
    <table className="list" data-testid="req-profiles">
      <thead><tr><th>Profile</th><th>Queue</th><th /></tr></thead>
      <tbody>
        {mine.map((p) => (
          <tr key={p.id}>
            <td><button type="button" className="link" onClick={() => applyProfile(p, queue)}>{p.name}</button></td>
            <td>{p.queueName ?? '—'}</td>
            <td><button type="button" className="link danger" aria-label={`Delete profile ${p.name}`} onClick={() => void deleteProfile(p.id)}>Delete</button></td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function RequirementsResult({ result }: { result: ResponseOf<'staffing.requirements'> }) {
  const chart = useMemo<ChartConfiguration>(
    () => ({
      type: 'bar',
      data: {
        labels: result.rows.map((row) => row.start.replace('T', ' ')),
        datasets: [
          { type: 'line', label: 'Required agents', data: result.rows.map((row) => row.required), borderColor: '#2563eb', backgroundColor: '#2563eb', pointRadius: 0, stepped: true, yAxisID: 'y' },
          { type: 'bar', label: 'Volume', data: result.rows.map((row) => row.volume), backgroundColor: '#cbd5e1', yAxisID: 'volume' },
        ],
      },
      options: {
        interaction: { mode: 'index', intersect: false },
        scales: {
          x: { ticks: { maxTicksLimit: 14 } },
          y: { beginAtZero: true, title: { display: true, text: 'Agents' } },
          volume: { beginAtZero: true, position: 'right', title: { display: true, text: 'Contacts' }, grid: { drawOnChartArea: false } },
        },
      },
    }),
    [result],
  );
  const hasBacklog = result.rows.some((row) => row.backlog !== undefined);
  const hasAht = result.rows.some((row) => row.ahtSec !== undefined);
  // Open the table at the first open interval: a week starts with hours of closed night rows.
  const scroller = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const box = scroller.current;
    const firstOpen = box?.querySelector<HTMLTableRowElement>('tbody tr[data-open="true"]');
    const header = box?.querySelector('thead');
    if (box && firstOpen) box.scrollTop = firstOpen.offsetTop - (header?.getBoundingClientRect().height ?? 0);
  }, [result]);
  const hasRostered = result.rows.some((row) => row.rostered !== undefined);
  return (
    <>
      <div className="headline">
        <div><div className="headline__label">Peak</div><div className="headline__value" data-testid="req-peak">{formatNumber(result.peakRequired)}</div><div className="muted">agents</div></div>
        <div><div className="headline__label">Week</div><div className="headline__model" data-testid="req-hours">{formatNumber(result.requiredAgentHours, 1)} agent-hours</div><div className="muted">{result.queueName ?? 'Pasted volumes'}{result.weekStart ? `, week of ${result.weekStart}` : ''} · {result.intervalMin}-minute intervals</div></div>
      </div>
      {result.volumeSource && <p className="muted" data-testid="req-volume-source">Volumes: {result.volumeSource}.</p>}
      {result.ahtSource && <p className="muted" data-testid="req-aht-source">{result.ahtSource}</p>}
      {result.missingIntervals > 0 && <div className="notice notice--error">{countOf(result.missingIntervals, 'interval')} {result.missingIntervals === 1 ? 'has' : 'have'} no data (missing, not zero): {result.missingIntervals === 1 ? 'its' : 'their'} requirement is left blank.</div>}
      <ChartCanvas config={chart} label="Required agents and volume per interval" height={300} />
      <div className="table-scroll" ref={scroller}>
        <table className="list" data-testid="req-table">
          <thead><tr><th>Interval</th><th className="num">Volume</th>{hasAht && <th className="num">AHT (s)</th>}<th className="num">Required</th><th className="num">Exact</th>{hasRostered && <th className="num">Rostered</th>}{hasBacklog ? <th className="num">Backlog</th> : <><th className="num">SL</th><th className="num">Occupancy</th></>}</tr></thead>
          <tbody>
            {result.rows.map((row, i) => (
              <tr key={`${row.start}-${i}`} className={row.status !== 'open' ? 'muted' : undefined} data-open={row.status === 'open'}>
                <td>{row.start.replace('T', ' ')}</td>
                <td className="num">{row.status === 'open' ? formatNumber(row.volume ?? 0) : row.status}</td>
                {hasAht && <td className="num">{row.ahtSec === undefined ? '' : formatNumber(row.ahtSec, 0)}</td>}
                <td className="num">{row.required ?? '—'}</td>
                <td className="num">{row.requiredExact === null ? '—' : row.requiredExact.toFixed(2)}</td>
                {hasRostered && <td className="num">{row.rostered ?? ''}</td>}
                {hasBacklog ? <td className="num">{row.backlog === undefined ? '' : formatNumber(row.backlog, 1)}</td> : <><td className="num">{row.serviceLevel === undefined ? '' : `${(row.serviceLevel * 100).toFixed(1)}%`}</td><td className="num">{row.occupancy === undefined ? '' : `${(row.occupancy * 100).toFixed(1)}%`}</td></>}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
