/**
 * The ticket export behind SLA planning: the chosen file and its preview with the column mapping, the import job,
 * the stored tickets' summary (backlog, organizations) and the mix estimated from them with the organization →
 * tier mapping the planner edits.
 */
import { create } from 'zustand';
import type { SlaTicketMixView, SlaTicketPreviewView, SlaTicketSummary } from '../../../shared/api/channels/slaTickets';
import type { JobDoneEvent } from '../../../shared/api/jobs';
import type { CustomerTier, Priority } from '../../../shared/engine/sla';
import { decodeTextFile, type DurationUnit, type SlaTicketMapping, type SuggestedSlaTicketMapping } from '../../../shared/import';
import { api } from '../api';
import { HEAD_PREVIEW_CHARS, WHOLE_PREVIEW_CHARS } from './importStore';
import { onJobDone, useJobs } from './jobsStore';

/** The mapping's selects: a column per field ('' = none), and the handle-time column's unit. */
export type MappingField = 'createdAt' | 'solvedAt' | 'priority' | 'organization' | 'handleTime' | 'handleUnit';

interface SlaTicketStore {
  file?: { name: string; text: string };
  preview?: SlaTicketPreviewView;
  /** Column per field as the select shows it: '' = none chosen. */
  mapping: Record<MappingField, string>;
  previewing: boolean;
  jobId?: string;
  /** The done message of the last import. */
  message?: string;
  summary?: SlaTicketSummary;
  estimate?: SlaTicketMixView;
  /** Tier per organization as edited ('' = no tier: left out of the mix). */
  tiers: Record<string, string>;
  tiersDirty: boolean;
  error?: string;
  policy?: { priorities: Priority[]; tiers: CustomerTier[] };
  chooseFile(file: File | undefined): Promise<void>;
  setMapping(field: MappingField, column: string): Promise<void>;
  start(): Promise<void>;
  load(policy: { priorities: Priority[]; tiers: CustomerTier[] }): Promise<void>;
  setTier(organization: string, tier: string): Promise<void>;
  saveTiers(): Promise<void>;
}

const NO_MAPPING: Record<MappingField, string> = { createdAt: '', solvedAt: '', priority: '', organization: '', handleTime: '', handleUnit: 'seconds' };
let previewSequence = 0;

function mappingOf(draft: Record<MappingField, string>): SlaTicketMapping | undefined {
  if (draft.createdAt === '' || draft.priority === '') return undefined;
  const column = (text: string) => (text === '' ? null : Number(text));
  const handleTime = draft.handleTime === '' ? null : { column: Number(draft.handleTime), unit: draft.handleUnit as DurationUnit };
  return { createdAt: Number(draft.createdAt), solvedAt: column(draft.solvedAt), priority: Number(draft.priority), organization: column(draft.organization), handleTime };
}

function draftOf(mapping: SuggestedSlaTicketMapping): Record<MappingField, string> {
  const text = (column: number | null) => (column === null ? '' : String(column));
  return {
    createdAt: text(mapping.createdAt),
    solvedAt: text(mapping.solvedAt),
    priority: text(mapping.priority),
    organization: text(mapping.organization),
    handleTime: text(mapping.handleTime?.column ?? null),
    handleUnit: mapping.handleTime?.unit ?? 'seconds',
  };
}

/** The tier mapping as the service takes it: '' means no tier. */
const tierMapping = (tiers: Record<string, string>) => Object.fromEntries(Object.entries(tiers).map(([o, t]) => [o, t === '' ? null : t]));

