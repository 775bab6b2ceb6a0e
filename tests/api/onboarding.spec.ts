/**
 * Who may do what, against a real PocketBase over HTTP: a matrix of actors (guest, learner A,
 * learner B, A's supervisor, a supervisor of nobody, a trainer, an admin) by actions (list,
 * view, create, update, delete) on users, statements, progress, assignments and certificates.
 * Then: a certificate cannot be forged nor a path marked complete from the client, the server
 * issues one when a path is really done, "my data" holds exactly one's own data, and deleting
 * the account removes it.
 */
import { test, expect, type APIRequestContext } from '@playwright/test';
import { facts } from '../support/content.ts';
import { adminList, baseURL, createPerson, moduleCompletion, newId, savedRun, sectionStatement, superuserToken, type Person } from '../support/pb.ts';

const api = (path: string) => `${baseURL}/api/collections/${path}`;
const catalogue = facts();
const essentials = catalogue.paths.find((p) => p.id === 'essentials')!;
const sectionsOf = (slug: string) => catalogue.modules[slug]!.sections;

type Actor = 'guest' | 'learnerA' | 'learnerB' | 'supervisorOfA' | 'supervisorOfNobody' | 'trainer' | 'admin';
const actors: Actor[] = ['guest', 'learnerA', 'learnerB', 'supervisorOfA', 'supervisorOfNobody', 'trainer', 'admin'];

let people: Record<Exclude<Actor, 'guest'>, Person>;
let ids: { statement: string; progress: string; assignment: string; certificate: string };

const idOf = (collection: string) => ({ statements: ids.statement, progress: ids.progress, assignments: ids.assignment, certificates: ids.certificate })[collection]!;
const headers = (actor: Actor): Record<string, string> => (actor === 'guest' ? {} : { Authorization: people[actor].token });
const allowed = (actor: Actor, who: readonly Actor[]) => who.includes(actor);

/** Completes the essentials path as a learner, through statements, as the islands would. */
async function completeEssentials(request: APIRequestContext, learner: Person) {
  for (const step of essentials.steps) {
    const slug = step.replace(/^module:/, '');
    for (const statement of moduleCompletion(learner.id, slug, sectionsOf(slug))) {
      const r = await request.post(api('statements/records'), { headers: { Authorization: learner.token }, data: statement });
      expect(r.status(), await r.text()).toBe(200);
    }
  }
}

test.beforeAll(async ({ request }) => {
  const supervisorOfA = await createPerson(request, 'sup-a', { role: 'supervisor', track: 'coordinator' });
  const supervisorOfNobody = await createPerson(request, 'sup-none', { role: 'supervisor', track: 'coordinator' });
  const trainer = await createPerson(request, 'trainer', { role: 'trainer', track: 'coordinator' });
  const admin = await createPerson(request, 'admin', { role: 'admin' });
  const learnerA = await createPerson(request, 'learner-a', { supervisor: supervisorOfA.id, track: 'teacher', country: 'Kenya' });
  const learnerB = await createPerson(request, 'learner-b', { track: 'teacher', country: 'Kenya' });
  people = { learnerA, learnerB, supervisorOfA, supervisorOfNobody, trainer, admin };

  const assignment = await request.post(api('assignments/records'), {
    headers: headers('supervisorOfA'),
    data: { learner: learnerA.id, path: 'essentials', dueDate: '2027-01-31 00:00:00.000Z', assignedBy: supervisorOfA.id },
  });
  expect(assignment.status(), await assignment.text()).toBe(200);
  await completeEssentials(request, learnerA);
  const su = { Authorization: await superuserToken(request) };
  const pick = async (collection: string, filter: string) => {
    const r = await request.get(api(`${collection}/records`), { headers: su, params: { filter, sort: 'created' } });
    return (await r.json()).items[0].id as string;
  };
  ids = {
    statement: await pick('statements', `user = "${learnerA.id}"`),
    progress: await pick('progress', `user = "${learnerA.id}"`),
    assignment: (await assignment.json()).id,
    certificate: await pick('certificates', `user = "${learnerA.id}"`),
  };
});

/** Whether an actor saw A's record in a list, and could view it. */
async function reads(request: APIRequestContext, actor: Actor, collection: string, id: string) {
  const list = await request.get(api(`${collection}/records`), { headers: headers(actor), params: { perPage: 500 } });
  expect([200, 403], `${actor} list ${collection}`).toContain(list.status());
  const listed = list.status() === 200 && (await list.json()).items.some((r: { id: string }) => r.id === id);
  const view = await request.get(api(`${collection}/records/${id}`), { headers: headers(actor) });
  return { listed, viewed: view.status() === 200 };
}

