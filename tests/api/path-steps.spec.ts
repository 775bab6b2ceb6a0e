/**
 * Case simulations published in the studio added to onboarding paths, against a real
 * PocketBase: who may add, read, change and remove a step (7 actors x actions), bad input named
 * at its field, the merged path served to learners' pages (naming nobody), and the certificate:
 * a learner who completes the path's original steps gets it only once they also finish the
 * added case simulation; a certificate already held stays held; removing the step certifies
 * those who have now done everything. No rebuild, no restart.
 *
 * The tests share one server with the rest of the suite, so they add to the social-worker path,
 * which no other test completes, one at a time (serial), and remove what they add.
 */
import { test, expect, type APIRequestContext } from '@playwright/test';
import { adminList, baseURL, createPerson, moduleCompletion, newId, scenarioCompletion, type Person } from '../support/pb.ts';
import { builtInCopy, createDraft } from '../support/studio.ts';
import { catalogue, facts } from '../support/content.ts';

test.describe.configure({ mode: 'serial' });

const api = (path: string) => `${baseURL}/api/collections/${path}`;
const route = (path: string) => `${baseURL}/api/continuum/${path}`;
type Actor = 'guest' | 'learnerA' | 'learnerB' | 'supervisorOfA' | 'supervisorOfNobody' | 'trainer' | 'admin';
const actors: Actor[] = ['guest', 'learnerA', 'learnerB', 'supervisorOfA', 'supervisorOfNobody', 'trainer', 'admin'];
const editors: Actor[] = ['trainer', 'admin'];
const PATH = 'social-worker';
const COPIED = 'school-enrolment'; // not on the social-worker path

let people: Record<Exclude<Actor, 'guest'>, Person>;
let secondTrainer: Person;
/** A case simulation published in the studio (a copy of a built-in one under a new id). */
let studioScenario: string;
const headers = (actor: Actor): Record<string, string> => (actor === 'guest' ? {} : { Authorization: people[actor].token });
const original = () => facts().paths.find((p) => p.id === PATH)!.steps;

async function publish(request: APIRequestContext, id: string) {
  const draft = await createDraft(request, people.trainer, builtInCopy(COPIED, id));
  expect((await request.post(route(`studio/drafts/${draft.id}/submit`), { headers: headers('trainer') })).status()).toBe(200);
  const approved = await request.post(route(`studio/drafts/${draft.id}/review`), { headers: { Authorization: secondTrainer.token }, data: { decision: 'approve' } });
  expect(approved.status(), await approved.text()).toBe(200);
}

const addStep = (request: APIRequestContext, actor: Actor, data: Record<string, unknown>) =>
  request.post(api('path_steps/records'), { headers: headers(actor), data: { path: PATH, scenario: studioScenario, after: 'module:children-on-the-move', ...data } });

async function send(request: APIRequestContext, learner: Person, statements: readonly Record<string, unknown>[]) {
  for (const statement of statements) {
    const stored = await request.post(api('statements/records'), { headers: { Authorization: learner.token }, data: statement });
    expect(stored.status(), await stored.text()).toBe(200);
  }
}

/** Completes the path's steps from content/paths/ for real: lessons read and checked, case simulations played to a good ending. */
async function completeOriginalSteps(request: APIRequestContext, learner: Person) {
  for (const step of original()) {
    const [kind, id] = step.split(':') as ['module' | 'scenario', string];
    if (kind === 'module') await send(request, learner, moduleCompletion(learner.id, id, facts().modules[id]!.sections));
    else await playToGoodEnding(request, learner, id, id);
  }
}

/** Plays a case simulation along the recommended choices of the built-in one it is (a copy of). */
async function playToGoodEnding(request: APIRequestContext, learner: Person, scenario: string, builtIn: string) {
  const known = facts().scenarios[builtIn]!;
  const structure = { ...known.versions[String(known.latest)]!, id: scenario, version: scenario === builtIn ? known.latest : 1 };
  const choices = catalogue().scenarios.find((s) => s.scenario.id === builtIn)!.analysis.recommendedPath;
  await send(request, learner, scenarioCompletion(learner.id, structure, choices));
}

const certificates = (request: APIRequestContext, learner: Person) => adminList(request, 'certificates', `user = "${learner.id}" && path = "${PATH}"`);

