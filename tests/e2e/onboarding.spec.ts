/**
 * Onboarding and supervision in a real Chromium against a real PocketBase: a learner completes
 * a short path and gets a certificate that the public page verifies; work done offline waits on
 * the device and is stored exactly once when the connection returns (even after the tab was
 * closed); a supervisor assigns a path with a due date, sees progress, exports CSV and sees where
 * learners go in a case simulation; a supervisor of nobody sees nobody; an admin links people;
 * a learner downloads and deletes their data.
 */
import { test, expect, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { facts } from '../support/content.ts';
import { adminList, baseURL, createPerson, moduleCompletion, newId } from '../support/pb.ts';
import { fill, signInAs, ui } from '../support/ui.ts';
import { moduleFrontmatter } from '../support/content.ts';

const en = ui.en;
const catalogue = facts();
const api = (path: string) => `${baseURL}/api/collections/${path}`;

async function islandReady(page: Page, component: string) {
  await expect(page.locator(`astro-island[component-url*="${component}"]`).first()).not.toHaveAttribute('ssr');
}

/** Reads a lesson in the browser: every section marked done, then the knowledge check answered right. */
async function completeModuleInBrowser(page: Page, slug: string) {
  await page.goto(`/en/modules/${slug}/`);
  await islandReady(page, 'SectionDone');
  const front = moduleFrontmatter(slug, 'en');
  for (const section of front.sections) {
    await page.locator(`section#${section.id}`).getByRole('button', { name: new RegExp(en.progress.markDone) }).click();
    await expect(page.locator(`section#${section.id} p.done`)).toContainText(en.progress.done);
  }
  await islandReady(page, 'KnowledgeCheck');
  for (const question of front.quiz!.questions) {
    const fieldset = page.locator(`fieldset[data-question="${question.id}"]`);
    for (const option of question.options.filter((o) => o.correct)) await fieldset.getByLabel(option.text, { exact: true }).check();
  }
  await page.getByRole('button', { name: en.quiz.submit }).click();
  await expect(page.getByTestId('check-result')).toContainText(en.quiz.passed);
  await expect(page.getByTestId('check-result')).toContainText(en.quiz.saved);
}

test('a learner completes an assigned path, gets a certificate, and the public page verifies it', async ({ page, request }) => {
  test.setTimeout(90_000); // two whole lessons read and checked in the browser (14 sections, 14 questions)
  const supervisor = await createPerson(request, 'cert-sup', { role: 'supervisor' });
  const learner = await createPerson(request, 'cert-learner', { supervisor: supervisor.id, track: 'teacher' });
  const assigned = await request.post(api('assignments/records'), {
    headers: { Authorization: supervisor.token },
    data: { learner: learner.id, path: 'essentials', dueDate: '2030-06-30 00:00:00.000Z', assignedBy: supervisor.id },
  });
  expect(assigned.status()).toBe(200);
  await signInAs(page, learner);

  await page.goto('/en/onboarding/');
  const card = page.locator('section[data-path="essentials"]');
  await expect(card.getByRole('heading', { name: en.paths.names.essentials })).toBeVisible();
  await expect(card).toContainText(fill(en.onboarding.due, { date: 'June 30, 2030' }));
  await expect(card.getByTestId('path-summary')).toHaveText(fill(en.onboarding.summary, { percent: 0, done: 0, total: 2 }));
  // the track's own path is there too, after the assigned one
  await expect(page.locator('section[data-path]').nth(1)).toHaveAttribute('data-path', 'teacher');

  const steps = catalogue.paths.find((p) => p.id === 'essentials')!.steps.map((s) => s.replace('module:', ''));
  await card.getByRole('link', { name: new RegExp(fill(en.onboarding.next, { title: '' }).trim()) }).click();
  await expect(page).toHaveURL(new RegExp(`/en/modules/${steps[0]}/`));
  for (const slug of steps) await completeModuleInBrowser(page, slug);

  await page.goto('/en/onboarding/');
  await expect(card.getByTestId('path-summary')).toHaveText(fill(en.onboarding.summary, { percent: 100, done: 2, total: 2 }));
  await expect(card).toContainText(en.onboarding.allDone);
  await card.getByTestId('certificate-link').click();
  await expect(page.getByTestId('certificate-name')).toHaveText(learner.name);
  await expect(page.getByTestId('certificate-path')).toHaveText(en.paths.names.essentials);
  const code = (await page.getByTestId('certificate-code').textContent())!.trim();
  expect(code).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/);
  const [stored] = await adminList(request, 'certificates', `user = "${learner.id}"`);
  expect(stored).toMatchObject({ code, path: 'essentials' });

  // anyone (signed out, another browser) can check it: name, path, date, valid; nothing else
  const verifier = await page.context().browser()!.newPage();
  await verifier.goto(`${baseURL}/en/verify/`);
  await islandReady(verifier, 'VerifyCertificate');
  await verifier.getByLabel(en.verify.codeLabel).fill(code.toLowerCase().replace(/-/g, ' '));
  await verifier.getByRole('button', { name: en.verify.submit }).click();
  await expect(verifier.getByTestId('verify-status')).toContainText(en.verify.valid);
  await expect(verifier.getByTestId('verify-result')).toContainText(learner.name);
  await expect(verifier.getByTestId('verify-result')).toContainText(en.paths.names.essentials);
  await expect(verifier.getByTestId('verify-result')).not.toContainText(learner.email);
  // an invalid code is refused, and a malformed one explained
  await verifier.getByLabel(en.verify.codeLabel).fill('ZZZZ-ZZZZ-ZZZZ');
  await verifier.getByRole('button', { name: en.verify.submit }).click();
  await expect(verifier.getByTestId('verify-message')).toHaveText(en.verify.notFound);
  await expect(verifier.getByTestId('verify-result')).toHaveCount(0);
  await verifier.getByLabel(en.verify.codeLabel).fill('1234');
  await verifier.getByRole('button', { name: en.verify.submit }).click();
  await expect(verifier.getByTestId('verify-message')).toHaveText(en.verify.badCode);
  await verifier.close();
});

