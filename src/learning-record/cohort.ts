/**
 * The supervisor's view of a cohort: one row per learner on a path (status of each step, due
 * date, overdue, certificate), completion per step, CSV export, and where learners go in a case
 * simulation. The server computes a page of rows and the totals (pb_hooks/cohort.pb.js reads
 * the database, these functions decide); the dashboard island shows them. Pure.
 */
import { parseActivity } from './activities.ts';
import { byActivity, isOverdue, pathProgress, type PathDefinition, type ProgressLike, type StepStatus } from './onboarding.ts';

export interface CohortLearner {
  id: string;
  name: string;
  email: string;
  track: string;
  country: string;
}

export interface CohortRow {
  learner: CohortLearner;
  statuses: StepStatus[];
  done: number;
  percent: number;
  complete: boolean;
  dueDate: string;
  assigned: boolean;
  overdue: boolean;
  certificate: string;
}

export function cohortRows(
  path: PathDefinition,
  learners: readonly CohortLearner[],
  progress: readonly (ProgressLike & { user: string })[],
  assignments: readonly { learner: string; path: string; dueDate: string }[],
  certificates: readonly { user: string; path: string; code: string }[],
  now: Date = new Date(),
): CohortRow[] {
  return learners.map((learner) => {
    const rows = byActivity(progress.filter((p) => p.user === learner.id));
    const p = pathProgress(path, rows);
    const assignment = assignments.find((a) => a.learner === learner.id && a.path === path.id);
    const dueDate = assignment?.dueDate ?? '';
    return {
      learner,
      statuses: p.steps.map((s) => s.status),
      done: p.done,
      percent: p.percent,
      complete: p.complete,
      dueDate,
      assigned: Boolean(assignment),
      overdue: isOverdue(dueDate, p.complete, now),
      certificate: certificates.find((c) => c.user === learner.id && c.path === path.id)?.code ?? '',
    };
  });
}

export type SortKey = 'name' | 'due' | 'progress';

/** Rows sorted by name, due date (none last) or progress; ties by name. */
export function sortRows(rows: readonly CohortRow[], key: SortKey, direction: 'ascending' | 'descending'): CohortRow[] {
  const sign = direction === 'ascending' ? 1 : -1;
  const byName = (a: CohortRow, b: CohortRow) => a.learner.name.localeCompare(b.learner.name);
  const compare = (a: CohortRow, b: CohortRow): number => {
    if (key === 'progress') return a.percent - b.percent;
    if (key === 'due') {
      if (!a.dueDate || !b.dueDate) return a.dueDate ? -sign : b.dueDate ? sign : 0; // no date: last either way
      return a.dueDate.localeCompare(b.dueDate);
    }
    return byName(a, b);
  };
  return [...rows].sort((a, b) => sign * compare(a, b) || byName(a, b));
}

/** How many of the rows have passed each step. */
export function stepCompletion(rows: readonly CohortRow[], stepCount: number): { done: number; total: number; percent: number }[] {
  return Array.from({ length: stepCount }, (_, i) => {
    const done = rows.filter((r) => r.statuses[i] === 'passed').length;
    return { done, total: rows.length, percent: rows.length ? Math.round((100 * done) / rows.length) : 0 };
  });
}

/**
 * One CSV field: quoted when needed, and a leading = + - @ neutralised so a spreadsheet never
 * runs a learner's name as a formula.
 * @example csvField('=1+1') // "'=1+1"
 */
export function csvField(value: string | number): string {
  let text = String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n;]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(header: readonly string[], lines: readonly (readonly (string | number)[])[]): string {
  return [header, ...lines].map((line) => line.map(csvField).join(',')).join('\r\n') + '\r\n';
}

/** Rows on one page of the dashboard: the first page of 10,000 learners stays small and fast. */
export const cohortPageSize = 50;

export interface CohortQuery {
  path: PathDefinition;
  track: string;
  country: string;
  /** Part of a learner's name. */
  search: string;
  sort: SortKey;
  direction: 'ascending' | 'descending';
  /** 1-based. */
  page: number;
  perPage: number;
}

