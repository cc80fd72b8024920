import { useMemo } from 'react';
import type { ChartConfiguration } from 'chart.js';
import { ChartCanvas } from '../../components/LineChart';
import { formatNumber } from '../../components/format';
import { useWorkspace } from '../../stores/workspaceStore';

const COLORS = ['#2563eb', '#16a34a', '#d97706', '#9333ea'];

export function DashboardArea() {
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

  if (!summary) return <p className="muted">Loading the workspace…</p>;
  return (
    <section aria-labelledby="dashboard-title">
      <header className="area-header">
        <h2 id="dashboard-title">{summary.name}</h2>
        <p className="muted">{summary.isDemo ? 'Demo workspace — reset it any time from Data.' : 'Your workspace.'} Time zone {summary.timezone}.</p>
      </header>
      <div className="cards">
        <div className="card" data-testid="agent-count"><div className="card__value">{formatNumber(summary.agentCount)}</div><div className="card__label">agents</div></div>
        {Object.entries(summary.agentsBySkill).map(([skill, n]) => (
          <div className="card" key={skill}><div className="card__value">{formatNumber(n)}</div><div className="card__label">skilled for {skill}</div></div>
        ))}
        {summary.queues.map((q) => (
          <div className="card" key={q.id}><div className="card__value">{formatNumber(q.totalVolume)}</div><div className="card__label">{q.name} contacts</div></div>
        ))}
      </div>
      <div className="panel">
        <h3>Daily contacts by queue</h3>
        <p className="muted">Gaps are closed days (holidays, Sundays on phones) or missing data — never counted as zero.</p>
        {chart && <ChartCanvas config={chart} label="Daily contacts by queue" height={320} />}
      </div>
    </section>
  );
}
