/**
 * Accounts against a real PocketBase over HTTP, with a real SMTP server on loopback
 * (tests/support/mail-server.ts): the routes of issue 13 and the account findings of issue 15,
 * by the same seven actors as the onboarding matrix (guest, learner A, learner B, A's
 * supervisor, a supervisor of nobody, a trainer, an admin).
 */
import { test, expect } from '@playwright/test';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { facts } from '../support/content.ts';
import { adminList, baseURL, createPerson, moduleCompletion, signUp, superuserToken, uniqueEmail, type Person } from '../support/pb.ts';
import { inbox, linkIn, waitForMail } from '../support/mailbox.ts';
import { requestFrom, signInFrom } from '../support/http-from.ts';

const api = (p: string) => `${baseURL}/api/collections/${p}`;

type Actor = 'guest' | 'learnerA' | 'learnerB' | 'supervisorOfA' | 'supervisorOfNobody' | 'trainer' | 'admin';
const actors: Actor[] = ['guest', 'learnerA', 'learnerB', 'supervisorOfA', 'supervisorOfNobody', 'trainer', 'admin'];
let people: Record<Exclude<Actor, 'guest'>, Person>;
const headers = (actor: Actor): Record<string, string> => (actor === 'guest' ? {} : { Authorization: people[actor].token });
const tokenIn = (link: string) => decodeURIComponent(link.split('#token=')[1] ?? '');
const goodPassword = () => `river-lantern-${randomBytes(3).toString('hex')}`;

test.beforeAll(async ({ request }) => {
  const supervisorOfA = await createPerson(request, 'acc-sup-a', { role: 'supervisor', track: 'coordinator' });
  const supervisorOfNobody = await createPerson(request, 'acc-sup-none', { role: 'supervisor', track: 'coordinator' });
  const trainer = await createPerson(request, 'acc-trainer', { role: 'trainer', track: 'coordinator' });
  const admin = await createPerson(request, 'acc-admin', { role: 'admin' });
  const learnerA = await createPerson(request, 'acc-learner-a', { supervisor: supervisorOfA.id, track: 'teacher' });
  const learnerB = await createPerson(request, 'acc-learner-b', { track: 'teacher' });
  people = { learnerA, learnerB, supervisorOfA, supervisorOfNobody, trainer, admin };
});

