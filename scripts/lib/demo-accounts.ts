/**
 * Demo accounts for `npm start`: one learner per track, one supervisor (of all four
 * learners), one trainer and one admin. Fixed ids make seeding idempotent.
 * Everyone here is fictional.
 */
import type { Locale } from '../../src/i18n/locales.ts';
import type { LearningFacts } from '../../src/learning-record/facts.ts';
import { statementFields } from '../../src/learning-record/records.ts';
import { knowledgeCheckResult, questionAnswered, sectionCompleted, type Statement } from '../../src/learning-record/statements.ts';

export const demoPassword = 'continuum-demo-2026';

export interface DemoAccount {
  id: string;
  email: string;
  name: string;
  role: 'learner' | 'supervisor' | 'trainer' | 'admin';
  track: 'border-officer' | 'teacher' | 'social-worker' | 'coordinator' | '';
  country: string;
  preferredLanguage: string;
  supervisor?: string;
}

export const demoAccounts: DemoAccount[] = [
  { id: 'demosupervisor1', email: 'supervisor@continuum.example', name: 'Grace Mwale (demo supervisor)', role: 'supervisor', track: 'coordinator', country: 'Zambia', preferredLanguage: 'en' },
  { id: 'demolearnerbord', email: 'officer@continuum.example', name: 'Joaquim Tembe (demo border officer)', role: 'learner', track: 'border-officer', country: 'Mozambique', preferredLanguage: 'pt', supervisor: 'demosupervisor1' },
  { id: 'demolearnerteac', email: 'teacher@continuum.example', name: 'Rosa Alvarado (demo teacher)', role: 'learner', track: 'teacher', country: 'Guatemala', preferredLanguage: 'es', supervisor: 'demosupervisor1' },
  { id: 'demolearnersoci', email: 'socialworker@continuum.example', name: 'Neema Mushi (demo social worker)', role: 'learner', track: 'social-worker', country: 'Tanzania', preferredLanguage: 'sw', supervisor: 'demosupervisor1' },
  { id: 'demolearnercoor', email: 'coordinator@continuum.example', name: 'Awa Diallo (demo coordinator)', role: 'learner', track: 'coordinator', country: 'Senegal', preferredLanguage: 'fr', supervisor: 'demosupervisor1' },
  { id: 'demotrainer0001', email: 'trainer@continuum.example', name: 'Samir Haddad (demo trainer)', role: 'trainer', track: 'coordinator', country: 'Sudan', preferredLanguage: 'ar' },
  { id: 'demoadmin000001', email: 'admin@continuum.example', name: 'Demo administrator', role: 'admin', track: '', country: '', preferredLanguage: 'en' },
];

/** Creates the demo accounts that are missing and resets the profile fields of the others. */
export async function seedDemoAccounts(url: string, superuserToken: string): Promise<{ created: number; kept: number }> {
  const headers = { 'content-type': 'application/json', authorization: superuserToken };
  let created = 0;
  let kept = 0;
  for (const account of demoAccounts) {
    const { id, email, ...profile } = account;
    const fields = { ...profile, supervisor: profile.supervisor ?? '', deactivated: false };
    const existing = await fetch(`${url}/api/collections/users/records/${id}`, { headers });
    if (existing.status === 404) {
      const response = await fetch(`${url}/api/collections/users/records`, {
        method: 'POST',
        headers,
        body: JSON.stringify({ id, email, emailVisibility: true, verified: true, password: demoPassword, passwordConfirm: demoPassword, ...fields }),
      });
      if (!response.ok) throw new Error(`could not create demo account ${email}: ${response.status} ${await response.text()}`);
      created += 1;
    } else if (existing.ok) {
      const response = await fetch(`${url}/api/collections/users/records/${id}`, {
        method: 'PATCH',
        headers,
        body: JSON.stringify(fields),
      });
      if (!response.ok) throw new Error(`could not update demo account ${email}: ${response.status} ${await response.text()}`);
      kept += 1;
    } else {
      throw new Error(`could not look up demo account ${email}: ${existing.status} ${await existing.text()}`);
    }
  }
  return { created, kept };
}

/**
 * Deactivates the demo accounts that exist (their password is published): `npm start`
 * listening beyond loopback without DEMO_ACCOUNTS=1. Returns how many were active.
 */
