import { useState } from 'react';
import { JobProgress } from '../../components/ProgressBar';
import { formatNumber } from '../../components/format';
import { parseNumberField } from '../../components/parseNumber';
import { NumberField } from '../../components/NumberField';
import { ImportPanel } from './ImportPanel';
import { BackupsPanel } from './BackupsPanel';
import { resetConfirmation } from './resetConfirmation';
import { useBackups } from '../../stores/backupsStore';
import { useLatestJob } from '../../stores/jobsStore';
import { useWorkspace } from '../../stores/workspaceStore';

export function DataArea() {
  const { summary, resetDemo, error } = useWorkspace();
  const resetImpact = useBackups((s) => s.resetImpact);
  const job = useLatestJob('demo.reset');
  const [weeks, setWeeks] = useState('26');
  const [weeksError, setWeeksError] = useState<string>();
  const running = Boolean(job && !job.done);

  const onReset = async () => {
    const parsed = parseNumberField(weeks);
    const value = parsed.value;
    if (parsed.error || value === undefined || !Number.isInteger(value) || value < 4 || value > 156) {
      setWeeksError(parsed.error ?? 'Enter a whole number of weeks from 4 to 156');
      return;
    }
    setWeeksError(undefined);
    let confirmation: string;
    try {
      confirmation = resetConfirmation(await resetImpact());
    } catch (error) {
      setWeeksError((error as Error).message);
      return;
    }
    if (!window.confirm(confirmation)) return;
    await resetDemo(value);
  };

  return (
    <section aria-labelledby="data-title">
      <header className="area-header">
        <h2 id="data-title">Data</h2>
        <p className="muted">What this workspace holds, and where your own contact history comes in.</p>
      </header>
      {error && <div className="notice notice--error">{error}</div>}
      {summary && (
        <div className="panel">
          <h3>{summary.name}</h3>
          <p className="muted">Time zone {summary.timezone} · {summary.agentCount} agents</p>
          {summary.queues.length === 0 && <p className="muted" data-testid="queues-empty">No queues yet: import a CSV file below, or reset the demo workspace.</p>}
          <table className="list" data-testid="queue-table">
            <thead><tr><th>Queue</th><th>Channel</th><th className="num">Interval</th><th>History</th><th className="num">Open intervals</th><th className="num">Contacts</th></tr></thead>
            <tbody>
              {summary.queues.map((q) => (
                <tr key={q.id}>
                  <td>{q.name}</td>
                  <td>{q.channel}</td>
                  <td className="num">{q.intervalMin} min</td>
                  <td>{q.historyFrom?.slice(0, 10) ?? '—'} → {q.historyTo?.slice(0, 10) ?? '—'}</td>
                  <td className="num">{formatNumber(q.openIntervals)}</td>
                  <td className="num">{formatNumber(q.totalVolume)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <ImportPanel />
      <div className="panel">
        <h3>Demo workspace</h3>
        <p className="muted">Regenerates the 40-agent demo team and its interval history. The confirmation lists what is deleted; a backup is taken first.</p>
        <div className="save-row">
          <NumberField label="Weeks of history" value={weeks} onChange={setWeeks} error={weeksError} testId="demo-weeks" />
          <button type="button" onClick={() => void onReset()} disabled={running} data-testid="demo-reset">Reset demo workspace</button>
        </div>
        <JobProgress job={job} />
      </div>
      <BackupsPanel />
    </section>
  );
}
