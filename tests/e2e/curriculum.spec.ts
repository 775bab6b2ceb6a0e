/**
 * The reading experience around the modules: every module in every language, the knowledge
 * check recorded in PocketBase, search per language, glossary, paths and print view.
 */
import { test, expect, type Page } from '@playwright/test';
import { locales, textDirection } from '../../src/i18n/locales.ts';
import { adminList, uniqueEmail } from '../support/pb.ts';
import { fill, signUpInBrowser, ui } from '../support/ui.ts';
import { hasTranslation, moduleFrontmatter, moduleSlugs } from '../support/content.ts';

test('every module renders in every language with the right lang and dir', async ({ request }) => {
  const slugs = moduleSlugs();
  expect(slugs.length).toBeGreaterThan(0);
  for (const slug of slugs) {
    for (const lang of locales) {
      const response = await request.get(`/${lang}/modules/${slug}/`);
      expect(response.status(), `${lang}/${slug}`).toBe(200);
      const html = await response.text();
      expect(html, `${lang}/${slug}`).toContain(`<html lang="${lang}" dir="${textDirection(lang)}"`);
      const translated = hasTranslation(slug, lang);
      const title = moduleFrontmatter(slug, translated ? lang : 'en').title;
      expect(html, `${lang}/${slug} title`).toContain(title.replace(/&/g, '&amp;').replace(/"/g, '&quot;').slice(0, 20));
      expect(html.includes('data-testid="not-translated"'), `${lang}/${slug} notice`).toBe(!translated);
    }
  }
});

async function answerCheck(page: Page, slug: string, lang: 'en' | 'fr', right: boolean) {
  await expect(page.locator('astro-island[component-url*="KnowledgeCheck"]')).not.toHaveAttribute('ssr');
  const quiz = moduleFrontmatter(slug, lang).quiz!;
  for (const question of quiz.questions) {
    const fieldset = page.locator(`fieldset[data-question="${question.id}"]`);
    const wanted = right ? question.options.filter((o) => o.correct) : [question.options.find((o) => !o.correct)!];
    for (const option of wanted) await fieldset.getByLabel(option.text, { exact: true }).check();
  }
  await page.getByRole('button', { name: ui[lang].quiz.submit }).click();
  return quiz;
}

test('knowledge check: a wrong and a right attempt, both recorded', async ({ page, request }) => {
  const slug = 'children-on-the-move';
  const email = uniqueEmail('quiz');
  await signUpInBrowser(page, 'fr', email, 'quiz-password-1', 'Quentin Quiz');
  await page.goto(`/fr/modules/${slug}/`);
  await expect(page.locator('astro-island[component-url*="KnowledgeCheck"]')).not.toHaveAttribute('ssr');
  const s = ui.fr.quiz;

  // unanswered: a clear message, nothing recorded
  await page.getByRole('button', { name: s.submit }).click();
  await expect(page.getByRole('alert')).toContainText(s.unanswered.split('{{')[0]!.trim().slice(0, 15));

  const quiz = await answerCheck(page, slug, 'fr', false);
  const total = quiz.questions.length;
  await expect(page.getByTestId('check-result')).toContainText(fill(s.result, { correct: 0, total, percent: 0 }));
  await expect(page.getByTestId('check-result')).toContainText(fill(s.failed, { threshold: 80 }));
  await expect(page.getByTestId('check-result')).toBeFocused();

  await page.getByRole('button', { name: s.retry }).click();
  await answerCheck(page, slug, 'fr', true);
  await expect(page.getByTestId('check-result')).toContainText(fill(s.result, { correct: total, total, percent: 100 }));
  await expect(page.getByTestId('check-result')).toContainText(s.passed);
  await expect(page.getByTestId('check-result')).toContainText(s.saved);

  const [user] = await adminList(request, 'users', `email = "${email}"`);
  const answered = await adminList(request, 'statements', `user = "${user!.id}" && verb = "answered"`);
  expect(answered).toHaveLength(2 * total);
  const results = await adminList(request, 'statements', `user = "${user!.id}" && (verb = "passed" || verb = "failed")`);
  expect(results.map((r) => r.verb).sort()).toEqual(['failed', 'passed']);
  const [progress] = await adminList(request, 'progress', `user = "${user!.id}" && activity = "module:${slug}"`);
  expect(progress).toMatchObject({ checkPassed: true, score: 1 });
  await page.reload();
  await expect(page.getByTestId('check-status')).toContainText(fill(ui.fr.progress.checkPassed, { score: 100 }));
});

test('the knowledge check works with the keyboard only', async ({ page }) => {
  const slug = 'children-on-the-move';
  const quiz = moduleFrontmatter(slug, 'en').quiz!;
  await page.goto(`/en/modules/${slug}/`);
  // wait for the island to hydrate (Astro drops the ssr attribute then)
  await expect(page.locator('astro-island[component-url*="KnowledgeCheck"]')).not.toHaveAttribute('ssr');
  const first = quiz.questions[0]!;
  const input = page.locator(`fieldset[data-question="${first.id}"] input`).first();
  await input.focus();
  await page.keyboard.press(first.type === 'single' ? 'ArrowDown' : 'Space');
  await expect(page.locator(`fieldset[data-question="${first.id}"] input:checked`)).toHaveCount(1);
  await page.getByRole('button', { name: ui.en.quiz.submit }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('alert')).toBeVisible();
  await expect(page.getByRole('alert')).toBeFocused();
});

const searchWords: Record<string, { word: string; module: string }> = {
  fr: { word: 'déplacement', module: 'children-on-the-move' },
  ar: { word: 'المتنقلين', module: 'children-on-the-move' },
  // Pagefind has no stemmer for Swahili: its search uses the language-neutral one
  sw: { word: 'aliyetenganishwa', module: 'children-on-the-move' },
};

for (const [lang, { word, module }] of Object.entries(searchWords)) {
  test(`search finds a module by a word from its body in ${lang}`, async ({ page }) => {
    await page.goto(`/${lang}/`);
    const header = page.locator('header form[role="search"]');
    await header.getByRole('searchbox').fill(word);
    await header.getByRole('button').click();
    await expect(page).toHaveURL(new RegExp(`/${lang}/search/\\?q=`));
    const hit = page.locator('.hits a').filter({ hasText: moduleFrontmatter(module, lang).title.slice(0, 12) });
    await expect(hit.first()).toBeVisible();
    await expect(hit.first()).toHaveAttribute('href', new RegExp(`/${lang}/modules/${module}/`));
  });
}

test('search says so when nothing matches', async ({ page }) => {
  await page.goto('/en/search/?q=zzqxv');
  await expect(page.getByTestId('search-summary')).toHaveText(fill(ui.en.search.none, { query: 'zzqxv' }));
});

test('the glossary lists terms and a module shows its first use of a term in place, linked to the glossary', async ({ page }) => {
  await page.goto('/en/glossary/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(ui.en.glossary.title);
  const terms = page.locator('dl.glossary dt');
  expect(await terms.count()).toBeGreaterThan(10);
  await page.goto('/en/modules/children-on-the-move/');
  const term = page.locator('button.glossary-term').first();
  await expect(term).toBeVisible();
  await term.click();
  const popover = page.locator(`#${await term.getAttribute('popovertarget')}`);
  await expect(popover).toBeVisible();
  const link = popover.getByRole('link', { name: ui.en.glossaryTerm.more });
  const href = (await link.getAttribute('href'))!;
  expect(href).toMatch(/^\/en\/glossary\/#[a-z0-9-]+$/);
  await link.click();
  await expect(page.locator(`dl.glossary #${href.split('#')[1]}`)).toBeVisible();
});

test('a path page shows each step and the learner\'s progress on it', async ({ page }) => {
  await page.goto('/en/paths/');
  await page.getByRole('link', { name: ui.en.tracks['border-officer'] }).click();
  await expect(page).toHaveURL(/\/en\/paths\/border-officer\/$/);
  await expect(page.getByText(ui.en.paths.signIn)).toBeVisible();
  await signUpInBrowser(page, 'en', uniqueEmail('path'), 'path-password-1', 'Pat Path');
  await page.goto('/en/modules/children-on-the-move/');
  await page.locator('section#who-they-are').getByRole('button', { name: ui.en.progress.markDone }).click();
  await expect(page.getByTestId('progress-summary')).toContainText('1');
  await page.goto('/en/paths/border-officer/');
  await expect(page.locator('[data-activity="module:children-on-the-move"]')).toHaveAttribute('data-status', 'in-progress');
  await expect(page.getByTestId('path-summary')).toHaveText(fill(ui.en.paths.overall, { percent: 0 }));
  await expect(page.getByRole('link', { name: fill(ui.en.paths.next, { title: moduleFrontmatter('children-on-the-move', 'en').title }) })).toBeVisible();
});

test('the print view has the whole module, no navigation and no JavaScript', async ({ page }) => {
  const response = await page.goto('/en/modules/children-on-the-move/print/');
  const html = await response!.text();
  expect(html).not.toContain('<script');
  await expect(page.locator('nav')).toHaveCount(0);
  for (const section of moduleFrontmatter('children-on-the-move', 'en').sections) {
    await expect(page.locator(`section#${section.id}`)).toBeVisible();
  }
  await expect(page.getByRole('heading', { name: ui.en.module.answersHeading })).toBeVisible();
});

test('module navigation: previous and next section links, and resume where you stopped', async ({ page }) => {
  const { sections } = moduleFrontmatter('children-on-the-move', 'en');
  await signUpInBrowser(page, 'en', uniqueEmail('resume'), 'resume-password-1', 'Rae Resume');
  await page.goto('/en/modules/children-on-the-move/');
  const first = page.locator(`section#${sections[0]!.id}`);
  await expect(first.getByRole('link', { name: fill(ui.en.module.nextSection, { title: sections[1]!.title }) })).toHaveAttribute('href', `#${sections[1]!.id}`);
  await first.getByRole('button', { name: ui.en.progress.markDone }).click();
  await page.reload();
  const resume = page.getByTestId('resume-link');
  await expect(resume).toHaveText(fill(ui.en.progress.resume, { title: sections[1]!.title }));
  await resume.click();
  await expect(page).toHaveURL(new RegExp(`#${sections[1]!.id}$`));
});
