/**
 * Progress: each admitted statement is folded into one progress row per learner and activity
 * (a lesson or a case simulation), and a statement that leaves its activity passed may complete
 * a path, which earns a certificate. The server (pb_hooks/statements.pb.js) runs this in the
 * same transaction as storing the statement; `foldAll` rebuilds progress from the record.
 * Pure: bundled for the hooks and unit-tested directly.
 */
import { own, parseActivity, type ActivityType } from './activities.ts';
import type { LearningFacts } from './facts.ts';
import { completedPaths, type PathDefinition, type ProgressLike } from './onboarding.ts';
import type { Statement } from './statements.ts';

export type ProgressStatus = 'in-progress' | 'completed' | 'passed' | 'failed';

export interface Progress {
  activity: string;
  activityType: ActivityType;
  status: ProgressStatus;
  completedSections: string[];
  totalSections: number;
  percent: number;
  score: number | null;
  /** Whether the lesson's knowledge check has been passed (lessons only). */
  checkPassed: boolean;
  language: string;
  lastActivityAt: string;
}

const statusRank: Record<ProgressStatus, number> = { 'in-progress': 0, failed: 1, completed: 2, passed: 3 };

/** The activity whose progress a statement changes (e.g. "module:m"), or null. */
export function progressActivity(statement: Pick<Statement, 'object'>): string | null {
  return parseActivity(statement.object)?.activity ?? null;
}

/**
 * Folds one statement into the learner's progress on its activity. Never loses ground: a done
 * section stays done and a passed activity stays passed. A lesson's section count comes from
 * the content (the facts), not from the device.
 * @example
 * applyStatement(null, { verb: 'completed', object: 'module:m/section:a', ... }, facts)
 * // { activity: 'module:m', status: 'in-progress', completedSections: ['a'], totalSections: 2, percent: 50, ... }
 */
export function applyStatement(previous: Progress | null, statement: Statement, facts?: Pick<LearningFacts, 'modules'>): Progress | null {
  const parsed = parseActivity(statement.object);
  if (!parsed || parsed.activityType === 'path') return null;
  const base: Progress = previous ?? {
    activity: parsed.activity,
    activityType: parsed.activityType,
    status: 'in-progress',
    completedSections: [],
    totalSections: 0,
    percent: 0,
    score: null,
    checkPassed: false,
    language: statement.language,
    lastActivityAt: statement.timestamp,
  };
  if (base.activity !== parsed.activity) {
    throw new Error(`statement ${statement.id} is about ${parsed.activity}, not ${base.activity}`);
  }
  const next: Progress = { ...base, completedSections: [...base.completedSections] };
  next.language = statement.language;
  if (statement.timestamp > next.lastActivityAt) next.lastActivityAt = statement.timestamp;

  const lesson = parsed.activityType === 'module' && facts ? own(facts.modules, parsed.slug) : undefined;
  const declared = Number(statement.context?.totalSections ?? 0);
  if (lesson) next.totalSections = lesson.sections.length;
  else if (Number.isInteger(declared) && declared > next.totalSections && declared <= 50) next.totalSections = declared;

  let status: ProgressStatus = next.status;
  const scaled = statement.result?.score?.scaled;
  const validScore = typeof scaled === 'number' && scaled >= 0 && scaled <= 1;
  if (parsed.kind === 'section' && statement.verb === 'completed') {
    if (!next.completedSections.includes(parsed.section)) next.completedSections.push(parsed.section);
    if (next.totalSections < next.completedSections.length) next.totalSections = next.completedSections.length;
  } else if (parsed.kind === 'knowledge-check' && (statement.verb === 'passed' || statement.verb === 'failed')) {
    // keep the best score; passed once is passed
    if (validScore) next.score = Math.max(next.score ?? 0, scaled);
    if (statement.verb === 'passed') next.checkPassed = true;
  } else if (parsed.kind === 'scenario' && (statement.verb === 'passed' || statement.verb === 'failed' || statement.verb === 'completed')) {
    status = statement.verb;
    if (validScore) next.score = scaled;
  }

  if (next.activityType === 'module' && next.totalSections > 0) {
    next.percent = Math.floor((100 * next.completedSections.length) / next.totalSections);
    if (next.completedSections.length >= next.totalSections) status = next.checkPassed ? 'passed' : 'completed';
  } else if (status === 'completed' || status === 'passed') {
    next.percent = 100;
  }
  if (statusRank[status] >= statusRank[next.status]) next.status = status;
  return next;
}

