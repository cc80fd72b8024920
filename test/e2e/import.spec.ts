import { readFileSync } from 'node:fs';
import { expect, test } from './fixtures';

const zendesk = readFileSync(new URL('../fixtures/import/zendesk-tickets.csv', import.meta.url));
const nyFallBack = readFileSync(new URL('../fixtures/import/ny-fall-back-15min.csv', import.meta.url));

test('imports a ticket export through the Data area: preview, bad rows by line, progress, result and the new queues', async ({ page, host }) => {
  await page.goto(host.url);
  await page.getByRole('link', { name: 'Data' }).click();
  const panel = page.getByTestId('import-panel');
  await expect(panel.getByTestId('import-empty')).toContainText('Choose a CSV file to see a preview');
  await expect(panel.getByTestId('import-history')).toContainText('No imports yet');

  await panel.getByTestId('import-file').setInputFiles({ name: 'zendesk-tickets.csv', mimeType: 'text/csv', buffer: zendesk });
  await expect(panel.getByTestId('import-format-tickets')).toBeChecked();
  await expect(panel.getByTestId('import-counts')).toContainText('8 rows, 6 good, 2 bad');
  // The suggested mapping: Created at, Group + Via, handle time in minutes.
  await expect(panel.getByTestId('import-created-at')).toHaveValue('2');
  await expect(panel.getByTestId('import-queue-column')).toHaveValue('4');
  await expect(panel.getByTestId('import-channel-column')).toHaveValue('5');
  await expect(panel.getByTestId('import-handle-unit')).toHaveValue('minutes');
  await expect(panel.getByTestId('import-rows')).toContainText('2024-11-03 01:00 (-05:00)');
  const badRows = panel.getByTestId('import-bad-rows');
  await expect(badRows.getByRole('row').filter({ hasText: 'Created-at "not a date"' })).toContainText('9');
  await expect(badRows.getByRole('row').filter({ hasText: 'Handle time "a while"' })).toContainText('10');
  await expect(panel.getByTestId('import-queues')).toContainText('New 15-minute queue');
  await panel.getByTestId('import-queue-channel-Support / Web form').selectOption('chat');

  await panel.getByTestId('import-start').click();
  await expect(panel.getByTestId('job-progress')).toContainText(
    'Imported 6 contacts into queues Billing / Email (new, email), Support / Email (new, email), Support / Web form (new, chat) on 2024-11-03: 300 intervals.',
  );
  await expect(panel.getByTestId('job-progress')).toContainText('2 bad rows skipped');
  await expect(panel.getByTestId('import-result')).toContainText('Support / Web form');
  await expect(panel.getByTestId('import-history')).toContainText('zendesk-tickets.csv');
  const queueTable = page.getByTestId('queue-table');
  await expect(queueTable.getByRole('row').filter({ hasText: 'Billing / Email' })).toContainText('2024-11-03 → 2024-11-03');
  await expect(queueTable.getByRole('row').filter({ hasText: 'Support / Web form' })).toContainText('chat');
  // The preview now says the same file would replace those days.
  await expect(panel.getByTestId('import-queues')).toContainText('its intervals on the imported days are replaced');
});

test.describe('with slowed jobs', () => {
  test.use({ hostEnv: { STAFFWISE_JOB_STEP_DELAY_MS: '150' } });

test('flags problems at their field, imports interval counts into a named queue, and cancels a large import', async ({ page, host }) => {
  await page.goto(host.url);
  await page.getByRole('link', { name: 'Data' }).click();
  const panel = page.getByTestId('import-panel');

  await panel.getByTestId('import-file').setInputFiles({ name: 'empty.csv', mimeType: 'text/csv', buffer: Buffer.from('  \n') });
  await expect(panel.getByRole('alert').filter({ hasText: 'empty.csv is empty' })).toBeVisible();

  await panel.getByTestId('import-file').setInputFiles({ name: 'zendesk-tickets.csv', mimeType: 'text/csv', buffer: zendesk });
  await expect(panel.getByTestId('import-counts')).toContainText('6 good');
  // Mapping the created-at to the Subject column makes every row bad: nothing to import.
  await panel.getByTestId('import-created-at').selectOption('1');
  await expect(panel.getByTestId('import-counts')).toContainText('0 good, 8 bad');
  await expect(panel.getByTestId('import-start')).toBeDisabled();
  await panel.getByTestId('import-queue-column').selectOption('1');
  await expect(panel.getByRole('alert').filter({ hasText: 'The created-at column cannot also name the queue' })).toBeVisible();

  await panel.getByTestId('import-file').setInputFiles({ name: 'night.csv', mimeType: 'text/csv', buffer: nyFallBack });
  await expect(panel.getByTestId('import-format-intervals')).toBeChecked();
  await expect(panel.getByTestId('import-counts')).toContainText('15-minute intervals detected: 20 good rows, 0 bad, 2024-11-03 → 2024-11-03, 210 contacts');
  await panel.getByTestId('import-queue-name').fill('');
  await panel.getByTestId('import-start').click();
  await expect(panel.getByRole('alert').filter({ hasText: 'Name the queue these counts belong to.' })).toBeVisible();
  await panel.getByTestId('import-queue-name').fill('Night phones');
  await panel.getByTestId('import-channel').selectOption('phone');
  await panel.getByTestId('import-start').click();
  await expect(panel.getByTestId('job-progress')).toContainText('Imported 210 contacts into queue Night phones (new, phone) on 2024-11-03: 20 intervals.');
  await expect(page.getByTestId('queue-table').getByRole('row').filter({ hasText: 'Night phones' })).toContainText('20');

  // A 300,000-ticket export, its worker slowed so the click lands mid-import: Cancel leaves nothing behind.
  const lines = ['id,created_at,group,handle_time_sec'];
  const start = Date.UTC(2025, 0, 6, 14);
  for (let i = 0; i < 300_000; i++) lines.push(`${i},${new Date(start + i * 20_000).toISOString()},Big queue,120`);
  await panel.getByTestId('import-file').setInputFiles({ name: 'big.csv', mimeType: 'text/csv', buffer: Buffer.from(lines.join('\n')) });
  await expect(panel.getByTestId('import-format-tickets')).toBeChecked();
  await expect(panel.getByTestId('import-counts')).toContainText('The first part of the file checked');
  await panel.getByTestId('import-start').click();
  await expect(panel.getByRole('progressbar')).toBeVisible();
  await panel.getByTestId('job-progress').getByRole('button', { name: 'Cancel' }).click();
  await expect(panel.getByTestId('job-progress')).toContainText('Cancelled; nothing was changed.');
  await expect(page.getByTestId('queue-table')).not.toContainText('Big queue');
});
});
