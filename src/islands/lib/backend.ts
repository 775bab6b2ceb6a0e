/**
 * The browser's PocketBase client (same origin: PocketBase serves the site and the API).
 * Created on first use, never during server rendering.
 */
import PocketBase, { ClientResponseError } from 'pocketbase';
import type { SendOutcome, Transport } from '../../learning-record/outbox.ts';

let client: PocketBase | undefined;

export function backend(): PocketBase {
  client ??= new PocketBase(window.location.origin);
  client.autoCancellation(false);
  return client;
}

export interface SignedInUser {
  id: string;
  name: string;
  email: string;
  role: string;
  track: string;
  preferredLanguage: string;
}

export function currentUser(): SignedInUser | null {
  const pb = backend();
  if (!pb.authStore.isValid || !pb.authStore.record) return null;
  const r = pb.authStore.record;
  if (r.collectionName !== 'users') return null;
  return {
    id: r.id,
    name: String(r.name ?? ''),
    email: String(r.email ?? ''),
    role: String(r.role ?? ''),
    track: String(r.track ?? ''),
    preferredLanguage: String(r.preferredLanguage ?? ''),
  };
}

/** Sends one statement; a repeated id answers with the stored copy (see pb_hooks). */
export const sendStatement: Transport = async (statement): Promise<SendOutcome> => {
  try {
    await backend().collection('statements').create(statement);
    return { kind: 'stored' };
  } catch (error) {
    if (error instanceof ClientResponseError) {
      if (error.status === 0 || error.status >= 500 || error.status === 429 || error.status === 401) {
        return { kind: 'retry', reason: error.message };
      }
      return { kind: 'rejected', reason: describeError(error) };
    }
    return { kind: 'retry', reason: String(error) };
  }
};

/** A readable reason from a PocketBase error, with the fields it names. */
export function describeError(error: unknown): string {
  if (error instanceof ClientResponseError) {
    const data = (error.response?.data ?? {}) as Record<string, { message?: string }>;
    const fields = Object.entries(data).map(([field, detail]) => `${field}: ${detail?.message ?? 'invalid'}`);
    return fields.length ? `${error.message} (${fields.join('; ')})` : error.message;
  }
  return error instanceof Error ? error.message : String(error);
}

export function fieldErrors(error: unknown): Record<string, string> {
  if (!(error instanceof ClientResponseError)) return {};
  const data = (error.response?.data ?? {}) as Record<string, { message?: string }>;
  return Object.fromEntries(Object.entries(data).map(([k, v]) => [k, v?.message ?? 'invalid']));
}

export function isNetworkError(error: unknown): boolean {
  return error instanceof ClientResponseError ? error.status === 0 : error instanceof TypeError;
}