/**
 * Folds a learner's statements, oldest first, into progress per activity: rebuilds progress
 * from the record at any time.
 */
export function foldAll(statements: readonly Statement[], facts?: Pick<LearningFacts, 'modules'>): Map<string, Progress> {
  const byActivity = new Map<string, Progress>();
  const ordered = [...statements].sort((a, b) => a.timestamp.localeCompare(b.timestamp) || a.id.localeCompare(b.id));
  for (const statement of ordered) {
    const activity = progressActivity(statement);
    if (!activity) continue;
    const folded = applyStatement(byActivity.get(activity) ?? null, statement, facts);
    if (folded) byActivity.set(activity, folded);
  }
  return byActivity;
}

export interface CertificateDecision {
  /** Paths to certify now. */
  issue: string[];
  /** Paths complete but not certified, and why. */
  withheld: { path: string; reason: string }[];
}

/**
 * Which certificates a learner is due after a statement: every path whose steps are all passed
 * and that they hold no certificate for yet, provided their e-mail address is verified (a
 * certificate vouches for a person someone can reach).
 * @example certificatesDue(paths, rows, ['essentials'], { verified: true }) // { issue: ['teacher'], withheld: [] }
 */
export function certificatesDue(
  paths: readonly PathDefinition[],
  rows: readonly ProgressLike[],
  held: readonly string[],
  learner: { verified: boolean },
): CertificateDecision {
  const complete = completedPaths(paths, rows).filter((p) => !held.includes(p));
  if (learner.verified) return { issue: complete, withheld: [] };
  return { issue: [], withheld: complete.map((path) => ({ path, reason: 'the e-mail address is not verified yet' })) };
}

/** One difference between stored progress and progress rebuilt from the statements. */
export interface RefoldDifference {
  activity: string;
  change: 'created' | 'changed' | 'removed';
  /** The fields that differ, stored -> rebuilt. */
  fields: Record<string, { stored: unknown; rebuilt: unknown }>;
}

const comparedFields = ['status', 'completedSections', 'totalSections', 'percent', 'score', 'checkPassed'] as const;

function sameValue(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && [...a].sort().every((x, i) => x === [...b].sort()[i]);
  if (typeof a === 'number' && typeof b === 'number') return Math.abs(a - b) < 1e-9;
  return a === b;
}

/**
 * Rebuilds a learner's progress from their statements and says how it differs from what is
 * stored (`npm run refold`, the admin's "rebuild progress"): the rows to write and the differences.
 * @example refold(statements, storedRows, facts) // { rows: [...], differences: [{ activity: 'module:m', change: 'changed', fields: { percent: { stored: 50, rebuilt: 100 } } }] }
 */
export function refold(statements: readonly Statement[], stored: readonly Progress[], facts?: Pick<LearningFacts, 'modules'>): { rows: Progress[]; differences: RefoldDifference[] } {
  const rebuilt = foldAll(statements, facts);
  const storedBy = new Map(stored.map((p) => [p.activity, p]));
  const differences: RefoldDifference[] = [];
  for (const [activity, row] of rebuilt) {
    const before = storedBy.get(activity);
    const fields: RefoldDifference['fields'] = {};
    for (const field of comparedFields) {
      const value = field === 'score' ? (row.score ?? 0) : row[field];
      const was = before ? (field === 'score' ? (before.score ?? 0) : before[field]) : undefined;
      if (!before || !sameValue(was, value)) fields[field] = { stored: was, rebuilt: value };
    }
    if (!before) differences.push({ activity, change: 'created', fields });
    else if (Object.keys(fields).length) differences.push({ activity, change: 'changed', fields });
  }
  for (const [activity, row] of storedBy) {
    if (!rebuilt.has(activity)) differences.push({ activity, change: 'removed', fields: { status: { stored: row.status, rebuilt: undefined } } });
  }
  return { rows: [...rebuilt.values()], differences };
}
