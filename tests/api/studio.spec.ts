/**
 * The scenario studio against a real PocketBase: who may read and write drafts (their language
 * coverage included), versions and reviews (7 actors x actions), saves that would overwrite
 * someone else's are refused with 409, each draft carries the language coverage the server works
 * out at every save (and drafts saved before it get it from the migration, losing nothing), a
 * version is published only when another trainer or an admin approves it, and a published
 * version is played at once: its choices are accepted in statements and saved runs, no rebuild.
 */
import { test, expect, type APIRequestContext } from '@playwright/test';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { parse } from 'yaml';
import { ensurePocketBase } from '../../scripts/lib/pocketbase-binary.ts';
import { freePort, startPocketBase, superuserToken, upsertSuperuser, type RunningPocketBase } from '../../scripts/lib/pb-process.ts';
import { hooksDir, migrationsDir } from '../../scripts/lib/paths.ts';
import { adminList, baseURL, createPerson, newId, signUp, type Person } from '../support/pb.ts';
import { facts } from '../support/content.ts';
import { builtInCopy } from '../support/studio.ts';
import { languageCoverage, type LanguageCoverage } from '../../src/simulation/coverage.ts';
import type { ScenarioDocument } from '../../src/simulation/workflow.ts';
import { registrationId, scenarioChoice } from '../../src/learning-record/statements.ts';
import { statementFields } from '../../src/learning-record/records.ts';

const api = (path: string) => `${baseURL}/api/collections/${path}`;
const studio = (path: string) => `${baseURL}/api/continuum/${path}`;
type Actor = 'guest' | 'learnerA' | 'learnerB' | 'supervisorOfA' | 'supervisorOfNobody' | 'trainer' | 'admin';
const actors: Actor[] = ['guest', 'learnerA', 'learnerB', 'supervisorOfA', 'supervisorOfNobody', 'trainer', 'admin'];
const editors: Actor[] = ['trainer', 'admin'];

let people: Record<Exclude<Actor, 'guest'>, Person>;
let secondTrainer: Person;
const headers = (actor: Actor): Record<string, string> => (actor === 'guest' ? {} : { Authorization: people[actor].token });

/** A built-in scenario as a studio document (what the studio's import of the files makes). */
function builtInDocument(id: string) {
  const dir = `content/scenarios/${id}`;
  const overlays = Object.fromEntries(['fr', 'pt', 'es', 'sw', 'ar'].map((lang) => [lang, parse(readFileSync(`${dir}/${lang}.yaml`, 'utf8'))]));
  return { scenario: parse(readFileSync(`${dir}/scenario.yaml`, 'utf8')) as Record<string, unknown>, overlays };
}

async function newDraft(request: APIRequestContext, actor: Actor, scenario: string, document = builtInDocument('border-arrival')) {
  return request.post(api('scenario_drafts/records'), { headers: headers(actor), data: { scenario, title: 'Draft', document: { ...document, scenario: { ...document.scenario, id: scenario } } } });
}

test.beforeAll(async ({ request }) => {
  const supervisorOfA = await createPerson(request, 'studio-sup', { role: 'supervisor' });
  people = {
    learnerA: await createPerson(request, 'studio-a', { supervisor: supervisorOfA.id }),
    learnerB: await signUp(request, 'studio-b') as Person,
    supervisorOfA,
    supervisorOfNobody: await createPerson(request, 'studio-sup-none', { role: 'supervisor' }),
    trainer: await createPerson(request, 'studio-trainer', { role: 'trainer' }),
    admin: await createPerson(request, 'studio-admin', { role: 'admin' }),
  };
  secondTrainer = await createPerson(request, 'studio-trainer-2', { role: 'trainer' });
});