test.describe('the matrix of new routes', () => {
  test('invitations: only an admin invites, and never an admin', async ({ request }) => {
    for (const actor of actors) {
      const email = uniqueEmail(`invited-by-${actor.toLowerCase()}`);
      const r = await request.post(`${baseURL}/api/continuum/invitations`, { headers: headers(actor), data: { emails: email, role: 'learner' } });
      expect.soft(r.status() === 200, `${actor} inviting`).toBe(actor === 'admin');
      expect.soft(await adminList(request, 'users', `email = "${email}"`), `${actor}'s invitee`).toHaveLength(actor === 'admin' ? 1 : 0);
    }
    const wouldBeAdmin = uniqueEmail('invited-admin');
    const asAdmin = await request.post(`${baseURL}/api/continuum/invitations`, { headers: headers('admin'), data: { emails: wouldBeAdmin, role: 'admin' } });
    expect(asAdmin.status()).toBe(400);
    expect((await asAdmin.json()).data).toHaveProperty('role');
    expect(await adminList(request, 'users', `email = "${wouldBeAdmin}"`)).toEqual([]);
  });

  test('an admin invites a pasted list: new people get an account and an e-mail, existing ones are left alone', async ({ request }) => {
    const officer = uniqueEmail('invited-officer');
    const r = await request.post(`${baseURL}/api/continuum/invitations`, {
      headers: headers('admin'),
      data: { emails: `Joaquim Tembe <${officer.toUpperCase()}>\n${people.learnerB.email}\nnot an address`, role: 'learner', track: 'border-officer', preferredLanguage: 'pt', supervisor: people.supervisorOfA.id },
    });
    expect(r.status(), await r.text()).toBe(200);
    const body = await r.json();
    expect(body.results.map((x: { email: string; status: string }) => [x.email, x.status])).toEqual([[officer, 'invited'], [people.learnerB.email, 'exists']]);
    expect(body.invalid).toEqual(['not an address']);
    const [invited] = await adminList(request, 'users', `email = "${officer}"`);
    expect(invited).toMatchObject({ name: 'Joaquim Tembe', role: 'learner', track: 'border-officer', supervisor: people.supervisorOfA.id, invitedBy: people.admin.id, verified: false });
    const mail = await waitForMail(officer, 'Continuum');
    expect(mail.subject).toBe(`${people.admin.name} convida-o para o Continuum`);
    // an admin may send it again while it is pending; nobody else may
    for (const actor of actors) {
      const again = await request.post(`${baseURL}/api/continuum/invitations/${invited!.id}/resend`, { headers: headers(actor) });
      expect.soft(again.status() === 200, `${actor} sending the invitation again`).toBe(actor === 'admin');
    }
    await expect.poll(() => inbox(officer).length).toBe(2);
    // the link sets the password (PocketBase's reset, with a 7-day token) and proves the address
    const link = linkIn(mail, baseURL);
    expect(link).toContain('/pt/account/join/#token=');
    const password = goodPassword();
    const join = await request.post(api('users/confirm-password-reset'), { data: { token: tokenIn(link), password, passwordConfirm: password } });
    expect(join.status(), await join.text()).toBe(204);
    expect((await signInFrom('127.0.0.11', officer, password)).status).toBe(200);
    expect((await adminList(request, 'users', `email = "${officer}"`))[0]!.verified).toBe(true);
    // once joined, there is nothing to send again, and the link has served its purpose
    expect((await request.post(`${baseURL}/api/continuum/invitations/${invited!.id}/resend`, { headers: headers('admin') })).status()).toBe(404);
    const other = goodPassword();
    const reuse = await request.post(api('users/confirm-password-reset'), { data: { token: tokenIn(link), password: other, passwordConfirm: other } });
    expect(reuse.status()).toBe(400);
    expect((await reuse.json()).data).toHaveProperty('token');
  });

  test('deactivation: only an admin; the person cannot sign in and their sessions end; the supervisor still sees them', async ({ request }) => {
    const c = await createPerson(request, 'deactivated', { supervisor: people.supervisorOfA.id });
    for (const actor of actors.filter((a) => a !== 'admin')) {
      const r = await request.patch(api(`users/records/${c.id}`), { headers: headers(actor), data: { deactivated: true } });
      expect.soft(r.status(), `${actor} deactivating C`).not.toBe(200);
    }
    const self = await request.patch(api(`users/records/${c.id}`), { headers: { Authorization: c.token }, data: { deactivated: true } });
    expect(self.status()).not.toBe(200);
    const adminSelf = await request.patch(api(`users/records/${people.admin.id}`), { headers: headers('admin'), data: { deactivated: true } });
    expect(adminSelf.status()).toBe(400);
    expect((await adminList(request, 'users', `id = "${c.id}"`))[0]!.deactivated).toBe(false);

    expect((await request.patch(api(`users/records/${c.id}`), { headers: headers('admin'), data: { deactivated: true } })).status()).toBe(200);
    // the session they had is over, and signing in is refused
    expect((await request.post(api('users/auth-refresh'), { headers: { Authorization: c.token } })).status()).toBe(401);
    expect((await request.get(api(`users/records/${c.id}`), { headers: { Authorization: c.token } })).status()).toBe(404);
    expect((await signInFrom('127.0.0.12', c.email, c.password)).status).toBe(403);
    // their record stays for the supervisor
    const seen = await (await request.get(api('users/records'), { headers: headers('supervisorOfA') })).json();
    expect(seen.items.map((u: { id: string }) => u.id)).toContain(c.id);
    // and they come back when reactivated
    expect((await request.patch(api(`users/records/${c.id}`), { headers: headers('admin'), data: { deactivated: false } })).status()).toBe(200);
    expect((await signInFrom('127.0.0.12', c.email, c.password)).status).toBe(200);
  });

  test('profile: one changes one\'s own name, track, country and language, never one\'s privileges', async ({ request }) => {
    const me = await createPerson(request, 'profile');
    const ok = await request.patch(api(`users/records/${me.id}`), {
      headers: { Authorization: me.token },
      data: { name: '  Neema   Mushi ', track: 'social-worker', country: 'Tanzania', preferredLanguage: 'sw' },
    });
    expect(ok.status(), await ok.text()).toBe(200);
    expect(await ok.json()).toMatchObject({ name: 'Neema Mushi', track: 'social-worker', country: 'Tanzania', preferredLanguage: 'sw' });
    for (const patch of [{ role: 'admin' }, { supervisor: people.supervisorOfA.id }, { deactivated: false }, { verified: true }, { invitedAt: '2026-01-01 00:00:00.000Z' }, { invitedBy: people.admin.id }]) {
      const r = await request.patch(api(`users/records/${me.id}`), { headers: { Authorization: me.token }, data: patch });
      expect.soft(r.status(), JSON.stringify(patch)).not.toBe(200);
    }
    for (const actor of ['learnerB', 'supervisorOfA', 'supervisorOfNobody', 'trainer', 'guest'] as const) {
      const r = await request.patch(api(`users/records/${me.id}`), { headers: headers(actor), data: { name: `Renamed by ${actor}` } });
      expect.soft(r.status(), `${actor} renaming`).not.toBe(200);
    }
    expect((await adminList(request, 'users', `id = "${me.id}"`))[0]).toMatchObject({ name: 'Neema Mushi', role: 'learner', supervisor: '' });
  });

  test('credentials change only by their owner, with the current password: an admin sets nobody\'s password, e-mail or verification', async ({ request }) => {
    const b = await createPerson(request, 'credentials');
    const otherAdmin = await createPerson(request, 'other-admin', { role: 'admin' });
    const taken = goodPassword();
    for (const [target, patch] of [
      [b, { password: taken, passwordConfirm: taken }],
      [otherAdmin, { password: taken, passwordConfirm: taken }],
      [otherAdmin, { email: uniqueEmail('taken-over') }],
      [b, { email: uniqueEmail('taken-over') }],
      [b, { verified: false }],
      [b, { emailVisibility: true }],
    ] as const) {
      const r = await request.patch(api(`users/records/${target.id}`), { headers: headers('admin'), data: patch });
      expect.soft(r.status(), `admin setting ${Object.keys(patch)[0]} of ${target.name}`).not.toBe(200);
    }
    expect((await signInFrom('127.0.0.13', b.email, taken)).status).toBe(400);
    expect((await signInFrom('127.0.0.13', otherAdmin.email, otherAdmin.password)).status).toBe(200);
    const [stored] = await adminList(request, 'users', `id = "${otherAdmin.id}"`);
    expect(stored!.email).toBe(otherAdmin.email);

    // the owner: the current password is required, and the new one must be acceptable
    const own = (data: Record<string, unknown>) => request.patch(api(`users/records/${b.id}`), { headers: { Authorization: b.token }, data });
    const fresh = goodPassword();
    expect((await own({ password: fresh, passwordConfirm: fresh })).status()).toBe(400);
    expect((await own({ password: fresh, passwordConfirm: fresh, oldPassword: 'not-the-password' })).status()).toBe(400);
    const weak = await own({ password: 'aaaaaaaaaa', passwordConfirm: 'aaaaaaaaaa', oldPassword: b.password });
    expect(weak.status()).toBe(400);
    expect((await weak.json()).data.password.code).toBe('validation_password_repetitive');
    expect((await own({ email: uniqueEmail('direct') })).status()).toBe(400); // through the e-mail change flow only
    expect((await own({ password: fresh, passwordConfirm: fresh, oldPassword: b.password })).status()).toBe(200);
    expect((await signInFrom('127.0.0.13', b.email, fresh)).status).toBe(200);
    // an admin changing their own password gives the current one too
    const adminOwn = await request.patch(api(`users/records/${otherAdmin.id}`), { headers: { Authorization: otherAdmin.token }, data: { password: fresh, passwordConfirm: fresh } });
    expect(adminOwn.status()).toBe(400);
    expect((await adminOwn.json()).data).toHaveProperty('oldPassword');
  });

  test('e-mail status is public and says whether mail is configured', async ({ request }) => {
    for (const actor of actors) {
      const r = await request.get(`${baseURL}/api/continuum/mail/status`, { headers: headers(actor) });
      expect.soft(await r.json(), actor).toEqual({ enabled: true });
    }
  });

  test('nobody but an admin sorts or filters by a hidden field (the e-mail oracle)', async ({ request }) => {
    for (const actor of actors.filter((a) => a !== 'admin')) {
      for (const [collection, params] of [
        ['users', { sort: 'email' }],
        ['users', { sort: '-name,email' }],
        ['users', { filter: 'email ~ "acc-learner-a%"' }],
        ['statements', { filter: 'user.email ~ "a%"' }],
        ['assignments', { filter: 'learner.email != ""' }],
      ] as const) {
        const r = await request.get(api(`${collection}/records`), { headers: headers(actor), params });
        expect.soft(r.status(), `${actor} ${collection} ${JSON.stringify(params)}`).toBe(400);
        expect.soft((await r.json()).message, `${actor} ${collection}`).toContain('not shown to you');
      }
    }
    // realtime subscriptions with such a filter too
    for (const [actor, expected] of [['supervisorOfA', 400], ['admin', 204]] as const) {
      const stream = await fetch(`${baseURL}/api/realtime`, { headers: { Accept: 'text/event-stream' } });
      const reader = stream.body!.getReader();
      let text = '';
      while (!/"clientId"\s*:\s*"/.test(text)) text += new TextDecoder().decode((await reader.read()).value);
      const clientId = /"clientId"\s*:\s*"([^"]+)"/.exec(text)![1];
      const options = encodeURIComponent(JSON.stringify({ query: { filter: 'email ~ "acc-learner-a%"' } }));
      const subscribe = await request.post(`${baseURL}/api/realtime`, { headers: headers(actor), data: { clientId, subscriptions: [`users/*?options=${options}`] } });
      expect.soft(subscribe.status(), `${actor} subscribing with a filter on email`).toBe(expected);
      if (expected === 400) expect.soft(await subscribe.text()).toContain('not shown to you');
      await reader.cancel();
    }
    const byName = await request.get(api('users/records'), { headers: headers('supervisorOfA'), params: { sort: 'name', filter: 'name ~ "email"' } });
    expect(byName.status()).toBe(200);
    const admin = await request.get(api('users/records'), { headers: headers('admin'), params: { sort: 'email', perPage: 5 } });
    expect(admin.status()).toBe(200);
  });
});