export async function deactivateDemoAccounts(url: string, superuserToken: string): Promise<number> {
  const headers = { 'content-type': 'application/json', authorization: superuserToken };
  let count = 0;
  for (const { id } of demoAccounts) {
    const existing = await fetch(`${url}/api/collections/users/records/${id}`, { headers });
    if (!existing.ok || (await existing.json()).deactivated) continue;
    const response = await fetch(`${url}/api/collections/users/records/${id}`, { method: 'PATCH', headers, body: JSON.stringify({ deactivated: true }) });
    if (!response.ok) throw new Error(`could not deactivate demo account ${id}: ${response.status} ${await response.text()}`);
    count += 1;
  }
  return count;
}

/**
 * Demo onboarding, so the dashboards have something to show: the supervisor assigns each
 * learner their track's path and the essentials, and two learners have made a start. Fixed
 * ids make it idempotent: assignments are upserted, statements replayed are stored once.
 * The statements are made by the server's rules like any other (sections that exist, a real
 * knowledge check result), so progress is folded and certificates issued as for real.
 */
export async function seedDemoOnboarding(
  url: string,
  superuserToken: string,
  modules: LearningFacts['modules'],
): Promise<{ assignments: number; statements: number }> {
  const admin = { 'content-type': 'application/json', authorization: superuserToken };
  const supervisor = 'demosupervisor1';
  const learners = demoAccounts.filter((a) => a.supervisor === supervisor);
  const due = (days: number) => new Date(Date.UTC(2027, 0, 1) + days * 86_400_000).toISOString().replace('T', ' ');
  let assignments = 0;
  for (const [i, learner] of learners.entries()) {
    for (const [path, days] of [[learner.track, 90], ['essentials', 14]] as const) {
      const id = `demoassign${i}${path === 'essentials' ? 'e' : 't'}`.padEnd(15, '0').slice(0, 15);
      const body = { learner: learner.id, path, dueDate: due(days + i * 7), assignedBy: supervisor };
      const existing = await fetch(`${url}/api/collections/assignments/records/${id}`, { headers: admin });
      const response = existing.ok
        ? await fetch(`${url}/api/collections/assignments/records/${id}`, { method: 'PATCH', headers: admin, body: JSON.stringify(body) })
        : await fetch(`${url}/api/collections/assignments/records`, { method: 'POST', headers: admin, body: JSON.stringify({ id, ...body }) });
      if (!response.ok) throw new Error(`could not assign ${path} to ${learner.email}: ${response.status} ${await response.text()}`);
      assignments += 1;
    }
  }
  // the border officer has passed the first lesson; the teacher is halfway through it
  const started: [DemoAccount, number][] = [[learners.find((l) => l.track === 'border-officer')!, Infinity], [learners.find((l) => l.track === 'teacher')!, 3]];
  let statements = 0;
  for (const [learner, count] of started) {
    const session = await fetch(`${url}/api/collections/users/impersonate/${learner.id}`, { method: 'POST', headers: admin, body: JSON.stringify({ duration: 600 }) });
    if (!session.ok) throw new Error(`could not act as ${learner.email}: ${session.status} ${await session.text()}`);
    const headers = { 'content-type': 'application/json', authorization: (await session.json()).token };
    const slug = 'children-on-the-move';
    const lesson = modules[slug];
    const at = (n: number) => new Date(Date.UTC(2026, 10, 2, 9, n));
    const demoId = (kind: string, n: number | string) => `demo${learner.id.slice(-4)}${kind}${n}`.padEnd(15, '0').slice(0, 15);
    const common = { user: learner.id, language: learner.preferredLanguage as Locale, moduleSlug: slug };
    const records: Statement[] = (lesson?.sections ?? []).slice(0, count).map((sectionId, n) => sectionCompleted({ ...common, sectionId, id: demoId('sect', n), now: at(n) }));
    if (count === Infinity) {
      // the knowledge check, answered right (the server scores it from these answers)
      for (const [n, q] of (lesson?.questions ?? []).entries()) {
        records.push(questionAnswered({ ...common, questionId: q.id, chosen: q.correct, correct: true, id: demoId('answ', n), now: at(20 + n) }));
      }
      records.push(knowledgeCheckResult({ ...common, scaled: 1, passed: true, id: demoId('quiz', ''), now: at(30) }));
    }
    for (const record of records) {
      const response = await fetch(`${url}/api/collections/statements/records`, { method: 'POST', headers, body: JSON.stringify(statementFields(record)) });
      if (!response.ok) throw new Error(`could not record demo progress for ${learner.email}: ${response.status} ${await response.text()}`);
      statements += 1;
    }
  }
  return { assignments, statements };
}