export const useSlaTickets = create<SlaTicketStore>((set, get) => {
  const preview = async () => {
    const { file, mapping } = get();
    if (!file) return;
    const sequence = ++previewSequence;
    set({ previewing: true, error: undefined });
    try {
      const wholeFile = file.text.length <= WHOLE_PREVIEW_CHARS;
      const answer = await api['sla.tickets.preview']({ text: wholeFile ? file.text : file.text.slice(0, HEAD_PREVIEW_CHARS), wholeFile, mapping: mappingOf(mapping) });
      if (sequence !== previewSequence) return;
      const draft = mappingOf(mapping) ? mapping : draftOf(answer.suggestedMapping);
      set({ preview: answer, mapping: draft });
    } catch (error) {
      if (sequence === previewSequence) set({ error: (error as Error).message });
    } finally {
      if (sequence === previewSequence) set({ previewing: false });
    }
  };
  const estimate = async () => {
    const { policy, summary, tiers } = get();
    if (!policy || !summary?.latest || summary.latest.tickets === 0) return set({ estimate: undefined });
    try {
      set({ estimate: await api['sla.tickets.mix']({ policy, tierMapping: tierMapping(tiers) }) });
    } catch (error) {
      set({ error: (error as Error).message });
    }
  };
  return {
    mapping: NO_MAPPING,
    previewing: false,
    tiers: {},
    tiersDirty: false,
    async chooseFile(file) {
      set({ file: undefined, preview: undefined, mapping: NO_MAPPING, error: undefined, message: undefined });
      if (!file) return;
      try {
        const bytes = new Uint8Array(await file.arrayBuffer());
        const { text } = /\.xlsx$/i.test(file.name) ? await api['sla.tickets.fromXlsx']({ base64: toBase64(bytes) }) : decodeTextFile(bytes);
        if (text.trim() === '') return set({ error: `${file.name} is empty: choose a CSV ticket export with a header line and rows.` });
        set({ file: { name: file.name, text } });
      } catch (error) {
        return set({ error: `Could not read ${file.name}: ${(error as Error).message}` });
      }
      await preview();
    },
    async setMapping(field, column) {
      set((s) => ({ mapping: { ...s.mapping, [field]: column } }));
      await preview();
    },
    async start() {
      const { file, mapping } = get();
      const chosen = mappingOf(mapping);
      if (!file) return set({ error: 'Choose a ticket export (CSV) first.' });
      if (!chosen) return set({ error: 'Choose the columns with each ticket’s created time and its priority.' });
      try {
        const { jobId } = await api['sla.tickets.import']({ text: file.text, mapping: chosen, fileName: file.name });
        set({ jobId, error: undefined, message: undefined });
        const done = useJobs.getState().jobs[jobId]?.done;
        if (done) finished(done);
      } catch (error) {
        set({ error: (error as Error).message });
      }
    },
    async load(policy) {
      set({ policy });
      try {
        const summary = await api['sla.tickets.summary']({ tiers: policy.tiers });
        const tiers = Object.fromEntries(summary.organizations.map((o) => [o.organization, o.tier ?? '']));
        set({ summary, tiers, tiersDirty: false });
        await estimate();
      } catch (error) {
        set({ error: (error as Error).message });
      }
    },
    async setTier(organization, tier) {
      set((s) => ({ tiers: { ...s.tiers, [organization]: tier }, tiersDirty: true }));
      await estimate();
    },
    async saveTiers() {
      try {
        await api['sla.tickets.tiers.save']({ tierMapping: tierMapping(get().tiers) });
        set({ tiersDirty: false, message: 'Saved the tier of each organization.' });
      } catch (error) {
        set({ error: (error as Error).message });
      }
    },
  };
});

/** Bytes as base64, in slices so a large workbook does not overflow the argument list of String.fromCharCode. */
function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let start = 0; start < bytes.length; start += 0x8000) binary += String.fromCharCode(...bytes.subarray(start, start + 0x8000));
  return btoa(binary);
}

function finished(event: JobDoneEvent): void {
  const state = useSlaTickets.getState();
  if (event.kind !== 'sla.tickets' || event.jobId !== state.jobId) return;
  useSlaTickets.setState({ message: event.message, ...(event.status !== 'succeeded' && { error: event.message }) });
  if (event.status === 'succeeded' && state.policy) void state.load(state.policy);
}

onJobDone(finished);
