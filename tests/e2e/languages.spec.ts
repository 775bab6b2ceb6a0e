/**
 * Languages: "/" picks the visitor's language, the switcher keeps the page and is
 * remembered, Arabic is right-to-left.
 */
import { test, expect } from '@playwright/test';
import { ui } from '../support/ui.ts';

const modulePath = (lang: string) => `/${lang}/modules/children-on-the-move/`;

test.describe('a browser that prefers French', () => {
  test.use({ locale: 'fr-FR' });
  test('"/" goes to the French home page', async ({ page }) => {
    await page.goto('/');
    await expect(page).toHaveURL(/\/fr\/$/);
    await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
  });
});

test('a browser with no supported language gets English', async ({ browser }) => {
  const context = await browser.newContext({ locale: 'de-DE' });
  const page = await context.newPage();
  await page.goto('/');
  await expect(page).toHaveURL(/\/en\/$/);
  await context.close();
});

test('the language switcher keeps the page, and "/" remembers the choice', async ({ page }) => {
  await page.goto(modulePath('fr'));
  await page.getByRole('navigation', { name: ui.fr.site.language }).getByRole('link', { name: 'العربية' }).click();
  await expect(page).toHaveURL(new RegExp(`${modulePath('ar')}$`));
  await page.goto('/');
  await expect(page).toHaveURL(/\/ar\/$/);
});

test('Arabic pages are right-to-left', async ({ page }) => {
  for (const path of ['/ar/', modulePath('ar'), '/ar/account/']) {
    await page.goto(path);
    await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
    await expect(page.locator('html')).toHaveAttribute('lang', 'ar');
  }
  await page.goto(modulePath('en'));
  await expect(page.locator('html')).toHaveAttribute('dir', 'ltr');
});

// A module missing in a language (English with a notice) is built and checked in
// tests/build/malformed-content.test.ts: every module here is translated.

test('an unknown page answers 404 with a page', async ({ page }) => {
  const response = await page.goto('/fr/no-such-page/');
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(ui.en.notFound.title);
});
