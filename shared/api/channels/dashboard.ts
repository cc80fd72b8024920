/** The capacity dashboard: metrics with their formulas, red/yellow/green intervals, coverage gaps, the checklist. */
import { z } from 'zod';
import type { CostModelInput, CostModelResult } from '../../engine/cost';
import type { RagMetric, RagStatus } from '../../engine/dashboard';
import { returns } from './define';

export interface DashboardMetric {
  id: 'ticketsPerAgentDay' | 'handleTimeTrend' | 'utilization' | 'backlog' | 'coverageGaps' | 'costPerTicket' | 'slaCompliance';
  label: string;
  /** Null when the data it needs is not there; `unavailable` says why. */
  value: number | null;
  unit: string;
  /** How often it is meant to be read: daily, weekly, monthly, real-time, projected. */
  cadence: string;
  formula: string;
  /** The inputs behind `value`, in words with units. */
  inputs: string;
  unavailable?: string;
  series?: { label: string; value: number }[];
  /** For a trend: the fitted line's values at each point of `series`. */
  trend?: number[];
}

export interface RagReading {
  metric: RagMetric;
  value: number;
  status: RagStatus;
}

export interface RagInterval {
  skill: string;
  day: number;
  date: string;
  /** Local 'HH:MM' of the interval start. */
  start: string;
  forecast: number;
  required: number;
  scheduled: number;
  status: RagStatus;
  readings: RagReading[];
  /** The table's actions for each red reading. */
  actions: string[];
  /** How the readings were computed. */
  basis: string;
}

export interface CoverageGap {
  skill: string;
  date: string;
  hour: number;
  required: number;
  scheduled: number;
}

export interface ChecklistItem {
  key: string;
  cadence: 'monthly' | 'quarterly' | 'annual';
  title: string;
  period: string;
  due: string;
  link: string;
  linkLabel: string;
  detail: string;
  doneAt: string | null;
}

export interface DashboardOverview {
  workspaceName: string;
  timezone: string;
  agentCount: number;
  metrics: DashboardMetric[];
  schedule: { id: number; weekStart: string; version: number; intervalMinutes: number } | null;
  intervals: RagInterval[];
  coverageGaps: CoverageGap[];
  cost: { inputs: CostModelInput; result: CostModelResult; monthly: { month: string; tickets: number; cost: number; costPerTicket: number }[] };
  sla: {
    policyId: number;
    policyName: string;
    overallInTarget: number;
    cellsWithoutCapacity: string[];
    headcount: number;
    headcountNeeded: number | null;
    fte: number;
    /** The week projected (its Monday): this week; its holidays on the policy's calendar stop the SLA clock. */
    weekStart: string;
    /** The policy's holidays that fall in the projected week. */
    holidaysInWeek: string[];
    /** The same policy with the agents the published schedule puts on the policy's queue skill, hour by hour. */
    withSchedule: { weekStart: string; skill: string; overallInTarget: number; cellsWithoutCapacity: string[] } | null;
  } | null;
  checklist: ChecklistItem[];
  notes: string[];
}

export interface DashboardFile {
  fileName: string;
  mimeType: string;
  encoding: 'base64';
  content: string;
}

export const dashboardChannels = {
  'dashboard.overview': { request: z.object({}).strict(), response: returns<DashboardOverview>() },
  'dashboard.checklist.set': {
    request: z
      .object({
        key: z.string().trim().min(1, 'Checklist item is required').max(60),
        period: z.string().max(7, 'Period is a year (2026), a month (2026-11) or a quarter (2026-Q4)').regex(/^\d{4}(-\d{2}|-Q[1-4])?$/, 'Period is a year (2026), a month (2026-11) or a quarter (2026-Q4)'),
        done: z.boolean({ error: 'Done must be true or false' }),
      })
      .strict(),
    response: returns<{ ok: true }>(),
  },
  'dashboard.export': {
    request: z.object({ format: z.enum(['xlsx', 'pdf'], { error: 'Format must be xlsx or pdf' }) }).strict(),
    response: returns<DashboardFile>(),
  },
};
