import { useMemo } from 'react';
import type { ChartConfiguration } from 'chart.js';
import type { StoreApi, UseBoundStore } from 'zustand';
import { BoundField } from '../../components/BoundField';
import { ChartCanvas } from '../../components/LineChart';
import { StepsTable } from '../../components/StepsTable';
import { formatNumber, formatPercent } from '../../components/format';
import type { CalculatorState } from '../../stores/createCalculatorStore';
import { useErlang, type ErlangField } from '../../stores/staffingStores';
import type { ResponseOf } from '../../../../shared/api/contract';

type Result = ResponseOf<'staffing.solve'>;
const store = useErlang as unknown as UseBoundStore<StoreApi<CalculatorState<ErlangField, unknown, unknown>>>;

const TARGET_LABELS: Record<string, string> = { serviceLevel: 'Service level', asa: 'ASA', occupancy: 'Occupancy', abandonment: 'Abandonment' };

/** Targets in the unit of the field they were typed in: shares in %, ASA in seconds. */
function formatTarget(name: string, value: number): string {
  return name === 'asa' ? `${formatNumber(value, 2)} s` : formatPercent(value, 2);
}

export function ErlangCalculator() {
  const { result, errors, input } = useErlang();
  const stale = !input;
  return (
    <section aria-labelledby="erlang-title">
      <header className="area-header">
        <h2 id="erlang-title">Phone and chat (Erlang C / Erlang A)</h2>
        <p className="muted">
          Agents a live queue needs in one interval to meet its targets. Add a mean patience to model abandonment
          exactly (Erlang A); set concurrency above 1 for chat; enter agents to see what a given staff delivers.
        </p>
      </header>
      <div className="calculator__grid">
        <form className="panel" aria-label="Erlang inputs" onSubmit={(e) => e.preventDefault()}>
          <fieldset className="group">
            <legend>Workload</legend>
            <BoundField store={store} field="calls" label="Contacts per interval" unit="contacts" testId="erlang-calls" />
            <BoundField store={store} field="intervalMin" label="Interval length" unit="min" testId="erlang-interval" />
            <BoundField store={store} field="ahtSec" label="Average handle time" unit="s" testId="erlang-aht" />
            <BoundField store={store} field="concurrency" label="Concurrency (chats per agent)" unit="at once" hint="1 for phone; 2–3 is typical for chat" testId="erlang-concurrency" />
          </fieldset>
          <fieldset className="group">
            <legend>Targets</legend>
            <BoundField store={store} field="slPct" label="Service level" unit="%" testId="erlang-sl" />
            <BoundField store={store} field="answerSec" label="Answered within" unit="s" testId="erlang-answer" />
            <BoundField store={store} field="maxOccupancyPct" label="Maximum occupancy (optional)" unit="%" testId="erlang-max-occupancy" />
            <BoundField store={store} field="asaTargetSec" label="ASA at most (optional)" unit="s" testId="erlang-asa-target" />
            <BoundField store={store} field="patienceSec" label="Mean patience (optional, Erlang A)" unit="s" testId="erlang-patience" />
            <BoundField store={store} field="maxAbandonPct" label="Abandonment at most (optional)" unit="%" hint="Needs a patience" testId="erlang-max-abandon" />
          </fieldset>
          <fieldset className="group">
            <legend>Roster and reverse calculation</legend>
            <BoundField store={store} field="shrinkagePct" label="Shrinkage (optional)" unit="%" testId="erlang-shrinkage" />
            <BoundField store={store} field="agents" label="Evaluate this many agents (optional)" unit="agents" hint="Leave empty to solve for the agents needed" testId="erlang-agents" />
          </fieldset>
          {errors.form && <div className="notice notice--error" role="alert">{errors.form}</div>}
        </form>
        <div className={`panel results${stale ? ' results--stale' : ''}`} aria-live="polite">
          {result ? <ErlangResults result={result} stale={stale} /> : <p className="muted">Enter the inputs to see the result.</p>}
        </div>
      </div>
    </section>
  );
}

