/**
 * The learning record against a real PocketBase: a device cannot earn what it did not do.
 * A made-up quiz id, an object with extra parts, a bare good ending and prototype keys are
 * refused and stored nowhere; saved runs hold only known scenarios; a certificate needs
 * answers that pass and a verified address; a statement sent many times at once is stored once.
 */
import { test, expect } from '@playwright/test';
import { adminList, baseURL, createPerson, moduleCompletion, newId, sectionStatement, signUp, superuserToken } from '../support/pb.ts';
import { catalogue, facts } from '../support/content.ts';
import { registrationId, scenarioChoice, scenarioEnded } from '../../src/learning-record/statements.ts';
import { statementFields } from '../../src/learning-record/records.ts';

const api = (path: string) => `${baseURL}/api/collections/${path}`;
const essentials = facts().paths.find((p) => p.id === 'essentials')!;
const essentialModules = essentials.steps.map((s) => s.replace(/^module:/, ''));
const sectionsOf = (slug: string) => facts().modules[slug]!.sections;

test('a made-up quiz id earns nothing: refused with the object named, and no certificate', async ({ request }) => {
  const learner = await signUp(request, 'forger');
  const auth = { Authorization: learner.token };
  for (const slug of essentialModules) {
    for (const section of sectionsOf(slug)) {
      const done = sectionStatement(learner.id, section, { object: `module:${slug}/section:${section}`, context: { parent: `module:${slug}` } });
      expect((await request.post(api('statements/records'), { headers: auth, data: done })).status()).toBe(200);
    }
    const forged = sectionStatement(learner.id, 'x', { verb: 'passed', object: `module:${slug}/quiz:final-exam`, result: { success: true, score: { scaled: 1 } }, context: null });
    const response = await request.post(api('statements/records'), { headers: auth, data: forged });
    expect(response.status()).toBe(400);
    expect((await response.json()).data).toHaveProperty('object');
    expect(await adminList(request, 'statements', `id = "${forged.id}"`)).toEqual([]);
  }
  const progress = await adminList(request, 'progress', `user = "${learner.id}"`);
  expect(progress.map((p) => [p.status, p.checkPassed])).toEqual(essentialModules.map(() => ['completed', false]));
  expect(await adminList(request, 'certificates', `user = "${learner.id}"`)).toEqual([]);
});

test('an object with extra parts, or any shape the platform does not know, is refused and not stored', async ({ request }) => {
  const learner = await signUp(request, 'parts');
  for (const object of ['path:x/quiz:y/section:z', 'module:children-on-the-move/section:who-they-are/section:key-points', 'quiz:anything', 'module:children-on-the-move/quiz:knowledge-check/question:q1']) {
    const statement = sectionStatement(learner.id, 'who-they-are', { object });
    const response = await request.post(api('statements/records'), { headers: { Authorization: learner.token }, data: statement });
    expect(response.status(), object).toBe(400);
    expect((await response.json()).data, object).toHaveProperty('object');
    expect(await adminList(request, 'statements', `id = "${statement.id}"`)).toEqual([]);
  }
});

test('prototype keys find no content: nothing stored, no progress row, insight stays numeric', async ({ request }) => {
  const learner = await signUp(request, 'proto');
  const auth = { Authorization: learner.token };
  const attempts = [
    sectionStatement(learner.id, 'x', { verb: 'completed', object: 'scenario:constructor', result: { response: 'x' }, context: null }),
    sectionStatement(learner.id, 'x', { verb: 'completed', object: 'scenario:border-arrival', result: { response: 'constructor' }, context: null }),
    sectionStatement(learner.id, 'x', { verb: 'completed', object: 'module:constructor/section:x', context: null }),
    sectionStatement(learner.id, 'x', { verb: 'chose', object: 'scenario:border-arrival/choice:constructor', result: { response: 'constructor' }, context: null }),
  ];
  for (const statement of attempts) {
    const response = await request.post(api('statements/records'), { headers: auth, data: statement });
    expect(response.status(), statement.object).toBe(400);
  }
  expect(await adminList(request, 'statements', `user = "${learner.id}"`)).toEqual([]);
  expect(await adminList(request, 'progress', `user = "${learner.id}"`)).toEqual([]);
});

