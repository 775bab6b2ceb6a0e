/**
 * Interop routes against the real PocketBase of the test run:
 * - an Open Badges 3.0 credential for a certificate earned for real, verified by an independent
 *   library (jose: the JWT proof format, RS256, the key from the issuer's published JWKS), a
 *   tampered credential that must fail, and revocation reported by the same route;
 * - who may use the new routes and the two new collections (lrs_settings, lrs_queue: list, view,
 *   create, update, delete), for the seven actors of the API matrix (guest, learner A, learner B,
 *   A's supervisor, a supervisor of nobody, a trainer, an admin).
 */
import { test, expect, type APIRequestContext } from '@playwright/test';
import { createHash, generateKeyPairSync } from 'node:crypto';
import { createRemoteJWKSet, decodeJwt, decodeProtectedHeader, jwtVerify, SignJWT, errors } from 'jose';
import { unzipSync, strFromU8 } from 'fflate';
import validation from '@learninglocker/xapi-validation';
import { facts } from '../support/content.ts';
import { adminList, baseURL, createPerson, moduleCompletion, superuserToken, type Person } from '../support/pb.ts';

const validate = ((validation as unknown as { default?: typeof validation }).default ?? validation) as unknown as (statement: unknown) => { message?: string }[];
const api = (path: string) => `${baseURL}/api/collections/${path}`;
type Actor = 'guest' | 'learnerA' | 'learnerB' | 'supervisorOfA' | 'supervisorOfNobody' | 'trainer' | 'admin';
const actors: Actor[] = ['guest', 'learnerA', 'learnerB', 'supervisorOfA', 'supervisorOfNobody', 'trainer', 'admin'];
let people: Record<Exclude<Actor, 'guest'>, Person>;
let certificate: { id: string; code: string };
const headers = (actor: Actor): Record<string, string> => (actor === 'guest' ? {} : { Authorization: people[actor].token });

async function completePath(request: APIRequestContext, learner: Person, path: string) {
  for (const step of facts().paths.find((p) => p.id === path)!.steps) {
    const slug = step.replace(/^module:/, '');
    for (const statement of moduleCompletion(learner.id, slug, facts().modules[slug]!.sections)) {
      const r = await request.post(api('statements/records'), { headers: { Authorization: learner.token }, data: statement });
      expect(r.status(), await r.text()).toBe(200);
    }
  }
}

test.describe.configure({ mode: 'serial', timeout: 120_000 });

test.beforeAll(async ({ request }) => {
  test.setTimeout(120_000);
  const supervisorOfA = await createPerson(request, 'ob-sup-a', { role: 'supervisor', track: 'coordinator' });
  const supervisorOfNobody = await createPerson(request, 'ob-sup-none', { role: 'supervisor', track: 'coordinator' });
  const trainer = await createPerson(request, 'ob-trainer', { role: 'trainer', track: 'coordinator' });
  const admin = await createPerson(request, 'ob-admin', { role: 'admin' });
  const learnerA = await createPerson(request, 'ob-learner-a', { supervisor: supervisorOfA.id, track: 'teacher', name: 'Amina Okello' });
  const learnerB = await createPerson(request, 'ob-learner-b', { track: 'teacher' });
  people = { learnerA, learnerB, supervisorOfA, supervisorOfNobody, trainer, admin };
  await completePath(request, learnerA, 'essentials');
  const [row] = await adminList(request, 'certificates', `user = "${learnerA.id}" && path = "essentials"`);
  certificate = { id: String(row!.id), code: String(row!.code) };
});

test('a certificate is an Open Badges 3.0 credential that an independent library verifies', async ({ request }) => {
  const response = await request.get(`${baseURL}/api/continuum/certificates/${certificate.code}/credential`);
  expect(response.status(), await response.text()).toBe(200);
  const body = await response.json();
  expect(body.status).toBe('active');
  const vc = body.credential;
  expect(vc.type).toEqual(['VerifiableCredential', 'OpenBadgeCredential']);
  expect(vc['@context']).toContain('https://www.w3.org/ns/credentials/v2');
  expect(vc.credentialSubject.achievement.alignment.map((a: { targetCode: string }) => a.targetCode)).toEqual(facts().paths.find((p) => p.id === 'essentials')!.steps);
  expect(vc.credentialSubject.identifier).toContainEqual(expect.objectContaining({ identityType: 'name', identityHash: 'Amina Okello' }));
  const email = vc.credentialSubject.identifier.find((i: { identityType: string }) => i.identityType === 'emailAddress');
  expect(email.identityHash).toBe(`sha256$${createHash('sha256').update(people.learnerA.email.toLowerCase() + email.salt).digest('hex')}`);

  // the verifier finds the key where the JWT's kid says: the issuer's published JWKS
  const header = decodeProtectedHeader(body.jwt);
  expect(header).toMatchObject({ alg: 'RS256' });
  expect(String(header.kid)).toMatch(new RegExp(`^${baseURL}/api/continuum/issuer/jwks#`));
  const jwks = createRemoteJWKSet(new URL(String(header.kid).split('#')[0]!));
  const { payload } = await jwtVerify(body.jwt, jwks, { issuer: vc.issuer.id, algorithms: ['RS256'] });
  expect(payload).toMatchObject({ jti: vc.id, type: vc.type, credentialSubject: vc.credentialSubject, credentialStatus: vc.credentialStatus });
  const profile = await (await request.get(vc.issuer.id)).json();
  expect(profile).toMatchObject({ id: vc.issuer.id, type: ['Profile'] });

  // the download form is the same signed credential
  const download = await request.get(`${baseURL}/api/continuum/certificates/${certificate.code}/credential?format=jwt`);
  expect(download.headers()['content-disposition']).toContain('.jwt');
  expect((await jwtVerify(await download.text(), jwks)).payload.jti).toBe(vc.id);
});

