/**
 * A case simulation published in the studio joins an onboarding path, in a real Chromium
 * against a real PocketBase, with the keyboard only: on the scenario's review tab a trainer
 * tries to add it without a path (told at the field), chooses the coordinators' path and a place
 * after its first step, and adds it; a coordinator's My onboarding shows it there at once, with
 * its title and a link to where studio scenarios are played; the trainer removes it again.
 * No rebuild in between.
 */
import { test, expect } from '@playwright/test';
import { readFileSync, realpathSync } from 'node:fs';
import { parse } from 'yaml';
import { adminList, baseURL, createPerson, newId } from '../support/pb.ts';
import { builtInCopy, createDraft } from '../support/studio.ts';
import { tabTo } from '../support/keyboard.ts';
import { expectNoViolations } from '../support/axe.ts';
import { fill, signInAs, ui } from '../support/ui.ts';

const en = ui.en;
const s = en.pathSteps;
const route = (path: string) => `${baseURL}/api/continuum/${path}`;

test('a trainer adds a published scenario to a path with the keyboard; a learner sees it in My onboarding', async ({ browser, page, request }) => {
  test.setTimeout(90_000); // a studio page, a learner's page, on a busy CI machine
  const build = realpathSync('dist');
  const trainer = await createPerson(request, 'ps-e2e-trainer', { role: 'trainer' });
  const reviewer = await createPerson(request, 'ps-e2e-reviewer', { role: 'trainer' });
  const learner = await createPerson(request, 'ps-e2e-learner', { track: 'coordinator' });
  const id = `kaluma-${newId().slice(0, 6)}`;
  const title = 'The night bus at Kaluma';
  const document = builtInCopy('school-enrolment', id);
  const draft = await createDraft(request, trainer, { ...document, scenario: { ...document.scenario, title } });
  expect((await request.post(route(`studio/drafts/${draft.id}/submit`), { headers: { Authorization: trainer.token } })).status()).toBe(200);
  expect((await request.post(route(`studio/drafts/${draft.id}/review`), { headers: { Authorization: reviewer.token }, data: { decision: 'approve' } })).status()).toBe(200);
  const file = parse(readFileSync('content/paths/coordinator.yaml', 'utf8')) as { steps: ({ module: string } | { scenario: string })[] };
  const coordinator = file.steps.map((step) => ('module' in step ? `module:${step.module}` : `scenario:${step.scenario}`));
  const pathTitle = fill(en.paths.pathFor, { track: en.tracks.coordinator });

  // the scenario's review tab: Tab to the tabs, End to the last one
  await signInAs(page, trainer);
  await page.goto(`/en/studio/?scenario=${id}`);
  await tabTo(page, page.getByRole('tab', { name: en.studio.tabs.edit }));
  await page.keyboard.press('End');
  const pathField = page.locator('#path-step-path');
  await expect(pathField).toBeVisible(); // the tab's code and the paths load when it is first opened

  // added without a path: told at the field, which gets the focus
  await tabTo(page, page.getByRole('button', { name: s.add }));
  await page.keyboard.press('Enter');
  await expect(pathField).toBeFocused();
  await expect(pathField).toHaveAttribute('aria-invalid', 'true');
  await expect(page.locator('#path-step-path-error')).toHaveText(s.errors['unknown-path']);
  await expectNoViolations(page); // the review tab with the placement form and its error

  // the coordinators' path, after its first step
  await page.keyboard.type(pathTitle); // a closed select picks the option typed
  await expect(pathField).toHaveValue('coordinator');
  await page.keyboard.press('Tab');
  const after = page.locator('#path-step-after');
  await expect(after).toBeFocused();
  await expect(after).toHaveValue(coordinator.at(-1)!); // the end of the path is offered first
  await page.keyboard.press('Home');
  await page.keyboard.press('ArrowDown'); // "At the start", then "After step 1: …"
  await expect(after).toHaveValue(coordinator[0]!);
  await tabTo(page, page.getByRole('button', { name: s.add }));
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('path-steps-message')).toHaveText(fill(s.added, { path: pathTitle, position: 2, total: coordinator.length + 1 }));
  await expect(page.getByTestId('path-steps').locator('.message-box')).toBeFocused(); // read out, and the next Tab goes on from there
  await expect(page.getByTestId('path-placements').locator('li[data-path="coordinator"]')).toContainText(s.addedByYou);
  const [stored] = await adminList(request, 'path_steps', `scenario = "${id}"`);
  expect(stored).toMatchObject({ path: 'coordinator', after: coordinator[0], addedBy: trainer.id });

  // a coordinator's My onboarding has it, second, with its title and the page that plays it
  const learnerContext = await browser.newContext();
  const learnerPage = await learnerContext.newPage();
  await signInAs(learnerPage, learner);
  await learnerPage.goto('/en/onboarding/');
  const card = learnerPage.locator('section[data-path="coordinator"]');
  await expect(card.getByTestId('path-summary')).toHaveText(fill(en.onboarding.summary, { percent: 0, done: 0, total: coordinator.length + 1 }));
  const steps = card.locator('ol.steps > li');
  await expect(steps.nth(1)).toHaveAttribute('data-activity', `scenario:${id}`);
  await expect(steps.nth(1).getByRole('link')).toHaveText(title);
  await expect(steps.nth(1).getByRole('link')).toHaveAttribute('href', `/en/scenarios/play/?id=${id}`);
  await learnerContext.close();

  // removed again, with the keyboard
  await tabTo(page, page.getByRole('button', { name: fill(s.remove, { path: pathTitle }) }), { back: true });
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('path-steps-message')).toHaveText(fill(s.removed, { path: pathTitle }));
  expect(await adminList(request, 'path_steps', `scenario = "${id}"`)).toEqual([]);

  // nothing was rebuilt
  expect(realpathSync('dist')).toBe(build);
});
