import type { RequestOf } from '../../../shared/api/contract';
import { estimateMixFromTickets, suggestTierMapping, typicalWeekFromSeries, typicalWeekFromTickets, type CustomerTier, type Priority } from '../../../shared/engine/sla';
import { parseSlaTicketsCsv, previewSlaTicketsCsv, type SlaTicketMapping, type SlaTicketParse } from '../../../shared/import';
import { callApi, numberFlag, UsageError, type Command } from '../command';
import { readIntervalCounts, readTextFile, stringFlag } from './files';
import { WEEKDAY_SHORT } from '../../../shared/calendar/days';


function readJson(path: string, flag: string): Record<string, unknown> {
  const text = readTextFile(path, flag);
  try {
    const value = JSON.parse(text) as unknown;
    if (value === null || typeof value !== 'object' || Array.isArray(value)) throw new Error('expected a JSON object');
    return value as Record<string, unknown>;
  } catch (error) {
    throw new UsageError(`--${flag}: ${path} is not a JSON object (${(error as Error).message})`);
  }
}

/** mix.json holds {"cells": [...]}, or {"priorities": {"P1": 0.2, …}, "tiers": {"enterprise": 0.15, …}} (shares multiply). */
function mixFrom(json: Record<string, unknown>): unknown {
  if ('cells' in json) return json;
  const priorities = json.priorities as Record<string, number> | undefined;
  const tiers = json.tiers as Record<string, number> | undefined;
  if (!priorities || !tiers) throw new UsageError('--mix: give "cells" (priority, tier, share) or "priorities" and "tiers" shares');
  return { cells: Object.entries(priorities).flatMap(([priority, p]) => Object.entries(tiers).map(([tier, t]) => ({ priority, tier, share: p * t }))).filter((c) => c.share > 0) };
}

/** A column of the export's header by name (case-insensitive), for --created-at and the like. */
function columnNamed(header: readonly string[], name: string, flag: string): number {
  const column = header.findIndex((h) => h.trim().toLowerCase() === name.trim().toLowerCase());
  if (column < 0) throw new UsageError(`--${flag}: the ticket export has no column "${name}" (it has ${header.map((h) => `"${h}"`).join(', ')})`);
  return column;
}

/** --tickets: the export read with the suggested columns (or the ones named by flag); bad rows are reported, not fatal. */
async function readTicketExport(path: string, values: Record<string, string | boolean | undefined>, zone: string): Promise<SlaTicketParse> {
  const text = readTextFile(path, 'tickets');
  const preview = previewSlaTicketsCsv(text.slice(0, 1 << 20), { zone, rowLimit: 0, wholeFile: false });
  const named = (flag: string) => (typeof values[flag] === 'string' ? columnNamed(preview.header, values[flag] as string, flag) : undefined);
  const suggested = preview.suggestedMapping;
  const createdAt = named('created-at') ?? suggested.createdAt;
  const priority = named('priority-column') ?? suggested.priority;
  if (createdAt === null) throw new UsageError(`--tickets: no column of ${path} looks like the created time: name it with --created-at "Header"`);
  if (priority === null) throw new UsageError(`--tickets: no column of ${path} looks like the priority: name it with --priority-column "Header"`);
  const mapping: SlaTicketMapping = { createdAt, priority, solvedAt: suggested.solvedAt, organization: named('organization-column') ?? suggested.organization };
  const parsed = await parseSlaTicketsCsv(text, { zone, mapping });
  if (parsed.tickets.createdUtcMs.length === 0) {
    const first = parsed.badRows[0];
    throw new UsageError(`--tickets: no row of ${path} reads as a ticket${first ? ` (line ${first.line}: ${first.message.replace(/\.$/, '')})` : ''}`);
  }
  return parsed;
}

