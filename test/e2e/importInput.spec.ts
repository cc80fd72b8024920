/** Data area import: a new file clears the previous file's messages; a Windows-1252 file is read as such and said so. */
import { readFileSync } from 'node:fs';
import { expect, test } from './fixtures';

const nyFallBack = readFileSync(new URL('../fixtures/import/ny-fall-back-15min.csv', import.meta.url));

test('choosing a new file clears the previous import’s success message, and a Windows-1252 file is named as such', async ({ page, host }) => {
  await page.goto(host.url);
  await page.getByRole('link', { name: 'Data' }).click();
  const panel = page.getByTestId('import-panel');
  await panel.getByTestId('import-file').setInputFiles({ name: 'Night phones.csv', mimeType: 'text/csv', buffer: nyFallBack });
  await expect(panel.getByTestId('import-format-intervals')).toBeChecked();
  await panel.getByTestId('import-start').click();
  await expect(panel.getByTestId('job-progress')).toContainText('Imported 210 contacts into queue Night phones');

  // "Café Support" as Excel on Windows saves it: é is the single byte 0xE9.
  const latin1 = Buffer.from('Created at,Group\n2024-05-06 08:01,Caf\u00e9 Support\n2024-05-06 08:20,Caf\u00e9 Support\n', 'latin1');
  await panel.getByTestId('import-file').setInputFiles({ name: 'cafe.csv', mimeType: 'text/csv', buffer: latin1 });
  await expect(panel.getByTestId('job-progress')).toHaveCount(0);
  await expect(panel).toContainText('read as Windows-1252 (not UTF-8)');
  await expect(panel.getByTestId('import-queues')).toContainText('Café Support');
});
