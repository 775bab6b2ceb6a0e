/**
 * axe (WCAG 2.2 A/AA rules) on the scenario studio, ltr and rtl: signed out, the list, and one
 * scenario's forms (a node open), YAML view, map, simulation results, preview (playing in
 * Arabic), translation table, and review with a diff; at 320 px the list and the forms do not
 * scroll sideways.
 */
import { test, expect } from '@playwright/test';
import { createPerson, newId } from '../support/pb.ts';
import { builtInCopy, createDraft } from '../support/studio.ts';
import { signInAs, ui } from '../support/ui.ts';
import { expectNoViolations } from '../support/axe.ts';

test('no axe violations on the studio signed out', async ({ page }) => {
  for (const lang of ['en', 'ar']) {
    await page.goto(`/${lang}/studio/`);
    await expect(page.getByRole('link', { name: ui[lang as 'en' | 'ar'].studio.signInLink })).toBeVisible();
    await expectNoViolations(page);
  }
});

for (const lang of ['en', 'ar'] as const) {
  test(`no axe violations in the studio in ${lang}: the list, the forms, the YAML view, the map, simulation, preview, translation and a diff`, async ({ page, request }) => {
    test.setTimeout(240_000); // eight axe scans of long pages (about 2 minutes on a busy machine)
    const trainer = await createPerson(request, `a11y-studio-${lang}`, { role: 'trainer' });
    const id = `a11y-${lang}-${newId().slice(0, 6)}`;
    await createDraft(request, trainer, builtInCopy('first-interview', id));
    await signInAs(page, trainer);
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

    await page.getByRole('tab', { name: s.tabs.graph }).click();
    await expect(page.getByTestId('studio-graph')).toBeVisible();
    await expectNoViolations(page);

    await page.getByRole('tab', { name: s.tabs.simulate }).click();
    await page.getByTestId('simulate-run').click();
    await expect(page.getByTestId('simulate-results')).toBeVisible();
    await expectNoViolations(page);

    await page.getByRole('tab', { name: s.tabs.preview }).click();
    await page.getByTestId('preview-language').selectOption('ar');
    await page.getByTestId('preview-play').click();
    await expect(page.getByTestId('preview-player').locator('button.choice').first()).toBeVisible();
    await expectNoViolations(page);

    await page.getByRole('tab', { name: s.tabs.translate }).click();
    await expect(page.getByTestId('translate-summary')).toBeVisible();
    await expectNoViolations(page);

    await page.getByRole('tab', { name: s.tabs.review }).click();
    await page.getByRole('button', { name: s.compare }).click();
    await expect(page.getByTestId('diff-summary')).toBeVisible();
    await expectNoViolations(page);
  });
}

test('the studio at 320 px in en and ar: the list and a scenario scroll only up and down', async ({ page, request }) => {
  const trainer = await createPerson(request, 'phone-studio', { role: 'trainer' });
  const id = `phone-${newId().slice(0, 6)}`;
  await createDraft(request, trainer, builtInCopy('first-interview', id));
  await page.setViewportSize({ width: 320, height: 640 });
  await signInAs(page, trainer);
  const noSidewaysScroll = async (what: string) => {
    const { scrollWidth, innerWidth, wide } = await page.evaluate(() => ({
      scrollWidth: document.documentElement.scrollWidth,
      innerWidth: window.innerWidth,
      // the elements that reach past the window, to name in the message
      wide: [...document.querySelectorAll('main *')].filter((e) => { const r = e.getBoundingClientRect(); return r.right > window.innerWidth + 1 || r.left < -1; })
        .slice(0, 5).map((e) => `${e.tagName.toLowerCase()}${e.id ? `#${e.id}` : ''}.${[...e.classList].join('.')}`),
    }));
    expect(scrollWidth, `${what}: ${scrollWidth} px of content in ${innerWidth} px (${wide.join(', ')})`).toBeLessThanOrEqual(innerWidth);
  };
  for (const lang of ['en', 'ar'] as const) {
    await page.goto(`/${lang}/studio/`);
    await expect(page.locator(`tr[data-scenario="${id}"]`)).toBeVisible();
    await noSidewaysScroll(`/${lang}/studio/`);
    await page.goto(`/${lang}/studio/?scenario=${id}`);
    await expect(page.getByTestId('problem-count')).toHaveText(ui[lang].studio.noProblems);
    await page.locator('details[data-node] summary').first().click();
    await noSidewaysScroll(`/${lang}/studio/?scenario=${id} (forms)`);
  }
});
