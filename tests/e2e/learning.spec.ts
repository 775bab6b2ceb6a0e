/**
 * A learner's first steps, in a real Chromium against a real PocketBase: sign up, read the
 * module in French, mark sections done, and find the progress again after a reload and on
 * another device; a second learner sees none of it.
 */
import { test, expect, type Page } from '@playwright/test';
import { adminList, uniqueEmail } from '../support/pb.ts';
import { fill, signInInBrowser, signUpInBrowser, ui } from '../support/ui.ts';

const modulePath = (lang: string) => `/${lang}/modules/children-on-the-move/`;
const fr = ui.fr;

async function markSection(page: Page, sectionId: string, strings = fr.progress) {
  const section = page.locator(`section#${sectionId}`);
  await section.getByRole('button', { name: strings.markDone }).click();
  await expect(section.getByText(strings.done, { exact: false })).toBeVisible();
}

test('sign up, mark two sections done in French, and keep the progress', async ({ page, browser, request }) => {
  const email = uniqueEmail('e2e-fr');
  const password = 'un-mot-de-passe-long';
  await signUpInBrowser(page, 'fr', email, password, 'Aline Testeuse');

  await page.goto(modulePath('fr'));
  await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Enfants en déplacement');
  const summary = page.getByTestId('progress-summary');
  await expect(summary).toHaveText(fill(fr.progress.summary, { done: 0, total: 6 }));

  await markSection(page, 'who-they-are');
  await markSection(page, 'nine-principles');
  await expect(summary).toHaveText(fill(fr.progress.summary, { done: 2, total: 6 }));
  await expect(page.getByRole('progressbar')).toHaveAttribute('value', '2');

  // stored on the server: two statements, one progress row with both sections
  const [user] = await adminList(request, 'users', `email = "${email}"`);
  const statements = await adminList(request, 'statements', `user = "${user!.id}"`);
  expect(statements.map((s) => s.object).sort()).toEqual([
    'module:children-on-the-move/section:nine-principles',
    'module:children-on-the-move/section:who-they-are',
  ]);
  expect(statements.every((s) => s.language === 'fr')).toBe(true);
  const [progress] = await adminList(request, 'progress', `user = "${user!.id}"`);
  expect(progress).toMatchObject({ percent: 33, totalSections: 6, status: 'in-progress' });

  // reload: still there, read from the server once (a flush with nothing to send changes nothing there)
  const progressReads: string[] = [];
  page.on('request', (r) => {
    if (r.url().includes('/api/collections/progress/records')) progressReads.push(r.url());
  });
  await page.reload();
  await expect(summary).toHaveText(fill(fr.progress.summary, { done: 2, total: 6 }));
  await page.waitForLoadState('networkidle');
  expect(progressReads).toHaveLength(1);
  await expect(page.locator('section#who-they-are').getByText(fr.progress.done)).toBeVisible();
  await expect(page.locator('section#in-practice').getByRole('button', { name: fr.progress.markDone })).toBeVisible();

  // another device: a fresh browser context with nothing stored, signing in again
  const otherDevice = await browser.newContext();
  const phone = await otherDevice.newPage();
  await signInInBrowser(phone, 'fr', email, password);
  await phone.goto(modulePath('fr'));
  await expect(phone.getByTestId('progress-summary')).toHaveText(fill(fr.progress.summary, { done: 2, total: 6 }));
  await otherDevice.close();
});

test('a second learner sees none of the first learner\'s progress', async ({ page, browser }) => {
  const first = { email: uniqueEmail('e2e-first'), password: 'first-password-1' };
  await signUpInBrowser(page, 'fr', first.email, first.password, 'Première Personne');
  await page.goto(modulePath('fr'));
  await markSection(page, 'who-they-are');

  const secondContext = await browser.newContext();
  const second = await secondContext.newPage();
  await signUpInBrowser(second, 'fr', uniqueEmail('e2e-second'), 'second-password-1', 'Seconde Personne');
  await second.goto(modulePath('fr'));
  await expect(second.getByTestId('progress-summary')).toHaveText(fill(fr.progress.summary, { done: 0, total: 6 }));
  await expect(second.locator('section#who-they-are').getByRole('button', { name: fr.progress.markDone })).toBeVisible();
  await secondContext.close();
});

test('signed out, the module invites the reader to sign in and records nothing', async ({ page }) => {
  await page.goto(modulePath('en'));
  await expect(page.getByText(ui.en.progress.signInToTrack)).toBeVisible();
  await expect(page.getByRole('button', { name: ui.en.progress.markDone })).toHaveCount(0);
});

test('wrong password gives a clear message', async ({ page }) => {
  await page.goto('/en/account/');
  await page.getByLabel(ui.en.auth.email).fill('nobody@tests.continuum.example');
  await page.getByLabel(ui.en.auth.password, { exact: true }).fill('not-the-password');
  await page.getByRole('button', { name: ui.en.auth.signIn, exact: true }).click();
  await expect(page.getByRole('alert')).toHaveText(ui.en.auth.errorInvalidLogin);
});

test('keyboard only: sign in and mark a section done', async ({ page, browser }) => {
  const email = uniqueEmail('e2e-keys');
  const password = 'keyboard-password-1';
  await signUpInBrowser(page, 'en', email, password, 'Kim Keys');
  const context = await browser.newContext();
  const keys = await context.newPage();
  await keys.goto('/en/account/');
  await keys.keyboard.press('Tab'); // skip link first
  await expect(keys.getByRole('link', { name: ui.en.site.skipToContent })).toBeFocused();
  await keys.getByLabel(ui.en.auth.email).focus();
  await keys.keyboard.type(email);
  await keys.keyboard.press('Tab');
  await keys.keyboard.type(password);
  await keys.keyboard.press('Enter');
  await expect(keys.getByRole('heading', { name: fill(ui.en.auth.signedInAs, { name: 'Kim Keys' }) })).toBeFocused();
  await keys.goto(modulePath('en'));
  const button = keys.locator('section#who-they-are').getByRole('button', { name: ui.en.progress.markDone });
  await button.focus();
  await keys.keyboard.press('Enter');
  const done = keys.locator('section#who-they-are').getByText(ui.en.progress.done);
  await expect(done).toBeFocused();
  await expect(keys.getByTestId('progress-summary')).toHaveText(fill(ui.en.progress.summary, { done: 1, total: 6 }));
  await context.close();
});
