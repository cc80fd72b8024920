/** Tickets imported for SLA planning, their import log and the organization → tier mapping (migration 0010). */
import type { Database } from 'better-sqlite3';
import type { SlaTicketImportInfo } from '../../shared/api/channels/slaTickets';
import type { SlaTicketColumns, TicketPriority } from '../../shared/import';

interface ImportRow {
  imported_at: string;
  file_name: string | null;
  rows_read: number;
  bad_row_count: number;
  tickets: number;
  as_of_utc_ms: number | null;
  timezone: string;
}

/** Replaces the stored tickets with an export's and logs the import. Call inside a write transaction. */
export function replaceSlaTickets(db: Database, tickets: SlaTicketColumns, info: SlaTicketImportInfo): void {
  db.prepare('DELETE FROM sla_tickets').run();
  const insert = db.prepare('INSERT INTO sla_tickets (created_utc_ms, solved_utc_ms, priority, organization, handle_sec) VALUES (?, ?, ?, ?, ?)');
  for (let i = 0; i < tickets.createdUtcMs.length; i++) insert.run(tickets.createdUtcMs[i], tickets.solvedUtcMs[i], tickets.priority[i], tickets.organization[i], tickets.handleSec[i]);
  db.prepare('INSERT INTO sla_ticket_imports (imported_at, file_name, rows_read, bad_row_count, tickets, as_of_utc_ms, timezone) VALUES (?, ?, ?, ?, ?, ?, ?)').run(
    info.importedAt,
    info.fileName,
    info.rowsRead,
    info.badRowCount,
    info.tickets,
    info.asOf === null ? null : Date.parse(info.asOf),
    info.timezone,
  );
}

export function latestSlaTicketImport(db: Database): SlaTicketImportInfo | null {
  const row = db.prepare('SELECT * FROM sla_ticket_imports ORDER BY id DESC LIMIT 1').get() as ImportRow | undefined;
  if (!row) return null;
  return {
    importedAt: row.imported_at,
    fileName: row.file_name,
    rowsRead: row.rows_read,
    badRowCount: row.bad_row_count,
    tickets: row.tickets,
    asOf: row.as_of_utc_ms === null ? null : new Date(row.as_of_utc_ms).toISOString(),
    timezone: row.timezone,
  };
}

/** Every stored ticket as parallel arrays. */
export function loadSlaTickets(db: Database): SlaTicketColumns {
  const rows = db.prepare('SELECT created_utc_ms, solved_utc_ms, priority, organization, handle_sec FROM sla_tickets ORDER BY id').raw().all() as [number, number | null, TicketPriority, string, number | null][];
  return { createdUtcMs: rows.map((r) => r[0]), solvedUtcMs: rows.map((r) => r[1]), priority: rows.map((r) => r[2]), organization: rows.map((r) => r[3]), handleSec: rows.map((r) => r[4]) };
}

export function organizationTiers(db: Database): Record<string, string | null> {
  const rows = db.prepare('SELECT organization, tier FROM sla_organization_tiers').all() as { organization: string; tier: string | null }[];
  return Object.fromEntries(rows.map((r) => [r.organization, r.tier]));
}

/** Saves (or replaces) the tier of each organization given. Call inside a write transaction. */
export function saveOrganizationTiers(db: Database, mapping: Record<string, string | null>, at: string): number {
  const upsert = db.prepare('INSERT INTO sla_organization_tiers (organization, tier, updated_at) VALUES (?, ?, ?) ON CONFLICT (organization) DO UPDATE SET tier = excluded.tier, updated_at = excluded.updated_at');
  const entries = Object.entries(mapping);
  for (const [organization, tier] of entries) upsert.run(organization, tier, at);
  return entries.length;
}
