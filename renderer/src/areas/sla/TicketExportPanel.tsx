/**
 * SLA policies → Ticket export: a help-desk export (created, solved, priority, organization per ticket) read with
 * the planner's column mapping, stored for the Dashboard's backlog, and turned into the priority × tier mix next to
 * the entered one, with each organization's tier editable. The planner chooses which mix the policy uses.
 */
import { useEffect } from 'react';
import { cellKey, PRIORITY_LABELS, type CustomerTier, type Priority } from '../../../../shared/engine/sla';
import { formatNumber, formatPercent } from '../../components/format';
import { useSla } from '../../stores/slaStore';
import { useSlaTickets, type MappingField } from '../../stores/slaTicketStore';
import { useLatestJob } from '../../stores/jobsStore';
import { parsePercentFraction } from '../../components/parsePercent';

const MAPPING_FIELDS: { field: MappingField; label: string; optional: boolean }[] = [
  { field: 'createdAt', label: 'Created time', optional: false },
  { field: 'solvedAt', label: 'Solved time (empty = still open)', optional: true },
  { field: 'priority', label: 'Priority', optional: false },
  { field: 'organization', label: 'Organization or tier', optional: true },
  { field: 'handleTime', label: 'Handle time (time worked)', optional: true },
];

export function TicketExportPanel({ priorities, tiers }: { priorities: Priority[]; tiers: CustomerTier[] }) {
  const t = useSlaTickets();
  // Only what the estimate needs: the policy's priorities and its tiers (id, name, multiplier).
  const policy = { priorities, tiers: tiers.map(({ id, name, multiplier }) => ({ id, name, multiplier })) };
  const job = useLatestJob('sla.tickets');
  const running = job !== undefined && job.jobId === t.jobId && !job.done;
  const policyKey = JSON.stringify(policy);
  useEffect(() => {
    void useSlaTickets.getState().load(policy);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [policyKey]);

  return (
    <div className="panel" data-testid="sla-tickets">
      <h3>Ticket export: backlog and mix from your help desk</h3>
      <p className="muted">
        A CSV export from Zendesk, Freshdesk or another help desk, one row per ticket: when it was created and solved, its priority and its organization.
        The latest export replaces the one before; the Dashboard counts the backlog from it.
      </p>
      <label className="field">
        <span className="field__label">Ticket export (CSV or XLSX)</span>
        <input type="file" accept=".csv,.xlsx,text/csv,text/plain" data-testid="sla-tickets-file" onChange={(e) => void t.chooseFile(e.target.files?.[0])} />
      </label>
      {t.error && <p className="notice notice--error" role="alert">{t.error}</p>}
      {t.preview && <MappingPreview />}
      {t.file && (
        <p>
          <button type="button" data-testid="sla-tickets-import" disabled={running || t.previewing} onClick={() => void t.start()}>
            Import {t.preview ? `${formatNumber(t.preview.goodRowCount)} tickets` : 'tickets'}
          </button>{' '}
          {running && <span className="muted">{Math.round((job?.fraction ?? 0) * 100)}% read…</span>}
        </p>
      )}
      {t.message && <p className="notice notice--ok" data-testid="sla-tickets-message">{t.message}</p>}
      <StoredTickets policy={policy} />
    </div>
  );
}

function MappingPreview() {
  const { preview, mapping, setMapping } = useSlaTickets();
  if (!preview) return null;
  return (
    <>
      <div className="dash__form">
        {MAPPING_FIELDS.map(({ field, label, optional }) => (
          <label key={field} className="field">
            <span className="field__label">{label}</span>
            <select value={mapping[field]} onChange={(e) => void setMapping(field, e.target.value)} data-testid={`sla-tickets-map-${field}`}>
              <option value="">{optional ? '— none —' : '— choose a column —'}</option>
              {preview.header.map((name, i) => (
                <option key={i} value={String(i)}>{name || `column ${i + 1}`}</option>
              ))}
            </select>
          </label>
        ))}
        {mapping.handleTime !== '' && (
          <label className="field">
            <span className="field__label">Handle time unit</span>
            <select value={mapping.handleUnit} onChange={(e) => void setMapping('handleUnit', e.target.value)} data-testid="sla-tickets-map-handleUnit">
              <option value="seconds">seconds (or h:mm:ss)</option>
              <option value="minutes">minutes (or h:mm:ss)</option>
              <option value="hours">hours (or h:mm:ss)</option>
            </select>
          </label>
        )}
      </div>
      <p data-testid="sla-tickets-counts">
        {formatNumber(preview.goodRowCount)} of {formatNumber(preview.rowsRead)} rows read as tickets
        {preview.priorities.length > 0 && ` (${preview.priorities.map((p) => `${p.priority} ${formatNumber(p.tickets)}`).join(', ')})`}
        {preview.badRowCount > 0 && `; ${formatNumber(preview.badRowCount)} bad rows will be skipped`}.
      </p>
      {preview.badRows.length > 0 && (
        <ul className="notice notice--error" data-testid="sla-tickets-bad-rows">
          {preview.badRows.slice(0, 5).map((b) => (
            <li key={b.line}>Line {b.line}: {b.message}</li>
          ))}
        </ul>
      )}
    </>
  );
}

function StoredTickets({ policy }: { policy: { priorities: Priority[]; tiers: CustomerTier[] } }) {
  const { summary, estimate, tiers, tiersDirty, setTier, saveTiers } = useSlaTickets();
  const fields = useSla((s) => s.fields);
  const setField = useSla((s) => s.setField);
  const applyMix = useSla((s) => s.applyMix);
  const setVolumeSource = useSla((s) => s.setVolumeSource);
  if (!summary?.latest) return <p className="muted" data-testid="sla-tickets-none">No ticket export imported yet: the mix below is the one entered.</p>;
  const latest = summary.latest;
  const entered = (priority: Priority, tier: string) => {
    const parsed = parsePercentFraction(fields?.mix[cellKey(priority, tier)] ?? '0');
    return parsed.value ?? 0;
  };
  const estimated = (priority: Priority, tier: string) => estimate?.mix?.cells.find((c) => c.priority === priority && c.tier === tier)?.share ?? 0;
  return (
    <>
      <p data-testid="sla-tickets-latest">
        {formatNumber(latest.tickets)} tickets from {latest.fileName ?? 'the export'} (imported {latest.importedAt.slice(0, 10)}
        {latest.asOf && `, as of ${latest.asOf.slice(0, 16).replace('T', ' ')} UTC`}); backlog open over 24 h: {summary.backlog === null ? 'no solved times' : `${formatNumber(summary.backlog)} tickets`}.
      </p>
      {summary.handleTime && (
        <p data-testid="sla-tickets-handle">
          Handle time from the tickets: {formatNumber(summary.handleTime.meanMin, 1)} min per ticket (Σ handle time ÷ {formatNumber(summary.handleTime.tickets)} tickets that have one).{' '}
          <button type="button" onClick={() => setField('ahtMin', String(+summary.handleTime!.meanMin.toFixed(2)))} data-testid="sla-use-ticket-handle">Use it</button>
        </p>
      )}
      <h4>Organizations → customer tiers</h4>
      <table className="steps" data-testid="sla-tickets-tiers">
        <thead><tr><th>Organization</th><th className="num">Tickets</th><th>Tier</th></tr></thead>
        <tbody>
          {summary.organizations.map((o) => (
            <tr key={o.organization}>
              <td>{o.organization}</td>
              <td className="num">{formatNumber(o.tickets)}</td>
              <td>
                <select aria-label={`Tier of ${o.organization}`} value={tiers[o.organization] ?? ''} onChange={(e) => void setTier(o.organization, e.target.value)} data-testid={`sla-tier-of-${o.organization}`}>
                  <option value="">— no tier (left out) —</option>
                  {policy.tiers.map((tier) => (
                    <option key={tier.id} value={tier.id}>{tier.name}</option>
                  ))}
                </select>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <button type="button" disabled={!tiersDirty} onClick={() => void saveTiers()} data-testid="sla-tickets-save-tiers">Save tiers</button>
      <h4>Mix: estimated from tickets vs entered</h4>
      {estimate?.mix ? (
        <>
          <table className="steps" data-testid="sla-mix-compare" title={estimate.formula}>
            <thead>
              <tr><th>Priority</th>{policy.tiers.map((tier) => <th key={tier.id} className="num">{tier.name}: estimated / entered</th>)}</tr>
            </thead>
            <tbody>
              {policy.priorities.map((priority) => (
                <tr key={priority}>
                  <th>{priority} {PRIORITY_LABELS[priority]}</th>
                  {policy.tiers.map((tier) => (
                    <td key={tier.id} className="num" data-testid={`sla-mix-estimated-${priority}-${tier.id}`}>
                      {formatPercent(estimated(priority, tier.id))} / {formatPercent(entered(priority, tier.id))}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
          <p className="muted" data-testid="sla-mix-formula">
            {estimate.sourceText}: {estimate.formula}.
            {estimate.outsidePolicy.length > 0 && ` Priorities the policy does not cover: ${estimate.outsidePolicy.map((p) => `${p.priority} ${formatNumber(p.tickets)}`).join(', ')}.`}
            {estimate.unmapped.length > 0 && ` Organizations with no tier: ${estimate.unmapped.map((u) => `${u.organization} ${formatNumber(u.tickets)}`).join(', ')}.`}
          </p>
          <button type="button" onClick={() => applyMix(estimate.mix!.cells)} data-testid="sla-use-estimated-mix">Use the estimated mix</button>{' '}
          <button type="button" onClick={() => setVolumeSource({ kind: 'tickets' })} disabled={fields?.volumeSource?.kind === 'tickets'} data-testid="sla-use-ticket-week">
            Take the week’s tickets per hour from the created times
          </button>
        </>
      ) : (
        <p className="muted" data-testid="sla-mix-none">No imported ticket falls in a cell of this policy yet: give the organizations a tier{estimate?.outsidePolicy.length ? ', or cover their priorities in the policy' : ''}.</p>
      )}
    </>
  );
}
