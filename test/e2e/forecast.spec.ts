import { expect, test } from './fixtures';

test('forecast a queue, read the method comparison, adjust a day and export', async ({ page, host }) => {
  await page.goto(host.url);
  await page.getByRole('link', { name: 'Forecast' }).click();
  await expect(page.getByText('No forecast for this queue yet.')).toBeVisible();
  await page.getByTestId('fc-queue').selectOption({ label: 'Email & Tickets' });
  await page.getByTestId('fc-horizon').fill('7');
  await page.getByTestId('fc-run').click();
  await expect(page.getByTestId('job-progress')).toContainText('Forecast ready for Email & Tickets', { timeout: 60_000 });

  const scores = page.getByTestId('fc-scores');
  await expect(scores.locator('tbody tr')).toHaveCount(9);
  await expect(scores.locator('tr.chosen')).toHaveCount(1);
  await expect(page.getByRole('img', { name: /History, forecast with 80% band/ })).toBeVisible();
  await expect(page.getByRole('img', { name: 'Intraday profile by weekday' })).toBeVisible();
  // The page states the rule the engine applied, and at what level WAPE is measured.
  await expect(page.getByText(/Another method replaces it only when its backtest WAPE per interval is lower by more than 2 standard errors/)).toBeVisible();
  await expect(page.getByTestId('fc-choice')).toContainText(/^Why [a-z-]+: .*(is used|is kept)/);
  await expect(scores.locator('thead')).toContainText('WAPE per 30-min interval');
  await expect(scores.locator('thead')).toContainText('WAPE per day');
  await expect(scores.locator('tbody tr').first().locator('td').nth(2)).toHaveText(/^\d+\.\d\d%$/);
  // The intraday forecast in contacts, with the forecast AHT and where it came from.
  const intraday = page.getByTestId('fc-intraday');
  await expect(intraday.getByRole('img', { name: /^Forecast contacts per 30-minute interval on 2026-11-22, with 80% band and forecast AHT$/ })).toBeVisible();
  await expect(page.getByTestId('fc-intraday-total')).toHaveText(/^[\d,]+ contacts over \d+ open intervals of 30 minutes\.$/);
  await expect(page.getByTestId('fc-aht-source')).toContainText('Forecast AHT: Mean handle time per contact (Σ volume × AHT ÷ Σ volume) of the same weekday and 30-minute time of day, 2026-09-27 to 2026-11-21');

  const days = page.getByTestId('fc-days');
  await expect(days.locator('tbody tr')).toHaveCount(7);
  const firstDay = days.locator('tbody tr').first();
  await firstDay.getByRole('textbox').fill('999');
  await firstDay.getByRole('textbox').press('Enter');
  await expect(firstDay).toHaveClass(/adjusted/);
  await firstDay.getByRole('button', { name: 'Revert' }).click();
  await expect(firstDay).not.toHaveClass(/adjusted/);

  const download = page.waitForEvent('download');
  await page.getByTestId('fc-export').click();
  expect((await download).suggestedFilename()).toMatch(/^forecast-email-tickets-2026-11-21\.csv$/);

  // A bad event is refused at its field.
  await page.getByTestId('ev-name').fill('Spring sale');
  await page.getByTestId('ev-startDate').fill('next friday');
  await page.getByTestId('ev-add').click();
  await expect(page.getByRole('alert').filter({ hasText: 'Use a date like 2026-11-16' })).toBeVisible();
});

test('a forecast made as of an earlier date is compared with the actuals', async ({ page, host }) => {
  await page.goto(host.url);
  await page.getByRole('link', { name: 'Forecast' }).click();
  await page.getByTestId('fc-queue').selectOption({ label: 'Product Support (chat)' });
  await page.getByTestId('fc-horizon').fill('14');
  await page.getByTestId('fc-asof').fill('2026-11-01');
  await page.getByTestId('fc-run').click();
  const accuracy = page.getByTestId('fc-accuracy');
  await expect(accuracy).toContainText('Week of 2026-11-02', { timeout: 60_000 });
  await expect(accuracy).toContainText('Month 2026-11');
});
