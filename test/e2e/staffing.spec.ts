import { expect, test } from './fixtures';

test('the Erlang calculator shows the published cases with every step', async ({ page, host }) => {
  await page.goto(host.url);
  await page.getByRole('link', { name: 'Staffing' }).click();
  // Defaults are the published example: 100 calls in 30 min, AHT 180 s, 80% in 20 s, max occupancy 85%, shrinkage 30%.
  await expect(page.getByTestId('erlang-agents-result')).toHaveText('14');
  await expect(page.getByTestId('erlang-rostered')).toHaveText('20');
  await expect(page.getByTestId('erlang-traffic')).toHaveText('10 Erl');
  await expect(page.getByTestId('erlang-service-level')).toHaveText('88.8%');
  await expect(page.getByTestId('erlang-asa')).toHaveText('7.84 s');
  await expect(page.getByTestId('erlang-occupancy')).toHaveText('71.4%');
  await expect(page.getByTestId('erlang-pwait')).toHaveText('0.1741');
  await expect(page.getByTestId('erlang-steps')).toContainText('A = calls × AHT ÷ interval = 100 × 180 ÷ 1800');

  await page.getByTestId('erlang-max-occupancy').fill('70');
  await expect(page.getByTestId('erlang-agents-result')).toHaveText('15');
  await expect(page.getByTestId('erlang-rostered')).toHaveText('22');

  // Erlang A, evaluating 14 agents with a mean patience of 300 s.
  await page.getByTestId('erlang-max-occupancy').fill('');
  await page.getByTestId('erlang-patience').fill('300');
  await page.getByTestId('erlang-agents').fill('14');
  await expect(page.getByTestId('erlang-pabandon')).toHaveText('0.0140');
  await expect(page.getByTestId('erlang-pwait')).toHaveText('0.1453');
  await expect(page.getByTestId('erlang-occupancy')).toHaveText('70.4%');
  await expect(page.getByTestId('erlang-asa')).toHaveText('4.20 s');

  // Bad inputs are flagged at the field.
  await page.getByTestId('erlang-sl').fill('120');
  await expect(page.getByRole('alert').filter({ hasText: 'Service level must be above 0% and below 100%' })).toBeVisible();
  await page.getByTestId('erlang-sl').fill('80');
  await page.getByTestId('erlang-aht').fill('0');
  await expect(page.getByRole('alert').filter({ hasText: 'AHT must be greater than 0 seconds' })).toBeVisible();
  await page.getByTestId('erlang-aht').fill('180');
  // Without abandonment, 8 agents cannot carry 10 Erlangs.
  await page.getByTestId('erlang-patience').fill('');
  await page.getByTestId('erlang-agents').fill('8');
  await expect(page.getByTestId('erlang-unstable')).toBeVisible();
  await expect(page.getByTestId('erlang-asa')).toHaveText('∞');
});

test('a fraction typed into a % field is refused with the percentage meant, never read as under 1%', async ({ page, host }) => {
  await page.goto(host.url);
  await page.getByRole('link', { name: 'Staffing' }).click();
  await expect(page.getByTestId('erlang-agents-result')).toHaveText('14');
  await page.getByTestId('erlang-sl').fill('0.8');
  await expect(page.getByRole('alert').filter({ hasText: 'Did you mean 80%?' })).toBeVisible();
  // The result is not recomputed from 0.8%: the last valid answer stays, marked stale.
  await expect(page.getByText('Showing the last valid result: fix the highlighted fields.')).toBeVisible();
  // Read as 0.8%, the occupancy cap alone would have asked for 12 agents.
  await expect(page.getByTestId('erlang-agents-result')).toHaveText('14');
  // The target table speaks in %.
  await page.getByTestId('erlang-sl').fill('80');
  await expect(page.getByRole('row', { name: /Service level 80\.00% 88\.8/ })).toBeVisible();
  await page.getByTestId('erlang-max-occupancy').fill('0.85');
  await expect(page.getByRole('alert').filter({ hasText: 'Did you mean 85%?' })).toBeVisible();
  // The sign says a small value is meant.
  await page.getByTestId('erlang-max-occupancy').fill('');
  await page.getByTestId('erlang-patience').fill('300');
  await page.getByTestId('erlang-max-abandon').fill('0.5%');
  await expect(page.getByRole('row', { name: /Abandonment 0\.50%/ })).toBeVisible();

  await page.getByRole('tab', { name: 'Capacity' }).click();
  await page.getByTestId('capacity-utilization').fill('0.75');
  await expect(page.getByRole('alert').filter({ hasText: 'Did you mean 75%?' })).toBeVisible();
});

