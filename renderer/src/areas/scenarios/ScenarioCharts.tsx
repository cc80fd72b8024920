/** The Scenarios area's charts: overlaid weekly gaps and service levels, the shock's intervals, Monte Carlo bands. */
import { useMemo } from 'react';
import type { ChartConfiguration } from 'chart.js';
import { ChartCanvas } from '../../components/LineChart';
import type { ScenarioComparisonView, ShockWeekView } from '../../../../shared/api/channels/scenario';
import type { ShockView, SimulationResult } from '../../../../shared/engine/scenario';

const COLOURS = ['#1f6feb', '#d1242f', '#8250df', '#bf8700', '#1a7f37'];

export function ComparisonCharts({ view }: { view: ScenarioComparisonView }) {
  const labels = view.weekStarts;
  const gap = useMemo<ChartConfiguration>(
    () => ({
      type: 'line',
      data: {
        labels,
        datasets: [view.baseline, ...view.scenarios.map((s) => s.result)].map((r, i) => ({
          label: `${r.name}${i === 0 ? ' (baseline)' : ''}`,
          data: r.weeks.map((w) => w.gap),
          borderColor: COLOURS[i % COLOURS.length],
          borderDash: i === 0 ? [6, 4] : undefined,
          pointRadius: 0,
          borderWidth: 2,
        })),
      },
      options: { scales: { y: { title: { display: true, text: 'gap, FTE (effective + overtime − required)' } } } },
    }),
    [view, labels],
  );
  const hasLevels = view.baseline.weeks.some((w) => w.serviceLevel !== null);
  const service = useMemo<ChartConfiguration>(
    () => ({
      type: 'line',
      data: {
        labels,
        datasets: [view.baseline, ...view.scenarios.map((s) => s.result)].map((r, i) => ({
          label: r.name,
          data: r.weeks.map((w) => (w.serviceLevel === null ? null : w.serviceLevel * 100)),
          borderColor: COLOURS[i % COLOURS.length],
          borderDash: i === 0 ? [6, 4] : undefined,
          pointRadius: 0,
          borderWidth: 2,
        })),
      },
      options: { scales: { y: { min: 0, max: 100, title: { display: true, text: 'service level, % (live queues)' } } } },
    }),
    [view, labels],
  );
  return (
    <div className="calculator__grid">
      <div className="panel" data-testid="sc-gap-chart">
        <h3>Weekly gap, side by side</h3>
        <ChartCanvas config={gap} label="Weekly gap of the baseline and each scenario" />
      </div>
      {hasLevels && (
        <div className="panel">
          <h3>Service level by week</h3>
          <ChartCanvas config={service} label="Weekly service level of the baseline and each scenario" />
        </div>
      )}
    </div>
  );
}

export function ShockChart({ view }: { view: ShockView }) {
  const config = useMemo<ChartConfiguration>(() => {
    const shocked = view.rows.map((r, i) => ({ r, i })).filter(({ r }) => r.inShock);
    const first = Math.max(0, (shocked[0]?.i ?? 0) - 8);
    const last = Math.min(view.rows.length, (shocked.at(-1)?.i ?? 0) + (view.kind === 'deferred' ? 96 : 16));
    const rows = view.rows.slice(first, last);
    const labels = rows.map((r) => r.start.replace('T', ' '));
    const datasets =
      view.kind === 'live'
        ? [
            { label: 'service level with the shock, %', data: rows.map((r) => (r.serviceLevel ?? 1) * 100), borderColor: COLOURS[1], pointRadius: 0, borderWidth: 2 },
            { label: 'without the shock, %', data: rows.map((r) => (r.baseServiceLevel ?? 1) * 100), borderColor: COLOURS[0], borderDash: [6, 4], pointRadius: 0, borderWidth: 2 },
          ]
        : [
            { label: 'backlog with the shock, items', data: rows.map((r) => r.backlog ?? 0), borderColor: COLOURS[1], pointRadius: 0, borderWidth: 2, fill: true, backgroundColor: 'rgba(209,36,47,0.1)' },
            { label: 'without the shock, items', data: rows.map((r) => r.baseBacklog ?? 0), borderColor: COLOURS[0], borderDash: [6, 4], pointRadius: 0, borderWidth: 2 },
          ];
    return { type: 'line', data: { labels, datasets }, options: { scales: { y: { beginAtZero: true } } } };
  }, [view]);
  return <ChartCanvas config={config} label={`${view.queue}: ${view.kind === 'live' ? 'service level' : 'backlog'} per interval around the shock`} height={220} />;
}

export function SimulationChart({ result }: { result: SimulationResult }) {
  const config = useMemo<ChartConfiguration>(() => {
    const labels = result.weeks.map((w) => w.weekStart ?? `week ${w.week}`);
    return {
      type: 'line',
      data: {
        labels,
        datasets: [
          { label: 'P90 gap, FTE', data: result.weeks.map((w) => w.gap.p90), borderColor: 'rgba(31,111,235,0.4)', pointRadius: 0, borderWidth: 1, fill: '+2', backgroundColor: 'rgba(31,111,235,0.15)' },
          { label: 'P50 gap, FTE', data: result.weeks.map((w) => w.gap.p50), borderColor: COLOURS[0], pointRadius: 0, borderWidth: 2 },
          { label: 'P10 gap, FTE', data: result.weeks.map((w) => w.gap.p10), borderColor: 'rgba(31,111,235,0.4)', pointRadius: 0, borderWidth: 1 },
          { label: 'plan (no uncertainty), FTE', data: result.weeks.map((w) => w.deterministicGap), borderColor: '#57606a', borderDash: [4, 4], pointRadius: 0, borderWidth: 1 },
          { label: 'P(meeting the service target), %', data: result.weeks.map((w) => w.pMeetTarget * 100), borderColor: COLOURS[4], pointRadius: 0, borderWidth: 2, yAxisID: 'p' },
        ],
      },
      options: {
        scales: {
          y: { title: { display: true, text: 'gap, FTE' } },
          p: { position: 'right', min: 0, max: 100, title: { display: true, text: 'P(meet target), %' }, grid: { drawOnChartArea: false } },
        },
      },
    };
  }, [result]);
  return <ChartCanvas config={config} label="Monte Carlo: P10, P50 and P90 of the weekly gap, shaded, and the probability of meeting the service target" height={300} />;
}

export type { ShockWeekView };