test.describe('enumeration and e-mail addresses', () => {
  test('sign-up answers a taken address (in any case) as it answers a new one, and tells the owner instead', async ({ request }) => {
    const owner = await createPerson(request, 'owner', { preferredLanguage: 'es' });
    const before = inbox(owner.email).length;
    const form = (email: string) => ({ email, password: 'learner-password-1', passwordConfirm: 'learner-password-1', name: 'Someone', preferredLanguage: 'en' });
    const taken = await request.post(api('users/records'), { data: form(owner.email.toUpperCase()) });
    const fresh = await request.post(api('users/records'), { data: form(uniqueEmail('fresh')) });
    expect(taken.status()).toBe(200);
    expect(fresh.status()).toBe(200);
    const [t, f] = [await taken.json(), await fresh.json()];
    expect(Object.keys(t).sort()).toEqual(Object.keys(f).sort());
    for (const key of ['collectionId', 'collectionName', 'role', 'verified', 'emailVisibility', 'name']) expect(t[key], key).toEqual(f[key]);
    expect(JSON.stringify(t)).not.toContain(owner.id);
    // nothing was created or changed for the taken address; its owner got an e-mail in their language
    expect(await adminList(request, 'users', `email = "${owner.email}"`)).toHaveLength(1);
    expect(await adminList(request, 'users', `id = "${t.id}"`)).toEqual([]);
    await expect.poll(() => inbox(owner.email).length).toBe(before + 1);
    expect(inbox(owner.email).at(-1)!.subject).toBe('Su cuenta de Continuum');
  });

  test('addresses are one whatever their case: stored in lower case, signed in with capitals', async ({ request }) => {
    const email = uniqueEmail('casing');
    const r = await request.post(api('users/records'), { data: { email: email.toUpperCase(), password: 'learner-password-1', passwordConfirm: 'learner-password-1', name: 'Casing' } });
    expect(r.status()).toBe(200);
    expect((await adminList(request, 'users', `email = "${email}"`))).toHaveLength(1);
    expect((await signInFrom('127.0.0.14', email.toUpperCase(), 'learner-password-1')).status).toBe(200);
    expect((await signInFrom('127.0.0.14', email, 'learner-password-1')).status).toBe(200);
  });

  test('e-mail change: a taken and a free address answer alike; the change is confirmed from the mail; rate-limited', async ({ request }) => {
    const me = await createPerson(request, 'mover', { preferredLanguage: 'fr' });
    const owner = await createPerson(request, 'address-owner');
    const ask = (newEmail: string) => request.post(api('users/request-email-change'), { headers: { Authorization: me.token }, data: { newEmail } });
    const free = uniqueEmail('new-address');
    const takenReply = await ask(owner.email.toUpperCase());
    const freeReply = await ask(free.toUpperCase());
    expect([takenReply.status(), freeReply.status()]).toEqual([204, 204]);
    expect(await takenReply.text()).toBe(await freeReply.text());
    await waitForMail(owner.email, 'Your e-mail address and Continuum');
    const mail = await waitForMail(free, 'Confirmez votre nouvelle adresse');
    const confirm = await request.post(api('users/confirm-email-change'), { data: { token: tokenIn(linkIn(mail, baseURL)), password: me.password } });
    expect(confirm.status(), await confirm.text()).toBe(204);
    expect((await adminList(request, 'users', `id = "${me.id}"`))[0]!.email).toBe(free);
    expect((await adminList(request, 'users', `id = "${owner.id}"`))[0]!.email).toBe(owner.email);

    // like sign-up: 30 a minute from one address, taken or free alike
    const session = await request.post(`${baseURL}/api/collections/users/impersonate/${owner.id}`, { headers: { Authorization: await superuserToken(request) }, data: { duration: 600 } });
    const token = (await session.json()).token;
    const statuses: number[] = [];
    for (let i = 0; i < 31; i++) {
      const target = i % 2 ? people.learnerA.email : `probe-${i}-${randomBytes(3).toString('hex')}@tests.continuum.example`;
      statuses.push((await requestFrom('127.0.0.15', 'POST', '/api/collections/users/request-email-change', { newEmail: target }, { Authorization: token })).status);
    }
    expect(statuses.slice(0, 30).every((s) => s === 204), statuses.join(',')).toBe(true);
    expect(statuses[30]).toBe(429);
  });
});

