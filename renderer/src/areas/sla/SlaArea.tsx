/**
 * SLA policies: the priority × tier matrix of first-response targets (with tier multipliers), the ticket mix,
 * business hours and the team, and what they take: required agents per hour and per week, the share of each cell
 * answered in target ("can this team keep these promises?"), the tightest target each cell keeps 95% of the time,
 * and the L1/L2/L3 tier structure.
 */
import { useEffect, useMemo } from 'react';
import type { ChartConfiguration } from 'chart.js';
import { cellKey, PRIORITY_LABELS, slaMatrix, SUPPORT_TIERS } from '../../../../shared/engine/sla';
import { ChartCanvas } from '../../components/LineChart';
import { NumberField } from '../../components/NumberField';
import { StepsTable } from '../../components/StepsTable';
import { formatNumber, formatPercent } from '../../components/format';
import { PRESET_OPTIONS, useSla, type TierFields } from '../../stores/slaStore';
import { WEEKDAY_SHORT } from '../../../../shared/calendar/days';
import '../dashboard/dashboard.css';
import { TicketExportPanel } from './TicketExportPanel';


const minutesText = (m: number | null) => (m === null ? '–' : m >= 120 ? `${formatNumber(m / 60, 2)} h` : `${formatNumber(m, 1)} min`);

