import { readFileSync } from 'node:fs';
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures';

/** Drags from a point of the element by dx pixels, in small steps, as a hand would. */
async function drag(page: Page, target: Locator, fromX: 'middle' | 'right-edge', dx: number) {
  await target.scrollIntoViewIfNeeded();
  const box = (await target.boundingBox())!;
  const x = fromX === 'middle' ? box.x + box.width / 2 : box.x + box.width - 2;
  const y = box.y + box.height / 2;
  await page.mouse.move(x, y);
  await page.mouse.down();
  for (let step = 1; step <= 8; step++) await page.mouse.move(x + (dx * step) / 8, y);
  await page.mouse.up();
}

test('generate a week for the demo team, drag shifts, see coverage change and export a calendar', async ({ page, host }) => {
  await page.goto(host.url);
  await page.getByRole('link', { name: 'Schedule' }).click();
  await expect(page.getByTestId('sched-empty')).toContainText('No schedule for the week of 2026-11-09 yet');
  await expect(page.getByTestId('sched-requirements')).toContainText('Billing & Accounts (phone)');
  await expect(page.getByTestId('sched-source').first()).toContainText('This week’s history');

  await page.getByTestId('sched-time-limit').fill('10');
  await page.getByTestId('sched-generate').click();
  await expect(page.getByTestId('sched-status-line')).toContainText('Week of 2026-11-09, version 1 (draft)', { timeout: 60_000 });
  await expect(page.getByTestId('sched-status')).toHaveText('Draft v1');
  await expect(page.getByTestId('sched-violations')).toHaveText('0');
  await expect(page.getByTestId('sched-explanations')).toContainText('no shift template for email covers');

  // Move a shift two hours later: the bar follows, the edit is saved, coverage is rechecked.
  const bar = page.getByTestId('shift-bar').first();
  const shiftId = await bar.getAttribute('data-shift-id');
  const moved = page.locator(`[data-shift-id="${shiftId}"]`);
  const start = (await moved.getAttribute('data-start'))!;
  await moved.scrollIntoViewIfNeeded();
  const box = (await moved.boundingBox())!;
  const dayCell = (await moved.locator('xpath=..').boundingBox())!;
  const pxPerHour = dayCell.width / ((await windowHours(page)) || 17);
  await drag(page, moved, 'middle', 2 * pxPerHour);
  await expect(moved).not.toHaveAttribute('data-start', start);
  await expect(page.getByTestId('sched-recompute')).toContainText('rechecked in');
  expect(box.width).toBeGreaterThan(10);

  // Shorten another shift from its end edge by three hours: scheduled and short agent-hours change at once.
  const scheduled = page.getByTestId('sched-summary').locator('.card').nth(1).locator('.card__value');
  const scheduledBefore = await scheduled.textContent();
  const underBefore = await page.getByTestId('sched-under').textContent();
  const other = page.getByTestId('shift-bar').nth(3);
  const endBefore = await other.getAttribute('data-end');
  await drag(page, other, 'right-edge', -3 * pxPerHour);
  await expect(other).not.toHaveAttribute('data-end', endBefore!);
  await expect(scheduled).not.toHaveText(scheduledBefore!);
  expect(Number((await scheduled.textContent())!.replace(/,/g, ''))).toBeLessThan(Number(scheduledBefore!.replace(/,/g, '')));
  const underAfter = await page.getByTestId('sched-under').textContent();
  expect(Number(underAfter!.replace(/,/g, ''))).toBeGreaterThanOrEqual(Number(underBefore!.replace(/,/g, '')));

  // The edits were saved: reloading shows them.
  await page.reload();
  await expect(page.locator(`[data-shift-id="${shiftId}"]`)).not.toHaveAttribute('data-start', start);

  // One agent's calendar.
  await page.getByTestId('sched-ics-agent').selectOption({ index: 1 });
  const download = page.waitForEvent('download');
  await page.getByTestId('sched-export-ics').click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^schedule-2026-11-09-v1-draft-.+\.ics$/);
  const ics = readFileSync((await file.path())!, 'utf8');
  expect(ics).toContain('BEGIN:VCALENDAR');
  expect(ics).toContain('BEGIN:VEVENT');
});

test('lock a shift from the keyboard, publish, and an edit of the published week starts a new draft', async ({ page, host }) => {
  await page.goto(host.url);
  await page.getByRole('link', { name: 'Schedule' }).click();
  // 20 s: on a busy two-core machine an 8 s solve left rostering about a second, too little for a first roster.
  await page.getByTestId('sched-time-limit').fill('20');
  await page.getByTestId('sched-generate').click();
  await expect(page.getByTestId('sched-status-line')).toContainText('version 1 (draft)', { timeout: 60_000 });

  const bar = page.getByTestId('shift-bar').first();
  await bar.focus();
  await page.keyboard.press('l');
  await expect(bar).toHaveClass(/sb--locked/);
  await expect(page.getByTestId('sched-generate')).toHaveText('Re-solve around 1 locked');

  page.once('dialog', (dialog) => void dialog.accept());
  await page.getByTestId('sched-publish').click();
  await expect(page.getByTestId('sched-status')).toHaveText('Published v1');

  const free = page.locator('[data-testid="shift-bar"]:not(.sb--locked)').first();
  const start = await free.getAttribute('data-start');
  await free.focus();
  await page.keyboard.press('ArrowRight');
  await expect(page.getByTestId('sched-notice')).toContainText('went into a new draft, version 2');
  await expect(page.getByTestId('sched-status')).toHaveText('Draft v2');
  await expect(page.locator('[data-testid="shift-bar"]:not(.sb--locked)').first()).not.toHaveAttribute('data-start', start!);
});

/** Hours the grid's day timeline spans, read from its hour ticks' spacing. */
async function windowHours(page: Page): Promise<number> {
  return page.evaluate(() => {
    const ticks = [...document.querySelectorAll('.sg-dayhead')[0].querySelectorAll('.sg-ticks span')] as HTMLElement[];
    if (ticks.length < 2) return 0;
    const a = parseFloat(ticks[0].style.left);
    const b = parseFloat(ticks[1].style.left);
    return (4 / (b - a)) * 100;
  });
}