/**
 * Reads the dashboard's query (path, filters, sort, page) from request parameters, with the
 * defaults a supervisor expects and a clear reason when something cannot be read.
 * @example cohortQuery({ path: 'teacher', sort: 'progress' }, paths) // { ok: true, query: { path: teacher, sort: 'progress', direction: 'ascending', page: 1, ... } }
 */
export function cohortQuery(params: Readonly<Record<string, string | null | undefined>>, paths: readonly PathDefinition[]): { ok: true; query: CohortQuery } | { ok: false; field: string; reason: string } {
  const pathId = params.path || paths[0]?.id || '';
  const path = paths.find((p) => p.id === pathId);
  if (!path) return { ok: false, field: 'path', reason: `there is no path "${pathId}" (paths: ${paths.map((p) => p.id).join(', ')})` };
  const sort = (params.sort || 'name') as SortKey;
  if (!['name', 'due', 'progress'].includes(sort)) return { ok: false, field: 'sort', reason: 'sort is name, due or progress' };
  const direction = params.direction === 'descending' ? 'descending' : 'ascending';
  const page = Math.max(1, Math.floor(Number(params.page || 1)) || 1);
  const perPage = Math.min(200, Math.max(1, Math.floor(Number(params.perPage || cohortPageSize)) || cohortPageSize));
  const text = (value: string | null | undefined, max: number) => String(value ?? '').trim().slice(0, max);
  return { ok: true, query: { path, track: text(params.track, 40), country: text(params.country, 80), search: text(params.q, 80), sort, direction, page, perPage } };
}

/** The labels of a cohort CSV in one language. */
export interface CohortCsvLabels {
  learner: string;
  email: string;
  track: string;
  country: string;
  path: string;
  due: string;
  progress: string;
  certificate: string;
  status: Record<StepStatus, string>;
  tracks: Record<string, string>;
  /** Step titles by activity id, path titles by path id. */
  steps: Record<string, string>;
  paths: Record<string, string>;
}

/** The header line of a cohort CSV for a path. */
export function cohortCsvHeader(path: PathDefinition, labels: CohortCsvLabels): string {
  const l = labels;
  return toCsv([l.learner, l.email, l.track, l.country, l.path, l.due, l.progress, ...path.steps.map((s) => l.steps[s] ?? s), l.certificate], []).replace(/\r\n$/, '');
}

/** One learner's line of a cohort CSV. */
export function cohortCsvLine(path: PathDefinition, row: CohortRow, labels: CohortCsvLabels): string {
  return [
    row.learner.name, row.learner.email, labels.tracks[row.learner.track] ?? row.learner.track, row.learner.country, labels.paths[path.id] ?? path.id,
    row.dueDate.slice(0, 10), `${row.percent}%`, ...row.statuses.map((s) => labels.status[s]), row.certificate,
  ].map(csvField).join(',');
}

/**
 * Where learners went in a case simulation: how often each choice was taken and each ending
 * reached, from counts of the "chose" statements and the ending statements (the server groups
 * them). The counts are maps without a prototype, so no stored id (not even "constructor") can
 * find anything but a count.
 * @example scenarioInsight('s', [{ verb: 'chose', object: 'scenario:s/choice:a', n: 3 }]) // { choices: { a: 3 }, endings: {}, plays: 0 }
 */
export function scenarioInsight(scenario: string, counts: readonly { verb: string; object: string; response?: string | null; n?: number }[]): {
  choices: Record<string, number>;
  endings: Record<string, number>;
  plays: number;
} {
  const choices: Record<string, number> = Object.create(null);
  const endings: Record<string, number> = Object.create(null);
  let plays = 0;
  for (const c of counts) {
    const n = c.n ?? 1;
    const parsed = parseActivity(c.object);
    if (!parsed || parsed.slug !== scenario) continue;
    if (c.verb === 'chose' && parsed.kind === 'choice') {
      choices[parsed.choice] = (choices[parsed.choice] ?? 0) + n;
    } else if (parsed.kind === 'scenario' && (c.verb === 'passed' || c.verb === 'completed') && typeof c.response === 'string' && c.response) {
      endings[c.response] = (endings[c.response] ?? 0) + n;
      plays += n;
    }
  }
  return { choices, endings, plays };
}
