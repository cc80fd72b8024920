/** Named ramp curves: the load a new hire carries each week of onboarding, with that week's focus and support. */
import { useEffect, useState } from 'react';
import type { RampCurve } from '../../../../shared/api/channels/plan';
import { parsePercentField } from '../../components/parseNumber';
import { usePlan } from '../../stores/planStore';
import { percentText } from './PlanField';

interface Row {
  load: string;
  focus: string;
  support: string;
}

const rowsOf = (curve?: RampCurve): Row[] => curve?.weeks.map((w) => ({ load: percentText(w.load), focus: w.focus, support: w.support })) ?? [{ load: '100', focus: '', support: '' }];

export function RampCurvesPanel({ curves }: { curves: RampCurve[] }) {
  const { saveCurve, deleteCurve } = usePlan();
  const [selected, setSelected] = useState<number | undefined>(curves[0]?.id);
  const curve = curves.find((c) => c.id === selected);
  const [name, setName] = useState(curve?.name ?? '');
  const [rows, setRows] = useState<Row[]>(rowsOf(curve));
  const [error, setError] = useState<string>();
  useEffect(() => {
    setName(curve?.name ?? 'New ramp curve');
    setRows(rowsOf(curve));
    setError(undefined);
  }, [curve]);

  const submit = async (asNew: boolean) => {
    const weeks = [];
    for (let i = 0; i < rows.length; i++) {
      const parsed = parsePercentField(rows[i].load);
      if (parsed.error) return setError(`Week ${i + 1} load: ${parsed.error}`);
      if (parsed.value! < 0 || parsed.value! > 1) return setError(`Week ${i + 1} load: from 0% to 100%`);
      weeks.push({ load: parsed.value!, focus: rows[i].focus.trim(), support: rows[i].support.trim() });
    }
    if (!name.trim()) return setError('Give the curve a name');
    setError(undefined);
    const saved = await saveCurve({ ...(asNew || !curve ? {} : { id: curve.id }), name: name.trim(), weeks });
    if (saved) setSelected(saved.id);
  };
  const setRow = (i: number, patch: Partial<Row>) => setRows((r) => r.map((row, k) => (k === i ? { ...row, ...patch } : row)));

  return (
    <section className="panel" data-testid="ramp-curves">
      <h3>Ramp curves</h3>
      <p className="muted">Load is the share of a tenured agent’s work a new hire carries that week: 25% counts as 0.25 of an agent in the plan and in the Schedule’s coverage; 0% weeks are training.</p>
      <div className="toolbar">
        <label className="field">
          Curve
          <select value={selected ?? ''} onChange={(e) => setSelected(e.target.value ? Number(e.target.value) : undefined)}>
            {curves.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
            <option value="">New curve…</option>
          </select>
        </label>
        <label className="field">
          Name
          <input value={name} onChange={(e) => setName(e.target.value)} />
        </label>
      </div>
      {error && (
        <div className="notice notice--error" role="alert">
          {error}
        </div>
      )}
      <table>
        <thead>
          <tr>
            <th>Week</th>
            <th>Load (%)</th>
            <th>Focus</th>
            <th>Support</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row, i) => (
            <tr key={i}>
              <td>{i + 1}</td>
              <td>
                <input className="cell-input" value={row.load} aria-label={`Week ${i + 1} load, percent`} onChange={(e) => setRow(i, { load: e.target.value })} />
              </td>
              <td>
                <input className="cell-input cell-input--wide" value={row.focus} aria-label={`Week ${i + 1} focus`} onChange={(e) => setRow(i, { focus: e.target.value })} />
              </td>
              <td>
                <input className="cell-input cell-input--wide" value={row.support} aria-label={`Week ${i + 1} support`} onChange={(e) => setRow(i, { support: e.target.value })} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="toolbar ramp-curves__actions">
        <button type="button" className="link" onClick={() => setRows((r) => [...r, { load: '100', focus: '', support: '' }])} disabled={rows.length >= 52}>
          Add a week
        </button>
        <button type="button" className="link" onClick={() => setRows((r) => r.slice(0, -1))} disabled={rows.length <= 1}>
          Remove the last week
        </button>
        {curve && (
          <button type="button" onClick={() => void submit(false)}>
            Save changes
          </button>
        )}
        <button type="button" onClick={() => void submit(true)}>
          Save as a new curve
        </button>
        {curve && (
          <button type="button" className="link danger" onClick={() => void deleteCurve(curve.id)} disabled={curve.usedBy > 0} title={curve.usedBy > 0 ? `Used by ${curve.usedBy} classes or plans` : undefined}>
            Delete
          </button>
        )}
      </div>
    </section>
  );
}
