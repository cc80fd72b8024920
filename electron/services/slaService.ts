/**
 * SLA policies and what they take: stored policies (seeded with the blueprint's worked example and a standard
 * policy on the workspace's ticket queue), the assessment of a policy against a headcount, the tier structure and
 * the cost model. The engine does the maths (shared/engine/sla, shared/engine/cost); this module finds the
 * typical week of tickets and stores the planner's inputs.
 */
import type { Database } from 'better-sqlite3';
import { addDays } from '../../shared/calendar/days';
import type { SlaAssessmentView, SlaVolumeSource, StoredSlaPolicy } from '../../shared/api/channels/sla';
import type { ParsedRequestOf } from '../../shared/api/contract';
import { calculateCost, type CostModelInput } from '../../shared/engine/cost';
import {
  assessSlaPlan,
  defaultSlaPolicy,
  defaultTierStructure,
  mixFromShares,
  planTiers,
  samplePlanInput,
  sampleWeekVolumes,
  SAMPLE_AGENTS,
  SAMPLE_TICKETS_PER_MONTH,
  slaMatrix,
  typicalWeekFromSeries,
  typicalWeekFromTickets,
  type BusinessHours,
} from '../../shared/engine/sla';
import { queueIntervals } from '../../db/repositories/intervals';
import { latestSlaTicketImport, loadSlaTickets } from '../../db/repositories/slaTickets';
import {
  deleteSlaPolicy,
  getCostModelInputs,
  getTierStructure,
  listSlaPolicies,
  saveCostModelInputs,
  saveSlaPolicy,
  saveTierStructure,
  type StoredTierStructure,
} from '../../db/repositories/slaPolicies';
import { agentCountsBySkill, getWorkspace, queueSummaries } from '../../db/repositories/workspace';
import type { Handlers, ServiceContext } from './handlers';
import { writeTransaction } from '../../db/writeTransaction';

/** Weeks of history averaged into a queue's typical week. */
const TYPICAL_WEEKS = 4;

/** The blueprint's cost example, the starting point of the cost model. */
export const EXAMPLE_COST_INPUTS: CostModelInput = {
  salaryAndBenefits: 60_000,
  toolsPerSeat: 5_000,
  training: 2_000,
  managementOverhead: 8_000,
  ticketsPerAgentPerDay: 25,
  workingDaysPerYear: 240,
  ahtCut: 0.1,
  fcrGain: 0.05,
};

type PlanRequest = ParsedRequestOf<'sla.assess'>;

export class SlaInputError extends Error {}

/** Tickets per hour of a typical week (Monday 00:00 first) and how it was found. */
export function typicalWeek(db: () => Database, source: SlaVolumeSource): { volumes: number[]; text: string } {
  if (source.kind === 'week') return { volumes: source.volumes, text: source.description };
  if (source.kind === 'sample') {
    return {
      volumes: sampleWeekVolumes(source.ticketsPerMonth),
      text: `${source.ticketsPerMonth.toLocaleString('en-US')} tickets a month ÷ (52 ÷ 12) weeks, spread by the blueprint example's weekday and hour pattern (15% after hours)`,
    };
  }
  if (source.kind === 'tickets') {
    const latest = latestSlaTicketImport(db());
    const week = latest && typicalWeekFromTickets(loadSlaTickets(db()).createdUtcMs, latest.timezone);
    if (!latest || !week) throw new SlaInputError('volumeSource: no tickets imported yet: import a ticket export in SLA policies first');
    return { volumes: week.volumes, text: `average week of the ${latest.tickets.toLocaleString('en-US')} imported tickets' created times, ${week.from} – ${week.to}` };
  }
  const queue = queueSummaries(db()).find((q) => q.name === source.queueName);
  if (!queue) throw new SlaInputError(`volumeSource.queueName: there is no queue named "${source.queueName}"`);
  if (!queue.historyTo) throw new SlaInputError(`volumeSource.queueName: "${source.queueName}" has no history to take a typical week from`);
  const lastDay = queue.historyTo.slice(0, 10);
  const from = addDays(lastDay, -(TYPICAL_WEEKS * 7 - 1));
  const to = addDays(lastDay, 1);
  // Closed and missing intervals count their date (a closed Sunday is a real zero) but add no tickets.
  const volumes = typicalWeekFromSeries(queueIntervals(db(), queue.id, from, to).map((p) => ({ start: p.startLocal, volume: p.volume ?? 0 })));
  return { volumes, text: `average week of ${source.queueName} over ${from} – ${lastDay} (${TYPICAL_WEEKS} weeks of history)` };
}

/** Pure for a given or sample week: the database is opened only for a queue's history. */
export function assessPlan(db: () => Database, request: PlanRequest, options: { tightest?: boolean; agentsPerSlot?: readonly number[] } = {}): SlaAssessmentView {
  const week = typicalWeek(db, request.volumeSource);
  const input = { policy: request.policy, mix: request.mix, businessHours: request.businessHours, weekVolumes: week.volumes, settings: request.settings, weekStart: request.weekStart };
  const assessment = assessSlaPlan(input, request.headcount, { tightest: options.tightest, agentsPerSlot: options.agentsPerSlot });
  const ticketsPerWeek = week.volumes.reduce((s, v) => s + v, 0);
  const weighted = assessment.compliance.reduce((s, c) => s + c.share * c.answeredInTarget, 0);
  const shares = assessment.compliance.reduce((s, c) => s + c.share, 0);
  return {
    matrix: slaMatrix(request.policy),
    volumeSourceText: week.text,
    ticketsPerWeek,
    requirement: assessment.requirement,
    headcount: request.headcount,
    compliance: assessment.compliance,
    overallInTarget: shares === 0 ? 1 : weighted / shares,
    keepsPromises: assessment.keepsPromises,
    headcountNeeded: assessment.headcountNeeded,
    tightest: assessment.tightest,
    steps: assessment.steps,
  };
}

