/**
 * What a supervisor's islands read and write, through the server's cohort routes
 * (pb_hooks/cohort.pb.js): a page of their linked learners with the totals, exports, assignments
 * and scenario insight. The server reads only the learners linked to the signed-in person.
 */
import type { CohortRow, SortKey } from '../../learning-record/cohort.ts';
import { backend } from './backend.ts';

/** One page of the dashboard as the server computes it (pb_hooks/cohort.pb.js). */
export interface CohortPage {
  path: string;
  /** Learners the filters keep; `linked`: all linked to me. */
  total: number;
  linked: number;
  page: number;
  perPage: number;
  totalPages: number;
  completion: { done: number; total: number; percent: number }[];
  overdue: number;
  tracks: string[];
  countries: string[];
  rows: CohortRow[];
}

export interface CohortParams {
  path: string;
  track: string;
  country: string;
  q: string;
  sort: SortKey;
  direction: 'ascending' | 'descending';
  page: number;
}

const query = (params: object) =>
  Object.fromEntries(Object.entries(params).filter(([, v]) => v !== '' && v !== undefined && v !== null).map(([k, v]) => [k, String(v)]));

/** One page of my learners on a path, with the totals, filtered and sorted by the server. */
export async function cohortPage(params: CohortParams): Promise<CohortPage> {
  return backend().send('/api/continuum/cohort', { query: query(params) });
}

/** The CSV or xAPI export of every learner the filters keep (made by the server), as text. */
export async function cohortExport(kind: 'csv' | 'xapi', params: CohortParams, lang: string): Promise<string> {
  const pb = backend();
  const url = pb.buildURL(`/api/continuum/cohort/export.${kind}?${new URLSearchParams(query({ ...params, lang, page: undefined }))}`);
  const response = await fetch(url, { headers: { Authorization: pb.authStore.token } });
  if (!response.ok) throw new Error(`${response.status} ${await response.text()}`);
  return response.text();
}

/** Assigns a path to one of my learners, or to all of them in a track or a country. */
export async function assignPath(body: { path: string; dueDate: string; learner?: string; track?: string; country?: string }): Promise<{ learners: number; created: number; updated: number }> {
  return backend().send('/api/continuum/cohort/assign', { method: 'POST', body });
}

/** Where my learners go in a case simulation (counts of choices and endings, from the server). */
export async function scenarioCounts(scenario: string): Promise<{ choices: Record<string, number>; endings: Record<string, number>; plays: number }> {
  return backend().send('/api/continuum/cohort/insight', { query: { scenario } });
}
