/** The printable week: one row per agent, their shifts and breaks per day. */
import type { ScheduleView } from '../../../../shared/api/channels/schedule';
import { useSchedule } from '../../stores/scheduleStore';
import { formatClock, WEEKDAY_SHORT } from '../../../../shared/calendar/days';


export function PrintWeek({ view, dates }: { view: ScheduleView; dates: string[] }) {
  const shifts = useSchedule((s) => s.shifts);
  const names = new Map(view.templates.map((t) => [t.id, t.name]));
  return (
    <div className="print-week">
      <h1>Schedule · week of {view.schedule.weekStart} · version {view.schedule.version} ({view.schedule.status})</h1>
      <p>Times are local ({view.timeZone}). Breaks in brackets.</p>
      <table>
        <thead><tr><th>Agent</th>{dates.map((d, i) => <th key={d}>{WEEKDAY_SHORT[i]} {d.slice(5)}</th>)}</tr></thead>
        <tbody>
          {view.agents.map((a) => (
            <tr key={a.id}>
              <td>{a.name}<br /><small>{a.team}</small></td>
              {dates.map((_, d) => (
                <td key={d}>
                  {shifts.filter((x) => x.agentId === a.id && x.day === d).map((x) => (
                    <div key={x.id}>
                      {x.segments.map((sg) => `${formatClock(sg.start)}–${formatClock(sg.end)}`).join(' + ')} {x.templateId ? names.get(x.templateId) : ''} {x.skill}
                      <br /><small>[{x.breaks.map((b) => `${formatClock(b.start)} ${b.kind}`).join(', ')}]</small>
                    </div>
                  ))}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
