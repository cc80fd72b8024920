import { expect, test } from './fixtures';

test('every element reached with the keyboard shows a visible focus ring', async ({ page, host }) => {
  await page.goto(host.url);
  await page.getByRole('link', { name: 'Staffing' }).click();
  await expect(page.getByTestId('erlang-agents-result')).toHaveText('14');
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  const seen = new Set<string>();
  for (let i = 0; i < 30; i++) {
    await page.keyboard.press('Tab');
    const ring = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      if (!el || el === document.body) return null;
      const style = getComputedStyle(el);
      return { what: `${el.tagName.toLowerCase()} ${el.getAttribute('href') ?? el.id ?? ''} ${el.textContent?.trim().slice(0, 30) ?? ''}`, style: style.outlineStyle, width: parseFloat(style.outlineWidth) };
    });
    if (!ring) continue;
    seen.add(ring.what);
    expect(ring.style, `focus ring of ${ring.what}`).not.toBe('none');
    expect(ring.width, `focus ring width of ${ring.what}`).toBeGreaterThanOrEqual(2);
  }
  // The walk reached the navigation, the calculator tabs and the fields.
  expect([...seen].some((w) => w.startsWith('a #/forecast'))).toBe(true);
  expect([...seen].some((w) => w.startsWith('a #/staffing/email'))).toBe(true);
  expect([...seen].some((w) => w.startsWith('input'))).toBe(true);
});
