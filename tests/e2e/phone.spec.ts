/**
 * A learner's phone: at 320 and 360 px wide, in English and in Arabic (right to left), the
 * home page, a lesson, a case simulation, My onboarding, a path and search results scroll only up and down; the header
 * is compact (search and language behind one control, the search button whole); glossary terms
 * open their definition in place, with the keyboard too; "All modules" leads to a page of
 * modules; My onboarding says how much time is left.
 */
import { test, expect, type Page } from '@playwright/test';
import { createPerson } from '../support/pb.ts';
import { fill, signInAs, ui } from '../support/ui.ts';
import { islandsReady, watchPolicyViolations } from '../support/offline.ts';

const widths = [320, 360] as const;
const langs = ['en', 'ar'] as const;

async function noSidewaysScroll(page: Page, what: string) {
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth }));
  expect(scrollWidth, `${what}: ${scrollWidth} px of content in ${innerWidth} px`).toBeLessThanOrEqual(innerWidth);
}

for (const width of widths) {
  for (const lang of langs) {
    test(`no sideways scrolling at ${width} px in ${lang}: home, lesson, simulation, My onboarding, a path, search results`, async ({ page, request }) => {
      const violations = watchPolicyViolations(page);
      await page.setViewportSize({ width, height: 640 });
      const learner = await createPerson(request, `phone-${lang}-${width}`, { track: 'border-officer', preferredLanguage: lang });
      await signInAs(page, learner);
      for (const url of [`/${lang}/`, `/${lang}/modules/children-on-the-move/`, `/${lang}/scenarios/border-arrival/`, `/${lang}/onboarding/`, `/${lang}/paths/border-officer/`, `/${lang}/search/?q=child`]) {
        await page.goto(url);
        await islandsReady(page);
        await noSidewaysScroll(page, url);
        if (url.includes('/scenarios/')) {
          // and while playing
          await page.locator('button[data-choice]').first().click();
          await expect(page.getByTestId('choice-feedback')).toBeVisible();
          await noSidewaysScroll(page, `${url} after a choice`);
        }
        if (url.includes('/search/')) {
          await expect(page.getByTestId('search-summary')).toBeVisible();
          await noSidewaysScroll(page, `${url} with its results`);
        }
        if (url.includes('/onboarding/')) {
          await expect(page.getByTestId('time-left').first()).toBeVisible();
          await noSidewaysScroll(page, url);
        }
      }
      expect(violations).toEqual([]);
    });
  }
}

test('the header is compact on a phone: search and language behind one control, the search button whole', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 640 });
  await page.goto('/en/modules/children-on-the-move/');
  const header = page.locator('header.site-header');
  expect((await header.boundingBox())!.height).toBeLessThanOrEqual(128); // a fifth of the screen
  const search = page.getByRole('button', { name: ui.en.site.searchButton, exact: true });
  await expect(search).toBeHidden();
  await expect(page.getByRole('link', { name: 'العربية' })).toBeHidden();
  // one control opens both, with the keyboard
  await page.locator('.tools > summary').focus();
  await page.keyboard.press('Enter');
  await expect(search).toBeVisible();
  await expect(page.getByRole('link', { name: 'العربية' })).toBeVisible();
  const box = (await search.boundingBox())!;
  expect(box.x).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width).toBeLessThanOrEqual(360);
  await page.getByRole('searchbox', { name: ui.en.site.searchLabel }).fill('interview');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/en\/search\/\?q=interview/);
});

test('on a wide screen search and language are shown without opening anything', async ({ page }) => {
  await page.setViewportSize({ width: 1200, height: 800 });
  await page.goto('/en/');
  await expect(page.getByRole('button', { name: ui.en.site.searchButton, exact: true })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Français' })).toBeVisible();
});

test('a glossary term shows its definition in place, with the keyboard, and links to the glossary', async ({ page }) => {
  const violations = watchPolicyViolations(page);
  await page.setViewportSize({ width: 360, height: 640 });
  await page.goto('/en/modules/children-on-the-move/');
  const term = page.locator('button.glossary-term').first();
  const id = (await term.getAttribute('popovertarget'))!;
  const popover = page.locator(`#${id}`);
  await expect(popover).toBeHidden();
  await term.focus();
  await page.keyboard.press('Enter');
  await expect(popover).toBeVisible();
  await expect(popover.locator('.glossary-popover-definition')).not.toBeEmpty();
  const box = (await popover.boundingBox())!;
  expect(box.x).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width).toBeLessThanOrEqual(360);
  // Escape closes it, and the page did not move away
  await page.keyboard.press('Escape');
  await expect(popover).toBeHidden();
  await expect(page).toHaveURL(/\/en\/modules\/children-on-the-move\/$/);
  // "More in the glossary" leads to the entry
  await term.click();
  await popover.getByRole('link', { name: ui.en.glossaryTerm.more }).click();
  await expect(page).toHaveURL(new RegExp(`/en/glossary/#${id.replace(/^glossary-/, '')}$`));
  await expect(page.locator(`dl.glossary #${id.replace(/^glossary-/, '')}`)).toBeVisible();
  expect(violations).toEqual([]);
});

test('"All modules" leads to the page of every module, in the page\'s language', async ({ page }) => {
  await page.goto('/fr/modules/children-on-the-move/');
  await page.getByRole('link', { name: ui.fr.module.backToModules }).click();
  await expect(page).toHaveURL(/\/fr\/modules\/$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(ui.fr.modulesIndex.title);
  expect(await page.locator('.module-card').count()).toBeGreaterThan(5);
  await expect(page.locator('.module-card a[href="/fr/modules/children-on-the-move/"]')).toBeVisible();
});

test('My onboarding says how much time the path still takes', async ({ page, request }) => {
  const learner = await createPerson(request, 'time-left', { track: 'teacher' });
  await signInAs(page, learner);
  await page.goto('/en/onboarding/');
  const card = page.locator('section.path-card').first();
  await expect(card.getByTestId('time-left')).toHaveText(new RegExp(`^${fill(ui.en.timeLeft.left, { time: '(\\d+ hours?, )?\\d+ minutes|\\d+ hours?' })}$`));
});
