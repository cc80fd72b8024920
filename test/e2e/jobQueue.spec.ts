/**
 * At most two jobs run at once (electron/services/jobs.ts): a third waits in line, and the page says so with its
 * place in line and a Cancel button, then runs it when a slot frees.
 */
import { expect, test } from './fixtures';
import { callHost } from '../helpers/hostProcess';

test.use({ hostEnv: { STAFFWISE_JOB_STEP_DELAY_MS: '400' } });

test('a job started while two run shows as queued, then runs when one finishes', async ({ page, host }) => {
  await page.goto(host.url);
  await expect(page.getByRole('heading', { name: 'Northwind Support (demo)' })).toBeVisible();
  const summary = (await callHost(host, 'workspace.summary', {})) as { value: { queues: { id: number; name: string }[] } };
  const [first, second] = summary.value.queues;
  // Two slowed forecasts started elsewhere (another window, the CLI) take both slots.
  const running: string[] = [];
  for (const queue of [first!, second!]) {
    const reply = (await callHost(host, 'forecast.run', { queueId: queue.id, horizonDays: 7, method: 'auto' })) as { value: { jobId: string } };
    running.push(reply.value.jobId);
  }

  await page.getByRole('link', { name: 'Forecast' }).click();
  await page.getByTestId('fc-queue').selectOption({ label: first!.name });
  await page.getByTestId('fc-horizon').fill('7');
  await page.getByTestId('fc-run').click();
  const progress = page.getByTestId('job-progress');
  await expect(progress).toHaveAttribute('data-status', 'queued');
  await expect(progress).toContainText('Queued');
  await expect(progress).toContainText('next in line; at most 2 jobs run at once.');
  await expect(progress.getByRole('button', { name: 'Cancel' })).toBeVisible();
  await expect(progress.getByRole('progressbar')).toHaveCount(0);

  // One slot frees: the queued forecast starts, shows its progress bar, and finishes.
  await callHost(host, 'jobs.cancel', { jobId: running[0] });
  await expect(progress).toHaveAttribute('data-status', 'running', { timeout: 15_000 });
  await callHost(host, 'jobs.cancel', { jobId: running[1] });
  await expect(progress).toContainText(`Forecast ready for ${first!.name}`, { timeout: 120_000 });
});
