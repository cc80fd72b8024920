import { expect, test } from './fixtures';

test('add a shift template through the form: a bad value shows its field error, a fixed one saves and is listed', async ({ page, host }) => {
  await page.goto(host.url);
  await page.getByRole('link', { name: 'Schedule' }).click();
  const panel = page.getByTestId('templates-panel');
  await expect(panel).toContainText('Shift templates (4)');
  await panel.locator('summary').click();
  await panel.getByTestId('tpl-add').click();

  const form = page.getByTestId('template-form');
  await form.getByTestId('tpl-name').fill('Evening');
  await form.getByTestId('tpl-first').fill('14:00');
  await form.getByTestId('tpl-last').fill('13:00');
  await form.getByTestId('tpl-length').fill('7');
  await form.getByTestId('tpl-category').selectOption('late');
  await form.getByTestId('tpl-lunch-to').fill('9');
  await form.getByTestId('tpl-save').click();

  // Each bad field says what is wrong under it; nothing is saved.
  await expect(form.getByRole('alert').filter({ hasText: 'The last start is before the first start' })).toBeVisible();
  await expect(form.getByTestId('tpl-last')).toHaveAttribute('aria-invalid', 'true');
  await form.getByTestId('tpl-last').fill('15:00');
  await expect(form.getByTestId('tpl-last')).toHaveAttribute('aria-invalid', 'false');
  await expect(form.getByRole('alert').filter({ hasText: 'The window ends after the shift' })).toBeVisible();
  await expect(panel).toContainText('Shift templates (4)');

  await form.getByTestId('tpl-lunch-to').fill('5');
  await form.getByTestId('tpl-save').click();
  await expect(form).toBeHidden();
  await expect(panel).toContainText('Shift templates (5)');
  await expect(panel.getByTestId('template-evening')).toContainText('Evening: starts 14:00–15:00 every 30 min; works 7 h');
  await expect(page.getByTestId('sched-notice')).toContainText('Saved the “Evening” template');
});
