/**
 * Backups of the data file: taken automatically (daily, before every import, demo reset, publish and restore) and
 * on request; any one can be restored, and the state it replaces is backed up first. When the data file is damaged
 * and refused, the panel says so first and offers the newest good backup.
 */
import { useEffect } from 'react';
import type { BackupInfo, BackupReason } from '../../../../shared/api/channels/backups';
import { useBackups } from '../../stores/backupsStore';
import { formatNumber } from '../../components/format';

const REASON_LABEL: Record<BackupReason, string> = {
  daily: 'Daily',
  'before-import': 'Before an import',
  'before-reset': 'Before a demo reset',
  'before-publish': 'Before publishing',
  'before-restore': 'Before a restore',
  manual: 'Backed up by hand',
};

/** Local date and time of the backup, to the minute. */
function when(iso: string): string {
  const d = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

const megabytes = (bytes: number) => `${(bytes / 1_048_576).toFixed(1)} MB`;

export function BackupsPanel() {
  const { state, error, notice, busy, load, backupNow, restore } = useBackups();
  useEffect(() => void load(), [load]);

  const onRestore = (backup: BackupInfo) => {
    const replaced = state?.damaged ? 'The damaged file is moved aside and kept.' : 'The current data is backed up first, so this can be undone.';
    if (!window.confirm(`Restore the backup from ${when(backup.createdAt)} (${REASON_LABEL[backup.reason].toLowerCase()})? Everything changed since then is replaced. ${replaced}`)) return;
    void restore(backup.name);
  };

  return (
    <div className="panel" data-testid="backups-panel">
      <h3>Backups</h3>
      {state?.damaged && (
        <div className="notice notice--error" role="alert" data-testid="backups-damaged">
          <p>{state.damaged.message}</p>
          {state.damaged.newestGoodBackup && (
            <button type="button" disabled={busy} onClick={() => onRestore(state.backups.find((b) => b.name === state.damaged!.newestGoodBackup)!)} data-testid="restore-newest-good">
              Restore the newest good backup
            </button>
          )}
        </div>
      )}
      <p className="muted">
        Whole copies of the data file, taken each day and before every import, demo reset, publish and restore. Kept: the newest{' '}
        {state ? `${state.kept.daily} daily and ${state.kept['before-import']} before imports` : '…'}, within {state ? `${formatNumber(state.maxTotalBytes / 1024 ** 3)} GB` : '…'} in all; older ones are deleted. Folder: <code>{state?.folder ?? '…'}</code>
      </p>
      {error && <div className="notice notice--error" role="alert">{error}</div>}
      {notice && <div className="notice notice--ok" data-testid="backups-notice">{notice}</div>}
      <div className="save-row">
        <button type="button" onClick={() => void backupNow()} disabled={busy || Boolean(state?.damaged)} data-testid="backup-now">Back up now</button>
      </div>
      {state && state.backups.length === 0 && <p className="muted" data-testid="backups-empty">No backups yet: the first is taken before the first import, reset or publish, or on the next day's start.</p>}
      {state && state.backups.length > 0 && (
        <table className="list" data-testid="backups-table">
          <thead><tr><th>Taken</th><th>Why</th><th className="num">Size</th><th /></tr></thead>
          <tbody>
            {state.backups.map((b) => (
              <tr key={b.name} data-testid="backup-row">
                <td title={b.name}>{when(b.createdAt)}</td>
                <td>{REASON_LABEL[b.reason]}</td>
                <td className="num">{megabytes(b.sizeBytes)}</td>
                <td><button type="button" disabled={busy} onClick={() => onRestore(b)}>Restore</button></td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
