/**
 * The one API contract between the renderer and the main-process services.
 *
 * Each channel pairs a runtime request schema (zod) with a compile-time response type; each domain declares its
 * channels in channels/. The Electron preload, the IPC registration, the browser host's HTTP routes and the
 * renderer's client are all derived from this map, so a renamed or reshaped channel breaks the build instead of
 * the user.
 */
import type { z } from 'zod';
import type { JobDoneEvent, JobProgressEvent } from './types';
import { capacityChannels } from './channels/capacity';
import { importChannels } from './channels/dataImport';
import { forecastChannels } from './channels/forecast';
import { forecastChoiceChannels } from './channels/forecastChoice';
import { scheduleChannels } from './channels/schedule';
import { solverChannels } from './channels/solvers';
import { staffingChannels } from './channels/staffing';
import { workspaceChannels } from './channels/workspace';

export const contract = {
  ...workspaceChannels,
  ...capacityChannels,
  ...staffingChannels,
  ...importChannels,
  ...forecastChannels,
  ...forecastChoiceChannels,
  ...scheduleChannels,
  ...solverChannels,
};

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
