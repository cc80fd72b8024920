import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

/** Generates the demo week with a short limit and waits for the draft. */
async function generate(page: Page, seconds = 10) {
  await page.getByTestId('sched-time-limit').fill(String(seconds));
  await page.getByTestId('sched-generate').click();
  await expect(page.getByTestId('sched-status-line')).toContainText('(draft)', { timeout: 90_000 });
}

/** Row (agent id) and day cell a bar sits in. */
async function placeOf(page: Page, shiftId: string): Promise<{ agentId: string; day: string }> {
  return page.locator(`[data-shift-id="${shiftId}"]`).evaluate((bar) => ({
    agentId: bar.closest<HTMLElement>('[data-agent-id]')!.dataset.agentId!,
    day: bar.closest<HTMLElement>('[data-day]')!.dataset.day!,
  }));
}

test('drag a shift onto another agent and another day; undo puts it back; the keyboard way moves it too', async ({ page, host }) => {
  await page.goto(host.url);
  await page.getByRole('link', { name: 'Schedule' }).click();
  await generate(page);

  // A bar in the first row, and a free cell a row below, one day later (or earlier on Sunday).
  const rows = page.locator('.sg-row[data-agent-id]');
  const bar = rows.nth(0).getByTestId('shift-bar').first();
  const shiftId = (await bar.getAttribute('data-shift-id'))!;
  const from = await placeOf(page, shiftId);
  const day = Number(from.day) < 6 ? Number(from.day) + 1 : Number(from.day) - 1;
  let targetRow = rows.nth(1);
  for (let r = 1; r < 8; r++) {
    if ((await rows.nth(r).locator(`[data-day="${day}"] [data-testid="shift-bar"]`).count()) === 0) {
      targetRow = rows.nth(r);
      break;
    }
  }
  const targetAgent = (await targetRow.getAttribute('data-agent-id'))!;
  const targetName = (await targetRow.getAttribute('data-agent'))!;
  const start = (await bar.getAttribute('data-start'))!;
  await targetRow.scrollIntoViewIfNeeded();
  await bar.scrollIntoViewIfNeeded();
  const box = (await bar.boundingBox())!;
  const cell = (await targetRow.locator(`[data-day="${day}"]`).boundingBox())!;
  const home = (await bar.locator('xpath=..').boundingBox())!;
  const x = box.x + box.width / 2;
  const y = box.y + box.height / 2;
  // Same time of day in the target cell: the grab point's offset inside its own cell, carried over.
  const tx = cell.x + (x - home.x);
  const ty = cell.y + cell.height / 2;
  await page.mouse.move(x, y);
  await page.mouse.down();
  for (let step = 1; step <= 10; step++) await page.mouse.move(x + ((tx - x) * step) / 10, y + ((ty - y) * step) / 10);
  await expect(bar.getByTestId('drag-time')).toContainText(`→ ${targetName}`);
  await page.mouse.up();

  await expect.poll(() => placeOf(page, shiftId)).toEqual({ agentId: targetAgent, day: String(day) });
  await expect(page.locator(`[data-shift-id="${shiftId}"]`)).toHaveAttribute('data-start', start);
  await expect(page.getByTestId('sched-history-item').first()).toContainText(`to ${targetName}’s`);
  await expect(page.getByTestId('sched-recompute')).toContainText('rechecked in');

  // Saved: a reload shows it in its new place.
  await page.reload();
  await expect.poll(() => placeOf(page, shiftId)).toEqual({ agentId: targetAgent, day: String(day) });

  // The keyboard way: the shift's details move it back to its first agent and day.
  await page.locator(`[data-shift-id="${shiftId}"]`).focus();
  await page.keyboard.press('Enter');
  const form = page.getByTestId('shift-move');
  await form.getByLabel('Agent').selectOption(from.agentId);
  await form.getByLabel('Day').selectOption(from.day);
  await form.getByRole('button', { name: 'Move' }).click();
  await expect.poll(() => placeOf(page, shiftId)).toEqual(from);

  // Undo takes the keyboard move back; redo repeats it.
  await page.getByTestId('sched-undo').click();
  await expect.poll(() => placeOf(page, shiftId)).toEqual({ agentId: targetAgent, day: String(day) });
  await page.getByTestId('sched-redo').click();
  await expect.poll(() => placeOf(page, shiftId)).toEqual(from);
});