test('a tampered credential, or one signed by another key, fails verification', async ({ request }) => {
  const body = await (await request.get(`${baseURL}/api/continuum/certificates/${certificate.code}/credential`)).json();
  const jwks = createRemoteJWKSet(new URL(`${baseURL}/api/continuum/issuer/jwks`));
  const [head, , signature] = body.jwt.split('.');
  const payload = decodeJwt(body.jwt) as Record<string, any>;
  payload.credentialSubject.identifier[0].identityHash = 'Someone Else';
  const forged = `${head}.${Buffer.from(JSON.stringify(payload)).toString('base64url')}.${signature}`;
  await expect(jwtVerify(forged, jwks)).rejects.toBeInstanceOf(errors.JWSSignatureVerificationFailed);

  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const other = await new SignJWT(payload).setProtectedHeader(decodeProtectedHeader(body.jwt) as { alg: string }).sign(privateKey);
  await expect(jwtVerify(other, jwks)).rejects.toBeInstanceOf(errors.JWSSignatureVerificationFailed);
});

test('a revoked certificate is reported revoked by the status its credential names', async ({ request }) => {
  const url = `${baseURL}/api/continuum/certificates/${certificate.code}/credential`;
  const before = await (await request.get(url)).json();
  const statusUrl = before.credential.credentialStatus.id;
  expect((await (await request.get(statusUrl)).json()).revokedCredentials).toEqual([]);
  const revoke = await request.patch(api(`certificates/records/${certificate.id}`), { headers: headers('admin'), data: { revoked: true } });
  expect(revoke.status()).toBe(200);
  try {
    expect((await (await request.get(url)).json()).status).toBe('revoked');
    const list = await (await request.get(statusUrl)).json();
    expect(list).toMatchObject({ id: statusUrl, issuer: before.credential.issuer.id });
    expect(list.revokedCredentials).toEqual([expect.objectContaining({ id: before.credential.id })]);
  } finally {
    await request.patch(api(`certificates/records/${certificate.id}`), { headers: headers('admin'), data: { revoked: false } });
  }
  expect((await request.get(`${baseURL}/api/continuum/certificates/ZZZZ-ZZZZ-ZZZZ/credential`)).status()).toBe(404);
});

test("the server's xAPI exports (a supervisor's, my data) are valid xAPI 1.0.3 with named activities", async ({ request }) => {
  const cohort = await request.get(`${baseURL}/api/continuum/cohort/export.xapi?path=essentials`, { headers: headers('supervisorOfA') });
  expect(cohort.status(), await cohort.text()).toBe(200);
  const mine = await request.get(`${baseURL}/api/continuum/me/export`, { headers: headers('learnerA') });
  expect(mine.status()).toBe(200);
  for (const statements of [JSON.parse(await cohort.text()), (await mine.json()).statements]) {
    expect(statements.length).toBeGreaterThan(5);
    for (const statement of statements) {
      expect(validate(statement), JSON.stringify(statement)).toEqual([]);
      expect(statement.actor.account.name).toBe(people.learnerA.id);
      expect(Object.keys(statement.object.definition?.name ?? {}), statement.object.id).toEqual(['en']);
    }
  }
});

const expected = {
  credential: { guest: 200, learnerA: 200, learnerB: 200, supervisorOfA: 200, supervisorOfNobody: 200, trainer: 200, admin: 200 },
  scorm: { guest: 401, learnerA: 403, learnerB: 403, supervisorOfA: 200, supervisorOfNobody: 200, trainer: 200, admin: 200 },
  lrsRead: { guest: 401, learnerA: 403, learnerB: 403, supervisorOfA: 403, supervisorOfNobody: 403, trainer: 403, admin: 200 },
  lrsWrite: { guest: 401, learnerA: 403, learnerB: 403, supervisorOfA: 403, supervisorOfNobody: 403, trainer: 403, admin: 200 },
  lrsSend: { guest: 401, learnerA: 403, learnerB: 403, supervisorOfA: 403, supervisorOfNobody: 403, trainer: 403, admin: 200 },
} satisfies Record<string, Record<Actor, number>>;