test.describe('passwords and names', () => {
  test('sign-up refuses the commonest, repetitive and sequential passwords, naming the rule', async ({ request }) => {
    for (const [password, code] of [
      ['aaaaaaaaaa', 'validation_password_repetitive'],
      ['abcabcabcabc', 'validation_password_repetitive'],
      ['qwertyuiop', 'validation_password_common'],
      ['Password123', 'validation_password_common'],
      ['abcdefghijkl', 'validation_password_sequence'],
    ]) {
      const email = uniqueEmail('weak');
      const r = await request.post(api('users/records'), { data: { email, password, passwordConfirm: password, name: 'Weak' } });
      expect.soft(r.status(), password).toBe(400);
      expect.soft((await r.json()).data?.password?.code, password).toBe(code);
      expect(await adminList(request, 'users', `email = "${email}"`)).toEqual([]);
    }
  });

  test('names with direction-control or zero-width characters are refused, at sign-up and after', async ({ request }) => {
    const email = uniqueEmail('spoof');
    const r = await request.post(api('users/records'), { data: { email, password: 'learner-password-1', passwordConfirm: 'learner-password-1', name: 'Grace \u202EelawM' } });
    expect(r.status()).toBe(400);
    expect((await r.json()).data.name.code).toBe('validation_name_invisible_characters');
    const me = await createPerson(request, 'renamer');
    for (const name of ['Grace\u200BMwale', 'Grace \u2067Mwale', '\u200E']) {
      const u = await request.patch(api(`users/records/${me.id}`), { headers: { Authorization: me.token }, data: { name } });
      expect.soft(u.status(), JSON.stringify(name)).toBe(400);
    }
  });

  test('the name on a certificate is fixed: after one is issued, only an admin renames the holder, and the certificate keeps its name', async ({ request }) => {
    const holder = await createPerson(request, 'holder', { name: 'Awa Diallo' });
    for (const step of facts().paths.find((p) => p.id === 'essentials')!.steps) {
      const slug = step.replace(/^module:/, '');
      for (const s of moduleCompletion(holder.id, slug, facts().modules[slug]!.sections)) {
        expect((await request.post(api('statements/records'), { headers: { Authorization: holder.token }, data: s })).status()).toBe(200);
      }
    }
    const [certificate] = await adminList(request, 'certificates', `user = "${holder.id}"`);
    expect(certificate).toMatchObject({ learnerName: 'Awa Diallo' });
    const self = await request.patch(api(`users/records/${holder.id}`), { headers: { Authorization: holder.token }, data: { name: 'Someone Else' } });
    expect(self.status()).toBe(400);
    expect((await self.json()).data.name.code).toBe('validation_name_locked');
    // other fields are still theirs to change
    expect((await request.patch(api(`users/records/${holder.id}`), { headers: { Authorization: holder.token }, data: { country: 'Senegal' } })).status()).toBe(200);
    expect((await request.patch(api(`users/records/${holder.id}`), { headers: headers('admin'), data: { name: 'Awa Diallo Ndiaye' } })).status()).toBe(200);
    expect((await adminList(request, 'certificates', `user = "${holder.id}"`))[0]).toMatchObject({ learnerName: 'Awa Diallo' });
  });
});

