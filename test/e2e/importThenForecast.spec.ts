import { expect, test } from './fixtures';

/** Six weeks of a help-desk export for one group: weekday daytime peaks, quiet weekends; deterministic. */
function ticketExport(): Buffer {
  const lines = ['Ticket ID,Created at,Group,Handle time (seconds)'];
  let id = 1;
  const first = Date.UTC(2026, 8, 28); // Monday 2026-09-28
  for (let day = 0; day < 42; day++) {
    const weekday = day % 7; // 0 = Monday
    const perDay = weekday < 5 ? 90 - weekday * 6 : 25;
    for (let k = 0; k < perDay; k++) {
      // Spread across 13:00–23:00 UTC (09:00–19:00 in New York), denser late morning.
      const minute = 13 * 60 + Math.floor(600 * Math.pow((k + 0.5) / perDay, 1.3));
      const at = new Date(first + day * 86_400_000 + minute * 60_000);
      lines.push(`${id++},${at.toISOString()},Returns,${240 + (k % 7) * 30}`);
    }
  }
  return Buffer.from(lines.join('\n'));
}

test('import a ticket export, forecast the new queue and read the chart', async ({ page, host }) => {
  await page.goto(host.url);
  await page.getByRole('link', { name: 'Data' }).click();
  const panel = page.getByTestId('import-panel');
  await panel.getByTestId('import-file').setInputFiles({ name: 'returns-tickets.csv', mimeType: 'text/csv', buffer: ticketExport() });
  await expect(panel.getByTestId('import-format-tickets')).toBeChecked();
  await expect(panel.getByTestId('import-queues')).toContainText('Returns');
  await panel.getByTestId('import-start').click();
  await expect(panel.getByTestId('job-progress')).toContainText('Imported', { timeout: 30_000 });
  await expect(page.getByTestId('queue-table').getByRole('row').filter({ hasText: 'Returns' })).toContainText('2026-09-28 → 2026-11-08');

  await page.getByRole('link', { name: 'Forecast' }).click();
  await page.getByTestId('fc-queue').selectOption({ label: 'Returns' });
  await page.getByTestId('fc-horizon').fill('7');
  await page.getByTestId('fc-run').click();
  await expect(page.getByTestId('job-progress')).toContainText('Forecast ready for Returns', { timeout: 60_000 });
  await expect(page.getByTestId('fc-scores').locator('tbody tr')).toHaveCount(9);
  await expect(page.getByRole('img', { name: /History, forecast with 80% band/ })).toBeVisible();
  const days = page.getByTestId('fc-days').locator('tbody tr');
  await expect(days).toHaveCount(7);
  await expect(days.first()).toContainText('2026-11-09');
});
