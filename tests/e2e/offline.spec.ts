/**
 * Learning on a phone with no signal, in a real Chromium against a real PocketBase, with the
 * real service worker: a downloaded path works with the network cut (every lesson and case
 * simulation opens and works, each says it is the copy saved on the device); what the learner
 * did offline is sent exactly once when the network returns; pages opened before are there and
 * a page never opened says so; "remove download" frees it; and an update deployed while
 * statements wait offers "a new version", loses none of them and mixes no files of two builds.
 */
import { test, expect, type APIRequestContext } from '@playwright/test';
import { cpSync, mkdtempSync, readFileSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'yaml';
import { adminList, createPerson, newId } from '../support/pb.ts';
import { fill, signInAs, ui } from '../support/ui.ts';
import { cacheNames, cutNetwork, islandsReady, restoreNetwork, watchPolicyViolations, workerControls } from '../support/offline.ts';
import { moduleFrontmatter } from '../support/content.ts';
import { ensurePocketBase } from '../../scripts/lib/pocketbase-binary.ts';
import { freePort, startPocketBase, upsertSuperuser, type RunningPocketBase } from '../../scripts/lib/pb-process.ts';
import { generateServiceWorker } from '../../scripts/lib/service-worker.ts';
import { compressFile } from '../../scripts/lib/precompress.ts';
import { siteDir } from '../../scripts/lib/paths.ts';

const en = ui.en;
const o = en.offline;

// the suite blocks service workers (playwright.config.ts); these tests are about it
test.use({ serviceWorkers: 'allow' });

test('a downloaded path works with the network cut, and what was done offline is sent exactly once', async ({ page, context, request }) => {
  test.setTimeout(150_000);
  const violations = watchPolicyViolations(page);
  const learner = await createPerson(request, 'offline-path', { track: 'border-officer' });
  await signInAs(page, learner);
  const steps = (parse(readFileSync('content/paths/border-officer.yaml', 'utf8')) as { steps: ({ module: string } | { scenario: string })[] }).steps;
  const stepUrls = steps.map((s) => ('module' in s ? `/en/modules/${s.module}/` : `/en/scenarios/${s.scenario}/`));
  expect(stepUrls.filter((u) => u.includes('/scenarios/')).length).toBeGreaterThan(0);

  await page.goto('/en/paths/border-officer/');
  await workerControls(page);
  const box = page.getByTestId('offline-download');
  // the size before it starts, from the build's page sizes
  await expect(box.getByTestId('download-size')).toHaveText(new RegExp(`^${stepUrls.length + 3} pages, about \\d+ kB$`));
  await box.getByRole('button', { name: o.pathDownload }).click();
  await expect(box.getByTestId('download-saved')).toContainText(o.saved.split('{{')[0]!, { timeout: 60_000 });
  await expect(box).toHaveAttribute('data-state', 'saved');
  await expect(box.getByTestId('storage-use')).toContainText(/Continuum uses \d/);

  await cutNetwork(context);
  for (const url of stepUrls) {
    await page.goto(url);
    await expect(page.locator('h1')).toBeVisible();
    // it says it is the saved copy, and since when
    await expect(page.getByTestId('saved-copy')).toBeVisible();
    await expect(page.getByTestId('saved-copy')).toContainText(o.savedCopy.split('{{')[0]!.trim());
    await islandsReady(page);
    if (url.includes('/scenarios/')) {
      // the simulation plays: its scenario is in the page
      await page.locator('button[data-choice]').first().click();
      await expect(page.getByTestId('choice-feedback')).toBeVisible();
    }
  }

  // a section done offline waits on the device
  const first = moduleFrontmatter('children-on-the-move', 'en').sections[0]!.id;
  await page.goto('/en/modules/children-on-the-move/');
  await islandsReady(page);
  await page.locator(`section#${first}`).getByRole('button', { name: new RegExp(en.progress.markDone) }).click();
  await expect(page.locator(`section#${first} p.done`)).toContainText(en.progress.done);
  await page.goto('/en/onboarding/');
  await islandsReady(page);
  const status = page.getByTestId('sync-status');
  const waiting = Number(await status.getAttribute('data-waiting'));
  expect(waiting).toBeGreaterThanOrEqual(1 + stepUrls.filter((u) => u.includes('/scenarios/')).length);
  expect(await adminList(request, 'statements', `user = "${learner.id}"`)).toEqual([]);

  // the network returns: everything waiting is sent, once
  await restoreNetwork(context);
  await expect(status).toHaveAttribute('data-waiting', '0', { timeout: 20_000 });
  const stored = await adminList(request, 'statements', `user = "${learner.id}"`);
  expect(stored).toHaveLength(waiting);
  expect(new Set(stored.map((s) => s.id)).size).toBe(waiting);
  expect(stored.filter((s) => s.object === `module:children-on-the-move/section:${first}`)).toHaveLength(1);
  // a reload sends nothing twice
  await page.reload();
  await islandsReady(page);
  await expect(status).toHaveAttribute('data-waiting', '0');
  expect(await adminList(request, 'statements', `user = "${learner.id}"`)).toHaveLength(waiting);

  // "remove download" frees it
  await page.goto('/en/paths/border-officer/');
  await expect(box).toHaveAttribute('data-state', 'saved');
  expect(await cacheNames(page)).toContain('continuum-download:en/path/border-officer');
  await box.getByRole('button', { name: o.remove }).click();
  await expect(box).toHaveAttribute('data-state', 'none');
  await expect(box.getByTestId('download-message')).toHaveText(o.removed);
  expect(await cacheNames(page)).not.toContain('continuum-download:en/path/border-officer');
  expect(violations).toEqual([]);
});

test('pages opened before are there offline; a page never opened says so and lists what is', async ({ page, context }) => {
  const violations = watchPolicyViolations(page);
  await page.goto('/en/glossary/');
  await workerControls(page);
  await page.reload(); // now through the worker, which keeps it
  await expect.poll(async () => (await cacheNames(page)).includes('continuum-pages')).toBe(true);

  await cutNetwork(context);
  await page.goto('/en/glossary/');
  await expect(page.locator('h1')).toHaveText(en.glossary.title);
  await expect(page.getByTestId('saved-copy')).toBeVisible();
  const saved = await page.locator('html').getAttribute('data-saved-copy-at');
  expect(Date.now() - Date.parse(saved!)).toBeLessThan(5 * 60_000);

  await page.goto('/en/scenarios/school-enrolment/');
  await expect(page.getByTestId('not-saved')).toContainText(o.notSavedTitle);
  await expect(page.getByTestId('opened-pages').getByRole('link', { name: new RegExp(en.glossary.title) })).toBeVisible();
  // "/" leads to the learner's language even offline
  await page.goto('/');
  await expect(page).toHaveURL(/\/en\/$/);

  await restoreNetwork(context);
  expect(violations).toEqual([]);
});

/** A PocketBase of its own, serving a copy of the site through a link that a "deployment" swaps. */
interface Deployment {
  pb: RunningPocketBase;
  url: string;
  work: string;
  deploy(site: string): void;
}

async function ownDeployment(): Promise<Deployment> {
  const work = mkdtempSync(path.join(os.tmpdir(), 'continuum-update-'));
  const binary = await ensurePocketBase();
  const dataDir = path.join(work, 'pb_data');
  upsertSuperuser(binary, dataDir, 'update@tests.continuum.example', 'update-superuser-1');
  cpSync(siteDir, path.join(work, 'site-a'), { recursive: true });
  const current = path.join(work, 'current');
  symlinkSync(path.join(work, 'site-a'), current);
  const deploy = (site: string) => {
    // as a real deployment: the new folder replaces the old one in one step
    const next = path.join(work, 'current-next');
    symlinkSync(site, next);
    renameSync(next, current);
  };
  const pb = await startPocketBase({ binary, dataDir, port: await freePort(), publicDir: current });
  return { pb, url: pb.url, work, deploy };
}

async function learnerOn(request: APIRequestContext, url: string) {
  const su = await request.post(`${url}/api/collections/_superusers/auth-with-password`, { data: { identity: 'update@tests.continuum.example', password: 'update-superuser-1' } });
  const token = (await su.json()).token as string;
  const password = 'update-password-1';
  const created = await request.post(`${url}/api/collections/users/records`, {
    headers: { Authorization: token },
    data: { email: `update-${newId()}@tests.continuum.example`, password, passwordConfirm: password, name: 'Update Learner', track: 'border-officer', preferredLanguage: 'en' },
  });
  expect(created.status(), await created.text()).toBe(200);
  const id = (await created.json()).id as string;
  const session = await request.post(`${url}/api/collections/users/impersonate/${id}`, { headers: { Authorization: token }, data: { duration: 3600 } });
  return { id, session: (await session.json()) as { token: string; record: Record<string, unknown> } };
}

test('an update deployed while statements wait is offered, applied when accepted, and loses none of them', async ({ page, context, request }) => {
  test.setTimeout(120_000);
  const violations = watchPolicyViolations(page);
  const site = await ownDeployment();
  try {
    const learner = await learnerOn(request, site.url);
    await signInAs(page, learner.session);
    const lesson = `${site.url}/en/modules/children-on-the-move/`;
    await page.goto(lesson);
    await workerControls(page);
    await islandsReady(page);

    // the API cannot be reached: a section done waits on the device
    await context.route(`${site.url}/api/**`, (route) => route.abort('internetdisconnected'));
    const first = moduleFrontmatter('children-on-the-move', 'en').sections[0]!.id;
    await page.locator(`section#${first}`).getByRole('button', { name: new RegExp(en.progress.markDone) }).click();
    await expect(page.getByText(fill(en.progress.waiting_one, { count: 1 }))).toBeVisible();

    // a new version is deployed: a changed page (and so a new worker with new revisions)
    const siteB = path.join(site.work, 'site-b');
    cpSync(path.join(site.work, 'site-a'), siteB, { recursive: true });
    for (const page of ['en/modules/children-on-the-move/index.html', 'en/offline/index.html']) {
      const file = path.join(siteB, page);
      writeFileSync(file, readFileSync(file, 'utf8').replace('<head>', '<head><meta name="continuum-build" content="b">'));
      await compressFile(file);
    }
    await generateServiceWorker(siteB);
    await compressFile(path.join(siteB, 'service-worker.js'));
    site.deploy(siteB);

    // the browser finds the new worker; it waits, and the learner is asked
    await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())!.update());
    const offer = page.locator('[data-update-offer]');
    await expect(offer).toBeVisible({ timeout: 30_000 });
    await expect(offer).toContainText(o.updateAvailable);
    // until accepted, the page in hand is still the first build's
    expect(await page.locator('meta[name="continuum-build"]').count()).toBe(0);
    await expect(page.getByText(fill(en.progress.waiting_one, { count: 1 }))).toBeVisible();

    await offer.getByRole('button', { name: o.updateNow }).click();
    await expect(page.locator('meta[name="continuum-build"]')).toHaveAttribute('content', 'b', { timeout: 20_000 });
    await islandsReady(page);
    // the statement still waits, on the new version
    await expect(page.getByText(fill(en.progress.waiting_one, { count: 1 }))).toBeVisible();
    // one generation of files left (the previous one is kept only while a saved page needs it)
    await expect.poll(async () => (await cacheNames(page)).filter((n) => n.startsWith('continuum-precache-')).length, { timeout: 10_000 }).toBe(1);

    // the API is back: sent, exactly once
    await context.unroute(`${site.url}/api/**`);
    await page.reload();
    await islandsReady(page);
    await expect(page.getByText(fill(en.progress.waiting_one, { count: 1 }))).toHaveCount(0, { timeout: 15_000 });
    const su = await request.post(`${site.url}/api/collections/_superusers/auth-with-password`, { data: { identity: 'update@tests.continuum.example', password: 'update-superuser-1' } });
    const stored = await request.get(`${site.url}/api/collections/statements/records`, {
      headers: { Authorization: (await su.json()).token },
      params: { filter: `user = "${learner.id}"` },
    });
    const items = (await stored.json()).items as { object: string }[];
    expect(items.map((s) => s.object)).toEqual([`module:children-on-the-move/section:${first}`]);
    expect(violations).toEqual([]);
  } finally {
    await site.pb.stop();
    rmSync(site.work, { recursive: true, force: true });
  }
});
