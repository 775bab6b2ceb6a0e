/**
 * The browser's PocketBase client (same origin: PocketBase serves the site and the API), the
 * signed-in person, and readable errors. Created on first use, never during server rendering.
 * Islands reach the learning record through learning-record.ts and supervision.ts.
 */
import PocketBase, { ClientResponseError } from 'pocketbase';

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
