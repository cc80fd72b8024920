/**
 * Ticket exports for SLA planning (issue 13): preview and import (a job: the worker reads the export, this thread
 * replaces the stored tickets in one transaction), the summary with the backlog, the organization → tier mapping
 * and the priority × tier mix estimated from the tickets. The engine does the counting (shared/engine/sla/tickets).
 */
import type { Database } from 'better-sqlite3';
import { ApiError } from '../../shared/api/errors';
import { PREVIEW_ROWS } from '../../shared/api/channels/dataImport';
import type { SlaTicketImportInfo, SlaTicketMixView, SlaTicketSummary } from '../../shared/api/channels/slaTickets';
import { dailyBacklog, estimateMixFromTickets, exportAsOf, backlogAt, suggestTierMapping, DEFAULT_TIERS, type CustomerTier } from '../../shared/engine/sla';
import { previewSlaTicketsCsv, type SlaTicketMapping, type SlaTicketParse } from '../../shared/import';
import { workspaceTimezone } from './workspaceTimezone';
import { UnreadableWorkbookError, xlsxToCsv } from './xlsxToCsv';
import { latestSlaTicketImport, loadSlaTickets, organizationTiers, replaceSlaTickets, saveOrganizationTiers } from '../../db/repositories/slaTickets';
import { writeTransaction } from '../../db/writeTransaction';
import type { Handlers, ServiceContext } from './handlers';

type SlaTicketHandlers = Pick<Handlers, 'sla.tickets.preview' | 'sla.tickets.import' | 'sla.tickets.fromXlsx' | 'sla.tickets.summary' | 'sla.tickets.mix' | 'sla.tickets.tiers.save'>;

const count = (n: number) => n.toLocaleString('en-US');

export function slaTicketHandlers(ctx: ServiceContext): SlaTicketHandlers {
  const timezone = () => workspaceTimezone(ctx);

  return {
    'sla.tickets.preview': async ({ text, mapping, wholeFile }) => {
      const zone = await timezone();
      return { ...previewSlaTicketsCsv(text, { zone, mapping, wholeFile, rowLimit: PREVIEW_ROWS }), timezone: zone };
    },

    'sla.tickets.import': async ({ text, mapping, fileName }) => {
      const zone = await timezone();
      checkColumns(text, mapping);
      return ctx.jobs.start('sla.tickets', 'sla.tickets.parse', { text, zone, mapping }, (parsed) => writeTickets(ctx, parsed, zone, fileName ?? null));
    },

    'sla.tickets.fromXlsx': async ({ base64 }) => {
      try {
        return await xlsxToCsv(Buffer.from(base64, 'base64'));
      } catch (error) {
        if (error instanceof UnreadableWorkbookError) throw new ApiError({ code: 'invalid_request', message: `sla.tickets.fromXlsx: base64: ${error.message}`, issues: [{ path: 'base64', message: error.message }] });
        throw error;
      }
    },

    'sla.tickets.summary': ({ tiers }) => ticketSummary(ctx.db(), tiers ?? DEFAULT_TIERS),

    'sla.tickets.mix': ({ policy, tierMapping }) => ticketMix(ctx.db(), policy, tierMapping),

    'sla.tickets.tiers.save': ({ tierMapping }) => {
      const db = ctx.db();
      return { saved: writeTransaction(db, () => saveOrganizationTiers(db, tierMapping, new Date().toISOString())) };
    },
  };
}

/** Runs on the main thread once the worker has read the export: the old tickets go, the new ones come, in one transaction. */
function writeTickets(ctx: ServiceContext, parsed: SlaTicketParse, zone: string, fileName: string | null) {
  const asOf = exportAsOf(parsed.tickets);
  const info: SlaTicketImportInfo = {
    importedAt: new Date().toISOString(),
    fileName,
    rowsRead: parsed.rowsRead,
    badRowCount: parsed.badRowCount,
    tickets: parsed.tickets.createdUtcMs.length,
    asOf: asOf === null ? null : new Date(asOf).toISOString(),
    timezone: zone,
  };
  const db = ctx.db();
  ctx.backup('before-import');
  writeTransaction(db, () => replaceSlaTickets(db, parsed.tickets, info));
  const bad = parsed.badRows.slice(0, 2).map((b) => `line ${b.line}: ${b.message.replace(/\.$/, '')}`);
  const message =
    `Stored ${count(info.tickets)} tickets for SLA planning (the previous ticket export replaced).` +
    (parsed.badRowCount > 0 ? ` ${count(parsed.badRowCount)} bad row${parsed.badRowCount === 1 ? '' : 's'} skipped (${bad.join('; ')}).` : '');
  return { message, result: info };
}

