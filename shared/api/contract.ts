/**
 * The one API contract between the renderer and the main-process services.
 *
 * Each channel pairs a runtime request schema (zod) with a compile-time response type; each domain declares its
 * channels in channels/. The Electron preload, the IPC registration, the browser host's HTTP routes and the
 * renderer's client are all derived from this map, so a renamed or reshaped channel breaks the build instead of
 * the user.
 */
import type { z } from 'zod';
import type { JobProgressEvent } from './types';
import type { JobDoneEvent } from './jobs';
import { appChannelNames, cliOnlyChannelNames, type AppChannelName, type CliOnlyChannelName } from './channelNames';
import { capacityChannels } from './channels/capacity';
import { importChannels } from './channels/dataImport';
import { forecastChannels } from './channels/forecast';
import { planChannels } from './channels/plan';
import { forecastChoiceChannels } from './channels/forecastChoice';
import { scheduleChannels } from './channels/schedule';
import { slaChannels } from './channels/sla';
import { dashboardChannels } from './channels/dashboard';
import { slaTicketChannels } from './channels/slaTickets';
import { solverChannels } from './channels/solvers';
import { staffingChannels } from './channels/staffing';
import { workspaceChannels } from './channels/workspace';
import { backupChannels } from './channels/backups';
import { scenarioChannels } from './channels/scenario';

export const contract = {
  ...workspaceChannels,
  ...capacityChannels,
  ...staffingChannels,
  ...importChannels,
  ...forecastChannels,
  ...forecastChoiceChannels,
  ...scheduleChannels,
  ...solverChannels,
  ...scenarioChannels,
  ...planChannels,
  ...backupChannels,
  ...slaChannels,
  ...dashboardChannels,
  ...slaTicketChannels,
};

export type Contract = typeof contract;
export type Channel = keyof Contract;
export type RequestOf<C extends Channel> = z.input<Contract[C]['request']>;
export type ParsedRequestOf<C extends Channel> = z.output<Contract[C]['request']>;
export type ResponseOf<C extends Channel> = Contract[C]['response'];

export const channels = Object.keys(contract) as Channel[];

/** The channels the renderer and the browser host may call; the rest are the CLI's own (see channelNames.ts). */
export type AppChannel = Exclude<Channel, CliOnlyChannelName>;
export { appChannelNames, cliOnlyChannelNames };

// Compile-time: the name lists in channelNames.ts and the contract describe exactly the same channels.
type Exact<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Assert<T extends true> = T;
export type ChannelNamesMatchContract = Assert<Exact<AppChannelName | CliOnlyChannelName, Channel>>;
export type AppChannelsMatch = Assert<Exact<AppChannelName, AppChannel>>;

export function isChannel(name: unknown): name is Channel {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(contract, name);
}

export function isAppChannel(name: unknown): name is AppChannel {
  return isChannel(name) && !(cliOnlyChannelNames as readonly string[]).includes(name);
}

/** Events pushed from the services to every open window. */
export interface ApiEvents {
  'job.progress': JobProgressEvent;
  'job.done': JobDoneEvent;
}
export type EventName = keyof ApiEvents;
export const eventNames: EventName[] = ['job.progress', 'job.done'];
