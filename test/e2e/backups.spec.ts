/** Data area: a demo reset says what it deletes and is undone from its backup; a damaged file offers its newest good backup. */
import { closeSync, existsSync, openSync, statSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from './fixtures';
import { startHostProcess } from '../helpers/hostProcess';

test('the demo reset lists what it deletes, backs up first, and the backup undoes it', async ({ page, host }) => {
  await page.goto(host.url);
  await page.getByRole('link', { name: 'Data' }).click();
  await expect(page.getByTestId('queue-table')).toContainText('Billing & Accounts (phone)');
  await page.getByTestId('demo-weeks').fill('8');
  let confirmation = '';
  page.once('dialog', (dialog) => {
    confirmation = dialog.message();
    void dialog.accept();
  });
  await page.getByTestId('demo-reset').click();
  await expect(page.getByTestId('job-progress')).toContainText('backed up as staffwise-');
  expect(confirmation).toMatch(/This deletes:\n• 3 queues with [\d,]+ intervals of contact history\n• 0 forecast runs and 0 day adjustments\n• \d+ forecast events?\n• 0 schedules\n• 40 agents\nKept: saved capacity calculations/);
  expect(confirmation).toContain('A backup is taken first');
  await expect(page.getByTestId('queue-table')).toContainText('2026-09-27 → 2026-11-21');

  const row = page.getByTestId('backup-row').filter({ hasText: 'Before a demo reset' });
  await expect(row).toHaveCount(1);
  page.once('dialog', (dialog) => void dialog.accept());
  await row.getByRole('button', { name: 'Restore' }).click();
  await expect(page.getByTestId('backups-notice')).toContainText('Restored staffwise-');
  // The 26 weeks of the original demo are back.
  await expect(page.getByTestId('queue-table')).toContainText('2026-05-24 → 2026-11-21');
  await expect(page.getByTestId('backup-row').filter({ hasText: 'Before a restore' })).toHaveCount(1);
});

test('a damaged data file is refused and its newest good backup restored from the Data area', async ({ page, dataDir }) => {
  // Two starts: the second takes the day's backup of the seeded workspace.
  for (let i = 0; i < 2; i++) await (await startHostProcess(dataDir)).stop();
  const file = join(dataDir, 'staffwise.db');
  // Closed cleanly: no write-ahead log whose newer copy of the page would hide the damage.
  expect(existsSync(`${file}-wal`) && statSync(`${file}-wal`).size > 0).toBe(false);
  const fd = openSync(file, 'r+');
  writeSync(fd, Buffer.alloc(4096, 0xa5), 0, 4096, Math.floor(statSync(file).size / 4096 / 2) * 4096);
  closeSync(fd);

  const host = await startHostProcess(dataDir);
  try {
    await page.goto(host.url);
    await expect(page.getByRole('alert').first()).toContainText('is damaged');
    await page.getByRole('link', { name: 'Data' }).click();
    await expect(page.getByTestId('backups-damaged')).toContainText('Staffwise will not write to it');
    page.once('dialog', (dialog) => void dialog.accept());
    await page.getByTestId('restore-newest-good').click();
    await expect(page.getByTestId('backups-notice')).toContainText('The damaged file was moved to');
    await expect(page.getByTestId('queue-table')).toContainText('Billing & Accounts (phone)');
  } finally {
    await host.stop();
  }
});