const readers: Record<string, Actor[]> = {
  users: ['learnerA', 'supervisorOfA', 'admin'],
  statements: ['learnerA', 'supervisorOfA', 'admin'],
  progress: ['learnerA', 'supervisorOfA', 'admin'],
  assignments: ['learnerA', 'supervisorOfA', 'admin'],
  certificates: ['learnerA', 'supervisorOfA', 'admin'],
};

for (const collection of Object.keys(readers)) {
  test(`list and view ${collection} of learner A: only A, A's supervisor and an admin`, async ({ request }) => {
    const id = collection === 'users' ? people.learnerA.id : idOf(collection);
    for (const actor of actors) {
      const got = await reads(request, actor, collection, id);
      const expected = allowed(actor, readers[collection]!);
      expect.soft(got, `${actor} reading ${collection}`).toEqual({ listed: expected, viewed: expected });
    }
  });
}

test('create: statements only about oneself; assignments by the supervisor or an admin; progress and certificates never', async ({ request }) => {
  const A = () => people.learnerA;
  for (const actor of actors) {
    const statement = await request.post(api('statements/records'), { headers: headers(actor), data: sectionStatement(A().id, 'key-points') });
    expect.soft(statement.status() === 200, `${actor} creating a statement about A`).toBe(actor === 'learnerA');

    const progress = await request.post(api('progress/records'), { headers: headers(actor), data: { user: A().id, activity: 'module:at-the-border', activityType: 'module', status: 'passed' } });
    expect.soft(progress.status(), `${actor} creating progress`).not.toBe(200);

    const by = actor === 'guest' ? '' : people[actor].id;
    const assignment = await request.post(api('assignments/records'), { headers: headers(actor), data: { id: newId(), learner: A().id, path: 'teacher', dueDate: '', assignedBy: by } });
    expect.soft(assignment.status() === 200, `${actor} assigning a path to A`).toBe(allowed(actor, ['supervisorOfA', 'admin']));
    if (assignment.status() === 200) await request.delete(api(`assignments/records/${(await assignment.json()).id}`), { headers: { Authorization: await superuserToken(request) } });

    const certificate = await request.post(api('certificates/records'), {
      headers: headers(actor),
      data: { user: A().id, path: 'teacher', code: 'ABCD-EFGH-JKLM', learnerName: 'Forged', issuedAt: new Date().toISOString() },
    });
    expect.soft(certificate.status(), `${actor} creating a certificate`).not.toBe(200);
  }
  expect(await adminList(request, 'certificates', `code = "ABCD-EFGH-JKLM"`)).toEqual([]);
  expect(await adminList(request, 'progress', `user = "${A().id}" && activity = "module:at-the-border"`)).toEqual([]);
});

test('a supervisor cannot assign in someone else\'s name, nor to learners who are not theirs', async ({ request }) => {
  const A = people.learnerA;
  const inOthersName = await request.post(api('assignments/records'), { headers: headers('supervisorOfA'), data: { learner: A.id, path: 'teacher', assignedBy: people.admin.id } });
  expect(inOthersName.status()).toBe(400);
  const notTheirs = await request.post(api('assignments/records'), { headers: headers('supervisorOfA'), data: { learner: people.learnerB.id, path: 'teacher', assignedBy: people.supervisorOfA.id } });
  expect(notTheirs.status()).toBe(400);
  const unknownPath = await request.post(api('assignments/records'), { headers: headers('supervisorOfA'), data: { learner: A.id, path: 'no-such-path', assignedBy: people.supervisorOfA.id } });
  expect(unknownPath.status()).toBe(400);
  expect((await unknownPath.json()).message).toContain('no-such-path');
});