test('drafts: only trainers and admins list, view, create, change and delete them', async ({ request }) => {
  const created = await newDraft(request, 'trainer', `matrix-${newId().slice(0, 6)}`);
  expect(created.status(), await created.text()).toBe(200);
  const draft = await created.json();
  expect(draft).toMatchObject({ status: 'draft', revision: 1, editedBy: people.trainer.id });
  for (const actor of actors) {
    const allowed = editors.includes(actor);
    const list = await request.get(api('scenario_drafts/records'), { headers: headers(actor) });
    const items = list.status() === 200 ? (await list.json()).items : [];
    expect.soft(items.some((d: { id: string }) => d.id === draft.id), `${actor} lists drafts`).toBe(allowed);
    expect.soft((await request.get(api(`scenario_drafts/records/${draft.id}`), { headers: headers(actor) })).status(), `${actor} views a draft`).toBe(allowed ? 200 : 404);
    // the language coverage, as the studio's list asks for it: the same rule as the drafts
    const summaries = await request.get(api('scenario_drafts/records'), { headers: headers(actor), params: { fields: 'id,coverage', filter: `id = "${draft.id}"` } });
    const summary = summaries.status() === 200 ? (await summaries.json()).items : [];
    expect.soft(summary.map((d: { coverage: LanguageCoverage[] }) => d.coverage.length), `${actor} lists drafts' coverage`).toEqual(allowed ? [5] : []);
    const one = await request.get(api(`scenario_drafts/records/${draft.id}`), { headers: headers(actor), params: { fields: 'coverage' } });
    expect.soft(one.status(), `${actor} views a draft's coverage`).toBe(allowed ? 200 : 404);
    const create = await newDraft(request, actor, `by-${actor.toLowerCase()}-${newId().slice(0, 5)}`);
    expect.soft(create.status(), `${actor} creates a draft`).toBe(allowed ? 200 : 400);
    if (!allowed) {
      const update = await request.patch(api(`scenario_drafts/records/${draft.id}`), { headers: headers(actor), data: { title: 'hijacked', revision: 1 } });
      expect.soft(update.status(), `${actor} changes a draft`).toBe(404);
      expect.soft((await request.delete(api(`scenario_drafts/records/${draft.id}`), { headers: headers(actor) })).status(), `${actor} deletes a draft`).toBe(404);
    }
  }
  // nobody sets the workflow fields through the collection API
  const forged = await request.patch(api(`scenario_drafts/records/${draft.id}`), { headers: headers('trainer'), data: { status: 'published', revision: 1 } });
  expect([400, 404]).toContain(forged.status());
  const admin = await request.delete(api(`scenario_drafts/records/${draft.id}`), { headers: headers('admin') });
  expect(admin.status()).toBe(204);
});

test('published versions: anyone reads them, nobody writes them through the API; reviews: trainers read, nobody writes', async ({ request }) => {
  for (const actor of actors) {
    expect.soft((await request.get(api('scenario_versions/records'), { headers: headers(actor) })).status(), `${actor} lists versions`).toBe(200);
    const create = await request.post(api('scenario_versions/records'), { headers: headers(actor), data: { scenario: 'border-arrival', version: 99, document: builtInDocument('border-arrival') } });
    expect.soft(create.status(), `${actor} publishes directly`).not.toBe(200);
    const review = await request.post(api('scenario_reviews/records'), { headers: headers(actor), data: { scenario: 'border-arrival', decision: 'approved' } });
    expect.soft(review.status(), `${actor} writes a review directly`).not.toBe(200);
    const reviews = await request.get(api('scenario_reviews/records'), { headers: headers(actor) });
    if (!editors.includes(actor)) expect.soft(reviews.status() === 200 ? (await reviews.json()).items : [], `${actor} reads reviews`).toEqual([]);
  }
  expect(await adminList(request, 'scenario_versions', 'version = 99')).toEqual([]);
});

test('two people editing one draft: the second save is told, not overwriting the first', async ({ request }) => {
  const draft = await (await newDraft(request, 'trainer', `conflict-${newId().slice(0, 6)}`)).json();
  const first = await request.patch(api(`scenario_drafts/records/${draft.id}`), { headers: headers('trainer'), data: { title: 'Mine', revision: 1 } });
  expect(first.status()).toBe(200);
  expect((await first.json()).revision).toBe(2);
  const second = await request.patch(api(`scenario_drafts/records/${draft.id}`), { headers: { Authorization: secondTrainer.token }, data: { title: 'Theirs', revision: 1 } });
  expect(second.status()).toBe(409);
  expect((await second.json()).message).toContain(people.trainer.name);
  const noRevision = await request.patch(api(`scenario_drafts/records/${draft.id}`), { headers: { Authorization: secondTrainer.token }, data: { title: 'Theirs' } });
  expect(noRevision.status()).toBe(400);
  const [stored] = await adminList(request, 'scenario_drafts', `id = "${draft.id}"`);
  expect(stored).toMatchObject({ title: 'Mine', revision: 2 });
});

const byLanguage = (coverage: LanguageCoverage[]) => Object.fromEntries(coverage.map((c) => [c.lang, c]));

