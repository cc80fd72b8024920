/**
 * The one API contract between the renderer and the main-process services.
 *
 * Each channel pairs a runtime request schema (zod) with a compile-time response type. The Electron preload, the
 * IPC registration, the browser host's HTTP routes and the renderer's client are all derived from this map, so a
 * renamed or reshaped channel breaks the build instead of the user.
 */
import { z } from 'zod';
import { capacityInputSchema, type CapacityInput, type CapacityResult } from '../engine/capacity';
import type { WorkspaceSummary, SavedCalculation, JobHandle, JobProgressEvent, JobDoneEvent } from './types';

/** Marks a response type without a runtime value: responses are produced by our own services, not validated. */
const returns = <T>() => undefined as unknown as T;

const empty = z.object({}).strict();
const idRequest = z.object({ id: z.number().int().positive() }).strict();
const nameSchema = z
  .string()
  .trim()
  .min(1, 'Name is required')
  .max(120, 'Name is at most 120 characters');

export const contract = {
  'workspace.summary': { request: empty, response: returns<WorkspaceSummary>() },
  'demo.reset': {
    request: z
      .object({
        weeks: z.number().int().min(4, 'At least 4 weeks of history').max(156, 'At most 156 weeks of history').optional(),
      })
      .strict(),
    response: returns<JobHandle>(),
  },
  'jobs.cancel': { request: z.object({ jobId: z.string().min(1) }).strict(), response: returns<{ cancelled: boolean }>() },

  'capacity.calculate': {
    request: capacityInputSchema,
    response: returns<CapacityResult & { curve: { utilization: number; requiredAgents: number; rosteredAgents?: number }[] }>(),
  },
  'capacity.list': { request: empty, response: returns<SavedCalculation<CapacityInput>[]>() },
  'capacity.save': {
    request: z.object({ name: nameSchema, inputs: capacityInputSchema }).strict(),
    response: returns<SavedCalculation<CapacityInput>>(),
  },
  'capacity.delete': { request: idRequest, response: returns<{ deleted: boolean }>() },
} as const;

export type Contract = typeof contract;
export type Channel = keyof Contract;
export type RequestOf<C extends Channel> = z.input<Contract[C]['request']>;
export type ParsedRequestOf<C extends Channel> = z.output<Contract[C]['request']>;
export type ResponseOf<C extends Channel> = Contract[C]['response'];

export const channels = Object.keys(contract) as Channel[];

export function isChannel(name: unknown): name is Channel {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(contract, name);
}

/** Events pushed from the services to every open window. */
export interface ApiEvents {
  'job.progress': JobProgressEvent;
  'job.done': JobDoneEvent;
}
export type EventName = keyof ApiEvents;
export const eventNames: EventName[] = ['job.progress', 'job.done'];
