import { expect, test } from './fixtures';

test('hiring & ramp: add a class, see the gap and its ramp schedule change, optimise, read why a week stays short, find the new hires in the schedule at their load', async ({ page, host }) => {
  test.setTimeout(240_000);
  await page.goto(`${host.url}#/hiring/plan`);
  const totalCost = page.getByTestId('plan-total-cost').locator('.card__value');
  await expect(totalCost).toBeVisible();

  // Start the plan three weeks before the history ends, so a class's ramp reaches a week the Schedule has data for.
  await page.getByRole('tab', { name: 'Assumptions' }).click();
  await page.locator('input[type="date"]').fill('2026-11-02');
  // A fraction typed into a % field is refused, not read as 0.3%.
  await page.getByTestId('plan-shrinkage').fill('0.3');
  await expect(page.getByRole('alert').filter({ hasText: 'Did you mean 30%?' })).toBeVisible();
  await page.getByTestId('plan-shrinkage').fill('30');
  // Paste a column of shrinkage into the week table: it fills down from the cell.
  const firstShrinkage = page.getByTestId('week-shrinkage-0');
  await firstShrinkage.focus();
  await page.evaluate(() => {
    const data = new DataTransfer();
    data.setData('text/plain', '35\n35\n32\n');
    document.activeElement!.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  });
  await expect(page.getByTestId('week-shrinkage-2')).toHaveValue('32');

  await page.getByRole('tab', { name: 'Plan' }).click();
  const costBefore = await totalCost.textContent();
  const gapBefore = await page.getByTestId('plan-week-3').locator('td').nth(6).textContent();

  // Add a class of 4 starting in the plan's first week.
  await page.getByRole('tab', { name: 'Classes & ramp schedules' }).click();
  await page.getByTestId('class-start').selectOption('2026-11-02');
  await page.getByTestId('class-size').fill('4');
  await page.getByTestId('class-add').click();
  const schedule = page.getByTestId('ramp-schedule-1');
  await expect(schedule).toContainText('2026-11-16 – 2026-11-22');
  await expect(schedule.locator('tbody tr').nth(2)).toContainText('25%');
  await expect(schedule.locator('tbody tr').nth(0)).toContainText('training (0%)');
  await expect(schedule.locator('tbody tr').nth(0)).toContainText('4');
  // A bigger class: its ramp schedule's expected heads follow.
  await page.getByTestId('class-1-size').fill('6');
  await expect(schedule.locator('tbody tr').nth(0).locator('td').nth(3)).toHaveText('6');

  // The plan tab: cost and the gap of week 4 (the class at 50%) changed.
  await page.getByRole('tab', { name: 'Plan' }).click();
  await expect(totalCost).not.toHaveText(costBefore!);
  await expect(page.getByTestId('plan-week-3').locator('td').nth(6)).not.toHaveText(gapBefore!);
  // Expand a week: the formula with its inputs.
  await page.getByTestId('plan-week-3').click();
  await expect(page.getByTestId('plan-week-explain-3')).toContainText('× 50%');

  // Link the plan to the Schedule, save, optimise.
  await page.getByTestId('plan-linked').check();
  await page.getByTestId('plan-optimise').click();
  await expect(page.getByTestId('optimise-explanation')).toBeVisible({ timeout: 60_000 });
  const firstShort = page.getByTestId('short-weeks').locator('li').first();
  await expect(firstShort).toContainText(/short [\d.]+ FTE/);
  await expect(firstShort).toContainText(/lead time|cost|cap|limit/i);

  // The new hires in the week of 2026-11-16: ramp week 3, at 25%.
  await page.goto(`${host.url}#/schedule`);
  await page.getByTestId('sched-week').selectOption('2026-11-16');
  await page.getByTestId('sched-time-limit').fill('10');
  await page.getByTestId('sched-generate').click();
  await expect(page.getByTestId('sched-status-line')).toContainText('Week of 2026-11-16', { timeout: 90_000 });
  // The grid draws only the rows in view: scroll until the new hires' team is drawn.
  const hire = page.locator('[data-agent^="New hire 1 ("]');
  for (let top = 0; top < 3000 && (await hire.count()) === 0; top += 200) {
    await page.getByTestId('sched-grid').locator('.sg-body').evaluate((body, y) => body.scrollTo(0, y), top);
    await page.waitForTimeout(100);
  }
  await expect(hire.getByTestId('sched-ramp')).toHaveText('ramp 25%');
});
