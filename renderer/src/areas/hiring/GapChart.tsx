/** Required versus effective FTE per week (lines), headcount (bars), and the shortfall between them shaded red. */
import { useMemo } from 'react';
import type { ChartConfiguration } from 'chart.js';
import type { PlanProjectionView } from '../../../../shared/api/channels/plan';
import { ChartCanvas } from '../../components/LineChart';
import { formatNumber } from '../../components/format';

export function GapChart({ view }: { view: PlanProjectionView }) {
  const config = useMemo<ChartConfiguration>(() => {
    const weeks = view.projection.weeks;
    return {
      type: 'bar',
      data: {
        labels: view.weekStarts,
        datasets: [
          { type: 'bar', label: 'Headcount (heads, incl. in ramp)', data: weeks.map((w) => w.headcount), backgroundColor: 'rgba(148, 163, 184, 0.45)', order: 3 },
          { type: 'line', label: 'Required FTE', data: weeks.map((w) => w.requiredFte), borderColor: '#111827', backgroundColor: '#111827', pointRadius: 0, borderWidth: 2, order: 1 },
          {
            type: 'line',
            label: 'Effective FTE (ramp loads applied)',
            data: weeks.map((w) => w.effectiveFte),
            borderColor: '#2563eb',
            backgroundColor: '#2563eb',
            pointRadius: 0,
            borderWidth: 2,
            // Shade where effective is below required: the shortfall.
            fill: { target: 1, below: 'rgba(220, 38, 38, 0.3)', above: 'rgba(0, 0, 0, 0)' },
            order: 2,
          },
        ],
      },
      options: {
        interaction: { mode: 'index', intersect: false },
        scales: { y: { beginAtZero: true, title: { display: true, text: 'FTE / heads' } }, x: { ticks: { maxTicksLimit: 14 } } },
        plugins: {
          tooltip: {
            callbacks: {
              footer: (items) => {
                const w = weeks[items[0]?.dataIndex ?? 0];
                return w ? `Gap ${formatNumber(w.gap, 1)} FTE (effective − required)${w.gap < 0 ? ': short' : ''}` : '';
              },
            },
          },
        },
      },
    };
  }, [view]);
  const short = view.projection.weeks.filter((w) => w.gap < -1e-6).length;
  return <ChartCanvas config={config} height={300} label={`Gap chart: required versus effective FTE over ${view.projection.weeks.length} weeks; ${short} weeks short`} />;
}
