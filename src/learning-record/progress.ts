/**
 * Progress folding: each statement updates one progress row per learner and activity.
 * The same code runs in the browser (to show progress at once) and in the PocketBase hook
 * (bundled into pocketbase/pb_hooks/_generated/learning-record.cjs), which is the authority.
 */
import { parseObject, type ActivityType, type Statement } from './statements.ts';

export type ProgressStatus = 'in-progress' | 'completed' | 'passed' | 'failed';

export interface Progress {
  activity: string;
  activityType: ActivityType;
  status: ProgressStatus;
  completedSections: string[];
  totalSections: number;
  percent: number;
  score: number | null;
  /** Whether the module's knowledge check has been passed (modules only). */
  checkPassed: boolean;
  language: string;
  lastActivityAt: string;
}

const statusRank: Record<ProgressStatus, number> = { 'in-progress': 0, failed: 1, completed: 2, passed: 3 };

/** The activity whose progress a statement changes, or null if it changes none. */
export function progressActivity(statement: Pick<Statement, 'object'>): string | null {
  return parseObject(statement.object)?.activity ?? null;
}

/**
 * Folds one statement into the learner's progress on its activity. Never loses ground:
 * a done section stays done and a passed activity stays passed.
 * @example
 * foldStatement(null, { verb: 'completed', object: 'module:m/section:a', context: { totalSections: 2 }, ... })
 * // { activity: 'module:m', status: 'in-progress', completedSections: ['a'], totalSections: 2, percent: 50, ... }
 */
export function foldStatement(previous: Progress | null, statement: Statement): Progress | null {
  const parsed = parseObject(statement.object);
  if (!parsed) return null;
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

  const declaredTotal = Number(statement.context?.totalSections ?? 0);
  if (Number.isInteger(declaredTotal) && declaredTotal > next.totalSections && declaredTotal <= 50) {
    next.totalSections = declaredTotal;
  }

  let status: ProgressStatus = next.status;
  if (statement.verb === 'completed' && parsed.part?.kind === 'section') {
    if (!next.completedSections.includes(parsed.part.id)) next.completedSections.push(parsed.part.id);
    if (next.totalSections < next.completedSections.length) next.totalSections = next.completedSections.length;
  } else if (statement.verb === 'completed' && parsed.part === null) {
    status = 'completed';
  } else if ((statement.verb === 'passed' || statement.verb === 'failed') && parsed.part?.kind === 'quiz') {
    // a module's knowledge check: keep the best score; passed once is passed
    const scaled = statement.result?.score?.scaled;
    if (typeof scaled === 'number' && scaled >= 0 && scaled <= 1) next.score = Math.max(next.score ?? 0, scaled);
    if (statement.verb === 'passed') next.checkPassed = true;
  } else if ((statement.verb === 'passed' || statement.verb === 'failed') && parsed.part === null) {
    status = statement.verb;
    const scaled = statement.result?.score?.scaled;
    if (typeof scaled === 'number' && scaled >= 0 && scaled <= 1) next.score = scaled;
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
export function foldAll(statements: readonly Statement[]): Map<string, Progress> {
  const byActivity = new Map<string, Progress>();
  const ordered = [...statements].sort((a, b) => a.timestamp.localeCompare(b.timestamp) || a.id.localeCompare(b.id));
  for (const statement of ordered) {
    const activity = progressActivity(statement);
    if (!activity) continue;
    const folded = foldStatement(byActivity.get(activity) ?? null, statement);
    if (folded) byActivity.set(activity, folded);
  }
  return byActivity;
}