test.describe('e-mails in the learner\'s language', () => {
  test('verification and password reset work from the links in the e-mails', async ({ request }) => {
    const learner = await signUp(request, 'verify-me', { preferredLanguage: 'fr' });
    const verification = await waitForMail(learner.email, 'Confirmez votre adresse e-mail');
    const link = linkIn(verification, baseURL);
    expect(link).toContain('/fr/account/verify/#token=');
    expect((await request.post(api('users/confirm-verification'), { data: { token: tokenIn(link) } })).status()).toBe(204);
    expect((await adminList(request, 'users', `id = "${learner.id}"`))[0]!.verified).toBe(true);

    expect((await requestFrom('127.0.0.16', 'POST', '/api/collections/users/request-password-reset', { email: learner.email.toUpperCase() })).status).toBe(204);
    const reset = await waitForMail(learner.email, 'Choisissez un nouveau mot de passe');
    const password = goodPassword();
    const confirm = await request.post(api('users/confirm-password-reset'), { data: { token: tokenIn(linkIn(reset, baseURL)), password, passwordConfirm: password } });
    expect(confirm.status(), await confirm.text()).toBe(204);
    expect((await signInFrom('127.0.0.16', learner.email, password)).status).toBe(200);
    expect((await signInFrom('127.0.0.16', learner.email, learner.password)).status).toBe(400);
  });

  test('due-date reminders: a week before, the day before and overdue to the learner; a weekly digest to the supervisor; each once', async ({ request }) => {
    const su = { Authorization: await superuserToken(request) };
    const supervisor = await createPerson(request, 'digest-sup', { role: 'supervisor', preferredLanguage: 'es' });
    const learner = await createPerson(request, 'reminded', { supervisor: supervisor.id, preferredLanguage: 'sw', name: 'Neema Reminded' });
    const at = (hours: number) => new Date(Date.now() + hours * 3_600_000).toISOString().replace('T', ' ');
    for (const [path, due] of [['essentials', at(-30)], ['teacher', at(5 * 24)], ['coordinator', at(20)], ['social-worker', at(40 * 24)]] as const) {
      const r = await request.post(api('assignments/records'), { headers: su, data: { learner: learner.id, path, dueDate: due, assignedBy: supervisor.id } });
      expect(r.status(), await r.text()).toBe(200);
    }
    expect((await request.post(`${baseURL}/api/crons/continuumReminders`, { headers: su })).status()).toBe(204);
    await waitForMail(learner.email, 'Muda umepita: Mambo ya msingi kwa wote');
    await waitForMail(learner.email, 'Muda unaisha baada ya wiki moja: Njia ya Walimu');
    await waitForMail(learner.email, 'Muda unaisha kesho: Njia ya Waratibu na wakufunzi');
    const digest = await waitForMail(supervisor.email, 'Sus participantes esta semana');
    expect(digest.text).toContain('Neema Reminded: Lo esencial para todos');
    expect(digest.text).not.toContain('Trabajadores sociales'); // due in 40 days
    expect(linkIn(digest, baseURL)).toContain('/es/supervise/');
    // running again sends nothing new
    const counts = [inbox(learner.email).length, inbox(supervisor.email).length];
    expect(counts).toEqual([3, 1]);
    expect((await request.post(`${baseURL}/api/crons/continuumReminders`, { headers: su })).status()).toBe(204);
    await new Promise((r) => setTimeout(r, 2500));
    expect([inbox(learner.email).length, inbox(supervisor.email).length]).toEqual(counts);
  });
});

