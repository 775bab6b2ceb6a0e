/**
 * What a supervisor's islands read and write, through the server's cohort routes
 * (pb_hooks/cohort.pb.js): a page of their linked learners with the totals, exports, assignments
 * and scenario insight. The server reads only the learners linked to the signed-in person.
 */
import type { CohortRow, SortKey } from '../../learning-record/cohort.ts';
import { backend } from './backend.ts';
import { insightOutline, type InsightOutline } from '../../simulation/insight-outline.ts';
import type { Scenario } from '../../simulation/schema.ts';

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
  const url = `/api/continuum/cohort/export.${kind}?${new URLSearchParams(query({ ...params, lang, page: undefined }))}`;
  const response = await fetch(url, { headers: { Authorization: backend().authStore.token } });
  if (!response.ok) throw new Error(`${response.status} ${await response.text()}`);
  return response.text();
}

/** Assigns a path to one of my learners, or to all of them in a track or a country. */
export async function assignPath(body: { path: string; dueDate: string; learner?: string; track?: string; country?: string }): Promise<{ learners: number; created: number; updated: number }> {
  return backend().send('/api/continuum/cohort/assign', { method: 'POST', body });
}

/** What the server counted for one case simulation (all versions, or the one asked for). */
export interface ScenarioCounts {
  choices: Record<string, number>;
  endings: Record<string, number>;
  plays: number;
  version: number | null;
  /** The versions my learners played, newest first. */
  versions: number[];
}

/** Where my learners go in a case simulation (counts of choices and endings, from the server). */
export async function scenarioCounts(scenario: string, version?: number | null): Promise<ScenarioCounts> {
  return backend().send('/api/continuum/cohort/insight', { query: version ? { scenario, version } : { scenario } });
}

/** Case simulations published in the studio (the latest version of each, titles per language). */
export async function publishedScenarioList(): Promise<{ id: string; version: number; titles: Record<string, string> }[]> {
  const body = (await backend().send('/api/continuum/scenarios', {})) as { items: { id: string; version: number; titles: Record<string, string> }[] };
  return body.items;
}

/**
 * A case simulation's moments, choices and endings in one language, for the insight: the built
 * file for the version the site was built with, else the published version's player data.
 */
export async function scenarioOutline(lang: string, id: string, version: number | null, builtVersion: number | null): Promise<InsightOutline> {
  if (builtVersion !== null && (version === null || version === builtVersion)) {
    const response = await fetch(`/${lang}/data/scenarios/${id}.json`);
    if (!response.ok) throw new Error(`${response.status}`);
    return (await response.json()) as InsightOutline;
  }
  const published = (await backend().send(`/api/continuum/scenarios/${encodeURIComponent(id)}`, { query: version ? { version, lang } : { lang } })) as { data: { scenario: Scenario } };
  return insightOutline(published.data.scenario);
}

/** One account as the admin page lists it. */
export interface Person { id: string; name: string; email: string; role: string; supervisor: string; track: string; country: string; deactivated: boolean; pending: boolean }

/** One page of everyone (admins only), searched by name or e-mail on the server (pb_hooks/people.pb.js). */
export async function peoplePage(query: { q: string; page: number; perPage: number }): Promise<{ items: Person[]; totalItems: number; totalPages: number; page: number }> {
  return backend().send('/api/continuum/admin/people', { query });
}
