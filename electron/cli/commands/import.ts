/**
 * `staffwise import`: contact history into the workspace, through the same preview, job and one-transaction write
 * as the Data area. Ticket exports map their columns by header name (suggested automatically, overridable).
 */
import { basename } from 'node:path';
import type { ChannelKind } from '../../../shared/api/types';
import { CHANNEL_KINDS, MAX_PREVIEW_CHARS } from '../../../shared/api/channels/dataImport';
import { callApi, numberFlag, UsageError, type CliContext, type Command } from '../command';
import { readTextFile } from './files';

const FLAGS = { queueName: 'queue-name', channel: 'channel', defaultChannel: 'channel', intervalMinutes: 'interval-min', mapping: 'created-at', text: 'tickets' };

export const importCommand: Command = {
  name: 'import',
  summary: 'Import interval counts or a one-row-per-ticket export into the workspace (one transaction)',
  usage:
    'staffwise import --intervals counts.csv --queue-name "Billing" --channel phone | --tickets export.csv [--interval-min 15] [--created-at "Created at"] [--queue "Group,Via"] [--handle-time "Handle time" --handle-unit minutes] [--channel email] [--data-dir PATH] [--json]',
  options: {
    intervals: { type: 'string' },
    tickets: { type: 'string' },
    'queue-name': { type: 'string' },
    channel: { type: 'string' },
    'interval-min': { type: 'string' },
    'created-at': { type: 'string' },
    queue: { type: 'string' },
    'handle-time': { type: 'string' },
    'handle-unit': { type: 'string' },
    json: { type: 'boolean' },
  },
  async run(values, ctx) {
    const intervalsPath = typeof values.intervals === 'string' ? values.intervals : undefined;
    const ticketsPath = typeof values.tickets === 'string' ? values.tickets : undefined;
    if (Boolean(intervalsPath) === Boolean(ticketsPath)) throw new UsageError('give exactly one of --intervals FILE or --tickets FILE');
    const channel = channelFlag(values.channel);

    const path = (intervalsPath ?? ticketsPath)!;
    const text = readTextFile(path, intervalsPath ? 'intervals' : 'tickets');
    const handle = intervalsPath
      ? await callApi(ctx, 'import.intervals.start', { text, queueName: typeof values['queue-name'] === 'string' ? values['queue-name'] : '', channel: channel ?? 'phone', fileName: basename(path) }, FLAGS)
      : await startTickets(ctx, values, text, basename(path), channel);
    const done = await ctx.backend().waitForJob(handle.jobId);
    if (!done || done.status !== 'succeeded') throw new Error(done?.message ?? 'the import stopped unexpectedly');
    ctx.io.out(values.json ? JSON.stringify({ message: done.message, result: done.result }) : done.message);
  },
};

async function startTickets(ctx: CliContext, values: Record<string, string | boolean | undefined>, text: string, fileName: string, channel: string | undefined) {
  const preview = await callApi(ctx, 'import.tickets.preview', { text: text.slice(0, MAX_PREVIEW_CHARS), wholeFile: text.length <= MAX_PREVIEW_CHARS }, FLAGS);
  const columnOf = (flag: string, name: string) => {
    const index = preview.header.findIndex((h) => h.trim().toLowerCase() === name.trim().toLowerCase());
    if (index < 0) throw new UsageError(`--${flag}: no column "${name}" in the header (${preview.header.join(', ')})`);
    return index;
  };
  const suggested = preview.suggestedMapping;
  const createdAt = typeof values['created-at'] === 'string' ? columnOf('created-at', values['created-at']) : suggested.createdAt;
  if (createdAt === null) throw new UsageError(`no column looks like the creation time: name it with --created-at (columns: ${preview.header.join(', ')})`);
  const queue = typeof values.queue === 'string' ? values.queue.split(',').map((name) => columnOf('queue', name)) : suggested.queue;
  const unit = typeof values['handle-unit'] === 'string' ? values['handle-unit'] : undefined;
  if (unit !== undefined && !['seconds', 'minutes', 'hours'].includes(unit)) throw new UsageError(`--handle-unit must be seconds, minutes or hours (got "${unit}")`);
  const handleTime =
    typeof values['handle-time'] === 'string'
      ? { column: columnOf('handle-time', values['handle-time']), unit: (unit ?? 'seconds') as 'seconds' }
      : suggested.handleTime && { ...suggested.handleTime, ...(unit && { unit: unit as 'seconds' }) };
  return callApi(
    ctx,
    'import.tickets.start',
    { text, mapping: { createdAt, queue, handleTime }, intervalMinutes: numberFlag(values, 'interval-min') ?? 15, defaultChannel: channel ?? 'email', fileName },
    FLAGS,
  );
}


function channelFlag(raw: string | boolean | undefined): ChannelKind | undefined {
  if (typeof raw !== 'string') return undefined;
  const kind = CHANNEL_KINDS.find((k) => k === raw);
  if (!kind) throw new UsageError(`--channel must be one of ${CHANNEL_KINDS.join(', ')} (got "${raw}")`);
  return kind;
}
