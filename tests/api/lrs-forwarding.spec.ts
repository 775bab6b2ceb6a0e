/**
 * Forwarding the learning record to an external Learning Record Store, end to end: a PocketBase
 * of its own (it is restarted twice) and, as the external system, a small real HTTP server on
 * loopback that answers as an LRS does (xAPI 1.0.3 PUT /statements?statementId=, HTTP Basic,
 * the version header) and checks every statement with Learning Locker's validator
 * (@learninglocker/xapi-validation), refusing an invalid one with 400 as an LRS would.
 *
 * Forwarding is set by the environment (LRS_ENDPOINT, LRS_KEY, LRS_SECRET). What was stored
 * before it was turned on is queued; while the LRS is down nothing is lost and the next attempt
 * waits (back-off); the queue survives a restart; statements arrive in the order they were
 * stored; a statement whose answer was lost is sent again and stored once (PUT by id); one the
 * LRS refuses is set aside and the rest go on; none other is sent twice.
 */
import { test, expect } from '@playwright/test';
import validation from '@learninglocker/xapi-validation';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { ensurePocketBase } from '../../scripts/lib/pocketbase-binary.ts';
import { freePort, startPocketBase, superuserToken, upsertSuperuser, type RunningPocketBase } from '../../scripts/lib/pb-process.ts';
import { activityIri, statementUuid } from '../../src/learning-record/xapi.ts';
import { facts } from '../support/content.ts';
import { moduleCompletion } from '../support/pb.ts';

const validate = ((validation as unknown as { default?: typeof validation }).default ?? validation) as unknown as (statement: unknown) => { message?: string }[];
const superuser = { email: 'lrs@tests.continuum.example', password: 'lrs-forwarding-password-1' };
const lrsKey = 'continuum-forwarder';
const lrsSecret = 'lrs-secret-\u00e9-1';

/** A Learning Record Store as far as forwarding can tell: stores each statement id once. */
class Receiver {
  server!: Server;
  url = '';
  /** 'down' answers 503 to everything. */
  down = false;
  /** A statement id whose first storing answer is lost (stored, but the answer is a 500). */
  loseAnswerOf = '';
  /** A statement id refused with 400 (as an LRS refuses a statement it will never take). */
  refuse = '';
  readonly stored = new Map<string, Record<string, any>>();
  readonly arrivals: { id: string; status: number }[] = [];
  readonly problems: string[] = [];

