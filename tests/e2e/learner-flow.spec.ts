/**
 * A learner's flow on a phone (issue 10): after a knowledge check the next step on their path;
 * the simulation debrief at 320 and 360 px in English and Arabic (no sideways scrolling, each
 * principle's score with its scale, nothing of the play left over, axe clean); meters whose
 * words follow the meaning (high distress is a warning).
 */
import { test, expect, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { catalogue, moduleFrontmatter } from '../support/content.ts';
import { createPerson } from '../support/pb.ts';
import { fill, signInAs, ui } from '../support/ui.ts';
import { islandsReady } from '../support/offline.ts';
import { bestScores } from '../../src/simulation/debrief.ts';
import { pointsOf } from '../../src/simulation/rules.ts';

const item = catalogue().scenarios.find((s) => s.scenario.id === 'border-arrival')!;
const officerPath = catalogue().paths.find((p) => p.id === 'border-officer')!;

/** Answers a lesson's knowledge check, every answer right. */
async function passCheck(page: Page, slug: string) {
  const quiz = moduleFrontmatter(slug, 'en').quiz!;
  for (const question of quiz.questions) {
    const fieldset = page.locator(`fieldset[data-question="${question.id}"]`);
    for (const option of question.options.filter((o) => o.correct)) await fieldset.getByLabel(option.text, { exact: true }).check();
  }
  await page.getByRole('button', { name: ui.en.quiz.submit }).click();
  await expect(page.getByTestId('check-result')).toContainText(ui.en.quiz.passed);
}

test('after passing a check, the next step is the next lesson of the learner\'s path; without a path, the lessons', async ({ page, request }) => {
  const [first, second] = officerPath.steps;
  expect('module' in first! && 'module' in second!).toBe(true);
  const slug = (first as { module: string }).module;
  const learner = await createPerson(request, 'next-step', { track: 'border-officer' });
  await signInAs(page, learner);
  await page.goto(`/en/modules/${slug}/`);
  await islandsReady(page);
  await passCheck(page, slug);
  const next = page.getByTestId('next-step');
  await expect(next).toHaveAttribute('data-kind', 'step');
  const link = next.locator('a.button');
  const title = moduleFrontmatter((second as { module: string }).module, 'en').title;
  await expect(link).toHaveText(fill(ui.en.nextStep.step, { title }));
  await expect(next.locator('a[href="/en/paths/border-officer/"]')).toBeVisible();
  await link.click();
  await expect(page).toHaveURL(new RegExp(`/en/modules/${(second as { module: string }).module}/$`));

  // someone who follows no path (here: not signed in) is offered the list of lessons
  const visitor = await page.context().browser()!.newContext();
  const anonymous = await visitor.newPage();
  await anonymous.goto(`/en/modules/${slug}/`);
  await islandsReady(anonymous);
  await passCheck(anonymous, slug);
  await expect(anonymous.getByTestId('next-step')).toHaveAttribute('data-kind', 'modules');
  await anonymous.getByRole('link', { name: ui.en.nextStep.toModules }).click();
  await expect(anonymous).toHaveURL(/\/en\/modules\/$/);
  await visitor.close();
});

async function noSidewaysScroll(page: Page, what: string) {
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth }));
  expect(scrollWidth, `${what}: ${scrollWidth} px of content in ${innerWidth} px`).toBeLessThanOrEqual(innerWidth);
  return scrollWidth;
}

/** Plays the given choices by clicking (the place of each choice is read from the page). */
async function play(page: Page, choices: readonly string[]) {
  for (const choice of choices) {
    await page.locator(`button[data-choice="${choice}"]`).click();
    await page.locator('.feedback button').click();
  }
}

const harmful = Object.entries(item.analysis.shortestPaths).find(([e]) => item.scenario.endings[e]!.outcome === 'harmful')!;
const scale = bestScores(item.scenario);

