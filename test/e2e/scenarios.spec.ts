import { expect, test } from './fixtures';

test('outage preset on a demo week: interval view, side by side with the baseline, versions with a diff, make baseline, ranges', async ({ page, host }) => {
  test.setTimeout(180_000);
  await page.goto(host.url);
  await page.getByRole('link', { name: 'Scenarios' }).click();
  await expect(page.getByTestId('sc-list')).toContainText('Plan as is');
  await expect(page.getByTestId('sc-baseline-badge')).toHaveCount(1);

  // The outage preset (+300% for 2 days) on the plan's first week.
  await page.getByLabel('Preset', { exact: true }).selectOption('outage');
  await page.getByTestId('sc-add-preset').click();
  await expect(page.getByTestId('sc-change-row')).toHaveCount(1);
  await expect(page.getByLabel('Scenario name')).toHaveValue('Product outage +300%');

  // Side by side: the cost rises and the response is quantified.
  await expect(page.getByTestId('sc-compare')).toContainText('Side by side with the baseline “Plan as is”');
  await expect(page.getByTestId('sc-cost-delta')).toContainText('(+');
  await expect(page.getByTestId('sc-responses')).toContainText('All hands; defer non-critical work');
  await expect(page.getByTestId('sc-responses')).toContainText(/Overtime needed: [\d,.]+ agent-hours/);
  await expect(page.getByTestId('sc-responses')).toContainText(/Extra temporary agents on the shock days: \d+/);

  // The interval view of the two days against the week's staffing.
  await page.getByTestId('sc-show-intervals').click();
  await expect(page.getByTestId('sc-shock')).toContainText('Interval view — week of');
  await expect(page.getByTestId('sc-shock-summary').first()).toContainText(/Service level over the shock \d+\.\d% \(without it \d+\.\d%\)/);
  await expect(page.getByTestId('sc-shock')).toContainText(/Backlog peaks at [\d,]+ items/);

  // A percent field refuses a fraction typed without "%".
  await page.getByLabel('Volume (% change)').fill('0.5');
  await expect(page.getByRole('alert').filter({ hasText: 'Did you mean 50%?' })).toBeVisible();

  // Save version 1, change the outage to +400%, save version 2: its diff names the change.
  await page.getByLabel('Volume (% change)').fill('300');
  await page.getByTestId('sc-save').click();
  await expect(page.getByTestId('sc-version')).toHaveCount(1);
  await page.getByLabel('Volume (% change)').fill('400');
  await page.getByTestId('sc-save').click();
  await expect(page.getByTestId('sc-version')).toHaveCount(2);
  await expect(page.getByTestId('sc-diff').first()).toContainText('volume “Product outage +300%”: value 3 → 4');

  // Make it the baseline: the badge moves, the old baseline stays in the list with its version.
  await page.getByTestId('sc-make-baseline').click();
  await expect(page.getByRole('status')).toContainText('is now the baseline');
  await expect(page.getByTestId('sc-list').locator('tr', { hasText: 'Product outage +300%' })).toContainText('baseline');
  await expect(page.getByTestId('sc-list').locator('tr', { hasText: 'Plan as is' })).not.toContainText('baseline');
  await expect(page.getByTestId('sc-version').first()).toContainText('Made baseline (was “Plan as is”)');
  await expect(page.getByTestId('sc-compare')).toContainText('Side by side with the baseline “Product outage +300%”');

  // Ranges: Monte Carlo with progress, then the P10–P90 band and the hire-up-to advice.
  await page.getByLabel('Runs').fill('300');
  await page.getByTestId('sc-simulate').click();
  await expect(page.getByTestId('sc-hire-up-to')).toContainText('Hire-up-to at P90', { timeout: 60_000 });
});
