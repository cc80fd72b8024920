/**
 * Importing contact history (see shared/api/channels/dataImport.ts for the queue rules). Previews answer at once
 * and write nothing; imports run as jobs: the worker parses, aggregates and writes the series on its own connection
 * in one transaction (workers/importSave.ts), so a cancelled, failed or crashed import leaves the database as it
 * was, and the thread that serves the UI keeps answering while a large import is saved.
 */
import { ApiError, describeIssues } from '../../shared/api/errors';
import { planQueue, PREVIEW_ROWS, suggestChannel, type ImportResult } from '../../shared/api/channels/dataImport';
import type { ChannelKind, JobHandle } from '../../shared/api/types';
import { CsvRecordReader, detectDelimiter, parseIntervalCountsCsv, previewTicketsCsv, type IntervalMinutes, type TicketColumnMapping } from '../../shared/import';
import { workspaceTimezone } from './workspaceTimezone';
import { listImports, queuesByName } from '../../db/repositories/importedVolumes';
import type { SavedImport } from '../workers/importSave';
import { queueLabel } from '../../shared/text/queueLabel';
import type { Handlers, ServiceContext } from './handlers';

type ImportHandlers = Pick<Handlers, 'import.intervals.preview' | 'import.intervals.start' | 'import.tickets.preview' | 'import.tickets.start' | 'import.history'>;

/** Job kind of every import, so the Data area follows one progress bar. */
export const IMPORT_JOB_KIND = 'import';
const DEFAULT_TICKET_INTERVAL: IntervalMinutes = 15;
/** The channel previewed for a new queue whose name suggests none (the planner chooses in the Data area). */
const PREVIEW_DEFAULT_CHANNEL: ChannelKind = 'email';

export function importHandlers(ctx: ServiceContext): ImportHandlers {
  const timezone = () => workspaceTimezone(ctx);

  return {
    'import.intervals.preview': async ({ text, queueName, channel }) => {
      const zone = await timezone();
      const parsed = parseIntervalCountsCsv(text, { zone });
      if (!parsed.ok) return { ok: false, error: parsed.error, timezone: zone };
      const { rows, ...rest } = parsed;
      const existing = queueName === undefined ? undefined : queuesByName(ctx.db()).get(queueName);
      const first = rows[0];
      const last = rows.at(-1);
      return {
        ...rest,
        timezone: zone,
        rows: rows.slice(0, PREVIEW_ROWS).map((r) => ({ line: r.line, localStart: r.localStart, offsetMinutes: r.offsetMinutes, volume: r.volume, ahtSec: r.ahtSec })),
        goodRowCount: rows.length,
        totalVolume: rows.reduce((sum, r) => sum + r.volume, 0),
        dateRange: first && last ? { from: first.localStart.slice(0, 10), to: last.localStart.slice(0, 10) } : null,
        queue: queueName === undefined ? null : { name: queueName, ...planQueue(queueName, existing, parsed.intervalMinutes, channel ?? suggestChannel(queueName) ?? 'phone') },
      };
    },

    'import.intervals.start': async ({ text, queueName, channel, fileName }) => {
      const zone = await timezone();
      const existing = queuesByName(ctx.db()).get(queueName);
      const destination = { channels: { [queueName]: channel }, defaultChannel: channel, fileName: fileName ?? null };
      return expectingHistory(ctx, ctx.jobs.start(IMPORT_JOB_KIND, 'import.intervals', { text, zone, queueName, queueIntervalMin: existing?.intervalMin ?? null, destination }, (saved) =>
        importSaved(ctx, saved),
      ));
    },

    'import.tickets.preview': async ({ text, wholeFile = true, mapping, intervalMinutes = DEFAULT_TICKET_INTERVAL }) => {
      const zone = await timezone();
      if (mapping) checkMappingAgainstHeader('import.tickets.preview', text, mapping);
      const preview = previewTicketsCsv(text, { zone, intervalMinutes, mapping, wholeFile, rowLimit: PREVIEW_ROWS });
      const existing = queuesByName(ctx.db());
      return {
        ...preview,
        timezone: zone,
        intervalMinutes,
        wholeFile,
        queues: preview.queues.map(({ queue, contacts }) => {
          const suggestedChannel = suggestChannel(queue);
          return { queue, contacts, suggestedChannel, plan: planQueue(queue, existing.get(queue), intervalMinutes, suggestedChannel ?? PREVIEW_DEFAULT_CHANNEL) };
        }),
      };
    },

    'import.tickets.start': async ({ text, mapping, intervalMinutes, channels = {}, defaultChannel, dateRange, fileName }): Promise<JobHandle> => {
      const zone = await timezone();
      checkMappingAgainstHeader('import.tickets.start', text, mapping);
      const queueIntervals = Object.fromEntries([...queuesByName(ctx.db()).values()].map((q) => [q.name, q.intervalMin]));
      const destination = { channels, defaultChannel, fileName: fileName ?? null };
      return expectingHistory(ctx, ctx.jobs.start(IMPORT_JOB_KIND, 'import.tickets', { text, zone, intervalMinutes, mapping, dateRange, queueIntervals, destination }, (saved) =>
        importSaved(ctx, saved),
      ));
    },

    'import.history': ({ limit = 10 }) => listImports(ctx.db(), limit),
  };
}

