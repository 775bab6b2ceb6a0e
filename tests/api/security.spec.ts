/**
 * API rules against a real PocketBase over HTTP: each learner reaches only their own
 * learning record; nobody raises their own role or picks their supervisor; guests read no
 * learner data; a supervisor reads the learners assigned to them and nobody else.
 */
import { test, expect } from '@playwright/test';
import { adminList, baseURL, savedRun, newId, sectionStatement, signIn, signUp, superuserToken, type Learner } from '../support/pb.ts';

const api = (path: string) => `${baseURL}/api/collections/${path}`;
const auth = (learner: Learner) => ({ Authorization: learner.token });

test.describe('learning record rules', () => {
  let a: Learner;
  let b: Learner;
  let aStatementId: string;
  let aProgressId: string;

  test.beforeAll(async ({ request }) => {
    a = await signUp(request, 'learner-a');
    b = await signUp(request, 'learner-b');
    const statement = sectionStatement(a.id, 'who-they-are');
    const created = await request.post(api('statements/records'), { headers: auth(a), data: statement });
    expect(created.status(), await created.text()).toBe(200);
    aStatementId = statement.id;
    const progress = await request.get(api('progress/records'), { headers: auth(a) });
    const items = (await progress.json()).items;
    expect(items).toHaveLength(1);
    aProgressId = items[0].id;
  });

  test('a learner sees their own statements and progress', async ({ request }) => {
    const statements = await (await request.get(api('statements/records'), { headers: auth(a) })).json();
    expect(statements.items.map((s: { id: string }) => s.id)).toEqual([aStatementId]);
    const progress = await (await request.get(api('progress/records'), { headers: auth(a) })).json();
    expect(progress.items[0]).toMatchObject({ user: a.id, activity: 'module:children-on-the-move', completedSections: ['who-they-are'], totalSections: 6, percent: 16, status: 'in-progress' });
  });

  for (const collection of ['statements', 'progress'] as const) {
    test(`learner B cannot list or view learner A's ${collection}`, async ({ request }) => {
      const id = collection === 'statements' ? aStatementId : aProgressId;
      const list = await request.get(api(`${collection}/records`), { headers: auth(b) });
      expect(list.status()).toBe(200);
      expect((await list.json()).items).toEqual([]);
      const filtered = await request.get(api(`${collection}/records`), { headers: auth(b), params: { filter: `user = "${a.id}"` } });
      expect((await filtered.json()).items).toEqual([]);
      const view = await request.get(api(`${collection}/records/${id}`), { headers: auth(b) });
      expect(view.status()).toBe(404);
    });

    test(`learner B cannot update or delete learner A's ${collection}`, async ({ request }) => {
      const id = collection === 'statements' ? aStatementId : aProgressId;
      const patch = collection === 'statements' ? { verb: 'failed' } : { percent: 100, status: 'passed' };
      const update = await request.patch(api(`${collection}/records/${id}`), { headers: auth(b), data: patch });
      expect([403, 404]).toContain(update.status());
      const remove = await request.delete(api(`${collection}/records/${id}`), { headers: auth(b) });
      expect([403, 404]).toContain(remove.status());
      const [stored] = await adminList(request, collection, `id = "${id}"`);
      expect(stored).toBeDefined();
      if (collection === 'statements') expect(stored!.verb).toBe('completed');
      else expect(stored).toMatchObject({ percent: 16, status: 'in-progress' });
    });
  }

  test("learner B cannot create a statement for learner A", async ({ request }) => {
    const forged = sectionStatement(a.id, 'nine-principles');
    const response = await request.post(api('statements/records'), { headers: auth(b), data: forged });
    expect(response.status()).toBe(400);
    expect(await adminList(request, 'statements', `id = "${forged.id}"`)).toEqual([]);
    const [progress] = await adminList(request, 'progress', `user = "${a.id}"`);
    expect(progress!.completedSections).toEqual(['who-they-are']);
  });

  test('learner B cannot reuse the id of learner A\'s statement', async ({ request }) => {
    const replay = { ...sectionStatement(b.id, 'key-points'), id: aStatementId };
    const response = await request.post(api('statements/records'), { headers: auth(b), data: replay });
    expect(response.status()).toBe(400);
    const [stored] = await adminList(request, 'statements', `id = "${aStatementId}"`);
    expect(stored!.user).toBe(a.id);
  });

  test('nobody writes progress directly, not even about themselves', async ({ request }) => {
    const create = await request.post(api('progress/records'), {
      headers: auth(a),
      data: { user: a.id, activity: 'module:children-on-the-move', activityType: 'module', status: 'passed', percent: 100 },
    });
    expect(create.status()).toBe(403);
    const update = await request.patch(api(`progress/records/${aProgressId}`), { headers: auth(a), data: { status: 'passed', percent: 100 } });
    expect(update.status()).toBe(403);
  });

  test('statements are append-only for their own learner', async ({ request }) => {
    const update = await request.patch(api(`statements/records/${aStatementId}`), { headers: auth(a), data: { verb: 'passed' } });
    expect(update.status()).toBe(403);
    const remove = await request.delete(api(`statements/records/${aStatementId}`), { headers: auth(a) });
    expect(remove.status()).toBe(403);
  });

  test('a statement replayed with the same id is stored once', async ({ request }) => {
    const statement = sectionStatement(a.id, 'rights-across-borders');
    const first = await request.post(api('statements/records'), { headers: auth(a), data: statement });
    const again = await request.post(api('statements/records'), { headers: auth(a), data: statement });
    expect(first.status()).toBe(200);
    expect(again.status()).toBe(200);
    expect((await again.json()).id).toBe(statement.id);
    expect(await adminList(request, 'statements', `id = "${statement.id}"`)).toHaveLength(1);
  });

  test('a malformed statement is refused with the field named', async ({ request }) => {
    const bad = await request.post(api('statements/records'), {
      headers: auth(a),
      data: sectionStatement(a.id, 'who-they-are', { object: 'not an activity', verb: 'danced' }),
    });
    expect(bad.status()).toBe(400);
    const body = await bad.json();
    expect(Object.keys(body.data)).toEqual(expect.arrayContaining(['object', 'verb']));
  });

  test('work from a phone whose clock runs a day fast is kept, with the skew flagged', async ({ request }) => {
    const ahead = sectionStatement(a.id, 'who-they-are', { timestamp: new Date(Date.now() + 86_400_000).toISOString() });
    const response = await request.post(api('statements/records'), { headers: auth(a), data: ahead });
    expect(response.status(), await response.text()).toBe(200);
    const [stored] = await adminList(request, 'statements', `id = "${ahead.id}"`);
    expect(Number(stored!.clockSkew)).toBeGreaterThan(86_000);
    expect(Number(stored!.clockSkew)).toBeLessThan(86_500);
  });

  test('a guest reads no learner data', async ({ request }) => {
    for (const collection of ['users', 'statements', 'progress']) {
      const list = await request.get(api(`${collection}/records`));
      expect(list.status()).toBe(200);
      expect((await list.json()).items).toEqual([]);
    }
    expect((await request.get(api(`users/records/${a.id}`))).status()).toBe(404);
    expect((await request.get(api(`statements/records/${aStatementId}`))).status()).toBe(404);
    expect((await request.get(api(`progress/records/${aProgressId}`))).status()).toBe(404);
    const create = await request.post(api('statements/records'), { data: sectionStatement(a.id, 'key-points') });
    expect(create.status()).toBe(400);
  });

  test('learner B cannot read or change learner A\'s account', async ({ request }) => {
    const users = await (await request.get(api('users/records'), { headers: auth(b) })).json();
    expect(users.items.map((u: { id: string }) => u.id)).toEqual([b.id]);
    expect((await request.get(api(`users/records/${a.id}`), { headers: auth(b) })).status()).toBe(404);
    expect((await request.patch(api(`users/records/${a.id}`), { headers: auth(b), data: { name: 'Taken over' } })).status()).toBe(404);
    expect((await request.delete(api(`users/records/${a.id}`), { headers: auth(b) })).status()).toBe(404);
    const [stored] = await adminList(request, 'users', `id = "${a.id}"`);
    expect(stored!.name).toBe('Test learner-a');
  });
});

