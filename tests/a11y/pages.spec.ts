/**
 * axe (WCAG 2.2 A/AA rules) on each kind of page, signed out and signed in, ltr and rtl.
 */
import { test, expect, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { facts } from '../support/content.ts';
import { adminList, baseURL, createPerson, moduleCompletion, newId, uniqueEmail } from '../support/pb.ts';
import { signInAs, signUpInBrowser } from '../support/ui.ts';

async function expectNoViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
  const summary = results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
  expect(summary).toEqual([]);
}

const pages = [
  '/en/', '/ar/', '/en/modules/children-on-the-move/', '/ar/modules/children-on-the-move/', '/pt/modules/children-on-the-move/',
  '/fr/account/', '/en/glossary/', '/ar/glossary/', '/en/paths/', '/en/paths/border-officer/', '/ar/paths/teacher/',
  '/en/modules/children-on-the-move/print/', '/fr/search/',
  // onboarding and supervision, signed out
  '/en/onboarding/', '/en/verify/', '/ar/verify/', '/en/supervise/', '/fr/certificate/', '/en/admin/', '/en/paths/essentials/',
  // offline use and the list of modules
  '/en/offline/', '/ar/offline/', '/en/modules/', '/ar/modules/',
];
for (const path of pages) {
  test(`no axe violations on ${path}`, async ({ page }) => {
    await page.goto(path);
    await page.waitForLoadState('networkidle');
    await expectNoViolations(page);
  });
}

test('no axe violations on a module page while signed in, with progress', async ({ page }) => {
  await signUpInBrowser(page, 'en', uniqueEmail('a11y'), 'a11y-password-1', 'Ada Access');
  await page.goto('/en/modules/children-on-the-move/');
  await page.locator('section#who-they-are').getByRole('button', { name: /Mark this section as done/ }).click();
  await expect(page.getByTestId('progress-summary')).toContainText('1');
  await expectNoViolations(page);
  await page.goto('/en/account/');
  await expectNoViolations(page);
});

test('no axe violations on a phone with the search and language control open, and a glossary definition open (ltr and rtl)', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 640 });
  for (const lang of ['en', 'ar']) {
    await page.goto(`/${lang}/modules/children-on-the-move/`);
    await page.locator('.tools > summary').click();
    await expectNoViolations(page);
    await page.locator('button.glossary-term').first().click();
    await expect(page.locator('.glossary-popover:popover-open')).toBeVisible();
    await expectNoViolations(page);
  }
});

test('no axe violations on search results (fr) and a submitted knowledge check (ar)', async ({ page }) => {
  await page.goto('/fr/search/?q=enfants');
  await expect(page.getByTestId('search-summary')).toBeVisible();
  await expectNoViolations(page);
  await page.goto('/ar/modules/children-on-the-move/');
  await page.locator('form.knowledge-check button[type="submit"]').click();
  await expect(page.getByRole('alert')).toBeVisible();
  await page.locator('form.knowledge-check fieldset').evaluateAll((sets) =>
    sets.forEach((set) => (set.querySelector('input') as HTMLInputElement).click()),
  );
  await page.locator('form.knowledge-check button[type="submit"]').click();
  await expect(page.getByTestId('check-result')).not.toBeEmpty();
  await expectNoViolations(page);
});

test('no axe violations on the scenario list, the player and the debrief', async ({ page }) => {
  await page.goto('/en/scenarios/');
  await expectNoViolations(page);
  await page.goto('/ar/scenarios/border-arrival/');
  await expect(page.locator('astro-island[component-url*="ScenarioPage"]')).not.toHaveAttribute('ssr');
  await expectNoViolations(page);
  // choose the first offered choice until an ending
  for (let i = 0; i < 30 && (await page.locator('button.choice').count()) > 0; i++) {
    await page.locator('button.choice').first().click();
    if (i === 0) await expectNoViolations(page); // the feedback panel
    await page.locator('.feedback button').click();
  }
  await expect(page.locator('.debrief')).toBeVisible();
  await expectNoViolations(page);
});

test('no axe violations on onboarding, certificate and verification pages (ltr and rtl), signed in', async ({ page, request }) => {
  const catalogue = facts();
  const supervisor = await createPerson(request, 'a11y-sup', { role: 'supervisor' });
  const learner = await createPerson(request, 'a11y-learner', { supervisor: supervisor.id, track: 'teacher' });
  await request.post(`${baseURL}/api/collections/assignments/records`, {
    headers: { Authorization: supervisor.token },
    data: { learner: learner.id, path: 'essentials', dueDate: '2026-01-01 00:00:00.000Z', assignedBy: supervisor.id },
  });
  for (const step of catalogue.paths.find((p) => p.id === 'essentials')!.steps) {
    const slug = step.replace('module:', '');
    for (const s of moduleCompletion(learner.id, slug, catalogue.modules[slug]!.sections)) {
      await request.post(`${baseURL}/api/collections/statements/records`, { headers: { Authorization: learner.token }, data: s });
    }
  }
  const [certificate] = await adminList(request, 'certificates', `user = "${learner.id}"`);
  await signInAs(page, learner);
  for (const lang of ['en', 'ar']) {
    await page.goto(`/${lang}/onboarding/`);
    await expect(page.locator('section[data-path="essentials"]')).toBeVisible();
    await expectNoViolations(page);
    await page.goto(`/${lang}/certificate/?id=${certificate!.id}`);
    await expect(page.getByTestId('certificate')).toBeVisible();
    await expectNoViolations(page);
    await page.goto(`/${lang}/verify/?code=${certificate!.code}`);
    await expect(page.getByTestId('verify-result')).toBeVisible();
    await expectNoViolations(page);
  }
});

test('no axe violations on the supervisor dashboard with insight, and on the admin page', async ({ page, request }) => {
  const supervisor = await createPerson(request, 'a11y-dash', { role: 'admin' });
  const learner = await createPerson(request, 'a11y-dash-learner', { supervisor: supervisor.id, country: 'Zambia' });
  await request.post(`${baseURL}/api/collections/statements/records`, {
    headers: { Authorization: learner.token },
    data: { id: newId(), user: learner.id, verb: 'chose', object: 'scenario:border-arrival/choice:offer-needs', context: {}, language: 'en', timestamp: new Date().toISOString() },
  });
  await signInAs(page, supervisor);
  for (const lang of ['en', 'ar']) {
    await page.goto(`/${lang}/supervise/`);
    await expect(page.getByTestId('cohort-table')).toBeVisible();
    await page.locator('#insight-scenario').selectOption('border-arrival');
    await page.locator('.insight button[type="submit"]').click();
    await expect(page.getByTestId('insight')).toBeVisible();
    await expectNoViolations(page);
  }
  await page.goto('/en/admin/');
  await expect(page.locator(`tr[data-person="${learner.id}"]`)).toBeVisible();
  await expectNoViolations(page);
});