/** --tier-map map.json: {"Organization": "tier id", …}; organizations not listed are matched to tiers by name. */
function tierMapFrom(values: Record<string, string | boolean | undefined>, organizations: string[], tiers: CustomerTier[]): Record<string, string | null> {
  const given = typeof values['tier-map'] === 'string' ? readJson(values['tier-map'], 'tier-map') : {};
  const ids = new Set(tiers.map((t) => t.id));
  for (const [organization, tier] of Object.entries(given)) {
    if (typeof tier !== 'string' || !ids.has(tier)) throw new UsageError(`--tier-map: "${organization}" maps to ${JSON.stringify(tier)}, which is not a tier of the policy (${[...ids].join(', ')})`);
  }
  return { ...suggestTierMapping(organizations, tiers), ...(given as Record<string, string>) };
}

export const slaCommand: Command = {
  name: 'sla',
  summary: 'Staffing an SLA policy (priority × tier first-response targets) needs, and whether a team of N keeps it',
  usage:
    'staffwise sla --policy policy.json (--mix mix.json | --tickets export.csv [--tier-map map.json] [--created-at H] [--priority-column H] [--organization-column H]) [--volumes v.csv] [--agents N] [--week YYYY-MM-DD] [--tz Zone] [--json]',
  options: {
    policy: { type: 'string' },
    mix: { type: 'string' },
    tickets: { type: 'string' },
    'tier-map': { type: 'string' },
    'created-at': { type: 'string' },
    'priority-column': { type: 'string' },
    'organization-column': { type: 'string' },
    volumes: { type: 'string' },
    agents: { type: 'string' },
    week: { type: 'string' },
    tz: { type: 'string' },
    json: { type: 'boolean' },
  },
  async run(values, ctx) {
    const policyFile = readJson(stringFlag(values, 'policy'), 'policy');
    for (const key of ['policy', 'businessHours', 'settings']) {
      if (!(key in policyFile)) throw new UsageError(`--policy: the file needs "${key}" (see the README for the format)`);
    }
    if ((values.mix === undefined) === (values.tickets === undefined)) throw new UsageError('Give the mix as --mix mix.json or estimate it from a ticket export with --tickets export.csv (one of them)');
    if (values.tickets === undefined && values.volumes === undefined) throw new UsageError('--volumes is required (or --tickets, whose created times give the week)');
    const agents = numberFlag(values, 'agents');
    if (agents !== undefined && (!Number.isInteger(agents) || agents < 0)) throw new UsageError('--agents must be a whole number of agents, 0 or more');
    const zone = typeof values.tz === 'string' ? values.tz : ((policyFile.businessHours as { timezone?: string }).timezone ?? 'UTC');
    let mix: unknown;
    let volumes: number[];
    let volumesText: string;
    let fromTickets: Record<string, unknown> | undefined;
    if (typeof values.tickets === 'string') {
      const ticketsPath = values.tickets;
      const parsed = await readTicketExport(ticketsPath, values, zone);
      const policy = policyFile.policy as { priorities?: Priority[]; tiers?: CustomerTier[] };
      if (!Array.isArray(policy.priorities) || !Array.isArray(policy.tiers)) throw new UsageError('--policy: "policy" needs "priorities" and "tiers" to estimate the mix from tickets');
      const tierOf = tierMapFrom(values, [...new Set(parsed.tickets.organization)], policy.tiers);
      const estimate = estimateMixFromTickets(parsed.tickets, { priorities: policy.priorities, tiers: policy.tiers }, tierOf);
      if (!estimate.mix) throw new UsageError(`--tickets: no ticket of ${ticketsPath} falls in a cell of the policy (map organizations to tiers with --tier-map)`);
      mix = estimate.mix;
      fromTickets = {
        tickets: parsed.tickets.createdUtcMs.length,
        badRows: parsed.badRowCount,
        firstBadRows: parsed.badRows.slice(0, 5).map((b) => `line ${b.line}: ${b.message}`),
        ticketsCounted: estimate.ticketsCounted,
        outsidePolicy: estimate.outsidePolicy,
        unmapped: estimate.unmapped,
        tierMap: tierOf,
        mixFormula: estimate.formula,
      };
      const week = typicalWeekFromTickets(parsed.tickets.createdUtcMs, zone);
      volumes = week!.volumes;
      volumesText = `typical week of ${ticketsPath}'s created times, ${week!.from} – ${week!.to}`;
    } else {
      mix = mixFrom(readJson(stringFlag(values, 'mix'), 'mix'));
      volumes = [];
      volumesText = '';
    }
    if (typeof values.volumes === 'string') {
      const parsed = readIntervalCounts(values.volumes, 'volumes', zone);
      volumes = typicalWeekFromSeries(parsed.rows.map((r) => ({ start: r.localStart, volume: r.volume })));
      volumesText = `typical week of ${values.volumes}`;
    }
    const flagFor = { policy: 'policy', businessHours: 'policy', settings: 'policy', mix: values.tickets ? 'tickets' : 'mix', volumeSource: 'volumes', headcount: 'agents', weekStart: 'week' };
    // The files' contents go to the channel's schema as read; its message names the field at fault.
    type Assess = RequestOf<'sla.assess'>;
    const request = {
      policy: policyFile.policy as Assess['policy'],
      businessHours: policyFile.businessHours as Assess['businessHours'],
      settings: policyFile.settings as Assess['settings'],
      mix: mix as Assess['mix'],
      volumeSource: { kind: 'week', volumes, description: volumesText },
      headcount: agents ?? 0,
      ...(typeof values.week === 'string' && { weekStart: values.week }),
    };
    let view = await callApi(ctx, 'sla.assess', request, flagFor);
    // Without --agents the compliance is shown for the team that keeps every promise.
    if (agents === undefined && view.headcountNeeded !== null) view = await callApi(ctx, 'sla.assess', { ...request, headcount: view.headcountNeeded }, flagFor);
    const cells = view.compliance.map((c) => ({
      priority: c.priority,
      tier: c.tier,
      firstResponseMin: c.firstResponseMin,
      mode: c.mode,
      ticketsPerWeek: round(c.ticketsPerWeek, 2),
      answeredInTarget: round(c.answeredInTarget, 4),
      withoutCapacity: c.withoutCapacity,
      tightestMin: view.tightest.find((t) => t.priority === c.priority && t.tier === c.tier)?.tightestMin ?? null,
    }));
    const summary = {
      agents: view.headcount,
      keepsPromises: view.keepsPromises,
      headcountNeeded: view.headcountNeeded,
      ticketsPerWeek: round(view.ticketsPerWeek, 2),
      overallInTarget: round(view.overallInTarget, 4),
      peakAgents: view.requirement.peakAgents,
      agentHoursPerWeek: view.requirement.agentHoursPerWeek,
      fte: round(view.requirement.fte, 2),
      cells,
      ...(fromTickets && { mix: (mix as { cells: unknown[] }).cells, fromTickets }),
      hours: view.requirement.hours.map((h) => ({ weekday: WEEKDAY_SHORT[Math.floor(h.slot / 24)], hour: h.slot % 24, tickets: round(h.tickets, 3), required: h.required })),
    };
    if (values.json) {
      ctx.io.out(JSON.stringify(summary));
      return;
    }
    const pct = (v: number) => `${(v * 100).toFixed(1)}%`;
    ctx.io.out(`${summary.agents} agents ${summary.keepsPromises ? 'keep' : 'do NOT keep'} these promises; ${summary.headcountNeeded ?? 'no team up to 2,000'} agents keep every one at 95%.`);
    if (fromTickets) ctx.io.out(`Mix from ${fromTickets.tickets} tickets (${fromTickets.badRows} bad rows skipped): ${fromTickets.mixFormula}.`);
    ctx.io.out(`Requirement: peak ${summary.peakAgents} agents, ${summary.agentHoursPerWeek} agent-hours a week = ${summary.fte} FTE; ${summary.ticketsPerWeek} tickets a week.`);
    for (const c of cells) {
      ctx.io.out(
        `  ${c.priority} ${c.tier.padEnd(14)} ${String(c.firstResponseMin).padStart(6)} min  ${c.mode.padEnd(8)} ${pct(c.answeredInTarget).padStart(6)} in target${c.withoutCapacity ? '  SLA without capacity' : ''}  tightest kept: ${c.tightestMin ?? '–'} min`,
      );
    }
  },
};

const round = (n: number, digits: number) => Math.round(n * 10 ** digits) / 10 ** digits;
