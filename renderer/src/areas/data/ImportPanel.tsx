/**
 * Import contact history from a CSV file: choose the file and its format, check the preview (column mapping,
 * first rows, bad rows with their line, what happens to each queue), then import with a progress bar and Cancel.
 */
import { useEffect, useId } from 'react';
import { Field } from '../../components/Field';
import { JobProgress } from '../../components/ProgressBar';
import { formatNumber } from '../../components/format';
import { CHANNEL_KINDS, planQueue, type QueuePlan, type TicketImportPreview } from '../../../../shared/api/channels/dataImport';
import type { BadRow, IntervalMinutes } from '../../../../shared/import';
import { formatOffset, INTERVAL_MINUTES } from '../../../../shared/import';
import type { ChannelKind } from '../../../../shared/api/types';
import { useImport, type ImportField } from '../../stores/importStore';
import { useJobs } from '../../stores/jobsStore';
import { useWorkspace } from '../../stores/workspaceStore';
import type { QueueSummary } from '../../../../shared/api/types';

/** One empty list while the workspace loads: a new [] per render would make the store selector loop. */
const NO_QUEUES: QueueSummary[] = [];

const BAD_ROWS_SHOWN = 50;

function slotLabel(localStart: string, offsetMinutes: number): string {
  return `${localStart.replace('T', ' ')} (${formatOffset(offsetMinutes)})`;
}

function fileSize(bytes: number): string {
  return bytes >= 1e6 ? `${(bytes / 1e6).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1e3))} kB`;
}

function ColumnSelect({ label, field, value, header, none, onChange, testId, hint }: { label: string; field: ImportField; value: string; header: string[]; none: string; onChange(value: string): void; testId: string; hint?: string }) {
  const id = useId();
  const error = useImport((s) => s.errors[field]);
  return (
    <Field label={label} error={error} hint={hint} id={id}>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value)} data-testid={testId} aria-invalid={Boolean(error)}>
        <option value="">{none}</option>
        {header.map((name, i) => (
          <option key={i} value={String(i)}>
            {i + 1}. {name || '(no name)'}
          </option>
        ))}
      </select>
    </Field>
  );
}

function ChannelSelect({ value, onChange, testId, label }: { value: ChannelKind; onChange(channel: ChannelKind): void; testId: string; label: string }) {
  return (
    <select value={value} onChange={(e) => onChange(e.target.value as ChannelKind)} data-testid={testId} aria-label={label}>
      {CHANNEL_KINDS.map((c) => (
        <option key={c} value={c}>
          {c}
        </option>
      ))}
    </select>
  );
}

