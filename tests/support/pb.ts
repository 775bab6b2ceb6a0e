/**
 * Small helpers to talk to the test PocketBase over HTTP, as a client would.
 */
import { expect, type APIRequestContext } from '@playwright/test';
import { randomBytes } from 'node:crypto';
import { superuser } from './env.ts';
import { facts } from './content.ts';
import { requestFrom } from './http-from.ts';
import { registrationId, scenarioChoice, scenarioEnded } from '../../src/learning-record/statements.ts';
import { statementFields } from '../../src/learning-record/records.ts';
import { replayChoices, type ScenarioStructure } from '../../src/simulation/rules.ts';

export const baseURL = `http://127.0.0.1:${process.env.CONTINUUM_TEST_PORT}`;

export function uniqueEmail(label: string): string {
  return `${label}-${randomBytes(5).toString('hex')}@tests.continuum.example`;
}

export function newId(): string {
  const alphabet = 'abcdefghijklmnopqrstuvwxyz0123456789';
  return [...randomBytes(15)].map((b) => alphabet[b % alphabet.length]).join('');
}

export interface Learner {
  id: string;
  email: string;
  password: string;
  token: string;
}

export async function signUp(request: APIRequestContext, label: string, extra: Record<string, unknown> = {}): Promise<Learner> {
  const email = uniqueEmail(label);
  const password = 'learner-password-1';
  // a public sign-up, as a learner makes it; each from its own loopback address, because sign-ups
  // are limited to 30 a minute per address and the suite's workers make more than that
  const created = await requestFrom(signUpAddress(), 'POST', '/api/collections/users/records', {
    email, password, passwordConfirm: password, name: `Test ${label}`, track: 'border-officer', preferredLanguage: 'en', ...extra,
  });
  expect(created.status, JSON.stringify(created.body)).toBe(200);
  const id = created.body.id as string;
  return { id, email, password, token: (await impersonate(request, id)).token };
}

let signUps = 0;

/** 127.0.<100 + worker>.<1..250>, in turn: never 127.0.0.x, which the browsers and the limit tests use. */
function signUpAddress(): string {
  const worker = Number(process.env.TEST_WORKER_INDEX ?? 0) % 100;
  return `127.0.${100 + worker}.${1 + (signUps++ % 250)}`;
}

/**
 * A session for a user from a superuser's impersonation, so that the suite's many learners do
 * not use up the per-address sign-in limit (signing in itself is tested where it matters).
 */
export async function impersonate(request: APIRequestContext, id: string): Promise<{ token: string; record: Record<string, unknown> }> {
  const su = await superuserToken(request);
  const session = await request.post(`${baseURL}/api/collections/users/impersonate/${id}`, { headers: { Authorization: su }, data: { duration: 3600 } });
  expect(session.status(), await session.text()).toBe(200);
  return session.json();
}

export async function signIn(request: APIRequestContext, email: string, password: string): Promise<string> {
  const auth = await request.post(`${baseURL}/api/collections/users/auth-with-password`, { data: { identity: email, password } });
  expect(auth.status(), await auth.text()).toBe(200);
  return (await auth.json()).token;
}

let superuserAuth: Promise<string> | undefined;

/** A superuser token, signed in once per test worker (sign-ins are rate limited per address). */
export function superuserToken(request: APIRequestContext): Promise<string> {
  superuserAuth ??= (async () => {
    const auth = await request.post(`${baseURL}/api/collections/_superusers/auth-with-password`, {
      data: { identity: superuser.email, password: superuser.password },
    });
    expect(auth.status(), await auth.text()).toBe(200);
    return (await auth.json()).token as string;
  })();
  return superuserAuth;
}

/** Reads records as a superuser (the ground truth, not what a learner is allowed to see). */
export async function adminList(request: APIRequestContext, collection: string, filter: string): Promise<Record<string, unknown>[]> {
  const token = await superuserToken(request);
  const response = await request.get(`${baseURL}/api/collections/${collection}/records`, {
    headers: { Authorization: token },
    params: { filter, perPage: 200 },
  });
  expect(response.status()).toBe(200);
  return (await response.json()).items;
}