test('who may use the interop routes: seven actors', async ({ request }) => {
  test.setTimeout(240_000);
  const scenario = Object.keys(facts().scenarios)[0]!;
  for (const actor of actors) {
    const h = headers(actor);
    const credential = await request.get(`${baseURL}/api/continuum/certificates/${certificate.code}/credential`, { headers: h });
    expect.soft(credential.status(), `${actor} credential`).toBe(expected.credential[actor]);
    const scorm = await request.get(`${baseURL}/api/continuum/scorm/scenario/${scenario}?lang=ar`, { headers: h, timeout: 120_000 });
    expect.soft(scorm.status(), `${actor} SCORM package`).toBe(expected.scorm[actor]);
    if (scorm.status() === 200) {
      const files = unzipSync(await scorm.body());
      expect(strFromU8(files['imsmanifest.xml']!)).toContain('adlcp:scormtype="sco"');
      expect(strFromU8(files['index.html']!)).toContain('<html lang="ar" dir="rtl">');
    }
    expect.soft((await request.get(`${baseURL}/api/continuum/lrs`, { headers: h })).status(), `${actor} LRS settings`).toBe(expected.lrsRead[actor]);
    const write = await request.put(`${baseURL}/api/continuum/lrs`, { headers: h, data: { endpoint: '', key: '', enabled: false } });
    expect.soft(write.status(), `${actor} LRS settings change`).toBe(expected.lrsWrite[actor]);
    expect.soft((await request.post(`${baseURL}/api/continuum/lrs/send`, { headers: h })).status(), `${actor} LRS send`).toBe(expected.lrsSend[actor]);
  }
  // nobody uses the LRS tables directly, not even an admin: the secret stays on the server
  const su = { Authorization: await superuserToken(request) };
  const [statement] = await adminList(request, 'statements', `user = "${people.learnerA.id}"`);
  const entry = await request.post(api('lrs_queue/records'), { headers: su, data: { statement: statement!.id, seq: 1 } });
  expect(entry.status(), await entry.text()).toBe(200);
  const rows = { lrs_settings: 'lrsforwarding00', lrs_queue: String((await entry.json()).id) };
  try {
    for (const actor of actors) {
      for (const [collection, id] of Object.entries(rows)) {
        const h = headers(actor);
        const list = await request.get(api(`${collection}/records`), { headers: h });
        expect.soft(list.status() === 200 ? (await list.json()).items.length : 0, `${actor} lists ${collection}`).toBe(0);
        expect.soft((await request.get(api(`${collection}/records/${id}`), { headers: h })).status(), `${actor} views ${collection}`).not.toBe(200);
        const create = await request.post(api(`${collection}/records`), { headers: h, data: collection === 'lrs_queue' ? { statement: statement!.id, seq: 2 } : { endpoint: 'https://attacker.example/xapi/', enabled: true } });
        expect.soft(create.status(), `${actor} creates in ${collection}`).not.toBe(200);
        const update = await request.patch(api(`${collection}/records/${id}`), { headers: h, data: collection === 'lrs_queue' ? { refused: true } : { endpoint: 'https://attacker.example/xapi/', enabled: true } });
        expect.soft(update.status(), `${actor} updates ${collection}`).not.toBe(200);
        expect.soft((await request.delete(api(`${collection}/records/${id}`), { headers: h })).status(), `${actor} deletes from ${collection}`).not.toBe(204);
      }
    }
    // both rows are as they were
    expect((await (await request.get(api(`lrs_queue/records/${rows.lrs_queue}`), { headers: su })).json()).refused).toBe(false);
    expect((await (await request.get(api('lrs_settings/records/lrsforwarding00'), { headers: su })).json())).toMatchObject({ endpoint: '', enabled: false });
    expect((await adminList(request, 'lrs_queue', `seq = 2`))).toEqual([]);
  } finally {
    await request.delete(api(`lrs_queue/records/${rows.lrs_queue}`), { headers: su });
  }
  const bad = await request.get(`${baseURL}/api/continuum/scorm/module/no-such-module?lang=en`, { headers: headers('trainer') });
  expect(bad.status()).toBe(404);
  const badLang = await request.get(`${baseURL}/api/continuum/scorm/module/at-the-border?lang=de`, { headers: headers('trainer') });
  expect(badLang.status()).toBe(400);
});
