/**
 * The plan's assumptions week by week, edited like a spreadsheet: type in a cell (Enter or ↓ moves down), paste a
 * column copied from a spreadsheet (it fills down from the cell), or select a range (Shift+click or Shift+↑/↓) and
 * set one value for all of it. Percent columns take percentages; a bare fraction is refused with a message.
 */
import { useMemo, useRef, useState, type ClipboardEvent, type KeyboardEvent } from 'react';
import type { PlanProjectionView, PlanSave } from '../../../../shared/api/channels/plan';
import { formatNumber } from '../../components/format';
import { parseNumberField, parsePercentField } from '../../components/parseNumber';
import { usePlan, type WeekField } from '../../stores/planStore';
import { percentText } from './PlanField';

interface Column {
  field: WeekField;
  label: string;
  unit: string;
  percent: boolean;
  hint: string;
}

const COLUMNS: Column[] = [
  { field: 'shrinkage', label: 'Shrinkage', unit: '%', percent: true, hint: 'Empty: the plan’s default shrinkage. Raise it for training weeks and holidays.' },
  { field: 'volumeChange', label: 'Contacts change', unit: '%', percent: true, hint: 'Applied to the forecast: 10 = 10% more contacts, −5 = 5% fewer.' },
  { field: 'ahtChange', label: 'AHT change', unit: '%', percent: true, hint: 'Applied to the AHT from the history: −5 = 5% shorter.' },
  { field: 'headcountChange', label: 'Departures / transfers', unit: 'heads', percent: false, hint: 'Heads leaving (−3) or joining (+2) the tenured pool this week.' },
  { field: 'note', label: 'Note', unit: '', percent: false, hint: 'Why: training week, holiday, product launch…' },
];

interface Selection {
  col: number;
  anchor: number;
  focus: number;
}

function parseCell(column: Column, text: string): { value?: number | string; error?: string } {
  if (column.field === 'note') return { value: text.trim() || undefined };
  if (text.trim() === '') return {};
  return column.percent ? parsePercentField(text) : parseNumberField(text);
}

function cellText(column: Column, draft: PlanSave, week: number): string {
  const value = draft.document.weekAssumptions[week]?.[column.field];
  if (value === undefined) return '';
  if (typeof value === 'string') return value;
  return column.percent ? percentText(value) : String(value);
}