test.beforeAll(async ({ request }) => {
  test.setTimeout(120_000);
  const supervisorOfA = await createPerson(request, 'ps-sup', { role: 'supervisor' });
  people = {
    learnerA: await createPerson(request, 'ps-a', { supervisor: supervisorOfA.id, track: 'social-worker' }),
    learnerB: await createPerson(request, 'ps-b', { track: 'social-worker' }),
    supervisorOfA,
    supervisorOfNobody: await createPerson(request, 'ps-sup-none', { role: 'supervisor' }),
    trainer: await createPerson(request, 'ps-trainer', { role: 'trainer' }),
    admin: await createPerson(request, 'ps-admin', { role: 'admin' }),
  };
  secondTrainer = await createPerson(request, 'ps-trainer-2', { role: 'trainer' });
  studioScenario = `pathstep-${newId().slice(0, 6)}`;
  await publish(request, studioScenario);
});

test('path steps: trainers and admins add, read and remove them; nobody else does; nobody changes one', async ({ request }) => {
  for (const actor of actors) {
    const allowed = editors.includes(actor);
    const created = await addStep(request, actor, {});
    expect.soft(created.status(), `${actor} adds a step`).toBe(allowed ? 200 : 400);
    if (!allowed) continue;
    const step = await created.json();
    expect(step).toMatchObject({ path: PATH, scenario: studioScenario, addedBy: people[actor as 'trainer' | 'admin'].id });
    for (const reader of actors) {
      const list = await request.get(api('path_steps/records'), { headers: headers(reader) });
      const items = list.status() === 200 ? (await list.json()).items : [];
      expect.soft(items.some((s: { id: string }) => s.id === step.id), `${reader} lists path steps`).toBe(editors.includes(reader));
      expect.soft((await request.get(api(`path_steps/records/${step.id}`), { headers: headers(reader) })).status(), `${reader} views a path step`).toBe(editors.includes(reader) ? 200 : 404);
      const moved = await request.patch(api(`path_steps/records/${step.id}`), { headers: headers(reader), data: { after: '' } });
      expect.soft(moved.status(), `${reader} changes a path step`).not.toBe(200);
      if (!editors.includes(reader)) {
        expect.soft((await request.delete(api(`path_steps/records/${step.id}`), { headers: headers(reader) })).status(), `${reader} removes a path step`).toBe(404);
      }
    }
    // everyone reads the merged paths through the route, which names nobody
    for (const reader of actors) {
      const served = await request.get(route('path-steps'), { headers: headers(reader) });
      expect.soft(served.status(), `${reader} reads the merged paths`).toBe(200);
      expect.soft((await served.json()).paths[PATH], `${reader} sees the added step`).toContain(`scenario:${studioScenario}`);
    }
    expect((await request.delete(api(`path_steps/records/${step.id}`), { headers: headers(actor) })).status()).toBe(204);
  }
  expect(await adminList(request, 'path_steps', `scenario = "${studioScenario}"`)).toEqual([]);
  // who added it is the server's to say
  const forged = await addStep(request, 'trainer', { addedBy: people.admin.id });
  expect(forged.status()).toBe(400);
  expect(await adminList(request, 'path_steps', `scenario = "${studioScenario}"`)).toEqual([]);
});

test('a step that cannot be added is refused at its field: unknown path, unpublished scenario, already there, unknown place', async ({ request }) => {
  const refused = async (data: Record<string, unknown>, field: string, code: string) => {
    const response = await addStep(request, 'trainer', data);
    expect(response.status(), JSON.stringify(data)).toBe(400);
    expect((await response.json()).data[field]?.code, JSON.stringify(data)).toBe(`validation_${code}`);
  };
  await refused({ path: 'no-such-path' }, 'path', 'unknown-path');
  await refused({ scenario: 'never-published-anywhere' }, 'scenario', 'not-published');
  // a built-in scenario never published in the studio, and one already on the path
  await refused({ scenario: COPIED }, 'scenario', 'not-published');
  await refused({ scenario: 'first-interview' }, 'scenario', 'already-on-path');
  await refused({ after: 'module:not-on-this-path' }, 'after', 'unknown-position');
  expect(await adminList(request, 'path_steps', `path = "${PATH}"`)).toEqual([]);
});

