/**
 * An agent's weekly availability windows: add, change and remove windows per weekday. No windows = available at any
 * time; with windows, shifts must lie inside one, and a weekday without a window is a day off. Times are in the
 * agent's own time zone; an end before the start runs past midnight (22:00–06:00). Each problem is shown at the field
 * it is about, with the same checks the API makes (availabilityWindows.ts).
 */
import { useId } from 'react';
import type { AgentSchedulePreferences } from '../../../../shared/api/channels/schedule';
import { availabilityWindowIssues, type AvailabilityWindowIssue } from '../../../../shared/engine/schedule/availabilityWindows';
import { WEEKDAY_NAMES } from '../../../../shared/calendar/days';
import { Field } from '../../components/Field';

type Window = AgentSchedulePreferences['availability'][number];
/** The API keeps at most this many windows per agent (three a day). */
const MAX_WINDOWS = 21;

export function AvailabilityEditor({ windows, onChange }: { windows: Window[]; onChange: (windows: Window[]) => void }) {
  const id = useId();
  const issues = availabilityWindowIssues(windows);
  const issueAt = (index: number, field: AvailabilityWindowIssue['field']) => issues.find((i) => i.index === index && i.field === field)?.message;
  const change = (index: number, patch: Partial<Window>) => onChange(windows.map((w, i) => (i === index ? { ...w, ...patch } : w)));
  const add = () => {
    // The next weekday without a window, so adding Monday to Friday is five clicks.
    const weekday = [0, 1, 2, 3, 4, 5, 6].find((d) => !windows.some((w) => w.weekday === d)) ?? 0;
    onChange([...windows, { weekday, from: '08:00', to: '17:00' }]);
  };
  const offDays = windows.length === 0 ? [] : WEEKDAY_NAMES.filter((_, d) => !windows.some((w) => w.weekday === d));

  return (
    <fieldset className="group" data-testid="availability-editor">
      <legend>Availability (agent’s own time)</legend>
      {windows.length === 0 ? (
        <p className="muted">No windows: available at any time.</p>
      ) : (
        <ul className="sched-avail">
          {windows.map((window, index) => (
            <li key={index} className="sched-add" data-testid="availability-window">
              <Field id={`${id}-day-${index}`} label="Weekday">
                <select id={`${id}-day-${index}`} value={window.weekday} onChange={(e) => change(index, { weekday: Number(e.target.value) })} data-testid="availability-weekday">
                  {WEEKDAY_NAMES.map((name, d) => <option key={name} value={d}>{name}</option>)}
                </select>
              </Field>
              <Field id={`${id}-from-${index}`} label="From" error={issueAt(index, 'from')}>
                <input id={`${id}-from-${index}`} value={window.from} onChange={(e) => change(index, { from: e.target.value })} placeholder="HH:MM" maxLength={5} size={5} aria-invalid={Boolean(issueAt(index, 'from'))} data-testid="availability-from" />
              </Field>
              <Field id={`${id}-to-${index}`} label="To" error={issueAt(index, 'to')} hint={window.to < window.from ? 'next day' : undefined}>
                <input id={`${id}-to-${index}`} value={window.to} onChange={(e) => change(index, { to: e.target.value })} placeholder="HH:MM" maxLength={5} size={5} aria-invalid={Boolean(issueAt(index, 'to'))} data-testid="availability-to" />
              </Field>
              <button type="button" className="link" onClick={() => onChange(windows.filter((_, i) => i !== index))} aria-label={`Remove the ${WEEKDAY_NAMES[window.weekday]} window ${window.from}–${window.to}`}>
                Remove
              </button>
            </li>
          ))}
        </ul>
      )}
      {offDays.length > 0 && <p className="muted" data-testid="availability-off">Off (no window): {offDays.join(', ')}.</p>}
      <button type="button" className="secondary" onClick={add} disabled={windows.length >= MAX_WINDOWS} data-testid="availability-add">
        Add a window
      </button>
    </fieldset>
  );
}

/** Whether the windows can be saved as they are. */
export const availabilityIsValid = (windows: Window[]) => availabilityWindowIssues(windows).length === 0;