test.describe('case simulations', () => {
  const loaded = catalogue().scenarios.find((s) => s.scenario.id === 'border-arrival')!;
  const { scenario, analysis } = loaded;
  const good = Object.entries(scenario.endings).find(([, e]) => e.outcome === 'good')![0];
  const nodeOf = (choice: string) => Object.entries(scenario.nodes).find(([, n]) => n.choices.some((c) => c.id === choice))![0];

  test('a bare good ending is refused; the same ending reached by recorded choices passes', async ({ request }) => {
    const learner = await createPerson(request, 'player');
    const auth = { Authorization: learner.token };
    const playthrough = { user: learner.id, language: 'en' as const, scenario: scenario.id, version: scenario.version, registration: registrationId() };
    const bare = { ...scenarioEnded({ ...playthrough, ending: good, outcome: 'good', choices: [], scores: {}, scaled: 1 }), context: { registration: playthrough.registration } };
    const refused = await request.post(api('statements/records'), { headers: auth, data: statementFields(bare) });
    expect(refused.status()).toBe(400);
    expect((await refused.json()).data).toHaveProperty('context');
    // claiming the choices without having recorded them is refused too
    const unrecorded = scenarioEnded({ ...playthrough, ending: good, outcome: 'good', choices: analysis.recommendedPath, scores: {}, scaled: 1 });
    expect((await request.post(api('statements/records'), { headers: auth, data: statementFields(unrecorded) })).status()).toBe(400);
    expect(await adminList(request, 'progress', `user = "${learner.id}"`)).toEqual([]);

    const start = Date.now() - 60_000;
    for (const [i, choice] of analysis.recommendedPath.entries()) {
      const chose = scenarioChoice({ ...playthrough, node: nodeOf(choice), choice, variables: {}, now: new Date(start + i * 1000) });
      expect((await request.post(api('statements/records'), { headers: auth, data: statementFields(chose) })).status()).toBe(200);
    }
    const ending = scenarioEnded({ ...playthrough, ending: good, outcome: 'good', choices: analysis.recommendedPath, scores: { 'child-first': 99 }, scaled: 1, now: new Date(start + 30_000) });
    const passed = await request.post(api('statements/records'), { headers: auth, data: statementFields(ending) });
    expect(passed.status(), await passed.text()).toBe(200);
    const [row] = await adminList(request, 'progress', `user = "${learner.id}" && activity = "scenario:${scenario.id}"`);
    expect(row).toMatchObject({ status: 'passed' });
    const [stored] = await adminList(request, 'statements', `id = "${ending.id}"`);
    expect((stored!.context as { scores: Record<string, number> }).scores['child-first']).not.toBe(99);
  });

  test('saved runs hold only known scenarios and versions, of a real run\'s size', async ({ request }) => {
    const learner = await createPerson(request, 'runs');
    const auth = { Authorization: learner.token };
    const snapshot = { value: scenario.start, status: 'active', context: { registration: registrationId(), variables: {}, scores: {}, history: [] } };
    const body = { user: learner.id, scenario: scenario.id, version: scenario.version, snapshot, language: 'en' };
    for (const [what, data] of [
      ['unknown scenario', { ...body, scenario: 'made-up' }],
      ['prototype key', { ...body, scenario: 'constructor' }],
      ['unknown version', { ...body, version: scenario.version + 50 }],
      ['unknown node', { ...body, snapshot: { ...snapshot, value: 'nowhere' } }],
      ['oversized', { ...body, snapshot: { ...snapshot, padding: 'x'.repeat(40_000) } }],
    ] as const) {
      const response = await request.post(api('scenario_runs/records'), { headers: auth, data: data });
      expect(response.status(), what).toBe(400);
    }
    expect(await adminList(request, 'scenario_runs', `user = "${learner.id}"`)).toEqual([]);
    const ok = await request.post(api('scenario_runs/records'), { headers: auth, data: body });
    expect(ok.status(), await ok.text()).toBe(200);
    const id = (await ok.json()).id;
    const grow = await request.patch(api(`scenario_runs/records/${id}`), { headers: auth, data: { scenario: 'made-up' } });
    expect(grow.status()).toBe(400);
  });
});

