/**
 * Accounts as people use them, in a real Chromium against a real PocketBase that sends its
 * e-mail to a real SMTP server on loopback: sign up, confirm the address from the e-mail, forget
 * the password and choose a new one from the e-mail, sign in and land in one's preferred
 * language; an admin invites an officer who joins from the e-mail; an admin deactivates someone;
 * the profile; errors in the page's language with focus on them; axe on the new pages.
 */
import { test, expect, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { adminList, baseURL, createPerson, uniqueEmail } from '../support/pb.ts';
import { linkIn, waitForMail } from '../support/mailbox.ts';
import { fill, signInAs, ui } from '../support/ui.ts';
import pt from '../../src/i18n/ui/pt.json' with { type: 'json' };

const { en, fr } = ui;

// every test here signs people in and sends e-mail through the loopback SMTP server: give them room
test.describe.configure({ timeout: 60_000 });

async function expectNoViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`)).toEqual([]);
}

test('sign up, confirm the address, forget the password, choose a new one from the e-mail, sign in in the preferred language', async ({ page }) => {
  const email = uniqueEmail('journey');
  const name = 'Awa Journey';
  const s = en.auth;
  await page.goto('/en/account/');
  await page.getByRole('button', { name: s.showSignUp }).click();
  await page.getByLabel(s.name).fill(name);
  await page.getByLabel(s.email).fill(email);
  await page.getByLabel(s.password, { exact: true }).fill('aaaaaaaaaa');
  await page.getByLabel(s.passwordConfirm).fill('aaaaaaaaaa');
  await page.getByLabel(s.preferredLanguage).selectOption('fr');
  await page.getByRole('button', { name: s.signUp }).click();
  // a repetitive password is refused before sending, in the page's language, with focus on the field
  await expect(page.locator('#signup-password-error')).toHaveText(en.accounts.errors.validation_password_repetitive);
  await expect(page.getByLabel(s.password, { exact: true })).toBeFocused();
  await page.getByLabel(s.password, { exact: true }).fill('baobab-lantern-7');
  await page.getByLabel(s.passwordConfirm).fill('baobab-lantern-7');
  await page.getByRole('button', { name: s.signUp }).click();
  await expect(page.getByRole('heading', { name: fill(s.signedInAs, { name }) })).toBeVisible();
  await expect(page.getByText(en.accounts.signUpCheckMail)).toBeVisible();
  await expect(page.getByText(fill(en.accounts.profile.unverified, { email }))).toBeVisible();

  // the confirmation e-mail is in French (the language chosen), and its link confirms
  const verification = await waitForMail(email, 'Confirmez votre adresse e-mail');
  await page.goto(linkIn(verification, baseURL));
  await expect(page.getByTestId('link-message')).toHaveText(fr.accounts.link.verified);
  expect(page.url()).not.toContain('token'); // the token leaves the address bar
  expect((await adminList(page.request, 'users', `email = "${email}"`))[0]!.verified).toBe(true);

  // forgotten password, from the English sign-in page
  await page.goto('/en/account/');
  await page.getByRole('button', { name: s.signOut }).click();
  await page.getByRole('button', { name: en.accounts.forgot }).click();
  await page.getByLabel(s.email).fill(email.toUpperCase());
  await page.getByRole('button', { name: en.accounts.forgotSend }).click();
  await expect(page.getByTestId('auth-message')).toHaveText(en.accounts.forgotSent);
  const reset = await waitForMail(email, 'Choisissez un nouveau mot de passe');
  await page.goto(linkIn(reset, baseURL));
  await expect(page.getByText(fill(fr.accounts.link.resetIntro, { email }))).toBeVisible();
  await page.getByLabel(fr.accounts.link.newPassword, { exact: true }).fill('mango-river-1987');
  await page.getByLabel(fr.auth.passwordConfirm).fill('mango-river-1987');
  await page.getByRole('button', { name: fr.accounts.link.save }).click();
  await expect(page.getByTestId('link-message')).toHaveText(fr.accounts.link.reset);

  // signing in on an English page opens the account in French, the preferred language
  await page.evaluate(() => localStorage.removeItem('pocketbase_auth'));
  await page.goto('/en/account/');
  await page.getByLabel(s.email).fill(email);
  await page.getByLabel(s.password, { exact: true }).fill('mango-river-1987');
  await page.getByRole('button', { name: s.signIn, exact: true }).click();
  await expect(page).toHaveURL(/\/fr\/account\/$/);
  await expect(page.getByRole('heading', { name: fill(fr.auth.signedInAs, { name }) })).toBeVisible();
  await expect(page.getByText(fill(fr.accounts.profile.verified, { email }))).toBeVisible();
});

test('an admin invites an officer, who joins from the e-mail in Portuguese', async ({ page, context }) => {
  const admin = await createPerson(page.request, 'e2e-admin', { role: 'admin', name: 'Grace Admin' });
  const officer = uniqueEmail('e2e-officer');
  await signInAs(page, admin);
  await page.goto('/en/admin/');
  // (People and roles loads every account: by now the suite has made a few hundred)
  await expect(page.getByTestId('mail-status')).toHaveText(en.people.mailOn, { timeout: 20_000 });
  await page.getByLabel(en.people.inviteEmails).fill(`Joaquim Tembe <${officer}>\nnot-an-address`);
  await page.getByLabel(en.people.inviteTrack).selectOption('border-officer');
  await page.getByLabel(en.people.inviteLanguage).selectOption('pt');
  await page.getByRole('button', { name: en.people.inviteSend }).click();
  await expect(page.getByTestId('invite-outcome')).toContainText(fill(en.people.inviteResult, { invited: 1, existing: 0, failed: 0 }));
  await expect(page.getByTestId('invite-outcome')).toContainText('not-an-address');
  await expect(page.getByTestId('invite-outcome')).toBeFocused();
  await expect(page.getByTestId('unsupervised')).toContainText('Joaquim Tembe');
  await expectNoViolations(page);

  const invitation = await waitForMail(officer, 'Grace Admin convida-o para o Continuum');
  const joining = await context.newPage();
  await joining.goto(linkIn(invitation, baseURL));
  await expect(joining.getByRole('heading', { name: pt.accounts.link.joinTitle })).toBeVisible();
  await joining.getByLabel(pt.auth.name).fill('Joaquim Tembe');
  await joining.getByLabel(pt.accounts.link.newPassword, { exact: true }).fill('1234567890');
  await joining.getByLabel(pt.auth.passwordConfirm).fill('1234567890');
  await joining.getByRole('button', { name: pt.accounts.link.save }).click();
  await expect(joining.locator('#link-password-error')).toHaveText(pt.accounts.errors.validation_password_common);
  await expect(joining.getByLabel(pt.accounts.link.newPassword, { exact: true })).toBeFocused();
  await joining.getByLabel(pt.accounts.link.newPassword, { exact: true }).fill('fronteira-segura-24');
  await joining.getByLabel(pt.auth.passwordConfirm).fill('fronteira-segura-24');
  await joining.getByRole('button', { name: pt.accounts.link.save }).click();
  await expect(joining.getByTestId('link-message')).toHaveText(pt.accounts.link.joined);
  const [joined] = await adminList(page.request, 'users', `email = "${officer}"`);
  expect(joined).toMatchObject({ name: 'Joaquim Tembe', verified: true, track: 'border-officer', preferredLanguage: 'pt', role: 'learner' });
});

test('an admin deactivates someone who left, and reactivates them', async ({ page }) => {
  const admin = await createPerson(page.request, 'e2e-admin-2', { role: 'admin' });
  const leaver = await createPerson(page.request, 'e2e-leaver', { name: 'Leaving Person' });
  await signInAs(page, admin);
  await page.goto('/en/admin/');
  const row = page.locator(`tr[data-person="${leaver.id}"]`);
  await expect(row).toBeVisible({ timeout: 20_000 });
  await row.getByRole('button', { name: new RegExp(`^${en.people.deactivate}\\W+Leaving Person$`) }).click();
  await expect(page.getByTestId('admin-message')).toHaveText(fill(en.people.deactivated, { name: 'Leaving Person' }));
  await expect(row).toContainText(en.people.deactivatedLabel);
  expect((await adminList(page.request, 'users', `id = "${leaver.id}"`))[0]!.deactivated).toBe(true);
  await row.getByRole('button', { name: new RegExp(`^${en.people.reactivate}\\W+Leaving Person$`) }).click();
  await expect(row).toContainText(en.people.active);
  expect((await adminList(page.request, 'users', `id = "${leaver.id}"`))[0]!.deactivated).toBe(false);
});

test('the profile: name, country and language saved; refused names explained in the page\'s language', async ({ page }) => {
  const me = await createPerson(page.request, 'e2e-profile', { name: 'Rosa Profile', preferredLanguage: 'fr' });
  await signInAs(page, me);
  await page.goto('/fr/account/');
  const p = fr.accounts.profile;
  await page.locator('#profile-name').fill('Rosa\u202E Alvarado');
  await page.getByRole('button', { name: p.save }).click();
  await expect(page.locator('#profile-name-error')).toHaveText(fr.accounts.errors.validation_name_invisible_characters);
  await expect(page.locator('#profile-name')).toBeFocused();
  await page.locator('#profile-name').fill('Rosa Alvarado');
  await page.locator('#profile-country').fill('Guatemala');
  await page.getByRole('button', { name: p.save }).click();
  await expect(page.getByText(p.saved)).toBeVisible();
  expect((await adminList(page.request, 'users', `id = "${me.id}"`))[0]).toMatchObject({ name: 'Rosa Alvarado', country: 'Guatemala' });
  await expectNoViolations(page);
});

for (const path of ['/ar/account/reset/#token=x.eyJlbWFpbCI6ImFAYi5jIn0.y', '/en/account/join/#token=x.e30.y', '/fr/account/email/#token=x.e30.y', '/sw/account/verify/']) {
  test(`no axe violations on ${path.split('#')[0]}, a page the e-mails open`, async ({ page }) => {
    await page.goto(path);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await page.waitForLoadState('networkidle');
    await expectNoViolations(page);
  });
}