test('a draft carries its language coverage, worked out by the server at every save; the list reads it without documents', async ({ request }) => {
  const id = `coverage-${newId().slice(0, 6)}`;
  const complete = builtInCopy('first-interview', id);
  const noFrenchTitle = structuredClone(complete);
  delete (noFrenchTitle.overlays.fr as { title?: string }).title;
  const trainer = headers('trainer');
  const save = async (draftId: string, data: Record<string, unknown>) => {
    const saved = await request.patch(api(`scenario_drafts/records/${draftId}`), { headers: trainer, data });
    expect(saved.status(), await saved.text()).toBe(200);
    return saved.json();
  };

  // created with a made-up summary: the server's own replaces it
  const created = await request.post(api('scenario_drafts/records'), {
    headers: trainer,
    data: { scenario: id, title: 'Coverage', document: noFrenchTitle, baseVersion: 0, coverage: [{ lang: 'fr', status: 'complete', missing: 0, outOfDate: 0 }] },
  });
  expect(created.status(), await created.text()).toBe(200);
  const draft = await created.json();
  expect(draft.coverage).toEqual(languageCoverage(noFrenchTitle));
  expect(byLanguage(draft.coverage).fr).toMatchObject({ status: 'incomplete', missing: 1 });
  expect(byLanguage(draft.coverage).ar).toMatchObject({ status: 'complete' });

  // a translation added: French is complete
  const translated = await save(draft.id, { document: complete, revision: 1 });
  expect(translated.coverage).toEqual(languageCoverage(complete));
  expect(Object.values(byLanguage(translated.coverage)).map((c) => c.status)).toEqual(['complete', 'complete', 'complete', 'complete', 'complete']);

  // an English edit: every translation of the old title is out of date
  const edited: ScenarioDocument = structuredClone(complete);
  edited.scenario.title = 'The first interview, in other words';
  const afterEdit = await save(draft.id, { document: edited, title: edited.scenario.title, revision: 2 });
  expect(afterEdit.coverage).toEqual(languageCoverage(edited));
  expect(afterEdit.coverage.map((c: LanguageCoverage) => [c.status, c.outOfDate])).toEqual(Array(5).fill(['out-of-date', 1]));

  // a save that sends only a made-up summary keeps the server's
  const forged = await save(draft.id, { coverage: [], revision: 3 });
  expect(forged.coverage).toEqual(languageCoverage(edited));

  // what the list asks for: the summary, no document, a few hundred bytes
  const list = await request.get(api('scenario_drafts/records'), {
    headers: trainer,
    params: { fields: 'id,scenario,title,status,revision,coverage,updated', filter: `id = "${draft.id}"` },
  });
  const [listed] = (await list.json()).items;
  expect(listed.coverage).toEqual(languageCoverage(edited));
  expect(listed).not.toHaveProperty('document');
  expect(Number(list.headers()['content-length'] ?? (await list.body()).length)).toBeLessThan(2000);
});

