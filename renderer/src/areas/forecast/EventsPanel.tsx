import { useEffect, useState } from 'react';
import { forecastEventSchema } from '../../../../shared/api/channels/forecast';
import { parseNumberField } from '../../components/parseNumber';
import { useForecast } from '../../stores/forecastStore';
import { useWorkspace } from '../../stores/workspaceStore';
import type { QueueSummary } from '../../../../shared/api/types';

/** One empty list while the workspace loads: a new [] per render would make the store selector loop. */
const NO_QUEUES: QueueSummary[] = [];

const SHOWN_EVENTS = 12;
const EMPTY = { name: '', startDate: '', endDate: '', effect: 'multiplier', value: '', queueId: '' };

/** Holidays, releases and promotions the forecast should know about. */
export function EventsPanel() {
  const { events, loadEvents, saveEvent, deleteEvent } = useForecast();
  const queues = useWorkspace((s) => s.summary?.queues ?? NO_QUEUES);
  const [draft, setDraft] = useState(EMPTY);
  const [errors, setErrors] = useState<Record<string, string>>({});
  useEffect(() => {
    void loadEvents();
  }, [loadEvents]);

  const save = async () => {
    const value = parseNumberField(draft.value, true);
    if (value.error) return setErrors({ value: value.error });
    const candidate = { name: draft.name, startDate: draft.startDate, endDate: draft.endDate || draft.startDate, effect: draft.effect, value: value.value ?? null, queueId: draft.queueId ? Number(draft.queueId) : null };
    const parsed = forecastEventSchema.safeParse(candidate);
    if (!parsed.success) {
      const fieldErrors: Record<string, string> = Object.fromEntries(parsed.error.issues.map((i) => [String(i.path[0]), i.message]));
      // An empty end date means a one-day event: its problem is the start date's, shown there once.
      if (!draft.endDate) delete fieldErrors.endDate;
      return setErrors(fieldErrors);
    }
    await saveEvent(parsed.data);
    setDraft(EMPTY);
    setErrors({});
  };

  const upcoming = events.filter((e) => e.endDate >= new Date().toISOString().slice(0, 10));
  const queueName = (id: number | null) => (id === null ? 'All queues' : (queues.find((q) => q.id === id)?.name ?? '—'));
  return (
    <div className="panel" aria-labelledby="events-title">
      <h3 id="events-title">Events</h3>
      <p className="muted">A multiplier scales a day's volume (1.3 = +30%), additive adds contacts per day, closed closes the queue. Leave the value empty to have it estimated from earlier events of the same name in the history. Changes apply to the next run.</p>
      <table className="list" data-testid="fc-events">
        <thead><tr><th>Event</th><th>From</th><th>To</th><th>Effect</th><th>Queue</th><th /></tr></thead>
        <tbody>
          {upcoming.slice(0, SHOWN_EVENTS).map((e) => (
            <tr key={e.id}>
              <td>{e.name}</td><td>{e.startDate}</td><td>{e.endDate}</td>
              <td>{e.effect}{e.value !== null ? ` ${e.value}` : e.effect === 'closed' ? '' : ' (estimated)'}</td>
              <td>{queueName(e.queueId)}</td>
              <td><button type="button" className="link danger" onClick={() => void deleteEvent(e.id)} aria-label={`Delete event ${e.name} on ${e.startDate}`}>Delete</button></td>
            </tr>
          ))}
          {upcoming.length === 0 && <tr><td colSpan={6} className="muted">No upcoming events. Add one below.</td></tr>}
          {upcoming.length > SHOWN_EVENTS && <tr><td colSpan={6} className="muted">and {upcoming.length - SHOWN_EVENTS} later events</td></tr>}
        </tbody>
      </table>
      <form className="event-form" onSubmit={(e) => { e.preventDefault(); void save(); }} aria-label="Add event">
        {(['name', 'startDate', 'endDate', 'value'] as const).map((key) => (
          <div key={key} className={`field${errors[key] ? ' field--invalid' : ''}`}>
            <label htmlFor={`ev-${key}`}>{{ name: 'Name', startDate: 'From (YYYY-MM-DD)', endDate: 'To (optional)', value: 'Value (optional)' }[key]}</label>
            <input id={`ev-${key}`} value={draft[key]} onChange={(e) => setDraft({ ...draft, [key]: e.target.value })} data-testid={`ev-${key}`} />
            {errors[key] && <div className="field__error" role="alert">{errors[key]}</div>}
          </div>
        ))}
        <div className="field">
          <label htmlFor="ev-effect">Effect</label>
          <select id="ev-effect" value={draft.effect} onChange={(e) => setDraft({ ...draft, effect: e.target.value })}>
            <option value="multiplier">multiplier</option><option value="additive">additive</option><option value="closed">closed</option>
          </select>
        </div>
        <div className="field">
          <label htmlFor="ev-queue">Queue</label>
          <select id="ev-queue" value={draft.queueId} onChange={(e) => setDraft({ ...draft, queueId: e.target.value })}>
            <option value="">All queues</option>
            {queues.map((q) => <option key={q.id} value={q.id}>{q.name}</option>)}
          </select>
        </div>
        <button type="submit" data-testid="ev-add">Add event</button>
      </form>
    </div>
  );
}
