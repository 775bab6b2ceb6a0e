/**
 * Sign-in is rate limited per client address (pb_migrations/1764600000_onboarding.js): a
 * password-guessing run from one address is stopped with 429 after 30 tries a minute, while
 * everyone else (here: the rest of the suite, on 127.0.0.1) signs in as usual. The guesses come
 * from 127.0.0.2, another loopback address, so they use up only their own allowance.
 */
import { test, expect } from '@playwright/test';
import http from 'node:http';
import { createPerson } from '../support/pb.ts';
import { facts } from '../support/content.ts';
import { statementsPerAccountPerMinute } from '../../src/learning-record/limits.ts';
import { statementFields } from '../../src/learning-record/records.ts';
import { sectionCompleted } from '../../src/learning-record/statements.ts';

const port = Number(process.env.CONTINUUM_TEST_PORT);

/** POSTs JSON to the test PocketBase from a chosen local address; resolves with the status. */
function postFrom(localAddress: string, path: string, body: unknown, headers: Record<string, string> = {}): Promise<number> {
  return new Promise((resolve, reject) => {
    const data = JSON.stringify(body);
    const req = http.request(
      { host: '127.0.0.1', port, path, method: 'POST', localAddress, agent: false, headers: { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(data)), ...headers } },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      },
    );
    req.on('error', reject);
    req.end(data);
  });
}

test('password guessing from one address is stopped with 429; other addresses still sign in', async ({ request }) => {
  const person = await createPerson(request, 'guessed');
  const statuses: number[] = [];
  for (let i = 0; i < 32; i++) {
    statuses.push(await postFrom('127.0.0.2', '/api/collections/users/auth-with-password', { identity: person.email, password: `wrong-guess-${i}` }));
  }
  expect(statuses.slice(0, 30).every((s) => s === 400), statuses.join(',')).toBe(true);
  expect(statuses.slice(30)).toEqual([429, 429]);
  // even the right password is refused from that address for now...
  expect(await postFrom('127.0.0.2', '/api/collections/users/auth-with-password', { identity: person.email, password: person.password })).toBe(429);
  // ...but the person signs in from anywhere else
  expect(await postFrom('127.0.0.3', '/api/collections/users/auth-with-password', { identity: person.email, password: person.password })).toBe(200);
});

test('a classroom of 40 behind one address records at full pace; one account hammering is stopped', async ({ request }) => {
  test.setTimeout(120_000);
  const [moduleSlug, lesson] = Object.entries(facts().modules)[0]!;
  const classroom = await Promise.all(Array.from({ length: 40 }, (_, i) => createPerson(request, `class-${i}`)));
  const statuses = await Promise.all(classroom.map(async (learner) => {
    const mine: number[] = [];
    for (let n = 0; n < 20; n++) {
      const statement = sectionCompleted({ user: learner.id, moduleSlug, sectionId: lesson.sections[n % lesson.sections.length]!, language: 'en' });
      mine.push(await postFrom('127.0.0.4', '/api/collections/statements/records', statementFields(statement), { authorization: learner.token }));
    }
    return mine;
  }));
  expect(statuses.flat().filter((s) => s !== 200)).toEqual([]);

  const script = await createPerson(request, 'hammer');
  const burst: number[] = [];
  for (let n = 0; n < statementsPerAccountPerMinute + 20 && !burst.includes(429); n++) {
    const statement = sectionCompleted({ user: script.id, moduleSlug, sectionId: lesson.sections[0]!, language: 'en' });
    burst.push(await postFrom('127.0.0.5', '/api/collections/statements/records', statementFields(statement), { authorization: script.token }));
  }
  expect(burst).toContain(429);
  expect(burst.filter((s) => s === 200).length).toBeGreaterThanOrEqual(statementsPerAccountPerMinute / 2);
});
