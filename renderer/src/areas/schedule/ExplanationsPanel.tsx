/** Why intervals stay short, as the last solve explained them. */
import { memo, useState } from 'react';
import type { ScheduleView } from '../../../../shared/api/channels/schedule';
import { formatNumber } from '../../components/format';
import { WEEKDAY_SHORT } from '../../../../shared/calendar/days';


export const ExplanationsPanel = memo(function ExplanationsPanel({ view, editsSinceSolve }: { view: ScheduleView; editsSinceSolve: number }) {
  const [all, setAll] = useState(false);
  const explanations = view.solve?.explanations ?? [];
  if (!view.solve) return null;
  const shown = all ? explanations : explanations.slice(0, 15);
  return (
    <div className="panel" data-testid="sched-explanations">
      <h3>Why intervals stay short</h3>
      {explanations.length === 0 ? (
        <p className="ok">The last solve covered every interval.</p>
      ) : (
        <>
          <p className="muted">
            {explanations.length} runs of short intervals at the last solve, largest first, each with its causes (most fundamental first). Required and scheduled are agents in the run’s most short interval (the same interval for both); agent-hours short = Σ (required − scheduled) × interval length over the run.
            {editsSinceSolve > 0 && ` ${editsSinceSolve} edits since then: the chart above shows coverage as it is now.`}
          </p>
          <table className="list">
            <thead><tr><th>Day</th><th>Time</th><th>Skill</th><th>Most short at</th><th className="num">Required</th><th className="num">Scheduled</th><th className="num">Agent-hours short</th><th>Why</th></tr></thead>
            <tbody>
              {shown.map((e, i) => (
                <tr key={i}>
                  <td>{WEEKDAY_SHORT[e.day]} {e.date ?? ''}</td>
                  <td>{e.start}–{e.end}</td>
                  <td>{e.skill}</td>
                  <td>{e.worstAt ?? '—'}</td>
                  <td className="num">{formatNumber(e.required, 2)}</td>
                  <td className="num">{formatNumber(e.scheduled, 2)}</td>
                  <td className="num">{formatNumber(e.shortfallHours, 2)}</td>
                  <td><ul className="sched-causes">{e.causes.map((c, k) => <li key={k}><span className="sched-cause">{c.cause}</span> {c.message}</li>)}</ul></td>
                </tr>
              ))}
            </tbody>
          </table>
          {explanations.length > 15 && <button type="button" className="link" onClick={() => setAll(!all)}>{all ? 'Show the largest 15' : `Show all ${explanations.length}`}</button>}
        </>
      )}
    </div>
  );
});
