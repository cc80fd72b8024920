/**
 * The one source of staffing defaults: what a queue is staffed with until a planner saves a staffing profile for it.
 * The Staffing area starts its form from these, and schedules, plans and scenario shocks use them for queues without
 * a profile. Rates are fractions here; the UI shows them as percentages.
 */
import type { ChannelStaffing } from '../staffing';
import type { ChannelKind } from '../../model';

export const STAFFING_DEFAULTS = {
  /** Seconds per contact when the queue's history has no handle times. */
  fallbackAhtSec: 300,
  /** Live channels: share of contacts answered within `answerSec`. */
  serviceLevel: 0.8,
  answerSec: 20,
  /** Live channels: the most of their time agents are busy. */
  liveMaxOccupancy: 0.85,
  /** Deferred channels: the most of their time agents are busy. */
  deferredMaxOccupancy: 0.9,
  /** Deferred channels: every item answered within this many seconds (4 hours). */
  responseSec: 4 * 3600,
  shrinkage: 0.3,
  /** Chat agents handle this many conversations at once. */
  chatConcurrency: 2,
} as const;

/** Email and social are worked as deferred work (a backlog within a response time); phone and chat are queues. */
export function isDeferredChannel(channel: ChannelKind | string): boolean {
  return channel === 'email' || channel === 'social';
}

/** The staffing a queue gets without a saved profile, at the given interval length. */
export function defaultStaffing(queue: { channel: ChannelKind | string; meanAhtSec: number | null }, intervalMin: number): ChannelStaffing {
  const d = STAFFING_DEFAULTS;
  const aht = Math.round(queue.meanAhtSec ?? d.fallbackAhtSec);
  if (isDeferredChannel(queue.channel)) {
    return { mode: 'deferred', handleSec: aht, responseSec: d.responseSec, intervalMin, maxOccupancy: d.deferredMaxOccupancy, shrinkage: d.shrinkage };
  }
  return {
    mode: 'live',
    intervalMin,
    ahtSec: aht,
    shrinkage: d.shrinkage,
    ...(queue.channel === 'chat' && { concurrency: { concurrency: d.chatConcurrency, efficiency: 1 } }),
    targets: { answerSec: d.answerSec, serviceLevel: d.serviceLevel, maxOccupancy: d.liveMaxOccupancy },
  };
}

/** A saved staffing profile as far as choosing one is concerned. */
export interface ProfileLike<S> {
  name: string;
  queueName: string | null;
  channel: string;
  updatedAt: string;
  settings: S;
}

/** The profile saved for this queue (by name), newest first; profiles of another channel do not apply. */
export function profileFor<P extends Omit<ProfileLike<unknown>, 'settings'>>(profiles: readonly P[], queue: { name: string; channel: string }): P | undefined {
  return profiles
    .filter((p) => p.queueName === queue.name && p.channel === queue.channel)
    .sort((a, b) => b.updatedAt.localeCompare(a.updatedAt))[0];
}

/** The queue's staffing at `intervalMin`: its newest saved profile, else the defaults. */
export function queueStaffing<S extends ChannelStaffing, P extends ProfileLike<S>>(
  profiles: readonly P[],
  queue: { name: string; channel: ChannelKind | string; meanAhtSec: number | null },
  intervalMin: number,
): { staffing: ChannelStaffing; profile: P | undefined } {
  const profile = profileFor(profiles, queue);
  return { staffing: { ...(profile?.settings ?? defaultStaffing(queue, intervalMin)), intervalMin }, profile };
}

/** One line a planner can check: the model and its inputs, e.g. "Erlang C: AHT 300 s, 80% in 20 s, occupancy ≤ 85%". */
export function describeStaffing(s: ChannelStaffing): string {
  const pct = (v: number | undefined) => (v === undefined ? '' : `${Math.round(v * 1000) / 10}%`);
  if (s.mode === 'deferred') {
    return `deferred work: ${Math.round(s.handleSec)} s per item, answered within ${+(s.responseSec / 3600).toFixed(2)} h${s.maxOccupancy ? `, occupancy ≤ ${pct(s.maxOccupancy)}` : ''}`;
  }
  const concurrency = s.concurrency?.concurrency ?? 1;
  return `Erlang ${s.patienceSec ? 'A' : 'C'}: AHT ${Math.round(s.ahtSec)} s, ${pct(s.targets.serviceLevel)} in ${s.targets.answerSec} s${s.targets.maxOccupancy ? `, occupancy ≤ ${pct(s.targets.maxOccupancy)}` : ''}${concurrency > 1 ? `, ${concurrency} contacts at once` : ''}`;
}
