/**
 * The browser's client for PocketBase (same origin: PocketBase serves the site and the API), the
 * signed-in person, and readable errors. The client is the small one of lib/api-client.ts, so a
 * learner's phone loads none of the PocketBase SDK; the account forms use the SDK for the sign-in
 * flows (lib/sdk.ts), which keeps the sign-in in the same place this reads it from.
 * Created on first use, never during server rendering. Islands reach the learning record through
 * learning-record.ts and supervision.ts.
 */
import { ApiClient, isResponseError } from './api-client.ts';

let client: ApiClient | undefined;

export function backend(): ApiClient {
  client ??= new ApiClient();
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
  const { authStore } = backend();
  const r = authStore.record;
  if (!authStore.isValid || !r || r.collectionName !== 'users') return null;
  return {
    id: r.id,
    name: String(r.name ?? ''),
    email: String(r.email ?? ''),
    role: String(r.role ?? ''),
    track: String(r.track ?? ''),
    preferredLanguage: String(r.preferredLanguage ?? ''),
  };
}

/** A readable reason from a PocketBase error, with the fields it names. */
export function describeError(error: unknown): string {
  if (isResponseError(error)) {
    const fields = Object.entries(fieldErrors(error)).map(([field, message]) => `${field}: ${message}`);
    return fields.length ? `${error.message} (${fields.join('; ')})` : error.message;
  }
  return error instanceof Error ? error.message : String(error);
}

export function fieldErrors(error: unknown): Record<string, string> {
  if (!isResponseError(error)) return {};
  const data = (error.response?.data ?? {}) as Record<string, { message?: string }>;
  return Object.fromEntries(Object.entries(data).map(([k, v]) => [k, v?.message ?? 'invalid']));
}

export function isNetworkError(error: unknown): boolean {
  return isResponseError(error) ? error.status === 0 : error instanceof TypeError;
}

/**
 * Staff tools on learner pages (lib/staff-tools.ts: the SCORM download), fetched only for
 * supervisors, trainers and admins, so a learner's phone loads none of their code. Called by the
 * page's island when it starts; the page has the slot (components/ScormSlot.astro).
 */
export function mountStaffTools(): void {
  const slot = document.querySelector<HTMLElement>('[data-scorm-slot]');
  if (!slot || !['supervisor', 'trainer', 'admin'].includes(currentUser()?.role ?? '')) return;
  void import('./staff-tools.ts').then((tools) => tools.mountScormDownload(slot));
}