test.describe('roles and supervisors', () => {
  test('sign-up cannot choose a role or a supervisor', async ({ request }) => {
    const supervisor = await signUp(request, 'would-be-supervisor');
    for (const extra of [{ role: 'admin' }, { role: 'supervisor' }, { role: 'learner' }, { supervisor: supervisor.id }]) {
      const email = `raise-${newId()}@tests.continuum.example`;
      const response = await request.post(api('users/records'), {
        data: { email, password: 'learner-password-1', passwordConfirm: 'learner-password-1', name: 'Raiser', ...extra },
      });
      expect(response.status(), JSON.stringify(extra)).toBe(400);
      expect(await adminList(request, 'users', `email = "${email}"`)).toEqual([]);
    }
  });

  test('a new account is a learner', async ({ request }) => {
    const learner = await signUp(request, 'plain');
    const me = await (await request.get(api(`users/records/${learner.id}`), { headers: auth(learner) })).json();
    expect(me.role).toBe('learner');
  });

  test('a learner cannot raise their own role or set their supervisor', async ({ request }) => {
    const learner = await signUp(request, 'climber');
    const other = await signUp(request, 'friend');
    for (const patch of [{ role: 'admin' }, { role: 'supervisor' }, { supervisor: other.id }, { name: 'New name', role: 'trainer' }]) {
      const response = await request.patch(api(`users/records/${learner.id}`), { headers: auth(learner), data: patch });
      expect(response.status(), JSON.stringify(patch)).toBe(404);
    }
    const [stored] = await adminList(request, 'users', `id = "${learner.id}"`);
    expect(stored).toMatchObject({ role: 'learner', supervisor: '', name: 'Test climber' });
    // and the token they hold still says learner after a refresh
    const session = await signIn(request, learner.email, learner.password); // a real, refreshable sign-in
    const refreshed = await request.post(`${baseURL}/api/collections/users/auth-refresh`, { headers: { Authorization: session } });
    expect((await refreshed.json()).record.role).toBe('learner');
    // changing an ordinary field of their own is allowed
    const rename = await request.patch(api(`users/records/${learner.id}`), { headers: auth(learner), data: { name: 'Renamed' } });
    expect(rename.status()).toBe(200);
  });

  test('a supervisor reads the learners assigned to them, and no one else', async ({ request }) => {
    const supervised = await signUp(request, 'supervised');
    const unsupervised = await signUp(request, 'unsupervised');
    const supervisorAccount = await signUp(request, 'supervisor');
    const su = await superuserToken(request);
    const promote = await request.patch(api(`users/records/${supervisorAccount.id}`), { headers: { Authorization: su }, data: { role: 'supervisor' } });
    expect(promote.status()).toBe(200);
    const link = await request.patch(api(`users/records/${supervised.id}`), { headers: { Authorization: su }, data: { supervisor: supervisorAccount.id } });
    expect(link.status()).toBe(200);
    for (const learner of [supervised, unsupervised]) {
      const r = await request.post(api('statements/records'), { headers: auth(learner), data: sectionStatement(learner.id, 'who-they-are') });
      expect(r.status()).toBe(200);
    }
    const token = await signIn(request, supervisorAccount.email, supervisorAccount.password);
    const headers = { Authorization: token };
    const users = await (await request.get(api('users/records'), { headers })).json();
    expect(users.items.map((u: { id: string }) => u.id).sort()).toEqual([supervised.id, supervisorAccount.id].sort());
    const statements = await (await request.get(api('statements/records'), { headers })).json();
    expect(statements.items.map((s: { user: string }) => s.user)).toEqual([supervised.id]);
    const progress = await (await request.get(api('progress/records'), { headers })).json();
    expect(progress.items.map((p: { user: string }) => p.user)).toEqual([supervised.id]);
    // reading is all: a supervisor cannot write a learner's record or move them
    const forged = await request.post(api('statements/records'), { headers, data: sectionStatement(supervised.id, 'key-points') });
    expect(forged.status()).toBe(400);
    const move = await request.patch(api(`users/records/${supervised.id}`), { headers, data: { supervisor: '' } });
    expect(move.status()).toBe(404);
  });
});

