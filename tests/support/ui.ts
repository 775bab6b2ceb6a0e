import { expect, type Page } from '@playwright/test';
import en from '../../src/i18n/ui/en.json' with { type: 'json' };
import fr from '../../src/i18n/ui/fr.json' with { type: 'json' };
import ar from '../../src/i18n/ui/ar.json' with { type: 'json' };

export const ui = { en, fr, ar };
export type Strings = typeof en;

/** Fills {{placeholders}} like the site does. */
export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, name: string) => String(values[name]));
}

/** Signs up through the account page, in the page's language. */
export async function signUpInBrowser(page: Page, lang: 'en' | 'fr' | 'ar', email: string, password: string, name: string) {
  const s = ui[lang].auth;
  await page.goto(`/${lang}/account/`);
  await page.getByRole('button', { name: s.showSignUp }).click();
  await page.getByLabel(s.name).fill(name);
  await page.getByLabel(s.email).fill(email);
  await page.getByLabel(s.password, { exact: true }).fill(password);
  await page.getByLabel(s.passwordConfirm).fill(password);
  await page.getByRole('button', { name: s.signUp }).click();
  await expect(page.getByRole('heading', { name: fill(s.signedInAs, { name }) })).toBeVisible();
}

export async function signInInBrowser(page: Page, lang: 'en' | 'fr' | 'ar', email: string, password: string) {
  const s = ui[lang].auth;
  await page.goto(`/${lang}/account/`);
  await page.getByLabel(s.email).fill(email);
  await page.getByLabel(s.password, { exact: true }).fill(password);
  await page.getByRole('button', { name: s.signIn, exact: true }).click();
  await expect(page.getByRole('button', { name: s.signOut })).toBeVisible();
}

/**
 * Opens the browser already signed in as a person, the way the PocketBase SDK keeps a session
 * (localStorage "pocketbase_auth"), without going through the rate-limited sign-in.
 */
export async function signInAs(page: Page, person: { token: string; record: Record<string, unknown> }) {
  // once per tab, so that signing out (or deleting the account) stays signed out
  await page.addInitScript((auth) => {
    if (window.sessionStorage.getItem('test-signed-in')) return;
    window.sessionStorage.setItem('test-signed-in', '1');
    window.localStorage.setItem('pocketbase_auth', JSON.stringify(auth));
  }, { token: person.token, record: person.record });
}
