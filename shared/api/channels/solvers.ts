import { z } from 'zod';
import type { RosterSolution } from '../../engine/roster';
import type { ScheduleResult } from '../../engine/schedule';
import { returns } from './define';

/** The largest published Curtois & Qu instance is under 1 MB; 20 million characters leaves room without inviting abuse. */
const MAX_INSTANCE_CHARS = 20_000_000;

const timeLimitSec = z.number({ error: 'The time limit must be a number of seconds' }).positive('The time limit must be above 0 seconds').max(3600, 'The time limit is at most 3600 seconds');

/**
 * Solves given in full in the request, answered without storing anything: the `staffwise roster` and
 * `staffwise schedule` commands use these. The app's Schedule area works on the workspace instead.
 */
export const solverChannels = {
  'roster.curtois': {
    request: z.object({ text: z.string().min(1, 'The instance file is empty').max(MAX_INSTANCE_CHARS, `An instance file is at most ${MAX_INSTANCE_CHARS.toLocaleString('en-US')} characters`), timeLimitSec }).strict(),
    response: returns<RosterSolution & { csv: string; employees: string[] }>(),
  },
  'schedule.solve': {
    /** Validated by the schedule engine's own schema in the service, which names the field at fault. */
    request: z.object({ input: z.record(z.string().max(100), z.unknown(), { error: 'The schedule input must be an object' }), timeLimitSec }).strict(),
    response: returns<ScheduleResult>(),
  },
};