test('the email calculator levels deferred work over the response window', async ({ page, host }) => {
  await page.goto(host.url);
  await page.getByRole('link', { name: 'Staffing' }).click();
  await page.getByRole('tab', { name: 'Email & tickets' }).click();
  await expect(page).toHaveURL(/#\/staffing\/email$/);
  // 420 items over 12 h at 8 min each, worked at 90% occupancy: 35 items/h × 8 ÷ 60 ÷ 0.9 = 5.19 → 6 agents.
  await expect(page.getByTestId('email-peak')).toHaveText('6');
  await expect(page.getByTestId('email-steps')).toContainText('56 agent-hours');
  await page.getByTestId('email-response').fill('0.05');
  await expect(page.getByRole('alert').filter({ hasText: 'shorter than the handle time' })).toBeVisible();
});

test('a week of interval requirements from the demo queue, saved as a profile', async ({ page, host }) => {
  await page.goto(host.url);
  await page.getByRole('link', { name: 'Staffing' }).click();
  await page.getByRole('tab', { name: 'Interval requirements' }).click();
  await page.getByTestId('req-calculate').click();
  const table = page.getByTestId('req-table');
  await expect(table.locator('tbody tr')).toHaveCount(7 * 96);
  await expect(page.getByTestId('req-peak')).not.toHaveText('0');
  await expect(table).toContainText('closed');

  await page.getByTestId('req-profile-name').fill('Billing phones 80/20');
  await page.getByTestId('req-profile-save').click();
  await expect(page.getByTestId('req-notice')).toHaveText('Saved profile "Billing phones 80/20".');
  await expect(page.getByTestId('req-profiles')).toContainText('Billing phones 80/20');

  // Pasted volumes with a bad line are refused with its line number.
  await page.getByTestId('req-source-paste').check();
  await page.getByTestId('req-paste').fill('timestamp,volume\n2026-11-16T08:00,40\n2026-11-16T08:15,lots\n2026-11-16T08:30,45');
  await page.getByTestId('req-calculate').click();
  await expect(page.getByRole('alert').filter({ hasText: 'Line 3' })).toBeVisible();
  await page.getByTestId('req-paste').fill('timestamp,volume\n2026-11-16T08:00,40\n2026-11-16T08:15,52\n2026-11-16T08:30,45');
  await page.getByTestId('req-calculate').click();
  await expect(table.locator('tbody tr')).toHaveCount(3);
});

test('interval requirements from a forecast week use the forecast AHT per interval and say where it came from', async ({ page, host }) => {
  await page.goto(host.url);
  await page.getByRole('link', { name: 'Forecast' }).click();
  await page.getByTestId('fc-queue').selectOption({ label: 'Billing & Accounts (phone)' });
  await page.getByTestId('fc-method').selectOption('seasonal-naive');
  await page.getByTestId('fc-run').click();
  await expect(page.getByTestId('job-progress')).toContainText('Forecast ready for Billing & Accounts (phone)', { timeout: 60_000 });

  await page.getByRole('link', { name: 'Staffing' }).click();
  await page.getByRole('tab', { name: 'Interval requirements' }).click();
  // The queue is named once, not "Billing & Accounts (phone) (phone)".
  await expect(page.getByTestId('req-queue').locator('option').first()).toHaveText('Billing & Accounts (phone)');
  await page.getByTestId('req-source-forecast').check();
  await expect(page.getByTestId('req-run')).toContainText('#1 · as of 2026-11-21 · seasonal-naive · 14 days');
  await page.getByTestId('req-calculate').click();
  await expect(page.getByTestId('req-volume-source')).toHaveText('Volumes: forecast run #1 (seasonal-naive, as of 2026-11-21), 2026-11-23 to 2026-11-29.');
  await expect(page.getByTestId('req-aht-source')).toContainText('AHT per interval from forecast run #1: Mean handle time per contact');
  const table = page.getByTestId('req-table');
  await expect(table.locator('thead')).toContainText('AHT (s)');
  // The table opens at the first open interval (08:00 Monday), not on the closed night rows.
  const firstOpen = table.locator('tbody tr[data-open="true"]').first();
  await expect(firstOpen.locator('td').first()).toHaveText('2026-11-23 08:00');
  await expect(firstOpen).toBeInViewport();
  await expect(table.locator('tbody tr').first()).not.toBeInViewport();
  const aht = Number(await firstOpen.locator('td').nth(2).textContent());
  expect(aht).toBeGreaterThan(297);
  expect(aht).toBeLessThan(363);

  // Without the forecast AHT, the typed one is used and no AHT column appears.
  await page.getByTestId('req-forecast-aht').uncheck();
  await page.getByTestId('req-calculate').click();
  await expect(page.getByTestId('req-aht-source')).toHaveCount(0);
  await expect(table.locator('thead')).not.toContainText('AHT (s)');
});