test('offline: work waits on the device, then is stored exactly once; a closed tab loses nothing', async ({ page, context, request }) => {
  const learner = await createPerson(request, 'offline');
  await signInAs(page, learner);
  const slug = 'children-on-the-move';
  const front = moduleFrontmatter(slug, 'en');
  await page.goto(`/en/modules/${slug}/`);
  await islandReady(page, 'SectionDone');
  await islandReady(page, 'KnowledgeCheck');
  await expect(page.getByTestId('progress-summary')).toBeVisible();

  await context.setOffline(true);
  const first = front.sections[0]!.id;
  await page.locator(`section#${first}`).getByRole('button', { name: new RegExp(en.progress.markDone) }).click();
  // shown as done at once, and counted as waiting
  await expect(page.locator(`section#${first} p.done`)).toContainText(en.progress.done);
  await expect(page.getByText(fill(en.progress.waiting_one, { count: 1 }))).toBeVisible();
  for (const question of front.quiz!.questions) {
    const fieldset = page.locator(`fieldset[data-question="${question.id}"]`);
    for (const option of question.options.filter((o) => o.correct)) await fieldset.getByLabel(option.text, { exact: true }).check();
  }
  await page.getByRole('button', { name: en.quiz.submit }).click();
  const waiting = 1 + front.quiz!.questions.length + 1; // the section, each answer, the result
  await expect(page.getByText(fill(en.progress.waiting_other, { count: waiting }))).toBeVisible();
  expect(await adminList(request, 'statements', `user = "${learner.id}"`)).toEqual([]);

  await context.setOffline(false);
  await expect(page.getByText(fill(en.progress.waiting_other, { count: waiting }))).toHaveCount(0, { timeout: 15_000 });
  await expect(page.getByTestId('check-status')).toContainText(fill(en.progress.checkPassed, { score: 100 }));
  const stored = await adminList(request, 'statements', `user = "${learner.id}"`);
  expect(stored).toHaveLength(waiting);
  expect(new Set(stored.map((s) => s.id)).size).toBe(waiting);

  // offline again: one more section, then the tab is closed before anything is sent
  await context.setOffline(true);
  const second = front.sections[1]!.id;
  await page.locator(`section#${second}`).getByRole('button', { name: new RegExp(en.progress.markDone) }).click();
  await expect(page.getByText(fill(en.progress.waiting_one, { count: 1 }))).toBeVisible();
  await page.close();
  await context.setOffline(false);
  expect(await adminList(request, 'statements', `user = "${learner.id}" && object ~ "section:${second}"`)).toEqual([]);
  // the next visit, on any page that records, sends it
  const next = await context.newPage();
  await next.goto('/en/onboarding/');
  await expect.poll(async () => (await adminList(request, 'statements', `user = "${learner.id}" && object ~ "section:${second}"`)).length, { timeout: 15_000 }).toBe(1);
  await expect(next.getByTestId('sync-status')).toHaveAttribute('data-waiting', '0');
  const [progress] = await adminList(request, 'progress', `user = "${learner.id}" && activity = "module:${slug}"`);
  expect(progress!.completedSections).toEqual([first, second]);
});