export function SlaArea() {
  const s = useSla();
  useEffect(() => {
    void s.load();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  const policy = s.policies.find((p) => p.id === s.selectedId);
  if (!policy || !s.fields) return <p className="muted">Loading SLA policies…</p>;
  const matrix = slaMatrix(policy.policy);
  const priorities = [...new Set(matrix.map((c) => c.priority))];
  const a = s.assessment;

  return (
    <section aria-labelledby="sla-title">
      <header className="area-header">
        <h2 id="sla-title">SLA policies</h2>
        <p className="muted">First-response targets by priority and customer tier, turned into the agents they need. Targets run on the business clock (open hours only); warning at 80% of a target, breach at 100%.</p>
      </header>
      <div className="panel">
        <label>
          Policy{' '}
          <select value={policy.id} onChange={(e) => s.selectPolicy(Number(e.target.value))} data-testid="sla-policy">
            {s.policies.map((p) => (
              <option key={p.id} value={p.id}>{p.name}{p.active ? ' (on the Dashboard)' : ''}</option>
            ))}
          </select>
        </label>{' '}
        <button type="button" onClick={() => void s.save()} disabled={!s.dirty} data-testid="sla-save">Save</button>{' '}
        {!policy.active && <button type="button" onClick={() => void s.save(true)} data-testid="sla-activate">Save and use on the Dashboard</button>}
        {s.message && <p className="notice notice--ok">{s.message}</p>}
        {s.errors.form && <p className="notice notice--error" role="alert">{s.errors.form}</p>}
        <p className="muted">Tickets: {a?.volumeSourceText ?? '…'}</p>

        <h3>First-response targets (business minutes)</h3>
        <table className="steps sla-matrix" data-testid="sla-matrix">
          <thead>
            <tr>
              <th>Priority</th>
              {policy.policy.tiers.map((t) => (
                <th key={t.id}>
                  {t.name}
                  <NumberField label="Multiplier" unit="×" value={s.fields!.multipliers[t.id]} error={s.errors[`multiplier.${t.id}`]} onChange={(v) => s.setMultiplier(t.id, v)} testId={`sla-multiplier-${t.id}`} />
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {priorities.map((priority) => (
              <tr key={priority}>
                <th>{priority} {PRIORITY_LABELS[priority]}<div className="muted">base {minutesText(policy.policy.base[priority].firstResponseMin)}</div></th>
                {policy.policy.tiers.map((t) => {
                  const key = cellKey(priority, t.id);
                  const cell = matrix.find((c) => c.priority === priority && c.tier === t.id)!;
                  return (
                    <td key={t.id}>
                      <NumberField label="First response" unit="min" value={s.fields!.cells[key]} error={s.errors[`cell.${key}`]} onChange={(v) => s.setCell(key, v)} testId={`sla-cell-${priority}-${t.id}`} />
                      <NumberField label="Share of tickets" unit="%" value={s.fields!.mix[key]} error={s.errors[`mix.${key}`]} onChange={(v) => s.setMix(key, v)} testId={`sla-mix-${priority}-${t.id}`} />
                      <div className="muted">resolution {minutesText(cell.resolutionMin)}, update {cell.updateEveryMin === null ? 'at status change' : `every ${minutesText(cell.updateEveryMin)}`}</div>
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
        {s.errors.mix && <p className="notice notice--error" role="alert">{s.errors.mix}</p>}

        <h3>Team, handle time and business hours</h3>
        <div className="dash__form">
          <NumberField label="Agents on the team" unit="agents" value={s.fields.headcount} error={s.errors.headcount} onChange={(v) => s.setField('headcount', v)} testId="sla-headcount" />
          <NumberField label="Handle time" unit="min per ticket" value={s.fields.ahtMin} error={s.errors.ahtMin} onChange={(v) => s.setField('ahtMin', v)} testId="sla-aht" />
          <NumberField label="Maximum occupancy" unit="%" value={s.fields.maxOccupancyPct} error={s.errors.maxOccupancyPct} onChange={(v) => s.setField('maxOccupancyPct', v)} testId="sla-occupancy" />
          <NumberField label="Shrinkage" unit="%" value={s.fields.shrinkagePct} error={s.errors.shrinkagePct} onChange={(v) => s.setField('shrinkagePct', v)} testId="sla-shrinkage" />
          <NumberField label="Hours per agent week" unit="h" value={s.fields.hoursPerAgentWeek} error={s.errors.hoursPerAgentWeek} onChange={(v) => s.setField('hoursPerAgentWeek', v)} />
        </div>
        <div className="dash__form">
          {WEEKDAY_SHORT.map((day, i) => (
            <label key={day} className="field">
              <span className="field__label">{day} open hours ({policy.businessHours.timezone})</span>
              <input value={s.fields!.hours[i]} placeholder="closed" onChange={(e) => s.setHours(i, e.target.value)} aria-invalid={Boolean(s.errors[`hours.${i}`])} />
              {s.errors[`hours.${i}`] && <span className="field__error" role="alert">{s.errors[`hours.${i}`]}</span>}
            </label>
          ))}
          <label className="field">
            <span className="field__label">Holidays (YYYY-MM-DD, comma-separated)</span>
            <input value={s.fields.holidays} onChange={(e) => s.setField('holidays', e.target.value)} data-testid="sla-holidays" />
          </label>
          <label className="field">
            <span className="field__label">Project the week of (a Monday; empty = typical week without holidays)</span>
            <input value={s.fields.weekStart} placeholder="typical week" onChange={(e) => s.setField('weekStart', e.target.value)} aria-invalid={Boolean(s.errors.weekStart)} data-testid="sla-week" />
            {s.errors.weekStart && <span className="field__error" role="alert">{s.errors.weekStart}</span>}
          </label>
        </div>
        {s.errors.hours && <p className="notice notice--error" role="alert">{s.errors.hours}</p>}
      </div>

      <TicketExportPanel priorities={policy.policy.priorities} tiers={policy.policy.tiers} />
      {a && <Assessment />}
      <TierStructurePanel />
    </section>
  );
}

function Assessment() {
  const a = useSla((s) => s.assessment)!;
  const assessing = useSla((s) => s.assessing);
  const chart = useMemo<ChartConfiguration>(() => {
    const labels = a.requirement.hours.map((h) => `${WEEKDAY_SHORT[Math.floor(h.slot / 24)]} ${String(h.slot % 24).padStart(2, '0')}:00`);
    return {
      type: 'bar',
      data: {
        labels,
        datasets: [
          { label: 'Agents required', data: a.requirement.hours.map((h) => h.required), backgroundColor: '#2563eb' },
          { label: 'Tickets arriving (on the business clock)', data: a.requirement.hours.map((h) => +h.tickets.toFixed(2)), backgroundColor: '#cbd5e1' },
        ],
      },
      options: { scales: { x: { ticks: { maxTicksLimit: 14 } }, y: { beginAtZero: true, title: { display: true, text: 'agents / tickets per hour' } } } },
    };
  }, [a]);
  return (
    <div className="panel" data-testid="sla-assessment" aria-busy={assessing}>
      <h3>Can {a.headcount} agents keep these promises?</h3>
      <p className={`notice ${a.keepsPromises ? 'notice--ok' : 'notice--error'}`} data-testid="sla-answer">
        {a.keepsPromises ? 'Yes' : 'No'}: {formatPercent(a.overallInTarget)} of tickets answered within target with {a.headcount} agents.{' '}
        {a.headcountNeeded === null ? 'No team up to 2,000 agents keeps every promise.' : `${a.headcountNeeded} agents keep every cell at 95% or better.`}
      </p>
      <div className="cards">
        <div className="card" data-testid="sla-peak"><div className="card__value">{a.requirement.peakAgents}</div><div className="card__label">agents at the peak hour</div></div>
        <div className="card" data-testid="sla-agent-hours"><div className="card__value">{formatNumber(a.requirement.agentHoursPerWeek)}</div><div className="card__label">agent-hours a week</div></div>
        <div className="card" data-testid="sla-fte"><div className="card__value">{formatNumber(a.requirement.fte, 1)}</div><div className="card__label">FTE on the roster</div></div>
        <div className="card"><div className="card__value">{formatNumber(a.ticketsPerWeek, 1)}</div><div className="card__label">tickets a week</div></div>
      </div>
      <table className="steps" data-testid="sla-compliance">
        <thead>
          <tr><th>Cell</th><th className="num">Target</th><th>Staffed as</th><th className="num">Tickets a week</th><th className="num">Answered in target</th><th>Capacity</th><th className="num">Tightest kept 95%</th></tr>
        </thead>
        <tbody>
          {a.compliance.map((c) => {
            const tightest = a.tightest.find((t) => t.priority === c.priority && t.tier === c.tier);
            return (
              <tr key={`${c.priority}|${c.tier}`} data-testid={`sla-row-${c.priority}-${c.tier}`} title={c.formula}>
                <td>{c.priority} × {c.tierName}</td>
                <td className="num">{minutesText(c.firstResponseMin)}</td>
                <td>{c.mode === 'queue' ? 'queue (Erlang C)' : 'deferred work'}</td>
                <td className="num">{formatNumber(c.ticketsPerWeek, 1)}</td>
                <td className="num" data-testid="sla-in-target">{formatPercent(c.answeredInTarget)}</td>
                <td>{c.withoutCapacity ? <span className="badge badge--red">SLA without capacity</span> : <span className="badge badge--green">kept</span>}</td>
                <td className="num">{tightest ? minutesText(tightest.tightestMin) : '–'}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <StepsTable steps={[...a.steps, ...a.requirement.steps]} testId="sla-steps" />
      <h4>Agents required per open hour</h4>
      <ChartCanvas config={chart} label="Agents required per open hour" height={240} />
    </div>
  );
}

const TIER_FIELDS: { key: Exclude<keyof TierFields, 'preset'>; label: string; unit: string }[] = [
  { key: 'l1Pct', label: 'Resolved at L1', unit: '%' },
  { key: 'l2Pct', label: 'Resolved at L2', unit: '%' },
  { key: 'l3Pct', label: 'Resolved at L3', unit: '%' },
  { key: 'l1Min', label: 'L1 handle time', unit: 'min' },
  { key: 'l2Min', label: 'L2 handle time', unit: 'min' },
  { key: 'l3Min', label: 'L3 handle time', unit: 'min' },
  { key: 'ticketsPerDay', label: 'Tickets per day', unit: 'tickets' },
  { key: 'productiveHours', label: 'Productive hours per agent day', unit: 'h' },
  { key: 'utilizationPct', label: 'Utilization', unit: '%' },
];

function TierStructurePanel() {
  const { tiers, tierFields, tierErrors, setTierField } = useSla();
  if (!tiers || !tierFields) return null;
  const plan = tiers.plan;
  return (
    <div className="panel" data-testid="tier-structure">
      <h3>Tier structure (L1 / L2 / L3)</h3>
      <label>
        Staffing-ratio preset{' '}
        <select value={tierFields.preset} onChange={(e) => setTierField('preset', e.target.value as TierFields['preset'])} data-testid="tier-preset">
          {PRESET_OPTIONS.map((o) => (
            <option key={o.id} value={o.id}>{o.label}</option>
          ))}
        </select>
      </label>
      <div className="dash__form">
        {TIER_FIELDS.map((f) => (
          <NumberField key={f.key} label={f.label} unit={f.unit} value={tierFields[f.key]} error={tierErrors[f.key]} onChange={(v) => setTierField(f.key, v)} testId={`tier-${f.key}`} />
        ))}
      </div>
      {tierErrors.form && <p className="notice notice--error" role="alert">{tierErrors.form}</p>}
      <h4>Skill routing</h4>
      <table className="steps">
        <thead><tr><th>Category</th><th className="num">Share</th><th>Primary skill</th><th>Enters at</th><th>Fallback</th></tr></thead>
        <tbody>
          {tiers.definition.routing.map((r) => (
            <tr key={r.category}><td>{r.category}</td><td className="num">{formatPercent(r.share)}</td><td>{r.primarySkill}</td><td>{r.tier}</td><td>{r.fallbackSkill ?? '–'}</td></tr>
          ))}
        </tbody>
      </table>
      <h4>Required agents per tier</h4>
      <table className="steps" data-testid="tier-plan">
        <thead><tr><th>Tier</th><th className="num">Tickets touching</th><th className="num">Workload (h)</th><th className="num">Agents</th><th className="num">Preset ratio gives</th></tr></thead>
        <tbody>
          {SUPPORT_TIERS.map((tier) => {
            const row = plan.tiers.find((t) => t.tier === tier)!;
            return (
              <tr key={tier}><td>{tier}</td><td className="num">{formatNumber(row.ticketsTouching, 1)}</td><td className="num">{formatNumber(row.workloadHours, 1)}</td><td className="num">{row.agents}</td><td className="num">{formatNumber(row.presetAgents, 1)}</td></tr>
            );
          })}
        </tbody>
      </table>
      <p className="muted">Volume by skill and entry tier: {plan.volumes.map((v) => `${v.skill} ${v.tier} ${formatNumber(v.tickets, 1)}`).join('; ')} tickets a day.</p>
      <StepsTable steps={plan.steps} />
    </div>
  );
}