test.describe('scenario runs', () => {
  test('only their learner reads or writes a saved run', async ({ request }) => {
    const a = await signUp(request, 'runner-a');
    const b = await signUp(request, 'runner-b');
    const run = { id: newId(), user: a.id, ...savedRun('border-arrival'), language: 'en' };
    const created = await request.post(api('scenario_runs/records'), { headers: auth(a), data: run });
    expect(created.status(), await created.text()).toBe(200);
    expect((await (await request.get(api('scenario_runs/records'), { headers: auth(b) })).json()).items).toEqual([]);
    expect((await request.get(api(`scenario_runs/records/${run.id}`), { headers: auth(b) })).status()).toBe(404);
    expect((await request.patch(api(`scenario_runs/records/${run.id}`), { headers: auth(b), data: { version: 9 } })).status()).toBe(404);
    expect((await request.delete(api(`scenario_runs/records/${run.id}`), { headers: auth(b) })).status()).toBe(404);
    expect((await request.get(api(`scenario_runs/records/${run.id}`))).status()).toBe(404);
    const forged = await request.post(api('scenario_runs/records'), { headers: auth(b), data: { ...run, id: newId() } });
    expect(forged.status()).toBe(400);
    const moved = await request.patch(api(`scenario_runs/records/${run.id}`), { headers: auth(a), data: { user: b.id } });
    expect(moved.status()).toBe(404);
    const [stored] = await adminList(request, 'scenario_runs', `id = "${run.id}"`);
    expect(stored).toMatchObject({ user: a.id, version: run.version });
  });
});