test('a supervisor assigns a path with a due date, sees progress and overdue, exports CSV and scenario insight', async ({ page, request }) => {
  test.setTimeout(60_000);
  const supervisor = await createPerson(request, 'dash-sup', { role: 'supervisor', track: 'coordinator' });
  const kenya = await createPerson(request, 'dash-kenya', { supervisor: supervisor.id, track: 'border-officer', country: 'Kenya', name: 'Achieng Otieno' });
  const malawi = await createPerson(request, 'dash-malawi', { supervisor: supervisor.id, track: 'teacher', country: 'Malawi', name: 'Chikondi Banda' });
  const stranger = await createPerson(request, 'dash-stranger', { track: 'border-officer', country: 'Kenya', name: 'Not Mine' });
  // Achieng has passed the first lesson and played border-arrival twice
  for (const s of moduleCompletion(kenya.id, 'children-on-the-move', catalogue.modules['children-on-the-move']!.sections)) {
    expect((await request.post(api('statements/records'), { headers: { Authorization: kenya.token }, data: s })).status()).toBe(200);
  }
  const chose = (choice: string) => ({ id: newId(), user: kenya.id, verb: 'chose', object: `scenario:border-arrival/choice:${choice}`, result: { response: choice }, context: { parent: 'scenario:border-arrival' }, language: 'en', timestamp: new Date(Date.now() - 1000).toISOString() });
  for (const s of [chose('offer-needs'), chose('question-together'), chose('question-together'), { ...chose('x'), object: 'scenario:border-arrival', verb: 'completed', result: { response: 'released-unverified' } }]) {
    expect((await request.post(api('statements/records'), { headers: { Authorization: kenya.token }, data: s })).status()).toBe(200);
  }

  await signInAs(page, supervisor);
  await page.goto('/en/supervise/');
  const table = page.getByTestId('cohort-table');
  await expect(table).toBeVisible();
  await expect(page.getByTestId('showing')).toHaveText(fill(en.supervise.showing, { shown: 2, total: 2 }));
  await expect(table).not.toContainText(stranger.name);
  await expect(table.locator(`tr[data-learner="${kenya.id}"] td[data-status]`).first()).toHaveAttribute('data-status', 'passed');

  // filter by country
  await page.getByTestId('filter-country').selectOption('Malawi');
  await expect(page.getByTestId('showing')).toHaveText(fill(en.supervise.showing, { shown: 1, total: 2 }));
  await expect(table).toContainText('Chikondi Banda');
  await expect(table).not.toContainText('Achieng Otieno');
  await page.getByTestId('filter-country').selectOption('');

  // assign essentials to Achieng, due in the past: overdue on the dashboard
  await page.locator('#assign-learner').selectOption({ label: 'Achieng Otieno' });
  await page.locator('#assign-path').selectOption({ label: en.paths.names.essentials });
  await page.locator('#assign-due').fill('2026-01-15');
  await page.getByRole('button', { name: en.supervise.assignButton }).click();
  await expect(page.getByTestId('assign-message')).toHaveText(fill(en.supervise.assigned_one, { count: 1, path: en.paths.names.essentials }));
  const [assignment] = await adminList(request, 'assignments', `learner = "${kenya.id}"`);
  expect(assignment).toMatchObject({ path: 'essentials', dueDate: '2026-01-15 00:00:00.000Z', assignedBy: supervisor.id });
  await page.getByTestId('filter-path').selectOption('essentials');
  const row = table.locator(`tr[data-learner="${kenya.id}"]`);
  await expect(row).toHaveClass(/overdue/);
  await expect(row).toContainText(en.supervise.overdue);
  await expect(row).toContainText('50%');

  // everyone in a track at once: Chikondi (teacher) gets the teacher path, with no duplicate on a second go
  await page.getByLabel(en.supervise.everyoneInTrack).check();
  await page.locator('#assign-track').selectOption('teacher');
  await page.locator('#assign-path').selectOption('teacher');
  await page.locator('#assign-due').fill('2030-01-31');
  const teacherPath = fill(en.paths.pathFor, { track: en.tracks.teacher });
  for (let i = 0; i < 2; i++) {
    await page.getByRole('button', { name: en.supervise.assignButton }).click();
    await expect(page.getByTestId('assign-message')).toHaveText(fill(en.supervise.assigned_one, { count: 1, path: teacherPath }));
  }
  expect(await adminList(request, 'assignments', `learner = "${malawi.id}"`)).toHaveLength(1);

  // CSV of what is shown
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: en.supervise.exportCsv }).click();
  const file = await (await download).path();
  const csv = readFileSync(file, 'utf8');
  expect(csv).toContain('Achieng Otieno');
  expect(csv).toContain('Chikondi Banda');
  expect(csv).not.toContain('Not Mine');
  expect(csv.split('\r\n')[0]).toContain(en.supervise.learner);

  // the chart and its table alternative
  await expect(page.getByTestId('completion-chart').locator('[data-percent]').first()).toHaveAttribute('data-percent', '50');

  // where learners go in border-arrival
  await page.getByLabel(en.supervise.insightScenario, { exact: true }).selectOption('border-arrival');
  await page.getByRole('button', { name: en.supervise.insightShow }).click();
  const insight = page.getByTestId('insight');
  await expect(insight.locator('tr[data-choice="question-together"]')).toHaveAttribute('data-count', '2');
  await expect(insight.locator('tr[data-choice="offer-needs"]')).toHaveAttribute('data-count', '1');
  await expect(insight.locator('tr[data-ending="released-unverified"]')).toContainText(fill(en.supervise.insightShare, { count: 1, percent: 100 }));
});

