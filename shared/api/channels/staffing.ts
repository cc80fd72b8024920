import { z } from 'zod';
import {
  deferredDaySchema,
  deferredWorkSchema,
  liveChannelStaffingSchema,
  staffingInputSchema,
  type DeferredDayResult,
  type StaffingResult,
} from '../../engine/staffing';
import { emptyRequest, idRequest, nameField, returns } from './define';

/** How a queue is staffed, without its volumes: live queueing targets, or deferred work within a response target. */
export const channelStaffingSchema = z.union([
  liveChannelStaffingSchema,
  deferredWorkSchema.safeExtend({ mode: z.literal('deferred'), shrinkage: z.number().min(0).lt(1, 'Shrinkage must be below 1').optional() }),
]);
export type ChannelStaffingSettings = z.infer<typeof channelStaffingSchema>;

const channelKind = z.enum(['phone', 'chat', 'email', 'social'], { error: 'Channel must be phone, chat, email or social' });
const localDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Use a date like 2026-11-16');

export const MAX_SERIES_POINTS = 20_000;

export const requirementsSourceSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('queue'), queueId: z.number().int().positive(), weekStart: localDate.optional() }).strict(),
  /** A week of a stored forecast run (the days of it the run covers), optionally with its AHT per interval. */
  z
    .object({
      kind: z.literal('forecast'),
      runId: z.number().int().positive(),
      weekStart: localDate.optional(),
      useForecastAht: z.boolean({ error: 'useForecastAht is true or false' }),
    })
    .strict(),
  z
    .object({
      kind: z.literal('series'),
      intervalMin: z.number().int().positive(),
      points: z
        .array(z.object({ start: z.string().min(1), volume: z.number().min(0, 'Volume cannot be negative') }).strict())
        .min(1, 'The series is empty')
        .max(MAX_SERIES_POINTS, `At most ${MAX_SERIES_POINTS} intervals at once`),
    })
    .strict(),
]);

export interface StaffingCurvePoint {
  agents: number;
  serviceLevel: number;
  asaSec: number | null;
  occupancy: number;
  pAbandon?: number;
}

export interface RequirementRow {
  start: string;
  status: 'open' | 'closed' | 'missing';
  volume: number | null;
  required: number | null;
  requiredExact: number | null;
  /** The interval's own handle time (seconds) when a per-interval (forecast) AHT was used. */
  ahtSec?: number;
  rostered?: number;
  serviceLevel?: number;
  occupancy?: number;
  backlog?: number;
}

export interface RequirementsResult {
  intervalMin: number;
  weekStart?: string;
  queueName?: string;
  rows: RequirementRow[];
  requiredAgentHours: number;
  peakRequired: number;
  /** Intervals whose volume is unknown (missing data): no requirement is invented for them. */
  missingIntervals: number;
  /** Where the volumes came from, e.g. "forecast run #3 (combined, as of 2026-11-21), 2026-11-23 to 2026-11-29". */
  volumeSource?: string;
  /** Where the AHT came from when it is not the one typed in the settings. */
  ahtSource?: string;
}

export interface StaffingProfile {
  id: number;
  name: string;
  channel: z.infer<typeof channelKind>;
  queueName: string | null;
  settings: ChannelStaffingSettings;
  createdAt: string;
  updatedAt: string;
}

export const staffingChannels = {
  'staffing.solve': {
    request: staffingInputSchema,
    response: returns<Omit<StaffingResult, 'asaSec'> & { asaSec: number | null; curve: StaffingCurvePoint[] }>(),
  },
  'staffing.deferredDay': { request: deferredDaySchema, response: returns<DeferredDayResult>() },
  'staffing.requirements': {
    request: z.object({ staffing: channelStaffingSchema, source: requirementsSourceSchema }).strict(),
    response: returns<RequirementsResult>(),
  },
  'staffing.profiles.list': { request: emptyRequest, response: returns<StaffingProfile[]>() },
  'staffing.profiles.save': {
    request: z.object({ name: nameField, channel: channelKind, queueName: z.string().min(1).nullable(), settings: channelStaffingSchema }).strict(),
    response: returns<StaffingProfile>(),
  },
  'staffing.profiles.delete': { request: idRequest, response: returns<{ deleted: boolean }>() },
};