/** First use: the blueprint example, and the standard policy on the workspace's email/ticket queue (active). */
export function ensureSlaPolicies(db: Database): StoredSlaPolicy[] {
  const existing = listSlaPolicies(db);
  if (existing.length > 0) return existing;
  const sample = samplePlanInput();
  writeTransaction(db, () => {
    saveSlaPolicy(db, {
      name: 'Blueprint example (8 agents + 1 lead)',
      policy: sample.policy as StoredSlaPolicy['policy'],
      mix: sample.mix,
      businessHours: sample.businessHours as BusinessHours,
      settings: { ahtMin: sample.settings.ahtMin, maxOccupancy: sample.settings.maxOccupancy ?? 0.85, shrinkage: sample.settings.shrinkage ?? 0, hoursPerAgentWeek: sample.settings.hoursPerAgentWeek ?? 40 },
      volumeSource: { kind: 'sample', ticketsPerMonth: SAMPLE_TICKETS_PER_MONTH },
      headcount: SAMPLE_AGENTS,
    });
    const ticketQueue = queueSummaries(db).find((q) => q.channel === 'email' || q.channel === 'social');
    if (ticketQueue) {
      const workspace = getWorkspace(db);
      const skilled = agentCountsBySkill(db).bySkill[ticketQueue.channel] ?? 0;
      const policy = defaultSlaPolicy('Standard SLA');
      saveSlaPolicy(
        db,
        {
          name: `Standard SLA: ${ticketQueue.name}`,
          policy,
          // A usual help-desk split: few critical tickets, most normal or low; tiers weighted to the paying middle.
          mix: mixFromShares({ P1: 0.03, P2: 0.12, P3: 0.5, P4: 0.3, P5: 0.05 }, { enterprise: 0.1, business: 0.3, professional: 0.3, starter: 0.2, free: 0.1 }),
          businessHours: { timezone: workspace?.timezone ?? 'UTC', weekly: [...Array(6).fill({ openHour: 8, closeHour: 20 }), null], holidays: [] },
          settings: { ahtMin: Math.round((ticketQueue.meanAhtSec ?? 480) / 60), maxOccupancy: 0.85, shrinkage: 0.3, hoursPerAgentWeek: 40 },
          volumeSource: { kind: 'queue', queueName: ticketQueue.name },
          headcount: skilled,
        },
        { activate: true },
      );
    }
  });
  return listSlaPolicies(db);
}

function tierResponse(stored: StoredTierStructure) {
  return { ...stored, plan: planTiers(stored.definition, stored.ticketsPerDay, stored.productiveHours, stored.utilization) };
}

function storedTiers(db: Database): StoredTierStructure {
  return getTierStructure(db) ?? { definition: defaultTierStructure(), ticketsPerDay: 320, productiveHours: 6.5, utilization: 0.8 };
}

function costInputs(db: Database): CostModelInput {
  return getCostModelInputs(db) ?? EXAMPLE_COST_INPUTS;
}

type SlaHandlers = Pick<
  Handlers,
  'sla.policies.list' | 'sla.policies.save' | 'sla.policies.delete' | 'sla.assess' | 'sla.tiers.get' | 'sla.tiers.save' | 'cost.calculate' | 'cost.inputs.get' | 'cost.inputs.save'
>;

export function slaHandlers(ctx: ServiceContext): SlaHandlers {
  return {
    'sla.policies.list': async () => {
      await ctx.workspaceReady();
      return ensureSlaPolicies(ctx.db());
    },
    'sla.policies.save': async ({ id, name, activate, ...plan }) => {
      await ctx.workspaceReady();
      typicalWeek(ctx.db, plan.volumeSource);
      return saveSlaPolicy(ctx.db(), { name, ...plan }, { id, activate });
    },
    'sla.policies.delete': ({ id }) => ({ deleted: deleteSlaPolicy(ctx.db(), id) }),
    'sla.assess': async (request) => {
      if (request.volumeSource.kind === 'queue' || request.volumeSource.kind === 'tickets') await ctx.workspaceReady();
      return assessPlan(ctx.db, request);
    },
    'sla.tiers.get': () => tierResponse(storedTiers(ctx.db())),
    'sla.tiers.save': (request) => {
      const response = tierResponse(request);
      saveTierStructure(ctx.db(), request);
      return response;
    },
    'cost.calculate': (input) => calculateCost(input),
    'cost.inputs.get': () => {
      const inputs = costInputs(ctx.db());
      return { inputs, result: calculateCost(inputs) };
    },
    'cost.inputs.save': (inputs) => {
      const result = calculateCost(inputs);
      saveCostModelInputs(ctx.db(), inputs);
      return { inputs, result };
    },
  };
}