test('a supervisor of nobody sees nobody', async ({ page, request }) => {
  const lonely = await createPerson(request, 'lonely-sup', { role: 'supervisor' });
  await createPerson(request, 'someone-else', { country: 'Kenya' });
  await signInAs(page, lonely);
  await page.goto('/en/supervise/');
  await expect(page.getByTestId('no-learners')).toHaveText(en.supervise.nobody);
  await expect(page.getByTestId('cohort-table')).toHaveCount(0);
});

test('an admin links a learner to a supervisor and gives a role; the supervisor then sees them', async ({ page, request }) => {
  const admin = await createPerson(request, 'people-admin', { role: 'admin' });
  const supervisor = await createPerson(request, 'people-sup', { role: 'supervisor', name: `Supervisor ${newId().slice(0, 5)}` });
  const learner = await createPerson(request, 'people-learner', { name: `Learner ${newId().slice(0, 5)}` });
  await signInAs(page, admin);
  await page.goto('/en/admin/');
  await page.getByLabel(en.admin.search).fill(learner.email);
  const row = page.locator(`tr[data-person="${learner.id}"]`);
  await row.getByLabel(`${en.admin.supervisor}: ${learner.name}`).selectOption({ label: supervisor.name });
  await row.getByRole('button', { name: new RegExp(en.admin.save) }).click();
  await expect(page.getByTestId('admin-message')).toHaveText(fill(en.admin.saved, { name: learner.name }));
  const [stored] = await adminList(request, 'users', `id = "${learner.id}"`);
  expect(stored).toMatchObject({ supervisor: supervisor.id, role: 'learner' });
  const seen = await request.get(api(`users/records/${learner.id}`), { headers: { Authorization: supervisor.token } });
  expect(seen.status()).toBe(200);
});

test('a learner downloads their data and deletes their account', async ({ page, request }) => {
  const learner = await createPerson(request, 'my-data');
  const sent = moduleCompletion(learner.id, 'children-on-the-move', catalogue.modules['children-on-the-move']!.sections.slice(0, 2));
  for (const s of sent) expect((await request.post(api('statements/records'), { headers: { Authorization: learner.token }, data: s })).status()).toBe(200);
  await signInAs(page, learner);
  await page.goto('/en/account/');
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: en.myData.download }).click();
  const data = JSON.parse(readFileSync(await (await download).path(), 'utf8'));
  expect(data.profile).toMatchObject({ id: learner.id, email: learner.email });
  expect(data.statements).toHaveLength(sent.length);
  await expect(page.getByTestId('download-message')).toHaveText(en.myData.downloaded);

  await page.getByLabel(en.myData.confirmLabel).fill('someone-else@example.org');
  await page.getByRole('button', { name: en.myData.deleteButton }).click();
  await expect(page.getByRole('alert')).toHaveText(en.myData.confirmMismatch);
  expect(await adminList(request, 'users', `id = "${learner.id}"`)).toHaveLength(1);

  await page.getByLabel(en.myData.confirmLabel).fill(learner.email);
  await page.getByRole('button', { name: en.myData.deleteButton }).click();
  await expect(page.getByTestId('auth-message')).toHaveText(en.myData.deleted);
  expect(await adminList(request, 'users', `id = "${learner.id}"`)).toEqual([]);
  expect(await adminList(request, 'statements', `user = "${learner.id}"`)).toEqual([]);
  await page.reload();
  await expect(page.getByRole('button', { name: en.auth.signIn, exact: true })).toBeVisible();
});