for (const width of [320, 360] as const) {
  for (const lang of ['en', 'ar'] as const) {
    test(`the debrief fits ${width} px in ${lang}, gives each score its scale, and leaves the play behind`, async ({ page, request }) => {
      await page.setViewportSize({ width, height: 640 });
      const learner = await createPerson(request, `debrief-${lang}-${width}`, { track: 'border-officer', preferredLanguage: lang });
      await signInAs(page, learner);
      await page.goto(`/${lang}/scenarios/border-arrival/`);
      await islandsReady(page);
      await play(page, harmful[1]);
      await expect(page.locator('#debrief-title')).toBeFocused();
      const d = ui[lang].debrief2;
      const scores = pointsOf(item.scenario, harmful[1]);
      for (const p of item.scenario.principles) {
        await expect(page.locator(`.scores li[data-principle="${p}"] [data-testid="score"]`)).toHaveText(fill(d.scoreOf, { score: scores[p] ?? 0, max: scale[p]! }));
      }
      // each decisive choice once, and no other list of the choices
      const moments = page.locator('[data-testid="moments"] > li');
      const chosen = await moments.evaluateAll((items) => items.map((li) => li.getAttribute('data-choice')));
      expect(new Set(chosen).size).toBe(chosen.length);
      expect(chosen.length).toBeGreaterThan(0);
      await expect(page.locator('.history')).toHaveCount(0);
      await expect(page.getByRole('button', { name: ui[lang].scenario.stepBack })).toHaveCount(0);
      await expect(page.getByText(ui[lang].scenario.resumed)).toHaveCount(0);
      await expect(page.getByTestId('read-next').locator(`a[href^="/${lang}/modules/"]`).first()).toBeVisible();
      await expect(page.getByTestId('next-step')).toHaveAttribute('data-kind', 'step');
      const measured = await noSidewaysScroll(page, `debrief ${lang} ${width}`);
      test.info().annotations.push({ type: 'width', description: `${lang} ${width}: scrollWidth ${measured}` });

      // after a reload the finished run comes back without "Welcome back" or "Step back"
      await page.waitForTimeout(500); // the run is saved in the background
      await page.reload();
      await islandsReady(page);
      await expect(page.locator('.debrief')).toBeVisible();
      await expect(page.getByText(ui[lang].scenario.resumed)).toHaveCount(0);
      await expect(page.getByRole('button', { name: ui[lang].scenario.stepBack })).toHaveCount(0);
      await noSidewaysScroll(page, `debrief ${lang} ${width} after a reload`);

      if (width === 360) {
        const results = await new AxeBuilder({ page }).include('.debrief').withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
        expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
      }
    });
  }
}

test('a meter at high distress reads as a warning, in words and in the meter\'s own colours', async ({ page }) => {
  const start = item.scenario.nodes[item.scenario.start]!;
  const raising = start.choices.find((c) => item.scenario.variables.distress!.initial + (c.effects.distress ?? 0) >= 67)
    ?? start.choices.reduce((a, b) => ((a.effects.distress ?? 0) >= (b.effects.distress ?? 0) ? a : b));
  const distress = item.scenario.variables.distress!;
  const value = Math.min(distress.max, distress.initial + (raising.effects.distress ?? 0));
  expect(value, 'a first choice that raises distress to high').toBeGreaterThanOrEqual(67);
  await page.goto('/en/scenarios/border-arrival/');
  await islandsReady(page);
  const meter = page.locator('.situation li[data-variable="distress"]');
  const trust = page.locator('.situation li[data-variable="trust"]');
  await expect(trust).toHaveAttribute('data-tone', 'warning'); // trust starts low
  await page.locator(`button[data-choice="${raising.id}"]`).click();
  const s = ui.en.scenario;
  const d = ui.en.debrief2;
  await expect(meter).toHaveAttribute('data-tone', 'warning');
  await expect(meter).toContainText(fill(d.meterReading, { label: s.variables.distress, level: s.levelHigh, value, max: distress.max, tone: d.toneWarning }));
  // the browser's meter knows low distress is the good end
  await expect(meter.locator('meter')).toHaveAttribute('optimum', String(distress.min));
  await expect(trust.locator('meter')).toHaveAttribute('optimum', String(item.scenario.variables.trust!.max));
});
