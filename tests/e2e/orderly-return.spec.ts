/**
 * The sixth case simulation, orderly-return, in its first language: a learner signs up in
 * Spanish, plays it to the good ending with the keyboard only (real Chromium, real PocketBase),
 * reads the debrief in Spanish, and sees it passed on the coordinator path.
 */
import { test, expect, type Page } from '@playwright/test';
import es from '../../src/i18n/ui/es.json' with { type: 'json' };
import { loadScenarios } from '../../src/simulation/load.ts';
import { applyOverlay } from '../../src/simulation/schema.ts';
import { availableChoices, applyEffects, initialContext } from '../../src/simulation/machine.ts';
import { adminList, uniqueEmail } from '../support/pb.ts';
import { fill } from '../support/ui.ts';

const item = loadScenarios(process.cwd()).scenarios.find((s) => s.scenario.id === 'orderly-return')!;
const scenario = applyOverlay(item.scenario, item.overlays.es); // the Spanish text over the structure
const s = es.scenario;

async function signUpInSpanish(page: Page, email: string, password: string, name: string) {
  await page.goto('/es/account/');
  await page.getByRole('button', { name: es.auth.showSignUp }).click();
  await page.getByLabel(es.auth.name).fill(name);
  await page.getByLabel(es.auth.email).fill(email);
  await page.getByLabel(es.auth.password, { exact: true }).fill(password);
  await page.getByLabel(es.auth.passwordConfirm).fill(password);
  await page.getByRole('button', { name: es.auth.signUp }).click();
  await expect(page.getByRole('heading', { name: fill(es.auth.signedInAs, { name }) })).toBeVisible();
}

/**
 * Plays choices with the keyboard only: from the passage heading, Tab until the wanted choice has
 * the focus (wherever the player lists it), Enter, read the feedback, Tab to Continue, Enter.
 */
async function playWithKeyboard(page: Page, choices: string[]) {
  let node = scenario.start;
  let variables = initialContext(scenario).variables;
  for (const choiceId of choices) {
    const offered = availableChoices(scenario, node, variables);
    const choice = offered.find((c) => c.id === choiceId);
    expect(choice, `${choiceId} offered at ${node}`).toBeDefined();
    await expect(page.locator('#passage-title')).toBeFocused();
    await expect(page.locator('#passage-title')).toHaveText(scenario.nodes[node]!.speaker ?? scenario.title);
    let tabs = 0;
    do {
      await page.keyboard.press('Tab');
      tabs++;
    } while ((await page.locator(':focus').getAttribute('data-choice')) !== choiceId && tabs <= offered.length);
    await expect(page.locator(':focus')).toHaveAttribute('data-choice', choiceId);
    await expect(page.locator(':focus')).toHaveText(choice!.label);
    await page.keyboard.press('Enter');
    await expect(page.locator('#feedback-title')).toBeFocused();
    await expect(page.getByTestId('choice-feedback')).toHaveText(choice!.feedback);
    await page.keyboard.press('Tab');
    await expect(page.locator(':focus')).toHaveText(s.continue);
    await page.keyboard.press('Enter');
    variables = applyEffects(scenario, variables, choice!.effects);
    node = choice!.next;
  }
  return { node, variables };
}

test('play orderly-return in Spanish to a good ending with the keyboard, and read the debrief', async ({ page, request }) => {
  test.slow(); // nine decisions, each read and confirmed with the keyboard, then the path page
  const email = uniqueEmail('orderly-return');
  await signUpInSpanish(page, email, 'retorno-ordenado-1', 'Marisol Prueba');
  await page.goto('/es/scenarios/orderly-return/');
  await expect(page.locator('html')).toHaveAttribute('lang', 'es');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(scenario.title);
  await expect(page.locator('astro-island[component-url*="ScenarioPage"]')).not.toHaveAttribute('ssr');
  // the meter of the scenario's own variable has its Spanish label
  await expect(page.locator('#var-coordination')).toContainText(scenario.variables.coordination!.label!);
  await page.locator('#passage-title').focus();

  const { node: ending, variables } = await playWithKeyboard(page, item.analysis.recommendedPath);
  expect(scenario.endings[ending]!.outcome).toBe('good');

  // the debrief, in Spanish
  await expect(page.locator('#debrief-title')).toBeFocused();
  await expect(page.locator('#debrief-title')).toHaveText(`${s.debriefTitle}: ${scenario.endings[ending]!.title}`);
  await expect(page.getByTestId('outcome')).toContainText(s.outcomeGood);
  // each principle once, with its score on its scale, and none missed on the recommended path
  const scores = page.getByTestId('principle-scores');
  for (const p of scenario.principles) {
    await expect(scores.locator(`li[data-principle="${p}"] .principle`)).toHaveText(es.principles[p as keyof typeof es.principles]);
    await expect(scores.locator(`li[data-principle="${p}"]`)).not.toHaveAttribute('data-missed', 'true');
  }
  await expect(page.getByText(s.nothingMissed)).toBeVisible();
  await expect(page.getByRole('heading', { name: s.betterChoice })).toHaveCount(0);
  // the meter of the scenario's own variable, in Spanish words
  await expect(page.locator('[data-variable="coordination"] meter')).toHaveAttribute('value', String(variables.coordination));
  await expect(page.locator('#var-coordination')).toContainText(scenario.variables.coordination!.label!);

  // stored once per choice, in Spanish, and the scenario is passed on the coordinator path
  const [user] = await adminList(request, 'users', `email = "${email}"`);
  await expect.poll(async () => (await adminList(request, 'statements', `user = "${user!.id}" && verb = "chose" && language = "es"`)).length).toBe(item.analysis.recommendedPath.length);
  await expect.poll(async () => (await adminList(request, 'progress', `user = "${user!.id}" && activity = "scenario:orderly-return"`))[0]?.status).toBe('passed');
  await page.goto('/es/paths/coordinator/');
  await expect(page.locator('[data-activity="scenario:orderly-return"]')).toHaveAttribute('data-status', 'passed');
  await expect(page.locator('[data-activity="scenario:orderly-return"] a')).toHaveText(scenario.title);
});
