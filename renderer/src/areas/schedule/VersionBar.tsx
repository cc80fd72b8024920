/** Versions of the week, publishing (with the rules it would break listed), and exports. */
import { memo, useState } from 'react';
import type { ScheduleView } from '../../../../shared/api/channels/schedule';
import { useSchedule } from '../../stores/scheduleStore';
import { download } from '../../components/download';

export const VersionBar = memo(function VersionBar({ view, onPrint }: { view: ScheduleView; onPrint(): void }) {
  const { publish, deleteDraft, openSchedule, exportFiles } = useSchedule.getState();
  const busy = useSchedule((state) => state.busy);
  const [agentId, setAgentId] = useState<string>('');
  const [working, setWorking] = useState(false);
  const meta = view.schedule;
  const withShifts = view.agents.filter((a) => view.shifts.some((x) => x.agentId === a.id));

  const run = async (format: 'csv' | 'xlsx' | 'ics', agent?: number) => {
    setWorking(true);
    try {
      const files = await exportFiles(format, agent);
      for (const [i, file] of files.entries()) {
        if (i > 0) await new Promise((resolve) => setTimeout(resolve, 250));
        download(file);
      }
    } finally {
      setWorking(false);
    }
  };

  return (
    <div className="panel sched-versions" data-testid="sched-versions">
      <div className="field">
        <label htmlFor="sched-version">Version</label>
        <select id="sched-version" value={meta.id} onChange={(e) => void openSchedule(Number(e.target.value))}>
          {view.versions.map((v) => (
            <option key={v.id} value={v.id}>v{v.version} · {v.status}{v.publishedAt ? ` ${v.publishedAt.slice(0, 10)}` : ''} · {v.shiftCount} shifts</option>
          ))}
        </select>
      </div>
      <div className="sched-status">
        <span className={`sched-badge sched-badge--${meta.status}`} data-testid="sched-status">{meta.status === 'published' ? `Published v${meta.version}` : `Draft v${meta.version}`}</span>
        {meta.basedOn !== null && <span className="muted"> continues v{view.versions.find((v) => v.id === meta.basedOn)?.version ?? '?'}</span>}
      </div>
      {meta.status === 'draft' ? (
        <>
          <button type="button" disabled={busy} onClick={() => confirmPublish(meta.version, publish)} data-testid="sched-publish">Publish</button>
          <button type="button" className="secondary" onClick={() => { if (window.confirm(`Delete draft version ${meta.version}?`)) void deleteDraft(); }}>Delete draft</button>
        </>
      ) : (
        <span className="muted">Read-only record; edits start a new draft.</span>
      )}
      <div className="sched-exports" role="group" aria-label="Export">
        <button type="button" className="secondary" disabled={working} onClick={() => void run('csv')} data-testid="sched-export-csv">CSV</button>
        <button type="button" className="secondary" disabled={working} onClick={() => void run('xlsx')} data-testid="sched-export-xlsx">XLSX</button>
        <button type="button" className="secondary" onClick={onPrint} data-testid="sched-print">Print week</button>
        <select aria-label="Calendar for" value={agentId} onChange={(e) => setAgentId(e.target.value)} data-testid="sched-ics-agent">
          <option value="">Calendars: every agent (one zip of {withShifts.length} files)</option>
          {withShifts.map((a) => <option key={a.id} value={a.id}>Calendar: {a.name}</option>)}
        </select>
        <button type="button" className="secondary" disabled={working} onClick={() => void run('ics', agentId ? Number(agentId) : undefined)} data-testid="sched-export-ics">ICS</button>
      </div>
    </div>
  );
});

/**
 * Publishing is confirmed; when the shifts break rules, the confirmation lists every one of them and the publish
 * says it was confirmed (the service refuses an unconfirmed publish of a schedule that breaks rules).
 */
function confirmPublish(version: number, publish: (acceptRuleViolations?: boolean) => Promise<void>): void {
  const violations = useSchedule.getState().violations;
  const frozen = 'A published version never changes; later edits start a new draft.';
  const text =
    violations.length === 0
      ? `Publish version ${version}? ${frozen}`
      : `Version ${version} breaks ${violations.length} rule${violations.length === 1 ? '' : 's'}:\n${violations.map((v) => `• ${v.message}`).join('\n')}\n\nPublish it anyway, with these rules broken? ${frozen}`;
  if (window.confirm(text)) void publish(violations.length > 0);
}