export function WeekTable({ draft, view }: { draft: PlanSave; view?: PlanProjectionView }) {
  const setWeekValues = usePlan((s) => s.setWeekValues);
  const [editing, setEditing] = useState<Record<string, string>>({});
  const [selection, setSelection] = useState<Selection>();
  const [error, setError] = useState<string>();
  const [bulk, setBulk] = useState('');
  const table = useRef<HTMLTableElement>(null);
  const range = selection ? { col: selection.col, from: Math.min(selection.anchor, selection.focus), to: Math.max(selection.anchor, selection.focus) } : undefined;
  const weeks = useMemo(() => Array.from({ length: draft.weeks }, (_, w) => w), [draft.weeks]);

  const focusCell = (row: number, col: number) => table.current?.querySelector<HTMLInputElement>(`input[data-row="${row}"][data-col="${col}"]`)?.focus();
  const weekName = (w: number) => `week ${w} (${view?.weekStarts[w] ?? ''})`;

  const commit = (row: number, col: number): boolean => {
    const key = `${row}:${col}`;
    const text = editing[key];
    if (text === undefined) return true;
    const column = COLUMNS[col];
    const parsed = parseCell(column, text);
    if (parsed.error) {
      setError(`${column.label}, ${weekName(row)}: ${parsed.error}`);
      return false;
    }
    setError(undefined);
    setEditing(({ [key]: _, ...rest }) => rest);
    setWeekValues(column.field, row, [parsed.value]);
    return true;
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>, row: number, col: number) => {
    const move = (to: number) => {
      if (to < 0 || to >= draft.weeks) return;
      event.preventDefault();
      if (!commit(row, col)) return;
      setSelection(event.shiftKey && selection?.col === col ? { ...selection, focus: to } : { col, anchor: to, focus: to });
      focusCell(to, col);
    };
    if (event.key === 'ArrowDown' || (event.key === 'Enter' && !event.shiftKey)) move(row + 1);
    else if (event.key === 'ArrowUp' || (event.key === 'Enter' && event.shiftKey)) move(row - 1);
    else if (event.key === 'Escape') {
      setEditing(({ [`${row}:${col}`]: _, ...rest }) => rest);
      setError(undefined);
    }
  };

  const onPaste = (event: ClipboardEvent<HTMLInputElement>, row: number, col: number) => {
    const text = event.clipboardData.getData('text');
    if (!/[\r\n]/.test(text.trim())) return; // one value: an ordinary paste into the cell
    event.preventDefault();
    const column = COLUMNS[col];
    const lines = text.replace(/\r/g, '').replace(/\n+$/, '').split('\n').map((line) => line.split('\t')[0]);
    const values: (number | string | undefined)[] = [];
    for (let i = 0; i < lines.length; i++) {
      if (row + i >= draft.weeks) break;
      const parsed = parseCell(column, lines[i]);
      if (parsed.error) {
        setError(`Pasted line ${i + 1} (${column.label}, ${weekName(row + i)}): ${parsed.error}. Nothing was pasted.`);
        return;
      }
      values.push(parsed.value);
    }
    setError(lines.length > values.length ? `Pasted ${values.length} of ${lines.length} lines: the plan ends at week ${draft.weeks - 1}.` : undefined);
    setWeekValues(column.field, row, values);
    setSelection({ col, anchor: row, focus: row + values.length - 1 });
  };

  const applyBulk = (clear: boolean) => {
    if (!range) return;
    const column = COLUMNS[range.col];
    const parsed = clear ? {} : parseCell(column, bulk);
    if (parsed.error) return setError(`${column.label}: ${parsed.error}`);
    setError(undefined);
    setWeekValues(column.field, range.from, Array.from({ length: range.to - range.from + 1 }, () => parsed.value));
  };

  return (
    <div className="week-table" data-testid="week-table">
      <div className="toolbar week-table__bulk">
        <span className="muted">
          {range
            ? `${COLUMNS[range.col].label}: weeks ${range.from}–${range.to} selected (${range.to - range.from + 1})`
            : 'Select a cell; Shift+click or Shift+↑/↓ selects a range. Paste a column from a spreadsheet into a cell to fill down.'}
        </span>
        {range && (
          <>
            <label className="week-table__bulk-field">
              Set to {COLUMNS[range.col].unit && <span className="unit">({COLUMNS[range.col].unit})</span>}
              <input value={bulk} onChange={(e) => setBulk(e.target.value)} data-testid="bulk-value" onKeyDown={(e) => e.key === 'Enter' && applyBulk(false)} />
            </label>
            <button type="button" onClick={() => applyBulk(false)} data-testid="bulk-apply">
              Set selected
            </button>
            <button type="button" className="link" onClick={() => applyBulk(true)}>
              Clear selected
            </button>
          </>
        )}
      </div>
      {error && (
        <div className="notice notice--error" role="alert">
          {error}
        </div>
      )}
      <div className="table-scroll">
        <table ref={table}>
          <thead>
            <tr>
              <th>Week</th>
              <th>Monday</th>
              <th className="num">Contacts</th>
              <th className="num">Required FTE</th>
              {COLUMNS.map((c) => (
                <th key={c.field} title={c.hint}>
                  {c.label} {c.unit && <span className="unit">({c.unit})</span>}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {weeks.map((w) => {
              const row = view?.projection.weeks[w];
              return (
                <tr key={w}>
                  <td>{w}</td>
                  <td>{view?.weekStarts[w]}</td>
                  <td className="num">{row ? formatNumber(Math.round(row.volume)) : ''}</td>
                  <td className="num">{row ? formatNumber(row.requiredFte, 1) : ''}</td>
                  {COLUMNS.map((c, col) => {
                    const key = `${w}:${col}`;
                    const selected = range && range.col === col && w >= range.from && w <= range.to;
                    return (
                      <td key={c.field} className={selected ? 'week-table__cell--selected' : undefined}>
                        <input
                          className={c.field === 'note' ? 'cell-input cell-input--wide' : 'cell-input'}
                          data-row={w}
                          data-col={col}
                          data-testid={`week-${c.field}-${w}`}
                          aria-label={`${c.label}, ${weekName(w)}`}
                          value={editing[key] ?? cellText(c, draft, w)}
                          onChange={(e) => setEditing((s) => ({ ...s, [key]: e.target.value }))}
                          onBlur={() => commit(w, col)}
                          onKeyDown={(e) => onKeyDown(e, w, col)}
                          onPaste={(e) => onPaste(e, w, col)}
                          onMouseDown={(e) => {
                            if (e.shiftKey && selection?.col === col) {
                              e.preventDefault();
                              setSelection({ ...selection, focus: w });
                            } else setSelection({ col, anchor: w, focus: w });
                          }}
                          onFocus={() => setSelection((s) => (s && s.col === col && w >= Math.min(s.anchor, s.focus) && w <= Math.max(s.anchor, s.focus) ? s : { col, anchor: w, focus: w }))}
                        />
                      </td>
                    );
                  })}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </div>
  );
}
