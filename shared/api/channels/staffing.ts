import { z } from 'zod';
import {
  deferredDaySchema,
  deferredWorkSchema,
  liveChannelStaffingSchema,
  staffingInputSchema,
  type DeferredDayResult,
  type StaffingResult,
} from '../../engine/staffing';
import type { IntervalRequirements, StaffingCurvePoint } from '../../engine/requirements';
import { CHANNEL_KINDS } from '../../model/queues';
import { emptyRequest, idRequest, intervalVolume, localDate, nameField, returns } from './define';

/** How a queue is staffed, without its volumes: live queueing targets, or deferred work within a response target. */
export const channelStaffingSchema = z.union([
  liveChannelStaffingSchema,
  deferredWorkSchema.safeExtend({ mode: z.literal('deferred'), shrinkage: z.number().min(0).lt(1, 'Shrinkage must be below 1').optional() }),
]);
export type ChannelStaffingSettings = z.infer<typeof channelStaffingSchema>;

const channelKind = z.enum(CHANNEL_KINDS, { error: 'Channel must be phone, chat, email or social' });

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
        .array(z.object({ start: z.string().min(1).max(40, 'A timestamp is at most 40 characters'), volume: intervalVolume }).strict())
        .min(1, 'The series is empty')
        .max(MAX_SERIES_POINTS, `At most ${MAX_SERIES_POINTS} intervals at once`),
    })
    .strict(),
]);

/** The requirements pipeline's types (shared/engine/requirements), as the contract returns them. */
export type { StaffingCurvePoint };
export type { RequirementRow } from '../../engine/requirements';

export interface RequirementsResult extends IntervalRequirements {
  weekStart?: string;
  queueName?: string;
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
    request: z.object({ name: nameField, channel: channelKind, queueName: z.string().min(1).max(120, 'Queue names are at most 120 characters').nullable(), settings: channelStaffingSchema }).strict(),
    response: returns<StaffingProfile>(),
  },
  'staffing.profiles.delete': { request: idRequest, response: returns<{ deleted: boolean }>() },
};
