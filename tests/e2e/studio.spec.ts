/**
 * The scenario studio (issue 9) in a real Chromium against a real PocketBase, with the keyboard
 * only: a trainer builds a small scenario from scratch in the forms, sees a problem in the
 * checks, follows its link to the field and fixes it, goes from a box of the map to its node's
 * form, previews it in Arabic in the learners' player (nothing recorded), and submits; a second trainer approves it
 * (in Arabic); a learner plays the published scenario in Arabic on the learners' page and the
 * statements are stored. The site is not rebuilt in between.
 * Every move and every action is a key press (Tab, Shift+Tab, Enter, Space, End, typing in a
 * closed select); a text is entered in one input event, as typing it would end up.
 */
import { test, expect, type Page } from '@playwright/test';
import { realpathSync } from 'node:fs';
import { adminList, createPerson, newId } from '../support/pb.ts';
import { signInAs, ui } from '../support/ui.ts';
import { tabTo } from '../support/keyboard.ts';

const s = ui.en.studio;

/** Enters text in the focused field (one input event, what typing it produces). */
const write = (page: Page, text: string) => page.keyboard.insertText(text);

/** Replaces what the focused field holds. */
async function writeOver(page: Page, text: string) {
  await page.keyboard.press('ControlOrMeta+A');
  await write(page, text);
}

const field = (page: Page, path: string) => page.locator(`[data-path="${path}"]`);
/** A choice's first or second place in its node (the editor keys choices by place). */
const choiceBox = (page: Page, node: string, n: number) => page.locator(`details[data-node="${node}"] fieldset.choice`).nth(n);

/** Fills a node's text and its two choices; the first leads on and is recommended (unless told not to). */
async function fillNode(page: Page, node: string, next: { first: string; second: string }, options: { recommend?: boolean; conditionOnSecond?: boolean } = {}) {
  await tabTo(page, field(page, `nodes.${node}.text`));
  await write(page, `At ${node}, the boy waits for you to decide.`);
  for (const [n, target] of [[0, next.first], [1, next.second]] as const) {
    const choice = choiceBox(page, node, n);
    await tabTo(page, choice.locator('select[data-path$=".next"]'));
    await page.keyboard.type(target); // a closed select picks the option typed
    await expect(choice.locator('select[data-path$=".next"]')).toHaveValue(target);
    await page.keyboard.press('Tab');
    await write(page, `${n === 0 ? 'Listen first' : 'Rush ahead'} at ${node}`);
    await page.keyboard.press('Tab');
    await write(page, n === 0 ? 'He feels heard, and tells you more.' : 'He goes quiet and looks at the adults.');
    if (n === 0 && options.recommend !== false) {
      await tabTo(page, choice.locator('input[data-path$=".recommended"]'));
      await page.keyboard.press('Space');
    }
    if (n === 1 && options.conditionOnSecond) {
      await tabTo(page, choice.locator('select[data-path$=".condition.mode"]'));
      await page.keyboard.type('when'); // "when all of these hold" (a space would open the list)
      await expect(choice.locator('.comparison')).toHaveCount(1);
    }
  }
  // closed again: the trainer moves on (a closed node keeps its place in the list)
  await tabTo(page, field(page, `nodes.${node}`), { back: true });
  await page.keyboard.press('Enter');
  await expect(page.locator(`details[data-node="${node}"]`)).not.toHaveAttribute('open');
}