test.describe('operations through the API', () => {
  test('after deletion nothing of the person stays readable: database, write-ahead log, request log', async ({ request }) => {
    const marker = `Erasure Marker ${randomBytes(6).toString('hex')}`;
    const me = await createPerson(request, 'erased', { name: marker });
    for (const s of moduleCompletion(me.id, 'children-on-the-move', facts().modules['children-on-the-move']!.sections)) {
      expect((await request.post(api('statements/records'), { headers: { Authorization: me.token }, data: s })).status()).toBe(200);
    }
    expect((await request.get(api(`users/records/${me.id}`), { headers: { Authorization: me.token } })).status()).toBe(200);
    expect((await request.delete(api(`users/records/${me.id}`), { headers: { Authorization: me.token } })).status()).toBe(204);
    const su = { Authorization: await superuserToken(request) };
    const dataDir = process.env.CONTINUUM_TEST_DATA_DIR!;
    const readable = () =>
      ['data.db', 'data.db-wal']
        .map((f) => {
          try {
            return readFileSync(path.join(dataDir, f));
          } catch {
            return Buffer.alloc(0);
          }
        })
        .some((b) => b.includes(marker) || b.includes(me.email));
    const logged = async () => {
      const since = new Date(Date.now() - 10 * 60_000).toISOString().replace('T', ' ');
      const logs = await request.get(`${baseURL}/api/logs`, { headers: su, params: { filter: `created >= "${since}"`, perPage: 1000, sort: '-created' } });
      return JSON.stringify((await logs.json()).items).includes(me.id);
    };
    await expect
      .poll(async () => {
        await request.post(`${baseURL}/api/crons/continuumScrubLogs`, { headers: su });
        await new Promise((r) => setTimeout(r, 500));
        return { readable: readable(), logged: await logged() };
      }, { timeout: 25_000, intervals: [1000, 2000, 3000] })
      .toEqual({ readable: false, logged: false });
  });

  test('CORS answers only the site\'s own origin', async ({ request }) => {
    const own = await request.get(`${baseURL}/api/health`, { headers: { Origin: baseURL } });
    expect(own.headers()['access-control-allow-origin']).toBe(baseURL);
    const other = await request.get(`${baseURL}/api/health`, { headers: { Origin: 'https://elsewhere.example' } });
    expect(other.headers()['access-control-allow-origin']).toBeUndefined();
  });

  test('the language switch returns only to a page of the site', async ({ request }) => {
    for (const next of ['/%0B/elsewhere.example/', '/%7F/elsewhere.example/', '//elsewhere.example/', '/de/modules/', '/fr/%0D%0Ax/']) {
      const r = await request.get(`${baseURL}/api/continuum/language?lang=fr&next=${encodeURIComponent(next)}`, { maxRedirects: 0 });
      expect.soft(r.headers().location, next).toBe('/fr/');
    }
    const ok = await request.get(`${baseURL}/api/continuum/language?lang=fr&next=${encodeURIComponent('/fr/modules/children-on-the-move/')}`, { maxRedirects: 0 });
    expect(ok.headers().location).toBe('/fr/modules/children-on-the-move/');
  });
});

