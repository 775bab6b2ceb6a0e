/**
 * Onboarding: which paths a learner follows, how far along each one they are, when a path is
 * complete (every step passed), and certificate codes. Pure: the same code runs in the islands
 * (My onboarding, the cohort dashboard) and in the PocketBase hooks that issue and verify
 * certificates (codes: 12 characters of the alphabet below, shown as XXXX-XXXX-XXXX).
 */

/** A path as the learning record sees it: its id, its default track, its steps in order. */
export interface PathDefinition {
  id: string;
  track?: string | undefined;
  /** Activity ids, e.g. "module:children-on-the-move" or "scenario:border-arrival". */
  steps: string[];
}

/**
 * What the learning record needs of a path shown on a page: its id, track and steps' activities.
 * @example pathDefinition({ id: 'p', track: '', steps: [{ activity: 'module:a' }] }) // { id: 'p', track: '', steps: ['module:a'] }
 */
export function pathDefinition(view: { id: string; track?: string; steps: readonly { activity: string }[] }): PathDefinition {
  return { id: view.id, track: view.track, steps: view.steps.map((s) => s.activity) };
}

export type StepStatus = 'not-started' | 'in-progress' | 'completed' | 'passed';

/** The part of a progress row that status needs. */
export interface ProgressLike {
  activity: string;
  status: string;
}

export interface Assignment {
  path: string;
  /** ISO date-time or '' when there is no due date. */
  dueDate: string;
}

export interface PathProgress {
  path: string;
  steps: { activity: string; status: StepStatus }[];
  /** Steps passed. */
  done: number;
  total: number;
  percent: number;
  /** Every step passed: the path earns a certificate. */
  complete: boolean;
  /** The first step not passed yet, or null when complete. */
  next: string | null;
}

/**
 * A step's status from its progress row: a lesson is passed when every section is done and its
 * knowledge check is passed; a case simulation is completed at any ending, passed at a good one.
 * @example stepStatus(undefined) // 'not-started'
 * @example stepStatus({ activity: 'module:m', status: 'failed' }) // 'in-progress'
 */
export function stepStatus(row: ProgressLike | undefined): StepStatus {
  if (!row) return 'not-started';
  if (row.status === 'passed') return 'passed';
  if (row.status === 'completed') return 'completed';
  return 'in-progress';
}

/** Progress rows by activity id, for quick lookup. */
export function byActivity<T extends ProgressLike>(rows: readonly T[]): Map<string, T> {
  return new Map(rows.map((r) => [r.activity, r]));
}

/**
 * How far a learner is along a path.
 * @example pathProgress({ id: 'p', steps: ['module:a', 'module:b'] }, new Map([['module:a', { activity: 'module:a', status: 'passed' }]]))
 * // { path: 'p', done: 1, total: 2, percent: 50, complete: false, next: 'module:b', steps: [...] }
 */
export function pathProgress(path: PathDefinition, rows: ReadonlyMap<string, ProgressLike>): PathProgress {
  const steps = path.steps.map((activity) => ({ activity, status: stepStatus(rows.get(activity)) }));
  const done = steps.filter((s) => s.status === 'passed').length;
  const total = steps.length;
  return {
    path: path.id,
    steps,
    done,
    total,
    percent: total === 0 ? 0 : Math.floor((100 * done) / total),
    complete: total > 0 && done === total,
    next: steps.find((s) => s.status !== 'passed')?.activity ?? null,
  };
}

/**
 * The paths a learner follows: those assigned to them (with due dates), and their track's
 * default path when it is not assigned explicitly. Assigned paths come first, soonest due first.
 */
export function pathsForLearner(
  paths: readonly PathDefinition[],
  track: string,
  assignments: readonly Assignment[],
): { path: PathDefinition; dueDate: string; assigned: boolean }[] {
  const known = new Map(paths.map((p) => [p.id, p]));
  const assigned = assignments
    .filter((a) => known.has(a.path))
    .sort((a, b) => (a.dueDate || '9999').localeCompare(b.dueDate || '9999') || a.path.localeCompare(b.path))
    .map((a) => ({ path: known.get(a.path)!, dueDate: a.dueDate, assigned: true }));
  const seen = new Set(assigned.map((a) => a.path.id));
  const own = paths.filter((p) => p.track && p.track === track && !seen.has(p.id)).map((path) => ({ path, dueDate: '', assigned: false }));
  return [...assigned, ...own];
}

/**
 * Whether a path is overdue: it has a due date, the date has passed (the whole due day counts)
 * and it is not complete.
 * @example isOverdue('2026-01-31 00:00:00.000Z', false, new Date('2026-02-01T09:00:00Z')) // true
 */
export function isOverdue(dueDate: string, complete: boolean, now: Date = new Date()): boolean {
  if (!dueDate || complete) return false;
  const day = dueDate.slice(0, 10);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return false;
  return now.toISOString().slice(0, 10) > day;
}

/** The paths whose every step is passed, given a learner's progress rows. */
export function completedPaths(paths: readonly PathDefinition[], rows: readonly ProgressLike[]): string[] {
  const index = byActivity(rows);
  return paths.filter((p) => pathProgress(p, index).complete).map((p) => p.id);
}

/** The letters of certificate codes: no 0/O, 1/I, so a code is easy to read aloud and type. */
export const certificateAlphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
/** A code has 12 characters of the alphabet (60 bits), made by the server's random source. */
export const certificateCodeLength = 12;

/**
 * Normalises what someone typed as a code: upper case, no spaces, dashes where they belong.
 * Returns null when it cannot be a code.
 * @example normaliseCertificateCode(' k7pq 3mzx 9hta ') // 'K7PQ-3MZX-9HTA'
 */
export function normaliseCertificateCode(input: string): string | null {
  const raw = input.toUpperCase().replace(/[\s-]/g, '');
  if (raw.length !== certificateCodeLength || [...raw].some((c) => !certificateAlphabet.includes(c))) return null;
  return `${raw.slice(0, 4)}-${raw.slice(4, 8)}-${raw.slice(8, 12)}`;
}

/**
 * The time the steps not passed yet take, by their own estimates (a step begun counts whole).
 * @example minutesLeft({ steps: [{ activity: 'module:a', status: 'passed' }, { activity: 'module:b', status: 'in-progress' }] }, [20, 15]) // 15
 */
export function minutesLeft(progress: Pick<PathProgress, 'steps'>, minutes: readonly number[]): number {
  return progress.steps.reduce((sum, step, i) => (step.status === 'passed' ? sum : sum + (minutes[i] ?? 0)), 0);
}
