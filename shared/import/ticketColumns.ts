/**
 * Suggests which columns of a help-desk export (Zendesk, Freshdesk, a contact-centre platform) hold the contact's
 * creation time, its queue and channel, and its handle time. The planner confirms or changes the suggestion.
 */
import { normalizeHeader } from './headers';
import type { DurationUnit } from './numbers';
import { parseTimestamp } from './timestamp';

export interface HandleTimeColumn {
  column: number;
  /** How plain numbers in the column are read; `h:mm:ss` values are read as written. */
  unit: DurationUnit;
}

/** Which column holds what; the aggregation reads exactly these. */
export interface TicketColumnMapping {
  createdAt: number;
  /** Columns whose values, joined with " / ", name the queue (e.g. group and channel); none puts every contact in one queue. */
  queue: readonly number[];
  handleTime?: HandleTimeColumn | null;
}

export interface SuggestedTicketMapping {
  /** null when no column looks like a creation time: the planner must choose one. */
  createdAt: number | null;
  /** The group or queue column first, then the channel column, where the export has them. */
  queue: number[];
  handleTime: HandleTimeColumn | null;
}

type Rule = readonly [pattern: RegExp, score: number];

/** Later-stage timestamps (updated, solved, first reply…) must never pass for the creation time. */
const NOT_CREATION = /\b(updated|solved|closed|resolved|due|assigned|reply|replied|last|first|status|id)\b/;

const CREATED_AT_RULES: readonly Rule[] = [
  [/^(ticket |contact |case |conversation )?(created|creation)( at| time| timestamp| date ?time| datetime)?$/, 100],
  [/^(ticket |contact )?created (date|on)$|^date created$|^creation date$/, 60],
  [/^(ticket |contact )?(arrival time|received at|start time|started at|opened at|offered at|contact start|call start|timestamp|date ?time|datetime)$/, 50],
  [/\bcreated\b/, 40],
  [/\b(timestamp|datetime)\b/, 20],
];

const QUEUE_RULES: readonly Rule[] = [
  [/^(ticket |assigned |agent )?(group|group name|queue|queue name|team|team name|department|skill|skill group)$/, 100],
  [/\b(group|queue|team|department)\b/, 50],
];

const CHANNEL_RULES: readonly Rule[] = [
  [/^(ticket |contact )?(channel|via|source|medium|media type|channel type|contact type|type of contact)$/, 100],
  [/\bchannel\b/, 50],
];

const HANDLE_TIME_RULES: readonly Rule[] = [
  [/\b(handle|handling) time\b|^aht\b|\baverage handle\b|\b(talk|work|agent work) time\b|\btime (spent|tracked|worked)\b/, 100],
  [/\bfull resolution time\b/, 60],
  [/\bresolution time\b/, 40],
];

const UNIT_PATTERNS: readonly (readonly [RegExp, DurationUnit])[] = [
  [/\b(s|sec|secs|second|seconds)\b/, 'seconds'],
  [/\b(m|min|mins|minute|minutes)\b/, 'minutes'],
  [/\b(h|hr|hrs|hour|hours)\b/, 'hours'],
];

/** Share of sample values that must read as timestamps for an unnamed column to be taken as the creation time. */
const TIMESTAMP_SAMPLE_SHARE = 0.8;

/**
 * Suggests a mapping from the header row. `sampleRows` (a few data rows) are used only when no header names the
 * creation time: the first column whose values read as timestamps is suggested instead.
 */
export function detectColumns(header: readonly string[], sampleRows: readonly (readonly string[])[] = []): SuggestedTicketMapping {
  const names = header.map(normalizeHeader);
  const taken = new Set<number>();
  const pick = (rules: readonly Rule[], exclude?: RegExp): number | null => {
    const column = bestColumn(names, rules, taken, exclude);
    if (column !== null) taken.add(column);
    return column;
  };
  const createdAt = pick(CREATED_AT_RULES, NOT_CREATION) ?? columnOfTimestamps(header.length, sampleRows, taken);
  if (createdAt !== null) taken.add(createdAt);
  const queue = pick(QUEUE_RULES, /\bid\b/);
  const channel = pick(CHANNEL_RULES, /\bid\b/);
  const handleTimeColumn = pick(HANDLE_TIME_RULES);
  return {
    createdAt,
    queue: [queue, channel].filter((column): column is number => column !== null),
    handleTime: handleTimeColumn === null ? null : { column: handleTimeColumn, unit: unitOf(names[handleTimeColumn]) },
  };
}

function bestColumn(names: readonly string[], rules: readonly Rule[], taken: ReadonlySet<number>, exclude?: RegExp): number | null {
  let best: number | null = null;
  let bestScore = 0;
  for (let column = 0; column < names.length; column++) {
    if (taken.has(column) || exclude?.test(names[column])) continue;
    const score = rules.find(([pattern]) => pattern.test(names[column]))?.[1] ?? 0;
    if (score > bestScore) {
      best = column;
      bestScore = score;
    }
  }
  return best;
}

function columnOfTimestamps(columnCount: number, sampleRows: readonly (readonly string[])[], taken: ReadonlySet<number>): number | null {
  if (sampleRows.length === 0) return null;
  for (let column = 0; column < columnCount; column++) {
    if (taken.has(column)) continue;
    const readable = sampleRows.filter((row) => parseTimestamp(row[column] ?? '') !== null).length;
    if (readable >= TIMESTAMP_SAMPLE_SHARE * sampleRows.length) return column;
  }
  return null;
}

/** The unit a header names ("… in minutes", "AHT (sec)"); seconds, the usual unit of handle time, otherwise. */
function unitOf(normalizedName: string): DurationUnit {
  return UNIT_PATTERNS.find(([pattern]) => pattern.test(normalizedName))?.[1] ?? 'seconds';
}
