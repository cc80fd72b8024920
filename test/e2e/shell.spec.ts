import { expect, test } from './fixtures';

test('opens on the demo workspace with every area built: Hiring & ramp and Scenarios open on the demo plan', async ({ page, host }) => {
  await page.goto(host.url);
  await expect(page.getByRole('heading', { name: 'Northwind Support (demo)' })).toBeVisible();
  await expect(page.getByTestId('agent-count')).toContainText('40');
  await expect(page.getByRole('img', { name: 'Daily contacts by queue' })).toBeVisible();

  await page.getByRole('link', { name: 'Hiring & ramp' }).click();
  await expect(page.getByTestId('plan-select')).toContainText('Next 52 weeks (demo)');
  await page.getByRole('link', { name: 'Scenarios' }).click();
  await expect(page.getByTestId('sc-list')).toContainText('Plan as is');
  // Keyboard: Alt+3 opens Staffing.
  await page.keyboard.press('Alt+3');
  await expect(page.getByRole('heading', { name: 'Phone and chat (Erlang C / Erlang A)' })).toBeVisible();
});

test('the Data area resets the demo with a progress bar', async ({ page, host }) => {
  await page.goto(host.url);
  await page.getByRole('link', { name: 'Data' }).click();
  await expect(page.getByTestId('queue-table')).toContainText('Billing & Accounts (phone)');
  await page.getByTestId('demo-weeks').fill('3');
  await page.getByTestId('demo-reset').click();
  await expect(page.getByRole('alert').filter({ hasText: 'Enter a whole number of weeks from 4 to 156' })).toBeVisible();
  await page.getByTestId('demo-weeks').fill('8');
  page.once('dialog', (dialog) => void dialog.accept());
  await page.getByTestId('demo-reset').click();
  await expect(page.getByTestId('job-progress')).toContainText('Demo workspace ready: 40 agents, 3 queues');
  await expect(page.getByTestId('queue-table')).toContainText('2026-09-27 → 2026-11-21');
});
