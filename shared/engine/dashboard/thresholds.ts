/**
 * Real-time thresholds of the capacity dashboard, applied per interval of the published schedule against the
 * forecast, with the action to take where an interval turns red:
 *
 *   metric            green             yellow          red             action when red
 *   wait (ASA)        under 5 min       5–15 min        over 15 min     all hands: every available agent on the queue
 *   queue depth       under 10          10–25           over 25         pull agents from training and meetings
 *   utilization       70–80% (or less)  80–90%          over 90%        pull from training; postpone coaching
 *   available agents  per plan (−0–1)   2–4 short       more than 4     call in backups (part-timers, overtime)
 */
import { weightedLeastSquares } from '../forecast/leastSquares';

export type RagStatus = 'green' | 'yellow' | 'red';
export type RagMetric = 'wait' | 'queueDepth' | 'utilization' | 'agentsShort';

export interface RagRule {
  metric: RagMetric;
  label: string;
  unit: string;
  /** Values up to `green` are green, up to `yellow` yellow, above red (all metrics: higher is worse). */
  green: number;
  yellow: number;
  action: string;
  bands: string;
}

export const RAG_RULES: Record<RagMetric, RagRule> = {
  wait: { metric: 'wait', label: 'Wait (ASA)', unit: 'min', green: 5, yellow: 15, action: 'All hands: put every available agent on the queue', bands: 'under 5 / 5–15 / over 15 min' },
  queueDepth: { metric: 'queueDepth', label: 'Queue depth', unit: 'waiting', green: 10, yellow: 25, action: 'Pull agents from training and meetings onto the queue', bands: 'under 10 / 10–25 / over 25' },
  utilization: { metric: 'utilization', label: 'Utilization', unit: '%', green: 80, yellow: 90, action: 'Pull agents from training; postpone coaching and projects', bands: '70–80% / 80–90% / over 90%' },
  agentsShort: { metric: 'agentsShort', label: 'Agents short of plan', unit: 'agents', green: 1, yellow: 4, action: 'Call in backups: part-timers, overtime, cross-trained agents', bands: 'per plan / 2–4 short / more' },
};

/** Wait and queue depth turn yellow at their limit (5 min is already yellow); utilization and agents above it. */
const YELLOW_AT_LIMIT: Record<RagMetric, boolean> = { wait: true, queueDepth: true, utilization: false, agentsShort: false };

export function ragStatus(metric: RagMetric, value: number): RagStatus {
  const rule = RAG_RULES[metric];
  const atLimit = YELLOW_AT_LIMIT[metric];
  if (atLimit ? value < rule.green : value <= rule.green) return 'green';
  if (value <= rule.yellow) return 'yellow';
  return 'red';
}

export function worstStatus(statuses: readonly RagStatus[]): RagStatus {
  if (statuses.includes('red')) return 'red';
  if (statuses.includes('yellow')) return 'yellow';
  return 'green';
}

/** A straight line through (0, y0), (1, y1), …: the forecast engine's least squares on [1, x]. */
export function trendLine(values: readonly number[]): { slope: number; intercept: number } {
  if (values.length < 2) return { slope: 0, intercept: values[0] ?? 0 };
  const [intercept, slope] = weightedLeastSquares(values.map((_, x) => [1, x]), [...values], values.map(() => 1));
  return { slope, intercept };
}

/** Hours whose scheduled agents are under this share of the requirement count as coverage gaps. */
export const COVERAGE_GAP_SHARE = 0.5;
