/**
 * The place of an answer gives nothing away: quiz options and scenario choices are shown in an
 * order of each learner's own (and each attempt's), the same again after a reload.
 */
import { test, expect, type Browser, type Page } from '@playwright/test';
import { createPerson } from '../support/pb.ts';
import { catalogue } from '../support/content.ts';
import { signInAs } from '../support/ui.ts';

const lesson = '/en/modules/children-on-the-move/';
const simulation = '/en/scenarios/border-arrival/';

async function asNewLearner(browser: Browser, label: string): Promise<Page> {
  const person = await createPerson((await browser.newContext()).request, label);
  const context = await browser.newContext();
  const page = await context.newPage();
  await signInAs(page, person);
  return page;
}

/** Every question's options, in the order shown. */
async function optionOrder(page: Page): Promise<string> {
  await page.goto(lesson);
  await expect(page.locator('astro-island[component-url*="KnowledgeCheck"]')).not.toHaveAttribute('ssr');
  // the order is the learner's once the island knows who is reading
  await expect.poll(async () => page.locator('form.knowledge-check').getAttribute('data-order')).toBe('learner');
  return (await page.locator('fieldset.question').evaluateAll((sets) =>
    sets.map((set) => [...set.querySelectorAll('input')].map((i) => i.value).join(',')))).join(' | ');
}

/** The first node's choices, in the order shown. */
async function choiceOrder(page: Page): Promise<string> {
  await page.goto(simulation);
  await expect(page.locator('astro-island[component-url*="ScenarioPage"]')).not.toHaveAttribute('ssr');
  await expect.poll(async () => page.locator('.player').getAttribute('data-playthrough')).not.toBe('');
  return (await page.locator('button.choice').evaluateAll((buttons) => buttons.map((b) => b.getAttribute('data-choice')))).join(',');
}

test('quiz options: the same for one learner after a reload, different for another learner', async ({ browser }) => {
  const first = await asNewLearner(browser, 'order-a');
  const order = await optionOrder(first);
  expect(await optionOrder(first)).toBe(order);
  const orders = new Set([order]);
  for (const label of ['order-b', 'order-c']) orders.add(await optionOrder(await asNewLearner(browser, label)));
  expect(orders.size).toBeGreaterThan(1);
});

test('scenario choices: the same for one playthrough after a reload, different between learners', async ({ browser }) => {
  const first = await asNewLearner(browser, 'choices-a');
  const order = await choiceOrder(first);
  await first.waitForTimeout(500); // the new playthrough is saved in the background
  expect(await choiceOrder(first)).toBe(order);
  // enough learners that all of them seeing one order by chance is below one in ten thousand
  const { scenario } = catalogue().scenarios.find((s) => s.scenario.id === 'border-arrival')!;
  const orderings = [...Array(scenario.nodes[scenario.start]!.choices.length).keys()].reduce((f, i) => f * (i + 1), 1);
  const learners = Math.ceil(4 / Math.log10(orderings)) + 1;
  const orders = new Set([order]);
  for (let i = 1; i < learners && orders.size === 1; i++) orders.add(await choiceOrder(await asNewLearner(browser, `choices-${i}`)));
  expect(orders.size).toBeGreaterThan(1);
});
