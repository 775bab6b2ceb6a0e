/**
 * The supervisor's view of a cohort: one row per learner on a path (status of each step, due
 * date, overdue, certificate), completion per step, CSV export, and where learners go in a case
 * simulation. Pure: the dashboard island renders it and the unit tests check it.
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

/**
 * Where learners went in a case simulation: how often each choice was taken and each ending
 * reached, from the "chose" statements and the ending statements. The counts are maps without
 * a prototype, so no stored id (not even "constructor") can find anything but a count.
 */
export function scenarioInsight(scenario: string, statements: readonly { verb: string; object: string; result?: { response?: string } | null }[]): {
  choices: Record<string, number>;
  endings: Record<string, number>;
  plays: number;
} {
  const choices: Record<string, number> = Object.create(null);
  const endings: Record<string, number> = Object.create(null);
  let plays = 0;
  for (const s of statements) {
    const parsed = parseActivity(s.object);
    if (!parsed || parsed.slug !== scenario) continue;
    if (s.verb === 'chose' && parsed.kind === 'choice') {
      choices[parsed.choice] = (choices[parsed.choice] ?? 0) + 1;
    } else if (parsed.kind === 'scenario' && (s.verb === 'passed' || s.verb === 'completed') && typeof s.result?.response === 'string' && s.result.response) {
      endings[s.result.response] = (endings[s.result.response] ?? 0) + 1;
      plays += 1;
    }
  }
  return { choices, endings, plays };
}