test('update: the name by an admin (A holds a certificate); the due date by the supervisor or an admin; nothing else', async ({ request }) => {
  const A = people.learnerA;
  for (const actor of actors) {
    // a name printed on a certificate is changed by an admin only (tests/api/accounts.spec.ts)
    const rename = await request.patch(api(`users/records/${A.id}`), { headers: headers(actor), data: { name: `Renamed by ${actor}` } });
    expect.soft(rename.status() === 200, `${actor} renaming A`).toBe(allowed(actor, ['admin']));
    const role = await request.patch(api(`users/records/${A.id}`), { headers: headers(actor), data: { role: 'supervisor' } });
    expect.soft(role.status() === 200, `${actor} changing A's role`).toBe(actor === 'admin');
    if (role.status() === 200) await request.patch(api(`users/records/${A.id}`), { headers: headers('admin'), data: { role: 'learner' } });

    const statement = await request.patch(api(`statements/records/${ids.statement}`), { headers: headers(actor), data: { verb: 'experienced' } });
    expect.soft(statement.status(), `${actor} changing A's statement`).not.toBe(200);
    const progress = await request.patch(api(`progress/records/${ids.progress}`), { headers: headers(actor), data: { status: 'passed', percent: 100 } });
    expect.soft(progress.status(), `${actor} changing A's progress`).not.toBe(200);

    const due = await request.patch(api(`assignments/records/${ids.assignment}`), { headers: headers(actor), data: { dueDate: '2027-02-28 00:00:00.000Z' } });
    expect.soft(due.status() === 200, `${actor} moving A's due date`).toBe(allowed(actor, ['supervisorOfA', 'admin']));
    const retarget = await request.patch(api(`assignments/records/${ids.assignment}`), { headers: headers(actor), data: { learner: people.learnerB.id } });
    expect.soft(retarget.status(), `${actor} moving A's assignment to B`).not.toBe(200);

    const forge = await request.patch(api(`certificates/records/${ids.certificate}`), { headers: headers(actor), data: { path: 'coordinator', learnerName: 'Someone else' } });
    expect.soft(forge.status(), `${actor} rewriting A's certificate`).not.toBe(200);
  }
  const [certificate] = await adminList(request, 'certificates', `id = "${ids.certificate}"`);
  expect(certificate).toMatchObject({ user: A.id, path: 'essentials', learnerName: A.name });
  const [assignment] = await adminList(request, 'assignments', `id = "${ids.assignment}"`);
  expect(assignment).toMatchObject({ learner: A.id, path: 'essentials' });
  const [user] = await adminList(request, 'users', `id = "${A.id}"`);
  expect(user).toMatchObject({ role: 'learner', supervisor: people.supervisorOfA.id });
});

test('an admin may revoke a certificate, and verification then says it is not valid', async ({ request }) => {
  const [certificate] = await adminList(request, 'certificates', `id = "${ids.certificate}"`);
  const code = String(certificate!.code);
  const revoke = await request.patch(api(`certificates/records/${ids.certificate}`), { headers: headers('admin'), data: { revoked: true } });
  expect(revoke.status()).toBe(200);
  expect((await (await request.get(`${baseURL}/api/continuum/certificates/verify/${code}`)).json()).valid).toBe(false);
  await request.patch(api(`certificates/records/${ids.certificate}`), { headers: headers('admin'), data: { revoked: false } });
  expect((await (await request.get(`${baseURL}/api/continuum/certificates/verify/${code}`)).json()).valid).toBe(true);
});

test('delete: nobody deletes statements, progress or certificates; assignments by the supervisor or an admin', async ({ request }) => {
  for (const actor of actors) {
    for (const [collection, id] of [['statements', ids.statement], ['progress', ids.progress], ['certificates', ids.certificate]] as const) {
      const r = await request.delete(api(`${collection}/records/${id}`), { headers: headers(actor) });
      expect.soft(r.status(), `${actor} deleting A's ${collection}`).not.toBe(204);
    }
    if (!['supervisorOfA', 'admin'].includes(actor)) {
      const r = await request.delete(api(`assignments/records/${ids.assignment}`), { headers: headers(actor) });
      expect.soft(r.status(), `${actor} deleting A's assignment`).not.toBe(204);
    }
    // (A deleting their own account is the "my data" test below; an admin deletes a throwaway one)
    if (actor !== 'learnerA' && actor !== 'admin') {
      const user = await request.delete(api(`users/records/${people.learnerA.id}`), { headers: headers(actor) });
      expect.soft(user.status(), `${actor} deleting A's account`).not.toBe(204);
    }
  }
  const throwaway = await createPerson(request, 'throwaway');
  expect((await request.delete(api(`users/records/${throwaway.id}`), { headers: headers('admin') })).status()).toBe(204);
  // the supervisor can withdraw an assignment they made (on a fresh one)
  const fresh = await request.post(api('assignments/records'), { headers: headers('supervisorOfA'), data: { learner: people.learnerA.id, path: 'coordinator', assignedBy: people.supervisorOfA.id } });
  expect(fresh.status()).toBe(200);
  expect((await request.delete(api(`assignments/records/${(await fresh.json()).id}`), { headers: headers('supervisorOfA') })).status()).toBe(204);
  for (const collection of ['statements', 'progress', 'certificates', 'assignments']) {
    expect((await adminList(request, collection, `id = "${idOf(collection)}"`)).length, collection).toBe(1);
  }
});