function BadRows({ rows, count }: { rows: BadRow[]; count: number }) {
  if (count === 0) return <p className="muted" data-testid="import-bad-rows">No bad rows.</p>;
  return (
    <div data-testid="import-bad-rows">
      <h4>
        {formatNumber(count)} bad {count === 1 ? 'row' : 'rows'}, skipped on import
      </h4>
      <div className="table-scroll">
        <table className="list">
          <thead>
            <tr><th className="num">Line</th><th>Why it cannot be imported</th></tr>
          </thead>
          <tbody>
            {rows.slice(0, BAD_ROWS_SHOWN).map((row) => (
              <tr key={`${row.line}-${row.reason}`}>
                <td className="num">{row.line}</td>
                <td>{row.message}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {count > Math.min(rows.length, BAD_ROWS_SHOWN) && <p className="muted">…and {formatNumber(count - Math.min(rows.length, BAD_ROWS_SHOWN))} more.</p>}
    </div>
  );
}

function planText(plan: QueuePlan): string {
  switch (plan.action) {
    case 'create':
      return `New ${plan.intervalMin}-minute queue`;
    case 'replace':
      return `Existing ${plan.channel} queue: its intervals on the imported days are replaced`;
    case 'roll-up':
      return `Existing ${plan.channel} queue: counts are summed into its ${plan.intervalMin}-minute intervals, replacing the imported days`;
    case 'refuse':
      return plan.message;
  }
}

function TicketOptions({ preview }: { preview?: TicketImportPreview }) {
  const s = useImport();
  const header = preview?.header ?? [];
  const intervalId = useId();
  const channelId = useId();
  return (
    <div className="calculator__grid">
      <ColumnSelect label="Created at (required)" field="createdAt" value={s.draft.createdAt} header={header} none="— choose a column —" onChange={(v) => void s.setDraft({ createdAt: v })} testId="import-created-at" />
      <ColumnSelect label="Queue or group column" field="queue" value={s.draft.queue} header={header} none="(none: one queue for everything)" onChange={(v) => void s.setDraft({ queue: v })} testId="import-queue-column" />
      <ColumnSelect label="Channel column (joined to the queue name)" field="channelColumn" value={s.draft.channelColumn} header={header} none="(none)" onChange={(v) => void s.setDraft({ channelColumn: v })} testId="import-channel-column" />
      <ColumnSelect label="Handle time column" field="handleTime" value={s.draft.handleTime} header={header} none="(none)" onChange={(v) => void s.setDraft({ handleTime: v })} testId="import-handle-column" hint="Plain numbers are read in the unit below; h:mm:ss is read as written." />
      <div className="field">
        <label htmlFor={`${intervalId}-unit`}>Handle time unit</label>
        <select id={`${intervalId}-unit`} value={s.draft.unit} disabled={s.draft.handleTime === ''} onChange={(e) => void s.setDraft({ unit: e.target.value as 'seconds' })} data-testid="import-handle-unit">
          <option value="seconds">seconds</option>
          <option value="minutes">minutes</option>
          <option value="hours">hours</option>
        </select>
      </div>
      <Field label="Interval length" error={s.errors.intervalMinutes} id={intervalId}>
        <select id={intervalId} value={s.intervalMinutes} onChange={(e) => void s.setIntervalMinutes(Number(e.target.value) as IntervalMinutes)} data-testid="import-interval" aria-invalid={Boolean(s.errors.intervalMinutes)}>
          {INTERVAL_MINUTES.map((m) => <option key={m} value={m}>{m} minutes</option>)}
        </select>
      </Field>
      <Field label="Channel of new queues" error={s.errors.channel} id={channelId} hint="Used where a queue's name names no channel; choose per queue below.">
        <select id={channelId} value={s.channel} onChange={(e) => s.setChannel(e.target.value as ChannelKind)} data-testid="import-channel">
          {CHANNEL_KINDS.map((c) => <option key={c} value={c}>{c}</option>)}
        </select>
      </Field>
    </div>
  );
}

function TicketPreviewView({ preview }: { preview: TicketImportPreview }) {
  const { queueChannels, setQueueChannel, channel } = useImport();
  const mapping = preview.mapping;
  const cell = (cells: string[], column: number | undefined) => (column === undefined ? '' : (cells[column] ?? ''));
  return (
    <div data-testid="import-preview">
      <p data-testid="import-counts">
        {preview.wholeFile ? 'Whole file checked' : 'The first part of the file checked (the import reads all of it)'}: {formatNumber(preview.rowsRead)} rows, <strong>{formatNumber(preview.goodRowCount)} good</strong>, {formatNumber(preview.badRowCount)} bad. Times without an offset are read in {preview.timezone}.
      </p>
      {preview.rows.length === 0 ? (
        <p className="muted">The file has a header but no rows: nothing to import.</p>
      ) : (
        <>
          <h4>First rows</h4>
          <div className="table-scroll">
            <table className="list" data-testid="import-rows">
              <thead>
                <tr><th className="num">Line</th><th>Created at</th><th>Queue cells</th><th>Handle time</th><th>Interval</th><th>Queue</th><th className="num">Handle s</th></tr>
              </thead>
              <tbody>
                {preview.rows.map((row) => {
                  const outcome = row.outcome;
                  return (
                    <tr key={row.line}>
                      <td className="num">{row.line}</td>
                      <td>{mapping ? cell(row.cells, mapping.createdAt) : row.cells.slice(0, 3).join(', ')}</td>
                      <td>{mapping?.queue.map((c) => cell(row.cells, c)).join(' / ')}</td>
                      <td>{cell(row.cells, mapping?.handleTime?.column)}</td>
                      {outcome === null ? (
                        <td colSpan={3} className="muted">Choose the created-at column to see how this row is read.</td>
                      ) : 'reason' in outcome ? (
                        <td colSpan={3} className="danger">{outcome.message}</td>
                      ) : (
                        <>
                          <td>{slotLabel(outcome.interval.localStart, outcome.interval.offsetMinutes)}</td>
                          <td>{outcome.queue}</td>
                          <td className="num">{outcome.handleTimeSec === null ? '—' : formatNumber(outcome.handleTimeSec, 1)}</td>
                        </>
                      )}
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        </>
      )}
      <BadRows rows={preview.badRows} count={preview.badRowCount} />
      {preview.queues.length > 0 && (
        <>
          <h4>Queues in {preview.wholeFile ? 'the file' : 'the part checked'}</h4>
          <table className="list" data-testid="import-queues">
            <thead><tr><th>Queue</th><th className="num">Contacts</th><th>Channel</th><th>What the import does</th></tr></thead>
            <tbody>
              {preview.queues.map((q) => (
                <tr key={q.queue}>
                  <td>{q.queue}</td>
                  <td className="num">{formatNumber(q.contacts)}</td>
                  <td>
                    {q.plan.action === 'create' ? (
                      <ChannelSelect value={queueChannels[q.queue] ?? q.suggestedChannel ?? channel} onChange={(c) => setQueueChannel(q.queue, c)} testId={`import-queue-channel-${q.queue}`} label={`Channel of ${q.queue}`} />
                    ) : (
                      q.plan.channel
                    )}
                  </td>
                  <td className={q.plan.action === 'refuse' ? 'danger' : undefined}>{planText(q.plan)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </div>
  );
}

function IntervalOptions() {
  const s = useImport();
  const queues = useWorkspace((w) => w.summary?.queues ?? NO_QUEUES);
  const nameId = useId();
  const channelId = useId();
  const existing = queues.find((q) => q.name === s.queueName.trim());
  return (
    <div className="calculator__grid">
      <Field label="Queue these counts belong to" error={s.errors.queueName} id={nameId} hint={existing ? `Existing ${existing.channel} queue with ${existing.intervalMin}-minute intervals.` : 'A new name creates a queue; an existing name updates that queue.'}>
        <input id={nameId} list={`${nameId}-queues`} value={s.queueName} onChange={(e) => s.setQueueName(e.target.value)} placeholder="e.g. Sales phone" data-testid="import-queue-name" aria-invalid={Boolean(s.errors.queueName)} />
        <datalist id={`${nameId}-queues`}>{queues.map((q) => <option key={q.id} value={q.name} />)}</datalist>
      </Field>
      <Field label="Channel" error={s.errors.channel} id={channelId} hint={existing ? 'An existing queue keeps its channel.' : undefined}>
        <select id={channelId} value={existing?.channel ?? s.channel} disabled={Boolean(existing)} onChange={(e) => s.setChannel(e.target.value as ChannelKind)} data-testid="import-channel">
          {CHANNEL_KINDS.map((c) => <option key={c} value={c}>{c}</option>)}
        </select>
      </Field>
    </div>
  );
}

function IntervalPreviewView() {
  const { intervalPreview: preview, queueName, channel } = useImport();
  const queues = useWorkspace((w) => w.summary?.queues ?? NO_QUEUES);
  if (!preview || !preview.ok) return null;
  const name = queueName.trim();
  const plan = name ? planQueue(name, queues.find((q) => q.name === name), preview.intervalMinutes, channel) : null;
  return (
    <div data-testid="import-preview">
      <p data-testid="import-counts">
        {preview.intervalMinutes}-minute intervals detected: {formatNumber(preview.goodRowCount)} good rows, {formatNumber(preview.badRowCount)} bad
        {preview.dateRange && <>, {preview.dateRange.from} → {preview.dateRange.to}</>}, {formatNumber(preview.totalVolume)} contacts. Times without an offset are read in {preview.timezone}; intervals the file lacks are not stored (not counted as zero).
      </p>
      {preview.rows.length > 0 && (
        <>
          <h4>First rows</h4>
          <div className="table-scroll">
            <table className="list" data-testid="import-rows">
              <thead><tr><th className="num">Line</th><th>Interval</th><th className="num">Volume</th><th className="num">AHT s</th></tr></thead>
              <tbody>
                {preview.rows.map((row) => (
                  <tr key={row.line}>
                    <td className="num">{row.line}</td>
                    <td>{slotLabel(row.localStart, row.offsetMinutes)}</td>
                    <td className="num">{formatNumber(row.volume)}</td>
                    <td className="num">{row.ahtSec === null ? '—' : formatNumber(row.ahtSec, 1)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
      <BadRows rows={preview.badRows} count={preview.badRowCount} />
      {plan && <p className={plan.action === 'refuse' ? 'notice notice--error' : 'muted'} data-testid="import-plan">{name}: {planText(plan)}.</p>}
    </div>
  );
}

function ImportHistory() {
  const history = useImport((s) => s.history);
  if (!history) return null;
  return (
    <div data-testid="import-history">
      <h4>Recent imports</h4>
      {history.length === 0 ? (
        <p className="muted">No imports yet. Each import is listed here with the days and queues it brought in.</p>
      ) : (
        <div className="table-scroll">
          <table className="list">
            <thead><tr><th>When</th><th>File</th><th>Days</th><th>Queues</th><th className="num">Contacts</th><th className="num">Intervals</th><th className="num">Bad rows</th></tr></thead>
            <tbody>
              {history.map((entry) => (
                <tr key={entry.id}>
                  <td>{new Date(entry.importedAt).toLocaleString()}</td>
                  <td>{entry.fileName ?? '—'} <span className="muted">({entry.format === 'tickets' ? 'tickets' : 'interval counts'})</span></td>
                  <td>{entry.dateRange.from === entry.dateRange.to ? entry.dateRange.from : `${entry.dateRange.from} → ${entry.dateRange.to}`}</td>
                  <td>{entry.queues.map((q) => q.name).join(', ')}</td>
                  <td className="num">{formatNumber(entry.contacts)}</td>
                  <td className="num">{formatNumber(entry.intervals)}</td>
                  <td className="num">{formatNumber(entry.badRowCount)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}

function ImportResultView() {
  const result = useImport((s) => s.result);
  if (!result) return null;
  return (
    <table className="list" data-testid="import-result">
      <thead><tr><th>Imported queue</th><th>Channel</th><th /><th className="num">Intervals</th><th className="num">Contacts</th></tr></thead>
      <tbody>
        {result.queues.map((q) => (
          <tr key={q.name}>
            <td>{q.name}</td>
            <td>{q.channel}</td>
            <td>{q.created ? 'new' : `updated (${formatNumber(q.replacedIntervals)} intervals replaced)`}{q.rolledUpFrom ? `, ${q.rolledUpFrom}→${q.intervalMin} min` : ''}</td>
            <td className="num">{formatNumber(q.intervals)}</td>
            <td className="num">{formatNumber(q.contacts)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function ImportPanel() {
  const s = useImport();
  const timezone = useWorkspace((w) => w.summary?.timezone);
  const job = useJobs((j) => (s.jobId ? j.jobs[s.jobId] : undefined));
  const running = Boolean(job && !job.done);
  const fileId = useId();
  const goodRows = s.format === 'tickets' ? (s.ticketPreview?.goodRowCount ?? 0) : s.intervalPreview?.ok ? s.intervalPreview.goodRowCount : 0;
  const canImport = Boolean(s.file) && !running && !s.previewing && goodRows > 0;
  const loadHistory = s.loadHistory;
  useEffect(() => {
    void loadHistory();
  }, [loadHistory]);

  return (
    <div className="panel" data-testid="import-panel">
      <h3>Import contact history</h3>
      <p className="muted">
        Two kinds of CSV file: interval counts (<code>timestamp,volume[,aht_sec]</code> at 5, 15, 30 or 60 minutes), or a help-desk export with one
        row per ticket or contact (Zendesk, Freshdesk…), counted into intervals. Times are local to the workspace{timezone ? ` (${timezone})` : ''} unless
        they carry an offset. Importing the same days again replaces them.
      </p>
      <Field label="CSV file" error={s.errors.file} id={fileId} hint={s.file ? `${s.file.name}, ${fileSize(s.file.size)}${s.file.encoding === 'UTF-8' ? '' : `, read as ${s.file.encoding} (not UTF-8)`}` : undefined}>
        <input
          id={fileId}
          type="file"
          accept=".csv,.txt,.tsv,text/csv,text/plain"
          disabled={running}
          onChange={(e) => void s.chooseFile(e.target.files?.[0])}
          data-testid="import-file"
          aria-invalid={Boolean(s.errors.file)}
        />
      </Field>
      {!s.file ? (
        <p className="muted" data-testid="import-empty">Choose a CSV file to see a preview: its columns, first rows and any rows that cannot be read. Nothing is written until you press Import.</p>
      ) : (
        <>
          <fieldset className="group">
            <legend>Format</legend>
            <label className="checkbox"><input type="radio" name="import-format" checked={s.format === 'tickets'} onChange={() => void s.setFormat('tickets')} data-testid="import-format-tickets" /> One row per ticket or contact (help-desk export)</label>
            <label className="checkbox"><input type="radio" name="import-format" checked={s.format === 'intervals'} onChange={() => void s.setFormat('intervals')} data-testid="import-format-intervals" /> Interval counts (timestamp, volume, optional AHT in seconds)</label>
          </fieldset>
          {s.format === 'tickets' ? <TicketOptions preview={s.ticketPreview} /> : <IntervalOptions />}
          {s.previewing && <p className="muted">Reading the preview…</p>}
          {s.format === 'tickets' ? s.ticketPreview && <TicketPreviewView preview={s.ticketPreview} /> : <IntervalPreviewView />}
          <div className="save-row">
            <button type="button" onClick={() => void s.start()} disabled={!canImport} data-testid="import-start">
              {running ? 'Importing…' : 'Import'}
            </button>
            {!running && s.file && goodRows === 0 && !s.previewing && <span className="muted">Nothing to import yet: fix the mapping or the file until the preview shows good rows.</span>}
          </div>
          {s.errors.form && <div className="notice notice--error" role="alert">{s.errors.form}</div>}
          <JobProgress job={job} />
          <ImportResultView />
        </>
      )}
      <ImportHistory />
    </div>
  );
}
