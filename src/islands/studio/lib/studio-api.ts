/**
 * The studio's calls to PocketBase: drafts (saved with the revision they edit), submit, review,
 * rollback, published versions and the review log. Who may do what is decided on the server
 * (pb_migrations/1765100000_studio.js, pb_hooks/studio.pb.js, src/simulation/workflow.ts).
 */
import type { LanguageCoverage } from '../../../simulation/coverage.ts';
import type { ScenarioProblem } from '../../../simulation/schema.ts';
import { withTranslationBaseline } from '../../../simulation/translation.ts';
import type { DraftStatus, ScenarioDocument } from '../../../simulation/workflow.ts';
import { isResponseError } from '../../lib/api-client.ts';
import { backend, describeError, isNetworkError } from '../../lib/backend.ts';
import type { SaveOutcome } from './autosave.ts';

export interface DraftRecord {
  id: string;
  scenario: string;
  title: string;
  document: ScenarioDocument;
  baseVersion: number;
  status: DraftStatus;
  revision: number;
  editedBy: string;
  submittedBy: string;
  reviewComment: string;
  /**
   * Its language coverage, written by the server at every save (languageCoverage;
   * pb_hooks/studio.pb.js); null when the server could not work it out.
   */
  coverage: LanguageCoverage[] | null;
  created: string;
  updated: string;
}

export interface VersionRecord {
  id: string;
  scenario: string;
  version: number;
  document: ScenarioDocument;
  author: string;
  approvedBy: string;
  basedOn: number;
  comment: string;
  created: string;
  expand?: { author?: { name?: string }; approvedBy?: { name?: string } };
}

export interface ReviewRecord {
  id: string;
  scenario: string;
  version: number;
  by: string;
  decision: 'submitted' | 'approved' | 'changes-requested' | 'rolled-back';
  comment: string;
  created: string;
  expand?: { by?: { name?: string } };
}

export interface PublishedSummary {
  id: string;
  version: number;
  published: string;
  titles: Record<string, string>;
  summaries: Record<string, string>;
  tracks: string[];
  minutes: number;
}

/** A refusal of the server, with the check problems it names (data.problems) if any. */
export class StudioError extends Error {
  constructor(message: string, readonly status: number, readonly problems: ScenarioProblem[] = []) {
    super(message);
  }
}

function studioError(error: unknown): StudioError {
  if (isResponseError(error)) {
    // the studio routes list the check problems in `problems` (pb_hooks/lib/studio-store.js refusal)
    const body = (error.response ?? {}) as { message?: string; problems?: ScenarioProblem[]; data?: { problems?: ScenarioProblem[] } };
    const problems = body.problems ?? body.data?.problems;
    return new StudioError(error.status === 0 ? describeError(error) : body.message || describeError(error), error.status, Array.isArray(problems) ? problems : []);
  }
  return new StudioError(describeError(error), 0);
}

async function call<T>(f: () => Promise<T>): Promise<T> {
  try {
    return await f();
  } catch (error) {
    throw studioError(error);
  }
}

const drafts = () => backend().collection('scenario_drafts');

/**
 * A draft without its document, with the language coverage the server stored: what the list
 * shows (documents can weigh 100 KB each; the list never downloads them).
 */
export type DraftSummary = Omit<DraftRecord, 'document'>;

export const listDrafts = () =>
  call(() => drafts().getFullList<DraftSummary>({ sort: 'scenario', fields: 'id,scenario,title,baseVersion,status,revision,editedBy,submittedBy,reviewComment,coverage,created,updated' }));

export async function draftFor(scenario: string): Promise<DraftRecord | null> {
  const found = await call(() => drafts().getList<DraftRecord>(1, 1, { filter: backend().filter('scenario = {:scenario}', { scenario }) }));
  return found.items[0] ?? null;
}

/**
 * A new draft. Its translations without a record of their English (a copy of a built-in
 * scenario, imported files) get today's English as that record, so that an English edit from
 * now on flags them as out of date.
 */
export function createDraft(document: ScenarioDocument, baseVersion: number) {
  const withBaseline = withTranslationBaseline(document);
  return call(() => drafts().create<DraftRecord>({ scenario: String(document.scenario.id), title: String(document.scenario.title ?? ''), document: withBaseline, baseVersion }));
}

export const deleteDraft = (id: string) => call(() => drafts().delete(id));

/** Saves a draft's document over the revision it edits: a 409 says who saved in between. */
export async function saveDraft(id: string, document: ScenarioDocument, revision: number): Promise<SaveOutcome> {
  try {
    const saved = await drafts().update<DraftRecord>(id, { document, title: String(document.scenario.title ?? ''), revision });
    return { ok: true, revision: saved.revision };
  } catch (error) {
    if (isResponseError(error) && error.status === 409) return { ok: false, conflict: true, reason: error.response?.message || error.message };
    const retry = isNetworkError(error) || (isResponseError(error) && (error.status >= 500 || error.status === 429));
    return { ok: false, retry, reason: describeError(error) };
  }
}

export const getDraft = (id: string) => call(() => drafts().getOne<DraftRecord>(id));

const route = <T>(path: string, body: Record<string, unknown> = {}) =>
  call(() => backend().send<T>(`/api/continuum/${path}`, { method: 'POST', body }));

export const submitDraft = (id: string) => route<DraftRecord>(`studio/drafts/${encodeURIComponent(id)}/submit`);

export const reviewDraft = (id: string, decision: 'approve' | 'changes', comment: string) =>
  route<DraftRecord & { published?: number }>(`studio/drafts/${encodeURIComponent(id)}/review`, { decision, comment });

export const rollBack = (scenario: string, version: number, comment: string) =>
  route<{ scenario: string; published: number; basedOn: number }>(`studio/scenarios/${encodeURIComponent(scenario)}/rollback`, { version, comment });

export const listVersions = (scenario: string) =>
  call(() => backend().collection('scenario_versions').getFullList<VersionRecord>({
    filter: backend().filter('scenario = {:scenario}', { scenario }),
    sort: '-version',
    expand: 'author,approvedBy',
    // not the player's data of every language: the history needs the document only
    fields: 'id,scenario,version,document,author,approvedBy,basedOn,comment,created,expand.author.name,expand.approvedBy.name',
  }));

export const listReviews = (scenario: string) =>
  call(() => backend().collection('scenario_reviews').getFullList<ReviewRecord>({ filter: backend().filter('scenario = {:scenario}', { scenario }), sort: '-created', expand: 'by' }));

export const listPublished = () => call(async () => (await backend().send<{ items: PublishedSummary[] }>('/api/continuum/scenarios', { method: 'GET' })).items);

export const publishedVersion = (scenario: string, version?: number) =>
  call(() => backend().send<VersionRecord>(`/api/continuum/scenarios/${encodeURIComponent(scenario)}`, { method: 'GET', query: version ? { version } : {} }));
