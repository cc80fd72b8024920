import { startHostProcess } from '../helpers/hostProcess';
import { expect, test } from './fixtures';

test('the worked example gives 28 agents with every intermediate, and a saved calculation survives a restart', async ({ page, host, dataDir }) => {
  await page.goto(host.url);
  await page.getByRole('link', { name: 'Staffing' }).click();
  await page.getByRole('tab', { name: 'Capacity equation' }).click();

  await page.getByTestId('capacity-volume').fill('500');
  await page.getByTestId('capacity-aht').fill('20');
  await page.getByTestId('capacity-hours').fill('8');
  await page.getByTestId('capacity-utilization').fill('75');
  await expect(page.getByTestId('capacity-required-rounded')).toHaveText('28');
  await expect(page.getByTestId('capacity-required-exact')).toHaveText('exact 27.78');
  const steps = page.getByTestId('capacity-steps');
  await expect(steps).toContainText('500 × 20 min');
  await expect(steps).toContainText('10,000 min');
  await expect(steps).toContainText('8 h × 60 × 0.75');
  await expect(steps).toContainText('360 min');
  await expect(steps).toContainText('10000 ÷ 360');
  await expect(steps).toContainText('27.78 agents');

  await page.getByTestId('capacity-shrinkage').fill('30');
  await expect(page.getByTestId('capacity-rostered')).toHaveText('40');

  await page.getByTestId('capacity-name').fill('Email team — worked example');
  await page.getByTestId('capacity-save').click();
  await expect(page.getByTestId('capacity-notice')).toHaveText('Saved "Email team — worked example".');

  await host.stop();
  const restarted = await startHostProcess(dataDir);
  try {
    await page.goto(restarted.url);
    await page.getByRole('link', { name: 'Staffing' }).click();
  await page.getByRole('tab', { name: 'Capacity equation' }).click();
    const saved = page.getByTestId('capacity-saved');
    await expect(saved).toContainText('Email team — worked example');
    await page.getByTestId('capacity-volume').fill('100');
    await saved.getByRole('button', { name: 'Email team — worked example', exact: true }).click();
    await expect(page.getByTestId('capacity-volume')).toHaveValue('500');
    await expect(page.getByTestId('capacity-required-rounded')).toHaveText('28');
    await expect(page.getByTestId('capacity-rostered')).toHaveText('40');
  } finally {
    await restarted.stop();
  }
});

test('invalid inputs are flagged at the field and nothing is saved', async ({ page, host }) => {
  await page.goto(host.url);
  await page.getByRole('link', { name: 'Staffing' }).click();
  await page.getByRole('tab', { name: 'Capacity equation' }).click();
  const volume = page.getByTestId('capacity-volume');

  await volume.fill('');
  await expect(page.getByRole('alert').filter({ hasText: 'Required' })).toBeVisible();
  await volume.fill('lots');
  await expect(page.getByRole('alert').filter({ hasText: '"lots" is not a number' })).toBeVisible();
  await volume.fill('-5');
  await expect(page.getByRole('alert').filter({ hasText: 'Volume cannot be negative' })).toBeVisible();
  await volume.fill('500');
  await page.getByTestId('capacity-hours').fill('0');
  await expect(page.getByRole('alert').filter({ hasText: 'Available hours must be greater than zero' })).toBeVisible();
  await page.getByTestId('capacity-hours').fill('8');
  await page.getByTestId('capacity-utilization').fill('120');
  await expect(page.getByRole('alert').filter({ hasText: 'Utilization must be above 0% and at most 100%' })).toBeVisible();
  await expect(page.getByTestId('capacity-utilization')).toHaveAttribute('aria-invalid', 'true');

  await page.getByTestId('capacity-name').fill('Should not be saved');
  await page.getByTestId('capacity-save').click();
  await expect(page.getByTestId('capacity-notice')).toHaveText('Nothing was saved: fix the highlighted fields first.');
  await expect(page.getByText('None yet.')).toBeVisible();

  // The breakdown must add up to 100%.
  await page.getByTestId('capacity-utilization').fill('75');
  await page.getByTestId('capacity-use-breakdown').check();
  await page.getByTestId('capacity-breakdown-breaksPct').fill('5');
  await expect(page.getByTestId('capacity-breakdown-total')).toContainText('Breakdown adds up to 95%, not 100%');
  await page.getByTestId('capacity-breakdown-breaksPct').fill('10');
  await expect(page.getByTestId('capacity-required-rounded')).toHaveText('28');
});