test('an agent’s availability windows: a bad time is named at its field, and Generate keeps the saved windows', async ({ page, host }) => {
  await page.goto(host.url);
  await page.getByRole('link', { name: 'Schedule' }).click();
  await generate(page);

  const row = page.locator('.sg-row[data-agent-id]').first();
  const agentId = (await row.getAttribute('data-agent-id'))!;
  await row.locator('.sg-agentname').click();
  const panel = page.getByTestId('agent-panel');
  const editor = panel.getByTestId('availability-editor');
  await expect(editor).toContainText('No windows: available at any time');

  // Monday and Tuesday, 06:00–15:00: every other day becomes a day off.
  await editor.getByTestId('availability-add').click();
  await editor.getByTestId('availability-add').click();
  const windows = editor.getByTestId('availability-window');
  await expect(windows).toHaveCount(2);
  await windows.nth(0).getByTestId('availability-from').fill('06:00');
  await windows.nth(0).getByTestId('availability-to').fill('25:00');
  await expect(windows.nth(0).getByRole('alert')).toContainText('25:00 is not a time of day');
  await expect(panel.getByTestId('agent-prefs-save')).toBeDisabled();
  await windows.nth(0).getByTestId('availability-to').fill('15:00');
  await windows.nth(1).getByTestId('availability-weekday').selectOption('0');
  await windows.nth(1).getByTestId('availability-from').fill('10:00');
  await expect(windows.nth(1).getByRole('alert')).toContainText('overlaps the Monday window 06:00–15:00');
  await windows.nth(1).getByTestId('availability-weekday').selectOption('1');
  await windows.nth(1).getByTestId('availability-from').fill('06:00');
  await windows.nth(1).getByTestId('availability-to').fill('15:00');
  await expect(editor.getByRole('alert')).toHaveCount(0);
  await expect(editor.getByTestId('availability-off')).toContainText('Wednesday, Thursday, Friday, Saturday, Sunday');
  await panel.getByTestId('agent-prefs-save').click();
  await expect(page.getByTestId('sched-notice')).toContainText('availability windows');

  // Re-solving a draft replaces it in place: the status line says the solve finished again.
  const before = await page.getByTestId('sched-status-line').textContent();
  await page.getByTestId('sched-generate').click();
  await expect(page.getByTestId('sched-status-line')).not.toHaveText(before!, { timeout: 15_000 });
  await expect(page.getByTestId('sched-status-line')).toContainText('(draft)', { timeout: 90_000 });
  const bars = page.locator(`.sg-row[data-agent-id="${agentId}"] [data-testid="shift-bar"]`);
  const shifts = await bars.evaluateAll((all) => all.map((b) => ({ day: b.closest<HTMLElement>('[data-day]')!.dataset.day, start: b.getAttribute('data-start'), end: b.getAttribute('data-end') })));
  for (const shift of shifts) {
    expect(['0', '1']).toContain(shift.day);
    expect(shift.start! >= '06:00' && shift.end! <= '15:00').toBe(true);
  }
  // Reopened, the panel shows the saved windows.
  await page.locator(`.sg-row[data-agent-id="${agentId}"] .sg-agentname`).click();
  await expect(page.getByTestId('availability-window')).toHaveCount(2);
});

test('the template form edits every field: a third break, weekdays, skills and cannot-follow survive a save and reopen', async ({ page, host }) => {
  await page.goto(host.url);
  await page.getByRole('link', { name: 'Schedule' }).click();
  const panel = page.getByTestId('templates-panel');
  await panel.locator('summary').click();
  await panel.getByRole('button', { name: 'Edit Late' }).click();
  const form = page.getByTestId('template-form');

  // Late already has a third break (the form's first "more breaks" row); a fourth is added.
  await expect(form.getByTestId('tpl-extra-0-from')).toHaveValue('5.5');
  await form.getByTestId('tpl-extra-add').click();
  await form.getByTestId('tpl-extra-1-length').fill('10');
  await form.getByTestId('tpl-extra-1-paid').uncheck();
  await form.getByTestId('tpl-extra-1-from').fill('6');
  await form.getByTestId('tpl-extra-1-to').fill('7.5');
  await form.getByTestId('tpl-weekday-6').uncheck();
  await form.getByTestId('tpl-skill-phone').check();
  await form.getByTestId('tpl-cannot-follow-late').check();
  // Every weekday unticked is refused at the field.
  for (let d = 0; d < 6; d++) await form.getByTestId(`tpl-weekday-${d}`).uncheck();
  await form.getByTestId('tpl-save').click();
  await expect(form.getByRole('alert').filter({ hasText: 'Pick at least one weekday' })).toBeVisible();
  for (let d = 0; d < 6; d++) await form.getByTestId(`tpl-weekday-${d}`).check();
  await form.getByTestId('tpl-save').click();
  await expect(form).toBeHidden();
  await expect(panel.getByTestId('template-late')).toContainText('10-min unpaid break 6 h–7 h 30 min in; not the day after late; only on Mon, Tue, Wed, Thu, Fri, Sat; only for phone');

  await page.reload();
  await page.getByTestId('templates-panel').locator('summary').click();
  await page.getByTestId('templates-panel').getByRole('button', { name: 'Edit Late' }).click();
  const reopened = page.getByTestId('template-form');
  await expect(reopened.getByTestId('tpl-extra-1-length')).toHaveValue('10');
  await expect(reopened.getByTestId('tpl-extra-1-paid')).not.toBeChecked();
  await expect(reopened.getByTestId('tpl-extra-1-to')).toHaveValue('7.5');
  await expect(reopened.getByTestId('tpl-weekday-6')).not.toBeChecked();
  await expect(reopened.getByTestId('tpl-weekday-0')).toBeChecked();
  await expect(reopened.getByTestId('tpl-skill-phone')).toBeChecked();
  await expect(reopened.getByTestId('tpl-cannot-follow-late')).toBeChecked();
  await expect(reopened.getByTestId('tpl-cannot-follow-early')).not.toBeChecked();
});
