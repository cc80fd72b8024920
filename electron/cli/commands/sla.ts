import type { RequestOf } from '../../../shared/api/contract';
import { typicalWeekFromSeries } from '../../../shared/engine/sla';
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

export const slaCommand: Command = {
  name: 'sla',
  summary: 'Staffing an SLA policy (priority × tier first-response targets) needs, and whether a team of N keeps it',
  usage: 'staffwise sla --policy policy.json --mix mix.json --volumes v.csv [--agents N] [--tz Zone] [--json]',
  options: { policy: { type: 'string' }, mix: { type: 'string' }, volumes: { type: 'string' }, agents: { type: 'string' }, tz: { type: 'string' }, json: { type: 'boolean' } },
  async run(values, ctx) {
    const policyFile = readJson(stringFlag(values, 'policy'), 'policy');
    const mix = mixFrom(readJson(stringFlag(values, 'mix'), 'mix'));
    const volumesPath = stringFlag(values, 'volumes');
    for (const key of ['policy', 'businessHours', 'settings']) {
      if (!(key in policyFile)) throw new UsageError(`--policy: the file needs "${key}" (see the README for the format)`);
    }
    const agents = numberFlag(values, 'agents');
    if (agents !== undefined && (!Number.isInteger(agents) || agents < 0)) throw new UsageError('--agents must be a whole number of agents, 0 or more');
    const zone = typeof values.tz === 'string' ? values.tz : ((policyFile.businessHours as { timezone?: string }).timezone ?? 'UTC');
    const parsed = readIntervalCounts(volumesPath, 'volumes', zone);
    const volumes = typicalWeekFromSeries(parsed.rows.map((r) => ({ start: r.localStart, volume: r.volume })));
    const flagFor = { policy: 'policy', businessHours: 'policy', settings: 'policy', mix: 'mix', volumeSource: 'volumes', headcount: 'agents' };
    // The files' contents go to the channel's schema as read; its message names the field at fault.
    type Assess = RequestOf<'sla.assess'>;
    const request = {
      policy: policyFile.policy as Assess['policy'],
      businessHours: policyFile.businessHours as Assess['businessHours'],
      settings: policyFile.settings as Assess['settings'],
      mix: mix as Assess['mix'],
      volumeSource: { kind: 'week', volumes, description: `typical week of ${volumesPath}` },
      headcount: agents ?? 0,
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
      hours: view.requirement.hours.map((h) => ({ weekday: WEEKDAY_SHORT[Math.floor(h.slot / 24)], hour: h.slot % 24, tickets: round(h.tickets, 3), required: h.required })),
    };
    if (values.json) {
      ctx.io.out(JSON.stringify(summary));
      return;
    }
    const pct = (v: number) => `${(v * 100).toFixed(1)}%`;
    ctx.io.out(`${summary.agents} agents ${summary.keepsPromises ? 'keep' : 'do NOT keep'} these promises; ${summary.headcountNeeded ?? 'no team up to 2,000'} agents keep every one at 95%.`);
    ctx.io.out(`Requirement: peak ${summary.peakAgents} agents, ${summary.agentHoursPerWeek} agent-hours a week = ${summary.fte} FTE; ${summary.ticketsPerWeek} tickets a week.`);
    for (const c of cells) {
      ctx.io.out(
        `  ${c.priority} ${c.tier.padEnd(14)} ${String(c.firstResponseMin).padStart(6)} min  ${c.mode.padEnd(8)} ${pct(c.answeredInTarget).padStart(6)} in target${c.withoutCapacity ? '  SLA without capacity' : ''}  tightest kept: ${c.tightestMin ?? '–'} min`,
      );
    }
  },
};

const round = (n: number, digits: number) => Math.round(n * 10 ** digits) / 10 ** digits;
