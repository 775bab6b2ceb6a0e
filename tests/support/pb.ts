/**
 * Small helpers to talk to the test PocketBase over HTTP, as a client would.
 */
import { expect, type APIRequestContext } from '@playwright/test';
import { randomBytes } from 'node:crypto';
import { superuser } from './env.ts';

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
  const created = await request.post(`${baseURL}/api/collections/users/records`, {
    data: { email, password, passwordConfirm: password, name: `Test ${label}`, track: 'border-officer', preferredLanguage: 'en', ...extra },
  });
  expect(created.status(), await created.text()).toBe(200);
  const token = await signIn(request, email, password);
  return { id: (await created.json()).id, email, password, token };
}

export async function signIn(request: APIRequestContext, email: string, password: string): Promise<string> {
  const auth = await request.post(`${baseURL}/api/collections/users/auth-with-password`, { data: { identity: email, password } });
  expect(auth.status(), await auth.text()).toBe(200);
  return (await auth.json()).token;
}

export async function superuserToken(request: APIRequestContext): Promise<string> {
  const auth = await request.post(`${baseURL}/api/collections/_superusers/auth-with-password`, {
    data: { identity: superuser.email, password: superuser.password },
  });
  expect(auth.status()).toBe(200);
  return (await auth.json()).token;
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
