/**
 * The learning record under a crash: a PocketBase of its own, killed with SIGKILL while learners
 * send statements, then started again on the same data. Every statement the server acknowledged
 * is there exactly once, and the progress it stored equals a refold from the statements.
 */
import { test, expect } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ensurePocketBase } from '../../scripts/lib/pocketbase-binary.ts';
import { freePort, startPocketBase, superuserToken, upsertSuperuser, type RunningPocketBase } from '../../scripts/lib/pb-process.ts';
import { statementFields } from '../../src/learning-record/records.ts';
import { questionAnswered, sectionCompleted, knowledgeCheckResult, type Statement } from '../../src/learning-record/statements.ts';
import { facts } from '../support/content.ts';

const superuser = { email: 'durability@tests.continuum.example', password: 'durability-password-1' };

async function json(response: Response) {
  if (!response.ok) throw new Error(`${response.status} ${await response.text()}`);
  return response.json();
}

/** Everything one learner does in two lessons: sections, answers, the check. */
function lessonWork(user: string): Statement[] {
  const start = Date.now() - 600_000;
  let n = 0;
  const now = () => new Date(start + 1000 * n++);
  return Object.entries(facts().modules).slice(0, 2).flatMap(([moduleSlug, lesson]) => [
    ...lesson.sections.map((sectionId) => sectionCompleted({ user, moduleSlug, sectionId, language: 'en', now: now() })),
    ...lesson.questions.map((q) => questionAnswered({ user, moduleSlug, questionId: q.id, chosen: q.correct, correct: true, language: 'en', now: now() })),
    knowledgeCheckResult({ user, moduleSlug, scaled: 1, passed: true, language: 'en', now: now() }),
  ]);
}

test('kill -9 under load: no acknowledged statement lost or doubled, progress equals a refold', async () => {
  test.setTimeout(180_000);
  const binary = await ensurePocketBase();
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'continuum-durability-'));
  let pb: RunningPocketBase | undefined;
  try {
    upsertSuperuser(binary, dataDir, superuser.email, superuser.password);
    pb = await startPocketBase({ binary, dataDir, port: await freePort() });
    const su = { authorization: await superuserToken(pb.url, superuser.email, superuser.password), 'content-type': 'application/json' };
    const learners: { id: string; token: string }[] = [];
    for (let i = 0; i < 8; i++) {
      const created = await json(await fetch(`${pb.url}/api/collections/users/records`, {
        method: 'POST', headers: su,
        body: JSON.stringify({ email: `durable-${i}@tests.continuum.example`, password: 'durable-password-1', passwordConfirm: 'durable-password-1', name: `Durable ${i}`, verified: true }),
      }));
      const session = await json(await fetch(`${pb.url}/api/collections/users/impersonate/${created.id}`, { method: 'POST', headers: su, body: JSON.stringify({ duration: 3600 }) }));
      learners.push({ id: created.id, token: session.token });
    }

    const acknowledged = new Set<string>();
    let sent = 0;
    const url = pb.url;
    const work = learners.map(async (learner) => {
      for (const statement of lessonWork(learner.id)) {
        sent += 1;
        try {
          const response = await fetch(`${url}/api/collections/statements/records`, {
            method: 'POST',
            headers: { authorization: learner.token, 'content-type': 'application/json' },
            body: JSON.stringify(statementFields(statement)),
            signal: AbortSignal.timeout(10_000),
          });
          if (response.status === 200) acknowledged.add(statement.id);
        } catch {
          return; // the server is gone
        }
      }
    });
    while (acknowledged.size < 40) await new Promise((r) => setTimeout(r, 20));
    pb.child.kill('SIGKILL');
    await Promise.all(work);
    expect(acknowledged.size).toBeLessThan(sent);

    pb = await startPocketBase({ binary, dataDir, port: await freePort() });
    const su2 = { authorization: await superuserToken(pb.url, superuser.email, superuser.password), 'content-type': 'application/json' };
    const stored: string[] = [];
    for (let page = 1; ; page++) {
      const list = await json(await fetch(`${pb.url}/api/collections/statements/records?perPage=500&page=${page}&fields=id`, { headers: su2 }));
      stored.push(...list.items.map((s: { id: string }) => s.id));
      if (page >= list.totalPages) break;
    }
    expect(new Set(stored).size).toBe(stored.length);
    expect([...acknowledged].filter((id) => !stored.includes(id))).toEqual([]);
    const report = await json(await fetch(`${pb.url}/api/continuum/admin/refold`, { method: 'POST', headers: su2, body: JSON.stringify({ dryRun: true }) }));
    expect(report.differences).toEqual([]);
    expect(report.learners).toBe(learners.length);
  } finally {
    await pb?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
});
