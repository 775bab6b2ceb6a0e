/**
 * Case simulations in a real Chromium against a real PocketBase: keyboard-only play to a good
 * and a harmful ending, resume after a reload, the debrief, statements stored, Arabic rtl.
 */
import { test, expect, type Page } from '@playwright/test';
import { catalogue } from '../support/content.ts';
import { availableChoices, applyEffects, initialContext } from '../../src/simulation/machine.ts';
import { adminList, uniqueEmail } from '../support/pb.ts';
import { signUpInBrowser, ui } from '../support/ui.ts';

const item = catalogue().scenarios.find((s) => s.scenario.id === 'border-arrival')!;
const s = ui.en.scenario;

/**
 * Plays choices with the keyboard only: Tab to the choice, Enter, Tab to Continue, Enter.
 * Choices are shown in an order of the playthrough's own, so the place is read from the page.
 */
async function playWithKeyboard(page: Page, choices: string[]) {
  const scenario = item!.scenario;
  let node = scenario.start;
  let variables = initialContext(scenario).variables;
  await page.locator('#passage-title').focus();
  for (const choiceId of choices) {
    const offered = availableChoices(scenario, node, variables);
    expect(offered.map((c) => c.id), `${choiceId} offered at ${node}`).toContain(choiceId);
    const shown = await page.locator('button.choice').evaluateAll((buttons) => buttons.map((b) => b.getAttribute('data-choice')));
    expect([...shown].sort()).toEqual(offered.map((c) => c.id).sort());
    const index = shown.indexOf(choiceId);
    for (let i = 0; i <= index; i++) await page.keyboard.press('Tab');
    await expect(page.locator(':focus')).toHaveAttribute('data-choice', choiceId);
    await page.keyboard.press('Enter');
    await expect(page.locator('#feedback-title')).toBeFocused();
    await page.keyboard.press('Tab');
    await expect(page.locator(':focus')).toHaveText(s.continue);
    await page.keyboard.press('Enter');
    const choice = offered.find((c) => c.id === choiceId)!;
    variables = applyEffects(scenario, variables, choice.effects);
    node = choice.next;
    if (scenario.endings[node]) await expect(page.locator('#debrief-title')).toBeFocused();
    else await expect(page.locator('#passage-title')).toBeFocused();
  }
  return node;
}

async function waitForPlayer(page: Page) {
  await expect(page.locator('astro-island[component-url*="ScenarioPage"]')).not.toHaveAttribute('ssr');
}

test('play border-arrival to a good ending with the keyboard, with a debrief and statements', async ({ page, request }) => {
  const email = uniqueEmail('scenario-good');
  await signUpInBrowser(page, 'en', email, 'scenario-password-1', 'Sam Scenario');
  await page.goto('/en/scenarios/border-arrival/');
  await waitForPlayer(page);
  const ending = await playWithKeyboard(page, item!.analysis.recommendedPath);
  expect(item!.scenario.endings[ending]!.outcome).toBe('good');
  await expect(page.getByTestId('outcome')).toContainText(s.outcomeGood);
  const table = page.getByTestId('principle-scores');
  for (const p of item!.scenario.principles) {
    await expect(table.locator(`tr[data-principle="${p}"] th`)).toHaveText(ui.en.principles[p as keyof typeof ui.en.principles]);
  }
  await expect(page.getByText(s.nothingMissed)).toBeVisible();

  const [user] = await adminList(request, 'users', `email = "${email}"`);
  await expect.poll(async () => (await adminList(request, 'statements', `user = "${user!.id}" && verb = "chose"`)).length).toBe(item!.analysis.recommendedPath.length);
  await expect.poll(async () => (await adminList(request, 'progress', `user = "${user!.id}" && activity = "scenario:border-arrival"`))[0]?.status).toBe('passed');
});

test('play border-arrival to a harmful ending: the debrief shows the better choices and modules', async ({ page }) => {
  const harmful = Object.entries(item!.analysis.shortestPaths).find(([e]) => item!.scenario.endings[e]!.outcome === 'harmful')!;
  await page.goto('/en/scenarios/border-arrival/');
  await waitForPlayer(page);
  await playWithKeyboard(page, harmful[1]);
  await expect(page.getByTestId('outcome')).toContainText(s.outcomeHarmful);
  await expect(page.getByRole('heading', { name: s.betterChoice })).toBeVisible();
  await expect(page.getByRole('heading', { name: s.learnMore })).toBeVisible();
  await expect(page.locator('.debrief a[href^="/en/modules/"]').first()).toBeVisible();
  await page.getByRole('button', { name: s.retry }).click();
  await expect(page.locator('#passage-title')).toBeFocused();
});

test('leave midway, reload, and resume where you left off (also on another device)', async ({ page, browser }) => {
  const email = uniqueEmail('scenario-resume');
  const password = 'scenario-password-2';
  await signUpInBrowser(page, 'en', email, password, 'Ria Resume');
  await page.goto('/en/scenarios/border-arrival/');
  await waitForPlayer(page);
  const firstTwo = item!.analysis.recommendedPath.slice(0, 2);
  await playWithKeyboard(page, firstTwo);
  const history = page.locator('.history ol li');
  await expect(history).toHaveCount(2);
  await page.waitForTimeout(500); // the save is sent in the background
  await page.reload();
  await waitForPlayer(page);
  await expect(page.getByText(s.resumed)).toBeVisible();
  await expect(history).toHaveCount(2);

  const other = await browser.newContext();
  const phone = await other.newPage();
  await phone.goto('/en/account/');
  await phone.getByLabel(ui.en.auth.email).fill(email);
  await phone.getByLabel(ui.en.auth.password, { exact: true }).fill(password);
  await phone.getByRole('button', { name: ui.en.auth.signIn, exact: true }).click();
  await expect(phone.getByRole('button', { name: ui.en.auth.signOut })).toBeVisible();
  await phone.goto('/en/scenarios/border-arrival/');
  await expect(phone.locator('.history ol li')).toHaveCount(2);
  await other.close();
});

test('practice mode steps back one choice', async ({ page }) => {
  await page.goto('/en/scenarios/border-arrival/');
  await waitForPlayer(page);
  await playWithKeyboard(page, item!.analysis.recommendedPath.slice(0, 1));
  await page.getByRole('button', { name: s.stepBack }).click();
  await expect(page.locator('.history ol li')).toHaveCount(0);
  await expect(page.locator('#passage-title')).toBeFocused();
});

test('the Arabic player is right-to-left', async ({ page }) => {
  await page.goto('/ar/scenarios/border-arrival/');
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await waitForPlayer(page);
  await expect(page.locator('.situation meter').first()).toBeVisible();
});
