/** Where the week's requirements come from, per queue. */
import { memo } from 'react';
import type { WeekRequirements } from '../../../../shared/api/channels/schedule';
import { formatNumber } from '../../components/format';
import { useSchedule } from '../../stores/scheduleStore';

export const RequirementsPanel = memo(function RequirementsPanel({ requirements, frozen }: { requirements: WeekRequirements; frozen: boolean }) {
  const label = (src: WeekRequirements['sources'][number]) => {
    switch (src.source) {
      case 'forecast': return `Forecast run #${src.forecastRunId} (${src.forecastMethod}), every day`;
      case 'forecast+history': return `Forecast run #${src.forecastRunId} (${src.forecastMethod}) for ${src.forecastDays.length} days, history for ${src.historyDays.length}`;
      case 'history': return `This week’s history (${src.historyDays.length} days): no forecast reaches this week`;
      default: return 'No forecast or history: nobody required';
    }
  };
  return (
    <div className="panel" data-testid="sched-requirements">
      <h3>Requirements {frozen ? 'this schedule was solved against' : 'Generate will use'}</h3>
      <p className="muted">
        Per queue: volumes per {requirements.intervalMinutes}-minute interval from the queue’s latest forecast where it reaches the week (with your day adjustments), else from that week’s history; then agents needed on the floor with the queue’s saved staffing profile, or the Staffing defaults. Queues of one channel add up to that skill’s curve. Shrinkage is not added: breaks are scheduled, absence is not known yet.
      </p>
      <table className="list">
        <thead><tr><th>Queue</th><th>Skill</th><th>Volumes from</th><th>Staffing</th><th className="num">Contacts</th><th className="num">Required agent-hours</th><th className="num">Peak agents</th></tr></thead>
        <tbody>
          {requirements.sources.map((src) => (
            <tr key={src.queueId}>
              <td>{src.queueName}</td>
              <td>{src.channel}</td>
              <td data-testid="sched-source">{label(src)}</td>
              <td>{src.profileName ? `Profile “${src.profileName}”: ` : 'Staffing defaults: '}{src.staffingSummary}</td>
              <td className="num">{formatNumber(src.volume, 0)}</td>
              <td className="num">{formatNumber(src.requiredAgentHours, 1)}</td>
              <td className="num">{formatNumber(src.peakRequired, 0)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {requirements.notes.map((n) => <div key={n} className="notice notice--error">{n}</div>)}
      <OutsideShifts requirements={requirements} frozen={frozen} />
      {!frozen && requirements.sources.every((s) => s.source === 'history' || s.source === 'none') && (
        <p className="muted">To schedule a coming week from a forecast, run one in the <a href="#/forecast">Forecast area</a> that reaches it.</p>
      )}
    </div>
  );
});

/**
 * Deferred work that arrives where no shift template reaches, said once per queue instead of as dozens of short
 * intervals after the solve, with the choice to defer it into the next covered hours (before a schedule exists).
 */
function OutsideShifts({ requirements, frozen }: { requirements: WeekRequirements; frozen: boolean }) {
  const defer = useSchedule((s) => s.deferOutsideShifts);
  const work = requirements.outsideShifts ?? [];
  if (work.length === 0) return null;
  const toggle = (on: boolean) => {
    useSchedule.getState().set({ deferOutsideShifts: on });
    void useSchedule.getState().loadRequirements();
  };
  return (
    <div className="notice" data-testid="sched-outside-shifts">
      <ul>
        {work.map((w) => (
          <li key={w.queueId}>
            {w.deferred
              ? `${w.queueName}: ${formatNumber(w.movedContacts, 1)} contacts arriving ${w.windows.join(', ')} (no shift covers those hours) are deferred into the next covered hours${w.carriedToNextWeek > 0 ? ` (${formatNumber(w.carriedToNextWeek, 1)} after the week’s last shift go to next week)` : ''}; the deferred-work model carries them as backlog.`
              : `${w.queueName} needs up to ${formatNumber(w.peakAgents, 1)} agents ${w.windows.join(', ')} and no shift covers it (${formatNumber(w.agentHours, 1)} agent-hours this week).`}
          </li>
        ))}
      </ul>
      {!frozen && (
        <label>
          <input type="checkbox" checked={defer} onChange={(e) => toggle(e.target.checked)} data-testid="sched-defer-outside" /> Defer that work into the next hours a shift covers (instead of leaving those hours short)
        </label>
      )}
    </div>
  );
}