test('a trainer builds, checks and submits a scenario with the keyboard; another approves; a learner plays it in Arabic, no rebuild', async ({ page, browser, request }) => {
  test.setTimeout(600_000); // many key presses: quick alone, slow on a busy machine
  const build = realpathSync('dist');
  const author = await createPerson(request, 'studio-author', { role: 'trainer', name: 'Amina Author' });
  const reviewer = await createPerson(request, 'studio-reviewer', { role: 'trainer', name: 'Rafael Reviewer' });
  const learner = await createPerson(request, 'studio-learner', { name: 'Lena Learner' });
  const id = `night-crossing-${newId().slice(0, 5)}`;

  // the author finds the studio from My account
  await signInAs(page, author);
  await page.goto('/en/account/');
  const studioLink = page.getByRole('link', { name: s.navLink });
  await tabTo(page, studioLink);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('studio-list')).toBeVisible();

  // a new scenario
  await tabTo(page, page.locator('#studio-new-id'));
  await write(page, id);
  await page.keyboard.press('Tab');
  await write(page, 'The night crossing');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('problem-count')).toBeVisible();
  await expect(page.getByTestId('problem-count')).not.toHaveText(s.noProblems);

  // what it is about, for whom, and a variable
  await tabTo(page, field(page, 'summary'));
  await write(page, 'A boy of twelve crosses a river border at night with a group of adults.');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Space'); // the first track
  await tabTo(page, field(page, 'variables.new'));
  await write(page, 'trust');
  await page.keyboard.press('Enter');
  await expect(field(page, 'variables.trust.initial')).toHaveValue('50');

  // the endings: a good and a harmful one are there; a mixed one is added
  for (const ending of ['good-ending', 'harmful-ending']) {
    await tabTo(page, field(page, `endings.${ending}.title`));
    await write(page, ending === 'good-ending' ? 'Safe with a foster family' : 'Back across the river alone');
    await page.keyboard.press('Tab');
    await write(page, 'What happens to the boy in the end.');
  }
  await tabTo(page, field(page, 'endings'));
  await page.keyboard.press('Enter');
  await expect(page.locator(':focus')).toHaveAttribute('data-path', 'endings.new-ending.id');
  await writeOver(page, 'mixed-ending');
  await page.keyboard.press('Tab'); // renamed; the focus moves on to the outcome (mixed already)
  await expect(field(page, 'endings.mixed-ending.outcome')).toBeFocused();
  await tabTo(page, field(page, 'endings.mixed-ending.title'));
  await write(page, 'Safe tonight, separated tomorrow');
  await page.keyboard.press('Tab');
  await write(page, 'The boy is safe, but nobody traces his family.');

  // nine nodes, each written after the one it leads to, the last one first
  const chain = ['two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'];
  for (let i = chain.length - 1; i >= 0; i--) {
    const node = chain[i]!;
    await tabTo(page, field(page, 'nodes'), { back: i === chain.length - 1 });
    await page.keyboard.press('Enter');
    await expect(page.locator(':focus')).toHaveAttribute('data-path', 'nodes.new-node.id');
    await writeOver(page, node);
    await page.keyboard.press('Tab');
    await expect(field(page, `nodes.${node}.speaker`)).toBeFocused();
    const last = node === 'ten';
    await fillNode(page, node, { first: chain[i + 1] ?? 'good-ending', second: last ? 'mixed-ending' : 'harmful-ending' }, { recommend: node !== 'six', conditionOnSecond: last });
  }
  // the first node leads to the second
  await tabTo(page, field(page, 'nodes.start'), { back: true });
  await page.keyboard.press('Enter'); // opens it
  await expect(field(page, 'nodes.start.text')).toBeVisible();
  await fillNode(page, 'start', { first: 'two', second: 'harmful-ending' }, { recommend: false /* recommended already */ });

  // the checks name one problem: node six has no recommended choice; its link leads to it
  const problems = page.getByTestId('problems');
  await expect(page.getByTestId('problem-count')).toHaveText(s.problemCount.replace('{{count}}', '1'));
  await expect(problems).toContainText('nodes.six');
  await expect(problems).toContainText('exactly one recommended choice');
  await tabTo(page, problems.getByRole('link').first());
  await page.keyboard.press('Enter');
  await expect(field(page, 'nodes.six')).toBeFocused();
  await tabTo(page, choiceBox(page, 'six', 0).locator('input[data-path$=".recommended"]'));
  await page.keyboard.press('Space');
  await expect(page.getByTestId('problem-count')).toHaveText(s.noProblems);
  await expect(page.getByTestId('save-state')).toHaveText(new RegExp(s.save.saved.replace('{{revision}}', '\\d+').replace(/[()]/g, '\\$&')));

  // the map: the tabs take the arrow keys; each box is a button that leads to its node's form
  const tab = (name: keyof typeof s.tabs) => page.getByRole('tab', { name: s.tabs[name] });
  await tabTo(page, tab('edit'), { back: true });
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expect(tab('graph')).toBeFocused();
  const box = page.getByTestId('studio-graph').locator('g[data-node="seven"]');
  await expect(box).toBeVisible();
  await tabTo(page, box);
  await page.keyboard.press('Enter');
  await expect(tab('edit')).toHaveAttribute('aria-selected', 'true');
  await expect(field(page, 'nodes.seven')).toBeFocused();
  await expect(page.locator('details[data-node="seven"]')).toHaveAttribute('open');

  // preview in Arabic, right to left, in the learners' player: nothing is recorded
  await tabTo(page, tab('edit'), { back: true });
  for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowRight');
  await expect(tab('preview')).toBeFocused();
  await tabTo(page, page.getByTestId('preview-language'));
  await page.keyboard.press('End'); // a closed select: the last language, العربية
  await expect(page.getByTestId('preview-language')).toHaveValue('ar');
  await tabTo(page, page.getByTestId('preview-play'));
  await page.keyboard.press('Enter');
  const stage = page.getByTestId('preview-player');
  await expect(stage).toHaveAttribute('dir', 'rtl');
  await expect(stage.locator('#passage-title')).toBeVisible();
  await expect(stage).toContainText('At start, the boy waits for you to decide.');
  await tabTo(page, stage.locator('button.choice', { hasText: 'Listen first at start' }));
  await page.keyboard.press('Enter');
  await expect(stage.locator('#feedback-title')).toBeFocused();
  await expect(stage.locator('#feedback-title')).toHaveText(ui.ar.scenario.whatHappened);
  expect(await adminList(request, 'statements', `user = "${author.id}"`)).toHaveLength(0);

  // submit: Home and End move along the tabs too
  await tabTo(page, tab('preview'), { back: true });
  await page.keyboard.press('End');
  await expect(page.getByRole('tab', { name: s.tabs.review })).toBeFocused();
  await tabTo(page, page.getByRole('button', { name: s.submit }));
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('review-message')).toHaveText(s.submitted);
  await expect(page.getByText(s.waitingForReview)).toBeVisible();
  const [draft] = await adminList(request, 'scenario_drafts', `scenario = "${id}"`);
  expect(draft).toMatchObject({ status: 'in-review', submittedBy: author.id });
  expect(Object.keys((draft!.document as { scenario: { nodes: object } }).scenario.nodes)).toHaveLength(10);

  // a second trainer approves it, in Arabic
  const reviewerContext = await browser.newContext();
  const reviewerPage = await reviewerContext.newPage();
  const ar = ui.ar.studio;
  await signInAs(reviewerPage, reviewer);
  await reviewerPage.goto(`/ar/studio/?scenario=${id}`);
  await expect(reviewerPage.locator('html')).toHaveAttribute('dir', 'rtl');
  await tabTo(reviewerPage, reviewerPage.getByRole('tab', { name: ar.tabs.edit }));
  await reviewerPage.keyboard.press('End');
  await expect(reviewerPage.locator('#review-comment')).toBeVisible(); // the tab's code loads when first opened
  await reviewerPage.keyboard.press('Tab');
  await expect(reviewerPage.locator('#review-comment')).toBeFocused();
  await reviewerPage.keyboard.insertText('واضح ومناسب للمتدرّبين.');
  await tabTo(reviewerPage, reviewerPage.getByRole('button', { name: ar.approve }));
  await reviewerPage.keyboard.press('Enter');
  await expect(reviewerPage.getByTestId('review-message')).toHaveText(ar.approved.replace('{{version}}', '1'));
  await expect(reviewerPage.getByTestId('versions')).toContainText(reviewer.name);
  const [version] = await adminList(request, 'scenario_versions', `scenario = "${id}"`);
  expect(version).toMatchObject({ version: 1, author: author.id, approvedBy: reviewer.id, comment: 'واضح ومناسب للمتدرّبين.' });
  await reviewerContext.close();

  // a learner plays it in Arabic, on the learners' page, with the keyboard
  const learnerContext = await browser.newContext();
  const learnerPage = await learnerContext.newPage();
  await signInAs(learnerPage, learner);
  await learnerPage.goto(`/ar/scenarios/play/?id=${id}`);
  await expect(learnerPage.locator('html')).toHaveAttribute('dir', 'rtl');
  await expect(learnerPage.getByRole('heading', { level: 1 })).toHaveText('The night crossing');
  await expect(learnerPage.locator('#passage-title')).toBeVisible();
  await learnerPage.locator('#passage-title').focus();
  for (let step = 0; step < 10; step++) {
    const shown = await learnerPage.locator('button.choice').evaluateAll((buttons) => buttons.map((b) => b.textContent ?? ''));
    const index = shown.findIndex((label) => label.includes('Listen first'));
    expect(index, `a recommended choice at step ${step + 1}`).toBeGreaterThanOrEqual(0);
    for (let i = 0; i <= index; i++) await learnerPage.keyboard.press('Tab');
    await expect(learnerPage.locator(':focus')).toContainText('Listen first');
    await learnerPage.keyboard.press('Enter');
    await expect(learnerPage.locator('#feedback-title')).toBeFocused();
    await learnerPage.keyboard.press('Tab');
    await learnerPage.keyboard.press('Enter');
  }
  await expect(learnerPage.locator('#debrief-title')).toBeFocused();
  await expect(learnerPage.getByTestId('outcome')).toContainText(ui.ar.scenario.outcomeGood);
  await expect.poll(async () => (await adminList(request, 'statements', `user = "${learner.id}" && verb = "chose"`)).length).toBe(10);
  await expect.poll(async () => (await adminList(request, 'progress', `user = "${learner.id}" && activity = "scenario:${id}"`))[0]?.status).toBe('passed');
  await learnerContext.close();

  // nothing was rebuilt: the site served is the one built before the test
  expect(realpathSync('dist')).toBe(build);
});