test.describe('certificates need answers that pass and a verified address', () => {
  test('no certificate for an account whose recorded answers do not pass', async ({ request }) => {
    const learner = await createPerson(request, 'wrong-answers');
    const auth = { Authorization: learner.token };
    for (const slug of essentialModules) {
      const statements = moduleCompletion(learner.id, slug, sectionsOf(slug));
      const questions = facts().modules[slug]!.questions;
      // every answer wrong, then a claimed pass
      const wrong = statements.map((s) => {
        if (s.verb !== 'answered') return s;
        const q = questions.find((x) => s.object.endsWith(`/question:${x.id}`))!;
        return { ...s, result: { success: true, response: q.options.find((o) => !q.correct.includes(o))! } };
      });
      for (const s of wrong) {
        const response = await request.post(api('statements/records'), { headers: auth, data: s });
        expect(response.status(), s.object).toBe(s.verb === 'passed' ? 400 : 200);
      }
    }
    expect(await adminList(request, 'certificates', `user = "${learner.id}"`)).toEqual([]);
  });

  test('an unverified account completes the path and gets its certificate only once verified', async ({ request }) => {
    const learner = await signUp(request, 'unverified');
    const auth = { Authorization: learner.token };
    for (const slug of essentialModules) {
      for (const s of moduleCompletion(learner.id, slug, sectionsOf(slug))) expect((await request.post(api('statements/records'), { headers: auth, data: s })).status()).toBe(200);
    }
    const progress = await adminList(request, 'progress', `user = "${learner.id}"`);
    expect(progress.every((p) => p.status === 'passed')).toBe(true);
    expect(await adminList(request, 'certificates', `user = "${learner.id}"`)).toEqual([]);
    const verify = await request.patch(api(`users/records/${learner.id}`), { headers: { Authorization: await superuserToken(request) }, data: { verified: true } });
    expect(verify.status()).toBe(200);
    const certificates = await adminList(request, 'certificates', `user = "${learner.id}"`);
    expect(certificates.map((c) => c.path)).toEqual(['essentials']);
  });
});

test('one statement sent 20 times at once is stored once and every send is answered 200', async ({ request }) => {
  const learner = await createPerson(request, 'twins');
  const statement = sectionStatement(learner.id, 'who-they-are', { id: newId() });
  const responses = await Promise.all(Array.from({ length: 20 }, () => request.post(api('statements/records'), { headers: { Authorization: learner.token }, data: statement })));
  expect(responses.map((r) => r.status())).toEqual(Array.from({ length: 20 }, () => 200));
  expect(await adminList(request, 'statements', `id = "${statement.id}"`)).toHaveLength(1);
  const [progress] = await adminList(request, 'progress', `user = "${learner.id}"`);
  expect(progress!.completedSections).toEqual(['who-they-are']);
});

test('a refold rebuilds progress that was damaged, deleted or made up, and reports what it changed', async ({ request }) => {
  const learner = await signUp(request, 'refolded');
  const su = { Authorization: await superuserToken(request) };
  const [first, second] = essentialModules;
  for (const slug of [first!, second!]) {
    for (const section of sectionsOf(slug).slice(0, 2)) {
      const done = sectionStatement(learner.id, section, { object: `module:${slug}/section:${section}`, context: { parent: `module:${slug}` } });
      expect((await request.post(api('statements/records'), { headers: { Authorization: learner.token }, data: done })).status()).toBe(200);
    }
  }
  const shape = (rows: Record<string, unknown>[]) =>
    rows.map((p) => ({ activity: p.activity, status: p.status, completedSections: p.completedSections, percent: p.percent, lastActivityAt: p.lastActivityAt })).sort((a, b) => String(a.activity).localeCompare(String(b.activity)));
  const before = shape(await adminList(request, 'progress', `user = "${learner.id}"`));
  expect(before).toHaveLength(2);
  // damage one row, delete the other, make one up
  const rows = await adminList(request, 'progress', `user = "${learner.id}"`);
  const damaged = rows.find((p) => p.activity === `module:${first}`)!;
  expect((await request.patch(api(`progress/records/${damaged.id}`), { headers: su, data: { percent: 0, completedSections: [] } })).status()).toBe(200);
  expect((await request.delete(api(`progress/records/${rows.find((p) => p.activity === `module:${second}`)!.id}`), { headers: su })).status()).toBe(204);
  const madeUp = { user: learner.id, activity: 'module:never-opened', activityType: 'module', status: 'passed', percent: 100 };
  expect((await request.post(api('progress/records'), { headers: su, data: madeUp })).status()).toBe(200);

  const refold = async (dryRun: boolean) =>
    (await (await request.post(`${baseURL}/api/continuum/admin/refold`, { headers: su, data: { user: learner.id, dryRun } })).json()) as { differences: { activity: string; change: string }[] };
  const report = await refold(false);
  expect(report.differences.map((d) => [d.activity, d.change]).sort()).toEqual(
    [[`module:${first}`, 'changed'], [`module:${second}`, 'created'], ['module:never-opened', 'removed']].sort(),
  );
  expect(shape(await adminList(request, 'progress', `user = "${learner.id}"`))).toEqual(before);
  expect((await refold(true)).differences).toEqual([]);
});