function ErlangResults({ result, stale }: { result: Result; stale: boolean }) {
  const slTarget = useErlang((s) => (s.input as { slTarget?: number } | undefined)?.slTarget);
  const chart = useMemo<ChartConfiguration>(
    () => ({
      type: 'line',
      data: {
        labels: result.curve.map((p) => String(p.agents)),
        datasets: [
          { label: 'Service level', data: result.curve.map((p) => p.serviceLevel * 100), borderColor: '#2563eb', backgroundColor: '#2563eb', yAxisID: 'y' },
          { label: 'Occupancy', data: result.curve.map((p) => p.occupancy * 100), borderColor: '#d97706', backgroundColor: '#d97706', borderDash: [6, 4], yAxisID: 'y' },
          ...(slTarget !== undefined ? [{ label: 'Target', data: result.curve.map(() => slTarget * 100), borderColor: '#16a34a', backgroundColor: '#16a34a', pointRadius: 0, borderDash: [2, 3] }] : []),
        ],
      },
      options: {
        scales: { x: { title: { display: true, text: 'Agents' } }, y: { min: 0, max: 100, title: { display: true, text: '%' } } },
        plugins: { tooltip: { callbacks: { label: (c) => `${c.dataset.label}: ${(c.parsed.y ?? 0).toFixed(1)}%` } } },
      },
    }),
    [result, slTarget],
  );
  const solved = result.mode === 'solve';
  return (
    <>
      {stale && <div className="notice notice--error">Showing the last valid result: fix the highlighted fields.</div>}
      {!result.stable && <div className="notice notice--error" data-testid="erlang-unstable">These agents cannot keep up with {formatNumber(result.traffic)} Erlangs: the queue grows without limit.</div>}
      <div className="headline">
        <div>
          <div className="headline__label">{solved ? 'Agents needed' : 'Agents evaluated'}</div>
          <div className="headline__value" data-testid="erlang-agents-result">{result.agents}</div>
          {result.agentsExact !== undefined && <div className="muted">exact {formatNumber(result.agentsExact)}</div>}
        </div>
        <div>
          <div className="headline__label">Rostered (with shrinkage)</div>
          <div className="headline__value" data-testid="erlang-rostered">{result.agentsWithShrinkage}</div>
        </div>
        <div>
          <div className="headline__label">Model</div>
          <div className="headline__model">{result.model === 'erlang-a' ? 'Erlang A (with abandonment)' : 'Erlang C'}</div>
          <div className={result.meetsTargets ? 'ok' : 'danger'}>{result.meetsTargets ? 'Meets every target' : 'Misses a target'}</div>
        </div>
      </div>
      <div className="cards">
        <Metric label="Traffic" value={`${formatNumber(result.traffic)} Erl`} testId="erlang-traffic" />
        <Metric label="Service level" value={formatPercent(result.serviceLevel)} testId="erlang-service-level" />
        <Metric label="ASA" value={result.asaSec === null ? '∞' : `${result.asaSec.toFixed(2)} s`} testId="erlang-asa" />
        <Metric label="Occupancy" value={formatPercent(result.occupancy)} testId="erlang-occupancy" />
        <Metric label="P(wait)" value={result.pWait.toFixed(4)} testId="erlang-pwait" />
        {result.pAbandon !== undefined && <Metric label="P(abandon)" value={result.pAbandon.toFixed(4)} testId="erlang-pabandon" />}
      </div>
      <table className="list">
        <thead><tr><th>Target</th><th className="num">Limit</th><th className="num">Achieved</th><th>Met</th></tr></thead>
        <tbody>
          {result.targets.map((t) => (
            <tr key={t.name}>
              <td>{TARGET_LABELS[t.name] ?? t.name}</td>
              <td className="num">{formatTarget(t.name, t.target)}</td>
              <td className="num">{formatTarget(t.name, t.achieved)}</td>
              <td className={t.met ? 'ok' : 'danger'}>{t.met ? 'yes' : 'no'}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h3>How it was calculated</h3>
      <StepsTable steps={result.steps} testId="erlang-steps" />
      <h3>Service level and occupancy against agents</h3>
      <ChartCanvas config={chart} label="Service level and occupancy against agents" />
    </>
  );
}

function Metric({ label, value, testId }: { label: string; value: string; testId: string }) {
  return (
    <div className="card">
      <div className="card__value" data-testid={testId}>{value}</div>
      <div className="card__label">{label}</div>
    </div>
  );
}
