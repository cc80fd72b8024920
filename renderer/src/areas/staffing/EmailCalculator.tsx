import { useMemo } from 'react';
import type { ChartConfiguration } from 'chart.js';
import type { StoreApi, UseBoundStore } from 'zustand';
import { BoundField } from '../../components/BoundField';
import { ChartCanvas } from '../../components/LineChart';
import { StepsTable } from '../../components/StepsTable';
import { formatNumber } from '../../components/format';
import type { CalculatorState } from '../../stores/createCalculatorStore';
import { useEmail, type EmailField } from '../../stores/staffingStores';
import type { ResponseOf } from '../../../../shared/api/contract';

const store = useEmail as unknown as UseBoundStore<StoreApi<CalculatorState<EmailField, unknown, unknown>>>;

export function EmailCalculator() {
  const { result, errors, input } = useEmail();
  return (
    <section aria-labelledby="email-title">
      <header className="area-header">
        <h2 id="email-title">Email, tickets and social (deferred work)</h2>
        <p className="muted">
          Deferred items need answering within a response-time target, not while the customer waits. Each hour's
          items are worked in equal shares across the response window, so the workload is levelled and every item
          is finished in time; agents = work ÷ (hour × maximum occupancy).
        </p>
      </header>
      <div className="calculator__grid">
        <form className="panel" aria-label="Deferred work inputs" onSubmit={(e) => e.preventDefault()}>
          <BoundField store={store} field="itemsPerDay" label="Items per day" unit="items" testId="email-items" />
          <BoundField store={store} field="handleMin" label="Handle time" unit="min" hint="Email: 4–8 per agent-hour (7.5–15 min); social: 5–10 (6–12 min)" testId="email-handle" />
          <BoundField store={store} field="responseHours" label="Response-time target" unit="h" testId="email-response" />
          <BoundField store={store} field="openFromHour" label="Opens at" unit=":00" testId="email-open-from" />
          <BoundField store={store} field="openToHour" label="Closes at" unit=":00" testId="email-open-to" />
          <BoundField store={store} field="maxOccupancyPct" label="Maximum occupancy (optional)" unit="%" testId="email-occupancy" />
          <BoundField store={store} field="shrinkagePct" label="Shrinkage (optional)" unit="%" testId="email-shrinkage" />
          {errors.form && <div className="notice notice--error" role="alert">{errors.form}</div>}
        </form>
        <div className={`panel results${input ? '' : ' results--stale'}`} aria-live="polite">
          {result ? <EmailResults result={result} /> : <p className="muted">Enter the inputs to see the result.</p>}
        </div>
      </div>
    </section>
  );
}

function EmailResults({ result }: { result: ResponseOf<'staffing.deferredDay'> }) {
  const chart = useMemo<ChartConfiguration>(
    () => ({
      type: 'bar',
      data: {
        labels: result.hours.map((h) => `${h.hour}:00`),
        datasets: [
          { type: 'bar', label: 'Agents', data: result.hours.map((h) => h.agents), backgroundColor: '#93c5fd', yAxisID: 'y' },
          { type: 'line', label: 'Backlog (items)', data: result.hours.map((h) => h.backlog), borderColor: '#d97706', backgroundColor: '#d97706', yAxisID: 'backlog' },
        ],
      },
      options: {
        scales: {
          y: { beginAtZero: true, title: { display: true, text: 'Agents' } },
          backlog: { beginAtZero: true, position: 'right', title: { display: true, text: 'Items waiting' }, grid: { drawOnChartArea: false } },
        },
      },
    }),
    [result],
  );
  return (
    <>
      <div className="headline">
        <div>
          <div className="headline__label">Peak agents</div>
          <div className="headline__value" data-testid="email-peak">{formatNumber(result.peakAgents)}</div>
        </div>
        {result.rosteredPeakAgents !== undefined && (
          <div>
            <div className="headline__label">Rostered at peak</div>
            <div className="headline__value" data-testid="email-rostered">{formatNumber(result.rosteredPeakAgents)}</div>
          </div>
        )}
        <div>
          <div className="headline__label">Workload</div>
          <div className="headline__model">{formatNumber(result.workloadHours)} agent-hours</div>
          <div className="muted">{result.agentHours} scheduled agent-hours</div>
        </div>
      </div>
      <StepsTable steps={result.steps} testId="email-steps" />
      <h3>Agents and backlog by hour</h3>
      <ChartCanvas config={chart} label="Agents and backlog by hour" />
    </>
  );
}