export function sectionStatement(user: string, section: string, overrides: Record<string, unknown> = {}) {
  return {
    id: newId(),
    user,
    verb: 'completed',
    object: `module:children-on-the-move/section:${section}`,
    result: { completion: true },
    context: { parent: 'module:children-on-the-move', totalSections: 6 },
    language: 'en',
    timestamp: new Date().toISOString(),
    ...overrides,
  };
}

export interface Person extends Learner {
  name: string;
  /** The users record as PocketBase returns it (for a browser session). */
  record: Record<string, unknown>;
}

/**
 * Makes a person as an administrator would (role, supervisor, track, country set by a
 * superuser) and gives back a session for them (see impersonate).
 */
export async function createPerson(request: APIRequestContext, label: string, fields: Record<string, unknown> = {}): Promise<Person> {
  const su = await superuserToken(request);
  const email = uniqueEmail(label);
  const password = 'person-password-1';
  const name = String(fields.name ?? `Test ${label}`);
  const created = await request.post(`${baseURL}/api/collections/users/records`, {
    headers: { Authorization: su },
    // made by an administrator, so the address counts as verified (certificates need it)
    data: { email, password, passwordConfirm: password, name, track: 'border-officer', preferredLanguage: 'en', verified: true, ...fields },
  });
  expect(created.status(), await created.text()).toBe(200);
  const id = (await created.json()).id as string;
  const { token, record } = await impersonate(request, id);
  return { id, email, password, name, token, record };
}

/**
 * The statements that complete a lesson for real: the given sections done, then each question of
 * the knowledge check answered right (from the answer key the server scores with), then passed.
 */
export function moduleCompletion(user: string, slug: string, sections: readonly string[]) {
  const now = Date.now() - 60_000;
  const at = (i: number) => new Date(now + i * 100).toISOString();
  const questions = facts().modules[slug]!.questions;
  return [
    ...sections.map((section, i) => ({
      id: newId(), user, verb: 'completed', object: `module:${slug}/section:${section}`, result: { completion: true },
      context: { parent: `module:${slug}`, totalSections: sections.length }, language: 'en', timestamp: at(i),
    })),
    ...questions.map((q, i) => ({
      id: newId(), user, verb: 'answered', object: `module:${slug}/question:${q.id}`,
      result: { success: true, response: [...q.correct].sort().join('[,]') }, context: { parent: `module:${slug}` }, language: 'en', timestamp: at(sections.length + i),
    })),
    {
      id: newId(), user, verb: 'passed', object: `module:${slug}/quiz:knowledge-check`,
      result: { success: true, completion: true, score: { scaled: 1 } }, context: { parent: `module:${slug}` }, language: 'en', timestamp: at(sections.length + questions.length),
    },
  ];
}

/** A saved run at the start of a scenario's latest version, as the player saves one. */
export function savedRun(scenario: string) {
  const known = facts().scenarios[scenario]!;
  const structure = known.versions[String(known.latest)]!;
  return { scenario, version: known.latest, snapshot: { value: structure.start, status: 'active', context: { registration: 'r1', variables: {}, scores: {}, history: [] } } };
}

/**
 * The statements of a case simulation played for real along `choices` (each offered where the
 * learner is, as the server replays them), then its ending: passed when it is a good one.
 */
export function scenarioCompletion(user: string, structure: ScenarioStructure, choices: readonly string[]) {
  const playthrough = { user, language: 'en' as const, scenario: structure.id, version: structure.version, registration: registrationId() };
  const start = Date.now() - 60_000;
  const statements = choices.map((choice, i) => {
    const replay = replayChoices(structure, choices.slice(0, i));
    if (!replay.ok) throw new Error(replay.reason);
    return statementFields(scenarioChoice({ ...playthrough, node: replay.at, choice, variables: {}, now: new Date(start + i * 1000) }));
  });
  const end = replayChoices(structure, choices);
  if (!end.ok || !end.ending) throw new Error(`the choices ${choices.join(', ')} do not reach an ending of ${structure.id}`);
  const outcome = structure.endings[end.ending]!.outcome;
  statements.push(statementFields(scenarioEnded({ ...playthrough, ending: end.ending, outcome, choices, scores: {}, scaled: 1, now: new Date(start + 30_000) })));
  return statements;
}