test.describe('certificates', () => {
  test('the server issues one certificate when a path is really complete, and never from the client', async ({ request }) => {
    const learner = await createPerson(request, 'certified');
    const auth = { Authorization: learner.token };
    // marking the path complete from the device is refused, and so is passing a lesson in one go
    const forgedPath = await request.post(api('statements/records'), { headers: auth, data: { ...sectionStatement(learner.id, 'key-points'), object: 'path:essentials', verb: 'completed' } });
    expect(forgedPath.status()).toBe(400);
    expect((await forgedPath.json()).data).toHaveProperty('object');
    const wholeModule = await request.post(api('statements/records'), { headers: auth, data: { ...sectionStatement(learner.id, 'key-points'), object: 'module:children-on-the-move', verb: 'passed' } });
    expect(wholeModule.status()).toBe(400);
    const madeUpSection = await request.post(api('statements/records'), { headers: auth, data: sectionStatement(learner.id, 'not-a-real-section') });
    expect(madeUpSection.status()).toBe(400);
    const lowPass = await request.post(api('statements/records'), {
      headers: auth,
      data: { ...sectionStatement(learner.id, 'key-points'), object: 'module:children-on-the-move/quiz:knowledge-check', verb: 'passed', result: { success: true, score: { scaled: 0.2 } } },
    });
    expect(lowPass.status()).toBe(400);
    // a "passed" claiming 100% is scored by the server from the answers recorded: none yet, so refused
    const unanswered = await request.post(api('statements/records'), {
      headers: auth,
      data: { ...sectionStatement(learner.id, 'key-points'), object: 'module:children-on-the-move/quiz:knowledge-check', verb: 'passed', result: { success: true, score: { scaled: 1 } } },
    });
    expect(unanswered.status()).toBe(400);
    expect((await unanswered.json()).message).toContain('score 0%');
    // wrong answers recorded, then a claimed pass: refused too
    const questions = catalogue.modules['children-on-the-move']!.questions;
    for (const q of questions) {
      const wrongOption = q.options.find((o) => !q.correct.includes(o))!;
      const wrong = { ...sectionStatement(learner.id, 'key-points'), verb: 'answered', object: `module:children-on-the-move/question:${q.id}`, result: { success: true, response: wrongOption } };
      expect((await request.post(api('statements/records'), { headers: auth, data: wrong })).status()).toBe(200);
    }
    const claimed = await request.post(api('statements/records'), {
      headers: auth,
      data: { ...sectionStatement(learner.id, 'key-points'), object: 'module:children-on-the-move/quiz:knowledge-check', verb: 'passed', result: { success: true, score: { scaled: 1 } } },
    });
    expect(claimed.status()).toBe(400);
    // a "failed" is stored with the server's score, not the claimed one
    const failed = { ...sectionStatement(learner.id, 'key-points'), object: 'module:children-on-the-move/quiz:knowledge-check', verb: 'failed', result: { success: false, score: { scaled: 0.75 } } };
    expect((await request.post(api('statements/records'), { headers: auth, data: failed })).status()).toBe(200);
    const [storedFail] = await adminList(request, 'statements', `id = "${failed.id}"`);
    expect(storedFail!.result).toMatchObject({ score: { scaled: 0 }, success: false });
    expect(await adminList(request, 'certificates', `user = "${learner.id}"`)).toEqual([]);

    // half the path: no certificate yet
    const [first, second] = essentials.steps.map((s) => s.replace(/^module:/, ''));
    for (const s of moduleCompletion(learner.id, first!, sectionsOf(first!))) expect((await request.post(api('statements/records'), { headers: auth, data: s })).status()).toBe(200);
    expect(await adminList(request, 'certificates', `user = "${learner.id}"`)).toEqual([]);
    // the rest: exactly one certificate, even when statements are replayed
    const rest = moduleCompletion(learner.id, second!, sectionsOf(second!));
    for (const s of [...rest, ...rest]) expect((await request.post(api('statements/records'), { headers: auth, data: s })).status()).toBe(200);
    const certificates = await adminList(request, 'certificates', `user = "${learner.id}"`);
    expect(certificates).toHaveLength(1);
    expect(certificates[0]).toMatchObject({ path: 'essentials', learnerName: learner.name, revoked: false });
    expect(String(certificates[0]!.code)).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/);
  });

  test('verification shows only name, path, date and validity, and refuses bad codes', async ({ request }) => {
    const [certificate] = await adminList(request, 'certificates', `id = "${ids.certificate}"`);
    const code = String(certificate!.code);
    const ok = await request.get(`${baseURL}/api/continuum/certificates/verify/${code.toLowerCase().replace(/-/g, '')}`);
    expect(ok.status()).toBe(200);
    const body = await ok.json();
    expect(Object.keys(body).sort()).toEqual(['code', 'issuedAt', 'name', 'path', 'valid']);
    expect(body).toMatchObject({ code, name: people.learnerA.name, path: 'essentials', valid: true });
    expect(JSON.stringify(body)).not.toContain(people.learnerA.email);
    expect(JSON.stringify(body)).not.toContain(people.learnerA.id);
    expect((await request.get(`${baseURL}/api/continuum/certificates/verify/ZZZZ-ZZZZ-ZZZZ`)).status()).toBe(404);
    const malformed = await request.get(`${baseURL}/api/continuum/certificates/verify/${encodeURIComponent('" || 1=1')}`);
    expect(malformed.status()).toBe(400);
    expect((await malformed.json()).message).toContain('12 letters and digits');
  });
});