/** The import job will offer the history aggregates it reads after its commit (historySummary.ts). */
function expectingHistory(ctx: ServiceContext, handle: JobHandle): JobHandle {
  ctx.historySummary.expectOfferUntil(ctx.jobs.wait(handle.jobId));
  return handle;
}

/** Runs on the main thread once the worker has written the import: keeps its history aggregates and words the message. */
function importSaved(ctx: ServiceContext, saved: SavedImport) {
  ctx.historySummary.offer(saved.history);
  return { message: importMessage(saved.result, saved.firstBadRows), result: saved.result };
}

const count = (n: number) => n.toLocaleString('en-US', { maximumFractionDigits: 2 });
const plural = (n: number, one: string, many = `${one}s`) => `${count(n)} ${n === 1 ? one : many}`;

/** "Imported 7 contacts into 3 queues (new: …) from 2024-11-03 to 2024-11-03: 300 intervals. …" */
export function importMessage(result: ImportResult, firstBadRows: readonly { line: number; message: string }[] = []): string {
  const { queues, dateRange } = result;
  const days = dateRange.from === dateRange.to ? `on ${dateRange.from}` : `from ${dateRange.from} to ${dateRange.to}`;
  const named = queues.map((q) => (q.created ? `${q.name} (new, ${q.channel})` : queueLabel(q)));
  const into = queues.length <= 4 ? `${queues.length === 1 ? 'queue' : 'queues'} ${named.join(', ')}` : `${queues.length} queues (${queues.filter((q) => q.created).length} new)`;
  const parts = [`Imported ${plural(result.contacts, 'contact')} into ${into} ${days}: ${plural(result.intervals, 'interval')}.`];
  const replaced = queues.reduce((n, q) => n + q.replacedIntervals, 0);
  if (replaced > 0) parts.push(`${plural(replaced, 'earlier interval')} in those days ${replaced === 1 ? 'was' : 'were'} replaced.`);
  for (const q of queues.filter((q) => q.rolledUpFrom)) parts.push(`${q.name}: ${q.rolledUpFrom}-minute counts summed into its ${q.intervalMin}-minute intervals.`);
  if (result.badRowCount > 0) {
    const examples = firstBadRows.slice(0, 2).map((b) => `line ${b.line}: ${b.message.replace(/\.$/, '')}`).join('; ');
    parts.push(`${plural(result.badRowCount, 'bad row')} skipped${examples ? ` (${examples})` : ''}.`);
  }
  return parts.join(' ');
}

/** The mapping must name columns the file has; the error points at the field to fix. */
function checkMappingAgainstHeader(channel: string, text: string, mapping: TicketColumnMapping): void {
  const width = headerWidth(text);
  const issues: { path: string; message: string }[] = [];
  const check = (column: number, path: string) => {
    if (column >= width) issues.push({ path, message: `Column ${column + 1} does not exist: the file has ${width} column${width === 1 ? '' : 's'}` });
  };
  check(mapping.createdAt, 'mapping.createdAt');
  mapping.queue.forEach((column, i) => check(column, `mapping.queue.${i}`));
  if (mapping.handleTime) check(mapping.handleTime.column, 'mapping.handleTime.column');
  if (issues.length > 0) {
    throw new ApiError({ code: 'invalid_request', message: describeIssues(channel, issues), issues });
  }
}

/** Columns of the file's first record (its header). */
function headerWidth(text: string): number {
  const body = text.replace(/^\uFEFF/, '');
  let width = 0;
  const reader = new CsvRecordReader((fields) => {
    width = fields.length;
    return false;
  }, { delimiter: detectDelimiter(body) });
  // The header is on the first line or two; the reader stops after it without scanning the rest.
  reader.push(body.slice(0, 1 << 20));
  reader.end();
  return width;
}
