/**
 * Languages: "/" picks the visitor's language, the switcher keeps the page and is
 * remembered, Arabic is right-to-left, and untranslated modules say so.
 */
import { test, expect } from '@playwright/test';
import { ui } from '../support/ui.ts';
import { locales } from '../../src/i18n/locales.ts';
import { hasTranslation, moduleSlugs } from '../support/content.ts';

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

test('a module not yet translated shows English with a notice, in the reader\'s language', async ({ page }) => {
  const missing = moduleSlugs().flatMap((slug) => locales.filter((l) => !hasTranslation(slug, l)).map((lang) => ({ slug, lang })))[0];
  test.skip(!missing, 'every module is translated; tests/build/malformed-content.test.ts builds one that is not');
  await page.goto(`/${missing!.lang}/modules/${missing!.slug}/`);
  await expect(page.locator('html')).toHaveAttribute('lang', missing!.lang);
  await expect(page.getByTestId('not-translated')).toBeVisible();
  await expect(page.locator('article')).toHaveAttribute('lang', 'en');
  await page.goto(modulePath('fr'));
  await expect(page.getByTestId('not-translated')).toHaveCount(0);
});

test('an unknown page answers 404 with a page', async ({ page }) => {
  const response = await page.goto('/fr/no-such-page/');
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(ui.en.notFound.title);
});
