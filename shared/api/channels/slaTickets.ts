/**
 * Ticket exports for SLA planning: preview and import (created, solved, priority, organization per ticket), the
 * stored tickets' summary with the backlog, the organization → tier mapping, and the mix estimated from them.
 */
import { z } from 'zod';
import { slaPolicySchema, type SlaMix, type TicketMixEstimate } from '../../engine/sla';
import type { SlaTicketPreview, TicketPriority } from '../../import';
import type { JobHandle } from '../types';
import { MAX_IMPORT_CHARS, MAX_PREVIEW_CHARS } from './dataImport';
import { returns } from './define';

/** Base64 characters of an XLSX workbook (about 75 MB of file). */
export const MAX_XLSX_BASE64_CHARS = 100_000_000;

const column = z.number({ error: 'A column is a number from 0' }).int('A column is a whole number').min(0, 'Columns are numbered from 0');
const fileText = (max: number, tooLong: string) =>
  z.string({ error: 'The file text is missing' }).min(1, 'The file is empty: choose a CSV file with a header line and rows').max(max, tooLong);

export const slaTicketMappingSchema = z
  .object({
    createdAt: column,
    solvedAt: column.nullable(),
    priority: column,
    organization: column.nullable(),
    handleTime: z.object({ column, unit: z.enum(['seconds', 'minutes', 'hours'], { error: 'Handle time unit must be seconds, minutes or hours' }) }).strict().nullable().optional(),
  })
  .strict()
  .superRefine((m, ctx) => {
    const columns: [string, number | null][] = [['createdAt', m.createdAt], ['solvedAt', m.solvedAt], ['priority', m.priority], ['organization', m.organization], ['handleTime', m.handleTime?.column ?? null]];
    const named = columns.filter((e): e is [string, number] => e[1] !== null);
    named.forEach(([field, index], i) => {
      const clash = named.slice(0, i).find(([, other]) => other === index);
      if (clash) ctx.addIssue({ code: 'custom', path: [field], message: `Column ${index + 1} is already mapped as ${clash[0]}` });
    });
  });

const organizationName = z.string().min(1, 'Organization is required').max(200, 'An organization name is at most 200 characters');
const tierId = z.string().min(1, 'Tier is required').max(60, 'A tier id is at most 60 characters');
/** Organization → tier id; null leaves the organization out of the mix. */
const tierMapping = z.record(organizationName, tierId.nullable());

export interface SlaTicketImportInfo {
  importedAt: string;
  fileName: string | null;
  rowsRead: number;
  badRowCount: number;
  tickets: number;
  /** The latest created or solved time in the export (ISO, UTC): the moment the backlog is counted at. */
  asOf: string | null;
  timezone: string;
}

export interface SlaTicketSummary {
  /** Null before the first ticket export. */
  latest: SlaTicketImportInfo | null;
  /** Tickets open over 24 h at `latest.asOf`; null when the export has no solved times. */
  backlog: number | null;
  /** Backlog at the end of each local day (the last point at `asOf`). */
  dailyBacklog: { date: string; backlog: number }[];
  priorities: { priority: TicketPriority; tickets: number }[];
  /** Mean handle time of the tickets that have one (minutes), with how many have one; null without handle times. */
  handleTime: { meanMin: number; tickets: number } | null;
  /** Organizations with their tickets and the tier they are mapped to (saved mapping, else suggested). */
  organizations: { organization: string; tickets: number; tier: string | null; saved: boolean }[];
}

export interface SlaTicketMixView extends TicketMixEstimate {
  /** The mapping used: saved, suggested from names, or the request's. */
  tierMapping: Record<string, string | null>;
  /** Where the tickets came from, in words. */
  sourceText: string;
}

export interface SlaTicketImportDone {
  message: string;
  info: SlaTicketImportInfo;
}

export type SlaTicketPreviewView = SlaTicketPreview & { timezone: string };

export const slaTicketChannels = {
  'sla.tickets.preview': {
    request: z
      .object({
        text: fileText(MAX_PREVIEW_CHARS, `A preview reads at most ${MAX_PREVIEW_CHARS.toLocaleString('en-US')} characters: send the file's beginning with wholeFile false`),
        wholeFile: z.boolean().optional(),
        mapping: slaTicketMappingSchema.optional(),
      })
      .strict(),
    response: returns<SlaTicketPreviewView>(),
  },
  /** A job; its result (SlaTicketImportDone) replaces the stored tickets in one transaction. */
  'sla.tickets.import': {
    request: z
      .object({
        text: fileText(MAX_IMPORT_CHARS, `At most ${MAX_IMPORT_CHARS.toLocaleString('en-US')} characters per import: split the file by date`),
        mapping: slaTicketMappingSchema,
        fileName: z.string().trim().min(1, 'The file name is empty').max(255, 'File names are at most 255 characters').optional(),
      })
      .strict(),
    response: returns<JobHandle>(),
  },
  /** A spreadsheet export (XLSX, base64) as CSV text for the preview and the import (first worksheet). */
  'sla.tickets.fromXlsx': {
    request: z
      .object({
        base64: z
          .string({ error: 'The workbook is missing' })
          .min(1, 'The workbook is empty')
          .max(MAX_XLSX_BASE64_CHARS, `A workbook is at most ${Math.round((MAX_XLSX_BASE64_CHARS * 0.75) / 1e6)} MB: export it as CSV instead`)
          .regex(/^[A-Za-z0-9+/]+={0,2}$/, 'The workbook must be sent as base64'),
      })
      .strict(),
    response: returns<{ text: string; sheet: string; rows: number }>(),
  },
  'sla.tickets.summary': {
    request: z.object({ tiers: slaPolicySchema.shape.tiers.optional() }).strict(),
    response: returns<SlaTicketSummary>(),
  },
  'sla.tickets.mix': {
    request: z
      .object({
        policy: z.object({ priorities: slaPolicySchema.shape.priorities, tiers: slaPolicySchema.shape.tiers }).strict(),
        /** Overrides of the saved mapping for this estimate (saved with sla.tickets.tiers.save). */
        tierMapping: tierMapping.optional(),
      })
      .strict(),
    response: returns<SlaTicketMixView>(),
  },
  'sla.tickets.tiers.save': {
    request: z.object({ tierMapping }).strict(),
    response: returns<{ saved: number }>(),
  },
};

export type { SlaMix };