test.describe('my data', () => {
  test('the export holds exactly my data, with statements as xAPI', async ({ request }) => {
    const me = people.learnerA;
    const response = await request.get(`${baseURL}/api/continuum/me/export`, { headers: { Authorization: me.token } });
    expect(response.status()).toBe(200);
    const data = await response.json();
    expect(data.profile).toMatchObject({ id: me.id, email: me.email, supervisor: { id: people.supervisorOfA.id } });
    const stored = await adminList(request, 'statements', `user = "${me.id}"`);
    expect(data.statements).toHaveLength(stored.length);
    expect(new Set(data.statements.map((s: { actor: { account: { name: string } } }) => s.actor.account.name))).toEqual(new Set([me.id]));
    expect(data.statements[0]).toMatchObject({ verb: { id: expect.stringMatching(/^https?:\/\//) }, object: { objectType: 'Activity' }, context: { language: 'en' } });
    expect(data.progress.length).toBe((await adminList(request, 'progress', `user = "${me.id}"`)).length);
    expect(data.certificates.map((c: { path: string }) => c.path)).toEqual(['essentials']);
    expect(data.assignments.map((a: { path: string }) => a.path)).toContain('essentials');
    expect(JSON.stringify(data)).not.toContain(people.learnerB.id);
    expect((await request.get(`${baseURL}/api/continuum/me/export`)).status()).toBe(401);
  });

  test('deleting my account removes my data, and nobody else\'s', async ({ request }) => {
    const supervisor = await createPerson(request, 'deleting-sup', { role: 'supervisor' });
    const me = await createPerson(request, 'leaving', { supervisor: supervisor.id });
    const other = await createPerson(request, 'staying');
    for (const person of [me, other]) {
      for (const s of moduleCompletion(person.id, 'children-on-the-move', sectionsOf('children-on-the-move'))) {
        expect((await request.post(api('statements/records'), { headers: { Authorization: person.token }, data: s })).status()).toBe(200);
      }
    }
    await request.post(api('assignments/records'), { headers: { Authorization: supervisor.token }, data: { learner: me.id, path: 'essentials', assignedBy: supervisor.id } });
    const run = { id: newId(), user: me.id, ...savedRun('border-arrival'), language: 'en' };
    expect((await request.post(api('scenario_runs/records'), { headers: { Authorization: me.token }, data: run })).status()).toBe(200);

    expect((await request.delete(api(`users/records/${me.id}`), { headers: { Authorization: me.token } })).status()).toBe(204);
    for (const [collection, field] of [['users', 'id'], ['statements', 'user'], ['progress', 'user'], ['scenario_runs', 'user'], ['assignments', 'learner'], ['certificates', 'user']]) {
      expect(await adminList(request, collection!, `${field} = "${me.id}"`), collection).toEqual([]);
    }
    expect((await adminList(request, 'statements', `user = "${other.id}"`)).length).toBeGreaterThan(0);
    expect(await adminList(request, 'users', `id = "${supervisor.id}"`)).toHaveLength(1);
  });
});