test('drafts saved before the coverage field get it from its migration, and lose nothing; down removes the field', async () => {
  test.setTimeout(120_000);
  const binary = await ensurePocketBase();
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'continuum-coverage-migration-'));
  const owner = { email: 'coverage-migration@tests.continuum.example', password: 'coverage-migration-1' };
  const migration = '1765400000_draft_coverage.js';
  let pb: RunningPocketBase | undefined;
  const start = async () => {
    pb = await startPocketBase({ binary, dataDir, port: await freePort() });
    return { url: pb.url, su: { authorization: await superuserToken(pb.url, owner.email, owner.password), 'content-type': 'application/json' } };
  };
  const json = async (response: Response) => {
    if (!response.ok) throw new Error(`${response.status} ${await response.text()}`);
    return response.json();
  };
  try {
    upsertSuperuser(binary, dataDir, owner.email, owner.password);
    let { url, su } = await start();
    const trainer = await json(await fetch(`${url}/api/collections/users/records`, {
      method: 'POST', headers: su,
      body: JSON.stringify({ email: 'coverage-trainer@tests.continuum.example', password: 'coverage-trainer-1', passwordConfirm: 'coverage-trainer-1', name: 'Coverage Trainer', role: 'trainer', verified: true }),
    }));
    const session = await json(await fetch(`${url}/api/collections/users/impersonate/${trainer.id}`, { method: 'POST', headers: su, body: JSON.stringify({ duration: 3600 }) }));
    const asTrainer = { authorization: session.token, 'content-type': 'application/json' };
    const outdated = builtInCopy('school-enrolment', 'legacy-outdated');
    outdated.scenario.summary = 'An English summary written after the translations.';
    const documents = [builtInCopy('first-interview', 'legacy-complete'), outdated];
    for (const document of documents) {
      await json(await fetch(`${url}/api/collections/scenario_drafts/records`, {
        method: 'POST', headers: asTrainer, body: JSON.stringify({ scenario: document.scenario.id, title: document.scenario.title, document, baseVersion: 0 }),
      }));
    }
    const before = (await json(await fetch(`${url}/api/collections/scenario_drafts/records?sort=scenario`, { headers: su }))).items;
    await pb!.stop();

    // back to before the field: this migration and any after it
    const later = readdirSync(migrationsDir).filter((f) => f.endsWith('.js')).sort().filter((f) => f > migration).length;
    const down = spawnSync(binary, ['migrate', 'down', String(later + 1), `--dir=${dataDir}`, `--hooksDir=${hooksDir}`, `--migrationsDir=${migrationsDir}`, '--dev=false'], { input: 'y\n', encoding: 'utf8' });
    expect(down.status, down.stderr).toBe(0);
    expect(down.stdout).toContain(`Reverted ${migration}`);
    const db = new DatabaseSync(path.join(dataDir, 'data.db'));
    const columns = (db.prepare('PRAGMA table_info(scenario_drafts)').all() as { name: string }[]).map((c) => c.name);
    db.close();
    expect(columns).toContain('document');
    expect(columns).not.toContain('coverage');

    // the server applies it again at start: each draft gets its coverage, nothing else changes
    ({ url, su } = await start());
    const after = (await json(await fetch(`${url}/api/collections/scenario_drafts/records?sort=scenario`, { headers: su }))).items;
    expect(after.map((d: { scenario: string }) => d.scenario)).toEqual(['legacy-complete', 'legacy-outdated']);
    for (const [i, draft] of after.entries()) {
      const { coverage, ...rest } = draft;
      const { coverage: _, ...was } = before[i];
      expect(rest).toEqual(was); // document, revision, updated and the rest as they were
      expect(coverage).toEqual(languageCoverage(draft.document));
    }
    expect(after[0].coverage.map((c: LanguageCoverage) => c.status)).toEqual(Array(5).fill('complete'));
    expect(after[1].coverage.map((c: LanguageCoverage) => c.status)).toEqual(Array(5).fill('out-of-date'));
    const listed = await json(await fetch(`${url}/api/collections/scenario_drafts/records?fields=scenario,coverage&sort=scenario`, { headers: asTrainer }));
    expect(listed.items.map((d: { coverage: LanguageCoverage[] }) => d.coverage)).toEqual(after.map((d: { coverage: LanguageCoverage[] }) => d.coverage));
  } finally {
    await pb?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
});

test('publish with review: not by the author, not by a learner; then learners play the new version at once', async ({ request }) => {
  test.setTimeout(90_000);
  // a built-in scenario no other test plays: the suite shares one server, and a learner's page
  // switches to the newer published version at once
  const id = 'cross-border-handover';
  const document = builtInDocument(id);
  // the trainer improves the built-in scenario: a new choice id at the start node
  const scenario = structuredClone(document.scenario) as { start: string; nodes: Record<string, { choices: { id: string }[] }> };
  const renamed = scenario.nodes[scenario.start]!.choices[0]!;
  const oldId = renamed.id;
  renamed.id = 'a-brand-new-choice';
  for (const lang of Object.keys(document.overlays)) {
    const nodes = (document.overlays[lang] as { nodes: Record<string, { choices?: Record<string, unknown> }> }).nodes;
    const choices = nodes[scenario.start]!.choices!;
    choices['a-brand-new-choice'] = choices[oldId];
    delete choices[oldId];
  }
  const created = await newDraft(request, 'trainer', id, { ...document, scenario: scenario as never });
  expect(created.status(), await created.text()).toBe(200);
  const draft = await created.json();

  // a learner can neither submit nor approve
  expect((await request.post(studio(`studio/drafts/${draft.id}/submit`), { headers: headers('learnerA') })).status()).toBe(403);
  const submitted = await request.post(studio(`studio/drafts/${draft.id}/submit`), { headers: headers('trainer') });
  expect(submitted.status(), await submitted.text()).toBe(200);
  expect((await submitted.json()).status).toBe('in-review');
  expect((await request.post(studio(`studio/drafts/${draft.id}/review`), { headers: headers('learnerA'), data: { decision: 'approve' } })).status()).toBe(403);
  const own = await request.post(studio(`studio/drafts/${draft.id}/review`), { headers: headers('trainer'), data: { decision: 'approve' } });
  expect(own.status()).toBe(403);
  const back = await request.post(studio(`studio/drafts/${draft.id}/review`), { headers: { Authorization: secondTrainer.token }, data: { decision: 'changes' } });
  expect(back.status()).toBe(400); // a comment is needed to send it back

  const builtIn = facts().scenarios[id]!.latest;
  const approved = await request.post(studio(`studio/drafts/${draft.id}/review`), { headers: { Authorization: secondTrainer.token }, data: { decision: 'approve', comment: 'Clear and kind.' } });
  expect(approved.status(), await approved.text()).toBe(200);
  const version = (await approved.json()).published as number;
  expect(version).toBe(builtIn + 1);
  const [published] = await adminList(request, 'scenario_versions', `scenario = "${id}" && version = ${version}`);
  expect(published).toMatchObject({ author: people.trainer.id, approvedBy: secondTrainer.id });
  const reviews = await adminList(request, 'scenario_reviews', `scenario = "${id}"`);
  expect(reviews.map((r) => r.decision)).toEqual(expect.arrayContaining(['submitted', 'approved']));

  // listed and readable by anyone, at once
  const listed = (await (await request.get(studio('scenarios'))).json()).items;
  expect(listed.find((s: { id: string }) => s.id === id)).toMatchObject({ version });
  expect((await (await request.get(studio(`scenarios/${id}`))).json()).version).toBe(version);

  // the new choice is accepted in statements naming the new version, without a rebuild or restart
  const learner = people.learnerA;
  const chose = scenarioChoice({ user: learner.id, language: 'en', scenario: id, version, registration: registrationId(), node: scenario.start, choice: 'a-brand-new-choice', variables: {} });
  const stored = await request.post(api('statements/records'), { headers: { Authorization: learner.token }, data: statementFields(chose) });
  expect(stored.status(), await stored.text()).toBe(200);
  const run = await request.post(api('scenario_runs/records'), {
    headers: { Authorization: learner.token },
    data: { user: learner.id, scenario: id, version, language: 'en', snapshot: { value: scenario.start, status: 'active', context: { registration: 'r', variables: {}, scores: {}, history: [] } } },
  });
  expect(run.status(), await run.text()).toBe(200);

  // roll back to the built-in version's content: published again as a new version
  const rolled = await request.post(studio(`studio/scenarios/${id}/rollback`), { headers: { Authorization: secondTrainer.token }, data: { version, comment: 'again' } });
  expect(rolled.status(), await rolled.text()).toBe(200);
  expect((await rolled.json()).published).toBe(version + 1);
  expect((await request.post(studio(`studio/scenarios/${id}/rollback`), { headers: headers('learnerB'), data: { version } })).status()).toBe(403);
});

