/**
 * axe (WCAG 2.2 A/AA rules) on the scenario studio, ltr and rtl: signed out, the list, and one
 * scenario's forms (a node open), YAML view, and review with a diff.
 */
import { test, expect, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { createPerson, newId } from '../support/pb.ts';
import { builtInCopy, createDraft } from '../support/studio.ts';
import { signInAs, ui } from '../support/ui.ts';

async function expectNoViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`)).toEqual([]);
}

test('no axe violations on the studio signed out', async ({ page }) => {
  for (const lang of ['en', 'ar']) {
    await page.goto(`/${lang}/studio/`);
    await expect(page.getByRole('link', { name: ui[lang as 'en' | 'ar'].studio.signInLink })).toBeVisible();
    await expectNoViolations(page);
  }
});

test('no axe violations in the studio: the list, the forms, the YAML view and a diff (en and ar)', async ({ page, request }) => {
  test.setTimeout(120_000);
  const trainer = await createPerson(request, 'a11y-studio', { role: 'trainer' });
  const id = `a11y-${newId().slice(0, 6)}`;
  await createDraft(request, trainer, builtInCopy('first-interview', id));
  await signInAs(page, trainer);
  for (const lang of ['en', 'ar'] as const) {
    const s = ui[lang].studio;
    await page.goto(`/${lang}/studio/`);
    await expect(page.locator(`tr[data-scenario="${id}"]`)).toBeVisible();
    await expectNoViolations(page);

    await page.goto(`/${lang}/studio/?scenario=${id}`);
    await expect(page.getByTestId('problem-count')).toHaveText(s.noProblems);
    await page.locator('details[data-node] summary').first().click();
    await expect(page.locator('details[data-node] fieldset.choice').first()).toBeVisible();
    await expectNoViolations(page);

    await page.getByRole('tab', { name: s.tabs.yaml }).click();
    await expect(page.locator('.cm-content')).toBeVisible();
    await expectNoViolations(page);

    await page.getByRole('tab', { name: s.tabs.review }).click();
    await page.getByRole('button', { name: s.compare }).click();
    await expect(page.getByTestId('diff-summary')).toBeVisible();
    await expectNoViolations(page);
  }
});
