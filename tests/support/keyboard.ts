/** Moving through a page with the keyboard only, as the keyboard-only end-to-end tests do. */
import type { Locator, Page } from '@playwright/test';

/**
 * Presses Tab (or Shift+Tab) until `target` has the focus, as a keyboard user moves through a
 * page. The presses are counted from the page's tab order first and then checked one by one.
 */
export async function tabTo(page: Page, target: Locator, { back = false, max = 400 } = {}) {
  const handle = await target.elementHandle();
  const distance = await page.evaluate((el) => {
    const tabbable = [...document.querySelectorAll<HTMLElement>('a[href], button, input, select, textarea, summary, [tabindex]')]
      .filter((e) => e.tabIndex >= 0 && !(e as HTMLButtonElement).disabled && e.checkVisibility({ visibilityProperty: true }));
    const from = tabbable.indexOf(document.activeElement as HTMLElement);
    const to = tabbable.indexOf(el as HTMLElement);
    return from < 0 || to < 0 ? 0 : Math.abs(to - from);
  }, handle);
  for (let i = 0; i < distance - 1; i++) await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
  for (let i = 0; i < max; i++) {
    if (await page.evaluate((el) => el === document.activeElement, handle)) return;
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
  }
  throw new Error(`${target} never got the focus after ${max} presses of ${back ? 'Shift+Tab' : 'Tab'}`);
}