test('no HTML from a scenario is published: a <script> or <img onerror> in any text is refused with the place named', async ({ request }) => {
  const document = builtInDocument('first-interview');
  const scenario = structuredClone(document.scenario) as { start: string; nodes: Record<string, { text: string; choices: { feedback: string }[] }>; endings: Record<string, { text: string }> };
  scenario.nodes[scenario.start]!.text += '\n\n<script>alert(1)</script>';
  scenario.nodes[scenario.start]!.choices[0]!.feedback = 'Fine <img src=x onerror=alert(1)>';
  const id = `xss-${newId().slice(0, 6)}`;
  const draft = await (await newDraft(request, 'trainer', id, { ...document, scenario: scenario as never })).json();
  const submitted = await request.post(studio(`studio/drafts/${draft.id}/submit`), { headers: headers('trainer') });
  expect(submitted.status()).toBe(400);
  const problems = (await submitted.json()).problems as { where: string; reason: string }[];
  expect(problems.some((p) => p.where.startsWith(`nodes.${scenario.start}`) && /HTML/i.test(p.reason))).toBe(true);
  expect(problems.length).toBeGreaterThanOrEqual(2);
  expect(await adminList(request, 'scenario_versions', `scenario = "${id}"`)).toEqual([]);
});

test('a published version is served to the player in each language, as safe HTML', async ({ request }) => {
  const id = `served-${newId().slice(0, 6)}`;
  const draft = await (await newDraft(request, 'trainer', id, builtInDocument('school-enrolment'))).json();
  expect((await request.post(studio(`studio/drafts/${draft.id}/submit`), { headers: headers('trainer') })).status()).toBe(200);
  const approved = await request.post(studio(`studio/drafts/${draft.id}/review`), { headers: headers('admin'), data: { decision: 'approve' } });
  expect(approved.status(), await approved.text()).toBe(200);
  const ar = await (await request.get(studio(`scenarios/${id}?lang=ar`))).json();
  expect(ar).toMatchObject({ scenario: id, version: 1, data: { translated: true } });
  expect(ar.data.recommendedPath.length).toBeGreaterThan(0);
  expect(Object.values(ar.data.html as Record<string, string>).every((html) => !/<script|onerror=/i.test(html))).toBe(true);
  const listed = (await (await request.get(studio('scenarios'))).json()).items.find((s: { id: string }) => s.id === id);
  expect(listed.titles.ar).toBeTruthy();
});
