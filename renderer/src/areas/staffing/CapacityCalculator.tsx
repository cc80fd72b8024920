import { useEffect, useMemo } from 'react';
import type { ChartConfiguration } from 'chart.js';
import { Field } from '../../components/Field';
import { NumberField } from '../../components/NumberField';
import { StepsTable } from '../../components/StepsTable';
import { ChartCanvas } from '../../components/LineChart';
import { formatNumber } from '../../components/format';
import { BREAKDOWN_FIELDS, useCapacity, type CapacityResponse } from '../../stores/capacityStore';

export function CapacityCalculator() {
  const s = useCapacity();
  useEffect(() => {
    void s.loadSaved();
    // Load the saved list once when the calculator opens.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  const invalid = Object.keys(s.errors).length > 0;
  const breakdownTotal = BREAKDOWN_FIELDS.reduce((sum, { key }) => sum + (Number(s.breakdown[key]) || 0), 0);

  return (
    <section className="calculator" aria-labelledby="capacity-title">
      <header className="area-header">
        <h2 id="capacity-title">Capacity equation</h2>
        <p className="muted">
          For deferred work and daily sizing: required agents = (volume × handle time) ÷ (available hours × 60 × utilization), then
          shrinkage turns productive agents into rostered heads.
        </p>
      </header>
      <div className="calculator__grid">
        <form className="panel" onSubmit={(e) => { e.preventDefault(); void s.save(); }} aria-label="Capacity inputs">
          <NumberField label="Volume per day" unit="tickets" value={s.fields.volume} error={s.errors.volume} onChange={(v) => s.setField('volume', v)} testId="capacity-volume" />
          <NumberField label="Average handle time" unit="min" value={s.fields.ahtMin} error={s.errors.ahtMin} onChange={(v) => s.setField('ahtMin', v)} testId="capacity-aht" />
          <NumberField label="Available hours per agent" unit="h/day" value={s.fields.hours} error={s.errors.hours} onChange={(v) => s.setField('hours', v)} testId="capacity-hours" />
          {s.useBreakdown ? (
            <fieldset className="breakdown">
              <legend>Utilization breakdown (must add up to 100%)</legend>
              {BREAKDOWN_FIELDS.map(({ key, label }) => (
                <NumberField key={key} label={label} unit="%" value={s.breakdown[key]} error={s.errors[`breakdown.${key}`]} onChange={(v) => s.setBreakdown(key, v)} testId={`capacity-breakdown-${key}`} />
              ))}
              <div className={`breakdown__total${s.errors.breakdown ? ' field__error' : ''}`} data-testid="capacity-breakdown-total">
                Total {formatNumber(breakdownTotal)}% — utilization is the ticket-handling share. {s.errors.breakdown}
              </div>
            </fieldset>
          ) : (
            <NumberField label="Utilization" unit="%" value={s.fields.utilizationPct} error={s.errors.utilizationPct} onChange={(v) => s.setField('utilizationPct', v)} hint="Share of paid time spent handling work" testId="capacity-utilization" />
          )}
          <label className="checkbox">
            <input type="checkbox" checked={s.useBreakdown} onChange={(e) => s.setUseBreakdown(e.target.checked)} data-testid="capacity-use-breakdown" />
            Break utilization down (handling, training, meetings, admin, breaks)
          </label>
          <NumberField label="Shrinkage (optional)" unit="%" value={s.fields.shrinkagePct} error={s.errors.shrinkagePct} onChange={(v) => s.setField('shrinkagePct', v)} hint="Absence, holidays, sickness: time paid but not available" testId="capacity-shrinkage" />
          <div className="save-row">
            <NameField value={s.name} error={s.errors.name} onChange={s.setName} />
            <button type="submit" data-testid="capacity-save">Save</button>
          </div>
          {s.notice && <div className={`notice notice--${s.notice.kind}`} role="status" data-testid="capacity-notice">{s.notice.text}</div>}
        </form>
        <div className={`panel results${invalid ? ' results--stale' : ''}`} aria-live="polite">
          {s.result ? <CapacityResults result={s.result} stale={invalid} /> : <p className="muted">Enter the inputs to see the result.</p>}
        </div>
      </div>
      <SavedCalculations />
    </section>
  );
}

function NameField({ value, error, onChange }: { value: string; error?: string; onChange(v: string): void }) {
  return (
    <Field id="capacity-name" label="Save as" error={error}>
      <input id="capacity-name" value={value} placeholder="e.g. Email team, Q1 volumes" onChange={(e) => onChange(e.target.value)} data-testid="capacity-name" aria-invalid={Boolean(error)} />
    </Field>
  );
}

function CapacityResults({ result, stale }: { result: CapacityResponse; stale: boolean }) {
  const chart = useMemo<ChartConfiguration>(
    () => ({
      type: 'line',
      data: {
        labels: result.curve.map((p) => `${Math.round(p.utilization * 100)}%`),
        datasets: [
          { label: 'Required agents', data: result.curve.map((p) => p.requiredAgents), borderColor: '#2563eb', backgroundColor: '#2563eb', tension: 0.2 },
          ...(result.rosteredAgents !== undefined
            ? [{ label: 'Rostered (with shrinkage)', data: result.curve.map((p) => p.rosteredAgents ?? null), borderColor: '#d97706', backgroundColor: '#d97706', borderDash: [6, 4], tension: 0.2 }]
            : []),
        ],
      },
      options: {
        scales: { x: { title: { display: true, text: 'Utilization' } }, y: { title: { display: true, text: 'Agents' }, beginAtZero: true } },
        plugins: { tooltip: { callbacks: { label: (c) => `${c.dataset.label}: ${formatNumber(c.parsed.y ?? 0)}` } } },
      },
    }),
    [result],
  );
  return (
    <>
      {stale && <div className="notice notice--error">Showing the last valid result: fix the highlighted fields.</div>}
      <div className="headline">
        <div>
          <div className="headline__label">Required agents</div>
          <div className="headline__value" data-testid="capacity-required-rounded">{formatNumber(result.requiredAgentsRounded)}</div>
          <div className="muted" data-testid="capacity-required-exact">exact {formatNumber(result.requiredAgents)}</div>
        </div>
        {result.rosteredAgents !== undefined && (
          <div>
            <div className="headline__label">Rostered agents</div>
            <div className="headline__value" data-testid="capacity-rostered">{formatNumber(result.rosteredAgents)}</div>
            <div className="muted">exact {formatNumber(result.rosteredAgentsExact ?? 0)}</div>
          </div>
        )}
      </div>
      <StepsTable steps={result.steps} testId="capacity-steps" />
      <h3>Required agents against utilization</h3>
      <ChartCanvas config={chart} label="Required agents against utilization" />
    </>
  );
}

function SavedCalculations() {
  const { saved, open, remove } = useCapacity();
  return (
    <section className="panel" aria-labelledby="saved-title">
      <h3 id="saved-title">Saved calculations</h3>
      {saved.length === 0 ? (
        <p className="muted">None yet. Name a calculation above and press Save (or Enter) to keep it.</p>
      ) : (
        <table className="list" data-testid="capacity-saved">
          <thead>
            <tr><th>Name</th><th className="num">Volume</th><th className="num">AHT (min)</th><th className="num">Hours</th><th className="num">Utilization</th><th>Updated</th><th /></tr>
          </thead>
          <tbody>
            {saved.map((calc) => (
              <tr key={calc.id}>
                <td><button type="button" className="link" onClick={() => open(calc)}>{calc.name}</button></td>
                <td className="num">{formatNumber(calc.inputs.volume)}</td>
                <td className="num">{formatNumber(calc.inputs.ahtMin)}</td>
                <td className="num">{formatNumber(calc.inputs.hours)}</td>
                <td className="num">{formatNumber(calc.inputs.utilization * 100)}%</td>
                <td>{new Date(calc.updatedAt).toLocaleString()}</td>
                <td><button type="button" className="link danger" onClick={() => void remove(calc.id)} aria-label={`Delete ${calc.name}`}>Delete</button></td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
