import { expect, test } from './fixtures';

test('an "as of" backtest does not replace the forecast a schedule week uses; the planner chooses the run', async ({ page, host }) => {
  await page.goto(host.url);
  await page.getByRole('link', { name: 'Forecast' }).click();
  await page.getByTestId('fc-queue').selectOption({ label: 'Billing & Accounts (phone)' });
  await page.getByTestId('fc-horizon').fill('14');
  await page.getByTestId('fc-method').selectOption('seasonal-naive');
  await page.getByTestId('fc-run').click();
  await expect(page.getByTestId('job-progress')).toContainText('Forecast ready for Billing & Accounts (phone)', { timeout: 60_000 });
  await page.getByTestId('fc-asof').fill('2026-11-01');
  await page.getByTestId('fc-run').click();
  await expect(page.getByTestId('job-progress')).toContainText('Backtest as of 2026-11-01 ready for Billing & Accounts (phone)', { timeout: 60_000 });
  await expect(page.locator('#fc-runs option').first()).toContainText('#2 · backtest as of 2026-11-01');

  // The week after the history still comes from the forecast (run #1), not from the newer backtest.
  await page.getByRole('link', { name: 'Schedule' }).click();
  await page.getByTestId('sched-week').selectOption('2026-11-23');
  const billingSource = page.getByTestId('sched-requirements').getByRole('row', { name: /Billing & Accounts \(phone\)/ }).getByTestId('sched-source');
  await expect(billingSource).toHaveText('Forecast run #1 (seasonal-naive), every day');
  await expect(page.getByTestId('sched-run-1')).toContainText('Automatic: #1 · seasonal-naive · as of 2026-11-21');
  await expect(page.getByTestId('sched-requirements')).not.toContainText('Billing & Accounts (phone) has neither a forecast nor history');

  // A past week the backtest reaches uses its history until the planner chooses the backtest for it.
  await page.getByTestId('sched-week').selectOption('2026-11-09');
  await expect(billingSource).toContainText('This week’s history');
  const chooser = page.getByTestId('sched-run-1');
  await expect(chooser.locator('option').first()).toHaveText('Automatic: none (only backtests reach this week; history is used)');
  await chooser.selectOption({ label: '#2 · seasonal-naive · backtest as of 2026-11-01 · reaches 7 days of the week' });
  await expect(billingSource).toHaveText('Forecast run #2 (seasonal-naive), every day');

  // The choice is stored: it is still there after a reload.
  await page.reload();
  await page.getByRole('link', { name: 'Schedule' }).click();
  await page.getByTestId('sched-week').selectOption('2026-11-09');
  await expect(page.getByTestId('sched-run-1')).toHaveValue('2');
  await expect(billingSource).toHaveText('Forecast run #2 (seasonal-naive), every day');
  // Going back to automatic restores the history.
  await page.getByTestId('sched-run-1').selectOption('');
  await expect(billingSource).toContainText('This week’s history');
});