  async start() {
    this.server = createServer((req, res) => {
      let body = '';
      req.setEncoding('utf8');
      req.on('data', (chunk) => (body += chunk));
      req.on('end', () => {
        const url = new URL(req.url!, 'http://lrs');
        const id = url.searchParams.get('statementId') ?? '';
        const status = this.answer(req.method!, url.pathname, req.headers, id, body);
        this.arrivals.push({ id, status });
        res.writeHead(status, { 'X-Experience-API-Version': '1.0.3' }).end();
      });
    });
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    const address = this.server.address();
    this.url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/xapi/`;
  }

  private answer(method: string, pathname: string, headers: Record<string, string | string[] | undefined>, id: string, body: string): number {
    if (this.down) return 503;
    if (method !== 'PUT' || pathname !== '/xapi/statements' || !id) {
      this.problems.push(`unexpected ${method} ${pathname}`);
      return 400;
    }
    if (headers.authorization !== `Basic ${Buffer.from(`${lrsKey}:${lrsSecret}`).toString('base64')}`) {
      this.problems.push(`wrong credentials: ${headers.authorization}`);
      return 401;
    }
    if (headers['x-experience-api-version'] !== '1.0.3') this.problems.push(`version header ${headers['x-experience-api-version']}`);
    const statement = JSON.parse(body);
    const errors = validate(statement);
    if (errors.length) this.problems.push(`${id}: ${errors.map((e) => e.message).join('; ')}`);
    if (errors.length || statement.id !== id || id === this.refuse) return 400;
    if (this.stored.has(id)) return 204; // the same statement again changes nothing
    this.stored.set(id, statement);
    if (id === this.loseAnswerOf) {
      this.loseAnswerOf = '';
      return 500;
    }
    return 204;
  }

  stop() {
    return new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

async function json(response: Response) {
  if (!response.ok) throw new Error(`${response.status} ${await response.text()}`);
  return response.json();
}

test('statements are forwarded to an external LRS in order, across back-off and restarts, each stored once', async () => {
  test.setTimeout(240_000);
  const receiver = new Receiver();
  await receiver.start();
  const binary = await ensurePocketBase();
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'continuum-lrs-'));
  const port = await freePort();
  const site = `http://127.0.0.1:${port}`;
  const lrsEnv = { PUBLIC_URL: site, LRS_ENDPOINT: receiver.url, LRS_KEY: lrsKey, LRS_SECRET: lrsSecret };
  let pb: RunningPocketBase | undefined;
  const start = async (env: Record<string, string>) => {
    pb = await startPocketBase({ binary, dataDir, port, env });
    return { url: pb.url, su: { authorization: await superuserToken(pb.url, superuser.email, superuser.password), 'content-type': 'application/json' } };
  };
  try {
    upsertSuperuser(binary, dataDir, superuser.email, superuser.password);

    // forwarding off: a learner makes a start
    let server = await start({ PUBLIC_URL: site });
    const learner = await json(await fetch(`${server.url}/api/collections/users/records`, {
      method: 'POST', headers: server.su,
      body: JSON.stringify({ email: 'lrs-learner@tests.continuum.example', password: 'lantern-river-7', passwordConfirm: 'lantern-river-7', name: 'Nadia Osei', verified: true }),
    }));
    const session = await json(await fetch(`${server.url}/api/collections/users/impersonate/${learner.id}`, { method: 'POST', headers: server.su, body: JSON.stringify({ duration: 3600 }) }));
    const [slug, lesson] = Object.entries(facts().modules)[0]!;
    const work = moduleCompletion(learner.id, slug, lesson.sections);
    const record = async (url: string, statements: typeof work) => {
      for (const statement of statements) {
        await json(await fetch(`${url}/api/collections/statements/records`, { method: 'POST', headers: { authorization: session.token, 'content-type': 'application/json' }, body: JSON.stringify(statement) }));
      }
    };
    await record(server.url, work.slice(0, 2));
    const off = await json(await fetch(`${server.url}/api/continuum/lrs`, { headers: server.su }));
    expect(off).toMatchObject({ enabled: false, fromEnvironment: false, backlog: 0 });
    await pb!.stop();

    // restarted with LRS_ENDPOINT while the LRS is down: the earlier statements are queued with the new ones
    receiver.down = true;
    server = await start(lrsEnv);
    await record(server.url, work.slice(2));
    const lrs = (p = '') => `${server.url}/api/continuum/lrs${p}`;
    const queued = await json(await fetch(lrs(), { headers: server.su }));
    expect(queued).toMatchObject({ enabled: true, fromEnvironment: true, endpoint: receiver.url, key: lrsKey, hasSecret: true, backlog: work.length, sent: 0 });
    expect(JSON.stringify(queued)).not.toContain(lrsSecret);
    const failed = await json(await fetch(lrs('/send'), { method: 'POST', headers: server.su }));
    expect(failed).toMatchObject({ result: { sent: 0 }, backlog: work.length, failures: 1 });
    expect(failed.lastError).toContain('503');
    expect(Date.parse(failed.nextAttemptAt)).toBeGreaterThan(Date.now() + 10_000);
    expect(receiver.arrivals).toEqual([{ id: statementUuid(work[0]!.id), status: 503 }]);
    // the environment rules: the admin route does not change it
    const change = await fetch(lrs(), { method: 'PUT', headers: server.su, body: JSON.stringify({ endpoint: 'https://elsewhere.example/xapi/', key: 'x', secret: 'y', enabled: true }) });
    expect(change.status).toBe(409);
    expect((await change.json()).message).toContain('LRS_ENDPOINT');
    await pb!.stop();

    // restarted again: the queue is still there; the LRS is back, loses one answer and refuses one statement
    server = await start(lrsEnv);
    expect(await json(await fetch(lrs(), { headers: server.su }))).toMatchObject({ backlog: work.length, failures: 1 });
    receiver.down = false;
    receiver.loseAnswerOf = statementUuid(work[0]!.id);
    receiver.refuse = statementUuid(work[3]!.id);
    let status: Record<string, any> = {};
    for (let round = 0; round < 10; round++) {
      status = await json(await fetch(lrs('/send'), { method: 'POST', headers: server.su }));
      if (status.backlog === 0 && status.failures === 0) break;
    }
    expect(status).toMatchObject({ backlog: 0, refused: 1, sent: work.length - 1, failures: 0, lastError: '' });

    const expected = work.map((s) => statementUuid(s.id));
    expect([...receiver.stored.keys()]).toEqual(expected.filter((id) => id !== receiver.refuse));
    expect(receiver.problems).toEqual([]);
    // the first one: refused while the LRS was down, its answer lost, then sent again (and not stored twice); every other once
    const times = (id: string) => receiver.arrivals.filter((a) => a.id === id).map((a) => a.status);
    expect(times(expected[0]!)).toEqual([503, 500, 204]);
    expect(times(receiver.refuse)).toEqual([400]);
    for (const id of expected.slice(1).filter((id) => id !== receiver.refuse)) expect(times(id), id).toEqual([204]);
    // what the LRS holds names the learner by their account on this site and the lesson in their language
    const first = receiver.stored.get(expected[0]!)!;
    expect(first.actor).toMatchObject({ account: { homePage: site, name: learner.id } });
    expect(first.object.id).toBe(activityIri(site, work[0]!.object));
    expect(first.object.definition.name.en).toBeTruthy();
  } finally {
    await pb?.stop();
    await receiver.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
});
