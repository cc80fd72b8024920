/** The demo reset's confirmation: exactly what will be deleted (counted now), what is kept, and how to undo it. */
import type { ResetImpact } from '../../../../shared/api/channels/backups';
import { formatNumber } from '../../components/format';

const counted = (n: number, one: string, many = `${one}s`) => `${formatNumber(n)} ${n === 1 ? one : many}`;

export function resetConfirmation(impact: ResetImpact): string {
  const imported = impact.importedQueues > 0 ? ` (${counted(impact.importedQueues, 'queue')} from your imports)` : '';
  const published = impact.publishedSchedules > 0 ? ` (${formatNumber(impact.publishedSchedules)} published)` : '';
  return [
    'Replace the workspace with a fresh demo? This deletes:',
    `• ${counted(impact.queues, 'queue')}${imported} with ${counted(impact.intervals, 'interval')} of contact history`,
    `• ${counted(impact.forecastRuns, 'forecast run')} and ${counted(impact.forecastAdjustments, 'day adjustment')}`,
    `• ${counted(impact.forecastEvents, 'forecast event')}`,
    `• ${counted(impact.schedules, 'schedule')}${published}`,
    `• ${counted(impact.agents, 'agent')}`,
    `Kept: ${impact.kept.join(', ')}.`,
    'A backup is taken first: to undo, restore it under Data → Backups.',
  ].join('\n');
}
