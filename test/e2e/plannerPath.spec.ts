/**
 * The planner's path on the demo (issue 8): forecast a queue, backtest it "as of" an earlier date, choose the run
 * that feeds the schedule week, generate the week, lock a shift, re-solve (0 rule violations), edit, undo, compare
 * with the published version, publish, export — with the numbers checked at each step.
 */
import { readFileSync } from 'node:fs';
import { strFromU8, unzipSync } from 'fflate';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

/** The solves get room to finish on a busy two-core machine. */
const SOLVE_SEC = '40';
const SOLVE_WAIT = { timeout: 120_000 };

const number = (text: string | null) => Number((text ?? '').replace(/,/g, ''));

async function statusNumbers(page: Page) {
  const text = (await page.getByTestId('sched-status-line').textContent()) ?? '';
  const match = /: ([\d,]+) shifts, ([\d.,]+) agent-hours short, ([\d.,]+) over, (\d+) rule violations?/.exec(text);
  expect(match, text).not.toBeNull();
  return { shifts: number(match![1]), short: number(match![2]), over: number(match![3]), violations: Number(match![4]) };
}

test('forecast, backtest, choose the run, generate, lock, re-solve, edit, undo, compare, publish, export', async ({ page, host }) => {
  test.setTimeout(480_000);
  await page.goto(host.url);

  // 1. Forecast every queue for 14 days (the week after the history needs all three skills), then a backtest of
  // Billing as of 2026-11-01 (a newer run, but a backtest).
  await page.getByRole('link', { name: 'Forecast' }).click();
  for (const queue of ['Product Support (chat)', 'Email & Tickets', 'Billing & Accounts (phone)']) {
    await page.getByTestId('fc-queue').selectOption({ label: queue });
    await page.getByTestId('fc-horizon').fill('14');
    await page.getByTestId('fc-method').selectOption('seasonal-naive');
    await page.getByTestId('fc-run').click();
    await expect(page.getByTestId('job-progress')).toContainText(`Forecast ready for ${queue}`, { timeout: 60_000 });
  }
  await page.getByTestId('fc-asof').fill('2026-11-01');
  await page.getByTestId('fc-run').click();
  await expect(page.getByTestId('job-progress')).toContainText('Backtest as of 2026-11-01 ready for Billing & Accounts (phone)', { timeout: 60_000 });

  // 2. The week after the history: the planner chooses Billing's run #3 (the forecast, not the backtest #4).
  await page.getByRole('link', { name: 'Schedule' }).click();
  await page.getByTestId('sched-week').selectOption('2026-11-23');
  const chooser = page.getByTestId('sched-run-1');
  await expect(chooser.locator('option')).toHaveCount(2); // automatic + run #3; the backtest does not reach that week
  await chooser.selectOption('3');
  const billing = page.getByTestId('sched-requirements').getByRole('row', { name: /Billing & Accounts \(phone\)/ });
  await expect(billing.getByTestId('sched-source')).toHaveText('Forecast run #3 (seasonal-naive), every day');
  const requiredHours = number(await billing.locator('td.num').nth(1).textContent());
  expect(requiredHours).toBeGreaterThan(100);

  // 3. Generate the week: every contract rule kept.
  await page.getByTestId('sched-time-limit').fill(SOLVE_SEC);
  await page.getByTestId('sched-generate').click();
  await expect(page.getByTestId('sched-status-line')).toContainText('Week of 2026-11-23, version 1 (draft)', SOLVE_WAIT);
  const generated = await statusNumbers(page);
  expect(generated.shifts).toBeGreaterThan(100);
  expect(generated.violations).toBe(0);
  await expect(page.getByTestId('sched-violations')).toHaveText('0');
  expect(number(await page.getByTestId('sched-under').textContent())).toBeCloseTo(generated.short, 1);

  // 4. Lock one shift and re-solve around it: still 0 rule violations, and the lock is kept as it was.
  const lockedBar = page.getByTestId('shift-bar').nth(10);
  const lockedId = await lockedBar.getAttribute('data-shift-id');
  const lockedTimes = [await lockedBar.getAttribute('data-start'), await lockedBar.getAttribute('data-end')];
  await lockedBar.focus();
  await page.keyboard.press('l');
  await expect(lockedBar).toHaveClass(/sb--locked/);
  await expect(lockedBar.getByTestId('lock-icon')).toBeVisible();
  await expect(page.getByTestId('sched-history-item').first()).toContainText('Locked');
  await expect(page.getByTestId('sched-generate')).toHaveText('Re-solve around 1 locked');
  await page.getByTestId('sched-generate').click();
  // The solve line changes only once the re-solved schedule is open (the status line said 0 before it too).
  await expect(page.getByTestId('sched-solve-line')).toContainText('1 locked shifts kept', SOLVE_WAIT);
  await expect(page.getByTestId('sched-status-line')).toContainText('0 rule violations');
  const resolved = await statusNumbers(page);
  expect(resolved.violations).toBe(0);
  const kept = page.locator('.sb--locked');
  await expect(kept).toHaveCount(1);
  expect([await kept.getAttribute('data-start'), await kept.getAttribute('data-end')]).toEqual(lockedTimes);
  expect(lockedId).not.toBeNull();

  // 5. Publish v1 (no rule broken: a plain confirmation).
  page.once('dialog', (dialog) => {
    expect(dialog.message()).toMatch(/^Publish version 1\?/);
    void dialog.accept();
  });
  await page.getByTestId('sched-publish').click();
  await expect(page.getByTestId('sched-status')).toHaveText('Published v1');
  await expect(page.getByTestId('sched-status-line')).toContainText('version 1 (published');

  // 6. Edit: move two free shifts one interval later (the first edit opens draft v2), then undo the second.
  const free = () => page.locator('[data-testid="shift-bar"]:not(.sb--locked)');
  const first = free().nth(0);
  const firstStart = await first.getAttribute('data-start');
  await first.focus();
  await page.keyboard.press('ArrowRight');
  await expect(page.getByTestId('sched-status')).toHaveText('Draft v2');
  await expect(page.getByTestId('sched-status-line')).toContainText('version 2 (draft)');
  await expect(free().nth(0)).not.toHaveAttribute('data-start', firstStart!);
  const second = free().nth(5);
  const secondId = await second.getAttribute('data-shift-id');
  const secondStart = await second.getAttribute('data-start');
  await second.focus();
  await page.keyboard.press('ArrowRight');
  const secondBar = page.locator(`[data-shift-id="${secondId}"]`);
  await expect(secondBar).not.toHaveAttribute('data-start', secondStart!);
  await expect(page.getByTestId('sched-history-item')).toHaveCount(2);
  await expect(page.getByTestId('sched-status-line')).toContainText('2 edits since the solve');

  await page.keyboard.press('Control+z');
  await expect(secondBar).toHaveAttribute('data-start', secondStart!);
  await expect(page.getByTestId('sched-history-item')).toHaveCount(1);
  await expect(page.getByTestId('sched-notice')).toContainText('Undid: Moved');
  await expect(page.getByTestId('sched-redo')).toBeEnabled();

  // 7. Compare draft v2 with published v1: exactly one shift moved, none added or removed.
  const compare = page.getByTestId('sched-compare-summary');
  await expect(compare).toContainText('From v1 to v2: 0 shifts added, 0 removed, 1 moved');
  const edited = await statusNumbers(page);
  expect(edited.shifts).toBe(resolved.shifts);
  const deltaText = (await page.getByTestId('sched-compare-under').textContent())!;
  const delta = Number(deltaText.replace('−', '-').replace('±', ''));
  // Every figure is shown to one decimal, so the shown delta and the difference of the two shown totals may differ by
  // two roundings: up to 0.1 agent-hour, never more.
  expect(Math.abs(delta - (edited.short - resolved.short))).toBeLessThanOrEqual(0.1 + 1e-9);

  // 8. Publish v2, then export: the CSV has one row per shift with its skill; every calendar comes in one zip.
  page.once('dialog', (dialog) => void dialog.accept());
  await page.getByTestId('sched-publish').click();
  await expect(page.getByTestId('sched-status')).toHaveText('Published v2');
  await expect(page.getByTestId('sched-status-line')).toContainText('version 2 (published');

  const csvDownload = page.waitForEvent('download');
  await page.getByTestId('sched-export-csv').click();
  const csvFile = await csvDownload;
  expect(csvFile.suggestedFilename()).toBe('schedule-2026-11-23-v2.csv');
  const lines = readFileSync((await csvFile.path())!, 'utf8').trim().split('\n');
  expect(lines[0]).toBe('agent,date,start,end,end_date,segments,skill,template,paid_hours,breaks');
  expect(lines.length - 1).toBe(edited.shifts);
  expect(lines.slice(1).every((line) => /,(phone|chat|email),/.test(line))).toBe(true);
  expect(lines.join('\n')).not.toMatch(/,(2[4-9]|[34]\d):\d\d,/);

  const zipDownload = page.waitForEvent('download');
  await page.getByTestId('sched-export-ics').click();
  const zipFile = await zipDownload;
  expect(zipFile.suggestedFilename()).toBe('schedule-2026-11-23-v2-calendars.zip');
  const calendars = unzipSync(readFileSync((await zipFile.path())!));
  const agentsWithShifts = await page.getByTestId('sched-ics-agent').locator('option').count();
  expect(Object.keys(calendars)).toHaveLength(agentsWithShifts - 1);
  expect(Object.values(calendars).every((bytes) => strFromU8(bytes).startsWith('BEGIN:VCALENDAR'))).toBe(true);
});
