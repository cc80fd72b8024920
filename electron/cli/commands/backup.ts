/**
 * `staffwise backup`: list the data folder's backups, take one now, or restore one (the way out when the data file
 * is damaged and refused, without opening the app). Same channels as the Data area.
 */
import { callApi, UsageError, type Command } from '../command';

const FLAGS = { name: 'restore' };

export const backupCommand: Command = {
  name: 'backup',
  summary: 'List the automatic backups of the data folder, take one now (--now) or restore one (--restore NAME)',
  usage: 'staffwise backup [--now | --restore NAME] [--data-dir PATH] [--json]',
  options: { now: { type: 'boolean' }, restore: { type: 'string' }, json: { type: 'boolean' } },
  async run(values, ctx) {
    if (values.now && values.restore !== undefined) throw new UsageError('give at most one of --now or --restore NAME');
    if (values.now) {
      const made = await callApi(ctx, 'backups.create', {}, FLAGS);
      ctx.io.out(values.json ? JSON.stringify(made) : `Backed up to ${made.name} (${formatMegabytes(made.sizeBytes)}).`);
      return;
    }
    if (typeof values.restore === 'string') {
      const restored = await callApi(ctx, 'backups.restore', { name: values.restore }, FLAGS);
      ctx.io.out(values.json ? JSON.stringify(restored) : restored.message);
      return;
    }
    const state = await callApi(ctx, 'backups.list', {}, FLAGS);
    if (values.json) {
      ctx.io.out(JSON.stringify(state));
      return;
    }
    if (state.damaged) ctx.io.out(state.damaged.message);
    ctx.io.out(`Backups in ${state.folder} (newest first):`);
    if (state.backups.length === 0) ctx.io.out('  none yet');
    for (const b of state.backups) ctx.io.out(`  ${b.name}  ${b.reason.padEnd(14)} ${formatMegabytes(b.sizeBytes).padStart(9)}`);
  },
};

function formatMegabytes(bytes: number): string {
  return `${(bytes / 1_048_576).toFixed(1)} MB`;
}