test('after a studio scenario is added, the path counts it everywhere, and its certificate needs it', async ({ request }) => {
  test.setTimeout(180_000);
  // a learner who finished the path before keeps the certificate
  await completeOriginalSteps(request, people.learnerB);
  const [held] = await certificates(request, people.learnerB);
  expect(held).toBeTruthy();

  const added = await addStep(request, 'trainer', { after: 'module:children-on-the-move' });
  expect(added.status(), await added.text()).toBe(200);
  const step = await added.json();
  try {
    const activity = `scenario:${studioScenario}`;
    const merged = [original()[0]!, activity, ...original().slice(1)];

    // learners' pages get the merged path and the scenario's titles, naming nobody
    const served = await (await request.get(route('path-steps'))).json();
    expect(served.paths[PATH]).toEqual(merged);
    expect(served.scenarios[studioScenario]).toMatchObject({ builtIn: false, titles: { en: expect.any(String), ar: expect.any(String) } });
    expect(JSON.stringify(served)).not.toContain(people.trainer.id);

    // learner A completes every original step: no certificate yet
    await completeOriginalSteps(request, people.learnerA);
    expect(await certificates(request, people.learnerA)).toEqual([]);
    // the supervisor's dashboard counts the added step: 10 of 11 done
    const cohort = await (await request.get(route(`cohort?path=${PATH}`), { headers: headers('supervisorOfA') })).json();
    const row = cohort.rows.find((r: { learner: { id: string } }) => r.learner.id === people.learnerA.id);
    expect(row.statuses).toHaveLength(merged.length);
    expect(row.statuses[1]).toBe('not-started');
    expect(row.done).toBe(merged.length - 1);
    // the CSV names the added step by its title
    const csv = await (await request.get(route(`cohort/export.csv?path=${PATH}&lang=en`), { headers: headers('supervisorOfA') })).text();
    expect(csv.split('\r\n')[0]).toContain(served.scenarios[studioScenario].titles.en);
    // an assignment of the path is accepted as before
    const assigned = await request.post(api('assignments/records'), { headers: headers('supervisorOfA'), data: { learner: people.learnerA.id, path: PATH, assignedBy: people.supervisorOfA.id } });
    expect(assigned.status(), await assigned.text()).toBe(200);

    // then the added case simulation: the certificate is issued at once
    await playToGoodEnding(request, people.learnerA, studioScenario, COPIED);
    const [earned] = await certificates(request, people.learnerA);
    expect(earned).toMatchObject({ path: PATH, revoked: false });

    // its Open Badges credential names the added case simulation in its place, played on the studio's page
    const credential = async (code: string) => (await (await request.get(route(`certificates/${code}/credential`))).json()).credential;
    const alignment = (await credential(String(earned!.code))).credentialSubject.achievement.alignment;
    expect(alignment.map((a: { targetCode: string }) => a.targetCode)).toEqual(merged);
    expect(alignment[1]).toMatchObject({ targetName: served.scenarios[studioScenario].titles.en, targetUrl: expect.stringContaining(`/en/scenarios/play/?id=${studioScenario}`) });

    // learner B did not play it, and still holds the certificate, still valid, whose credential
    // names the steps of the path as it was when it was issued
    expect(await certificates(request, people.learnerB)).toEqual([expect.objectContaining({ id: held!.id, revoked: false })]);
    expect((await (await request.get(route(`certificates/verify/${held!.code}`))).json()).valid).toBe(true);
    expect((await credential(String(held!.code))).credentialSubject.achievement.alignment.map((a: { targetCode: string }) => a.targetCode)).toEqual(original());
  } finally {
    expect((await request.delete(api(`path_steps/records/${step.id}`), { headers: headers('admin') })).status()).toBe(204);
  }
  expect((await (await request.get(route('path-steps'))).json()).paths[PATH]).toBeUndefined();
});

test('removing an added step certifies the learners who have now done every step, and keeps the place of the steps after it', async ({ request }) => {
  test.setTimeout(120_000);
  const second = `pathstep-${newId().slice(0, 6)}`;
  await publish(request, second);
  const first = await (await addStep(request, 'trainer', { after: 'module:children-on-the-move' })).json();
  const following = await addStep(request, 'trainer', { scenario: second, after: `scenario:${studioScenario}` });
  expect(following.status(), await following.text()).toBe(200);
  const learner = await createPerson(request, 'ps-removal', { track: 'social-worker' });
  try {
    await completeOriginalSteps(request, learner);
    await playToGoodEnding(request, learner, second, COPIED);
    expect(await certificates(request, learner)).toEqual([]);
    // the first added step goes: the second takes its place, and the learner has done everything
    expect((await request.delete(api(`path_steps/records/${first.id}`), { headers: headers('trainer') })).status()).toBe(204);
    const [moved] = await adminList(request, 'path_steps', `scenario = "${second}"`);
    expect(moved).toMatchObject({ after: 'module:children-on-the-move' });
    expect((await (await request.get(route('path-steps'))).json()).paths[PATH]).toEqual([original()[0]!, `scenario:${second}`, ...original().slice(1)]);
    expect(await certificates(request, learner)).toEqual([expect.objectContaining({ path: PATH })]);
  } finally {
    for (const s of await adminList(request, 'path_steps', `path = "${PATH}"`)) {
      await request.delete(api(`path_steps/records/${s.id}`), { headers: headers('admin') });
    }
  }
});