/** The mapping must name columns the file's header has; the error names the field. */
function checkColumns(text: string, mapping: SlaTicketMapping): void {
  const header = previewSlaTicketsCsv(text.slice(0, 1 << 16), { zone: 'UTC', rowLimit: 0, wholeFile: false }).header;
  const { handleTime, ...plain } = mapping;
  for (const [field, column] of Object.entries({ ...plain, ...(handleTime && { 'handleTime.column': handleTime.column }) })) {
    if (column !== null && column >= header.length) {
      const issues = [{ path: `mapping.${field}`, message: `Column ${column + 1} does not exist: the file has ${header.length} column${header.length === 1 ? '' : 's'}` }];
      throw new ApiError({ code: 'invalid_request', message: `sla.tickets.import: mapping.${field}: ${issues[0].message}`, issues });
    }
  }
}

/** Saved tiers first, then tiers suggested from the organization names, then the request's overrides. */
function tierMappingFor(db: Database, organizations: readonly string[], tiers: readonly CustomerTier[], overrides: Record<string, string | null> = {}) {
  const saved = organizationTiers(db);
  const suggested = suggestTierMapping(organizations, tiers);
  return Object.fromEntries(organizations.map((o) => [o, o in overrides ? overrides[o] : o in saved ? saved[o] : suggested[o]])) as Record<string, string | null>;
}

export function ticketSummary(db: Database, tiers: readonly CustomerTier[]): SlaTicketSummary {
  const latest = latestSlaTicketImport(db);
  if (!latest) return { latest: null, backlog: null, dailyBacklog: [], priorities: [], handleTime: null, organizations: [] };
  const tickets = loadSlaTickets(db);
  const asOf = latest.asOf === null ? null : Date.parse(latest.asOf);
  const hasSolvedTimes = tickets.solvedUtcMs.some((s) => s !== null);
  const byPriority = new Map<string, number>();
  const byOrganization = new Map<string, number>();
  tickets.priority.forEach((p, i) => {
    byPriority.set(p, (byPriority.get(p) ?? 0) + 1);
    byOrganization.set(tickets.organization[i], (byOrganization.get(tickets.organization[i]) ?? 0) + 1);
  });
  const handled = tickets.handleSec.filter((s): s is number => s !== null);
  const organizations = [...byOrganization].sort(([a, x], [b, y]) => y - x || a.localeCompare(b));
  const saved = organizationTiers(db);
  const mapping = tierMappingFor(db, organizations.map(([o]) => o), tiers);
  return {
    latest,
    backlog: asOf !== null && hasSolvedTimes ? backlogAt(tickets, asOf) : null,
    dailyBacklog: asOf !== null && hasSolvedTimes ? dailyBacklog(tickets, asOf, latest.timezone) : [],
    priorities: [...byPriority].sort(([a], [b]) => a.localeCompare(b)).map(([priority, n]) => ({ priority: priority as SlaTicketSummary['priorities'][number]['priority'], tickets: n })),
    handleTime: handled.length > 0 ? { meanMin: handled.reduce((sum, s) => sum + s, 0) / handled.length / 60, tickets: handled.length } : null,
    organizations: organizations.map(([organization, n]) => ({ organization, tickets: n, tier: mapping[organization], saved: organization in saved })),
  };
}

function ticketMix(db: Database, policy: { priorities: SlaTicketMixView['counts'][number]['priority'][]; tiers: CustomerTier[] }, overrides?: Record<string, string | null>): SlaTicketMixView {
  const latest = latestSlaTicketImport(db);
  if (!latest || latest.tickets === 0) throw new ApiError({ code: 'not_found', message: 'No tickets imported yet: import a ticket export (created, solved, priority, organization) in SLA policies first.' });
  const tickets = loadSlaTickets(db);
  const organizations = [...new Set(tickets.organization)];
  const tierMapping = tierMappingFor(db, organizations, policy.tiers, overrides);
  const estimate = estimateMixFromTickets(tickets, policy, tierMapping);
  return { ...estimate, tierMapping, sourceText: `${count(latest.tickets)} tickets from ${latest.fileName ?? 'the ticket export'} imported ${latest.importedAt.slice(0, 10)}` };
}
