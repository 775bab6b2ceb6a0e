/**
 * Due-date reminders (run daily by the cron in pocketbase/pb_hooks/reminders.pb.js):
 * a learner hears about an assigned path a week before it is due, the day before, and once
 * when it is overdue; each supervisor gets one digest a week of their learners' overdue and
 * soon-due paths. Pure: the hook reads assignments, certificates and what was already sent,
 * and writes down what it sends, so a reminder goes out once however often the job runs.
 */
export const reminderKinds = ['week-before', 'day-before', 'overdue'] as const;
export type ReminderKind = (typeof reminderKinds)[number];

const day = 86_400_000;

export interface AssignmentDue {
  /** When the path is due (ISO 8601). */
  dueDate: string;
  /** Whether the learner has finished the path (a certificate was issued). */
  complete: boolean;
}

/**
 * The one reminder to send now for an assignment, or null: the most urgent one that applies
 * and has not been sent (a week-before is skipped once the day-before or overdue one is due).
 * @example reminderFor({ dueDate: '2027-01-08T00:00:00Z', complete: false }, new Date('2027-01-02T07:00:00Z'), []) // 'week-before'
 * @example reminderFor({ dueDate: '2027-01-02T12:00:00Z', complete: false }, new Date('2027-01-02T07:00:00Z'), ['week-before']) // 'day-before'
 * @example reminderFor({ dueDate: '2027-01-01T00:00:00Z', complete: false }, new Date('2027-01-02T07:00:00Z'), ['overdue']) // null
 */
export function reminderFor(assignment: AssignmentDue, now: Date, sent: readonly string[]): ReminderKind | null {
  if (assignment.complete || !assignment.dueDate) return null;
  const due = Date.parse(assignment.dueDate);
  if (Number.isNaN(due)) return null;
  const left = due - now.getTime();
  const kind: ReminderKind | null = left < 0 ? 'overdue' : left <= day ? 'day-before' : left <= 7 * day ? 'week-before' : null;
  if (!kind) return null;
  const urgency = reminderKinds.indexOf(kind);
  // nothing as urgent or more urgent has been sent already
  return reminderKinds.slice(urgency).some((k) => sent.includes(k)) ? null : kind;
}

/**
 * The ISO week a date falls in, the key of a weekly digest: one digest per supervisor and week.
 * @example isoWeek(new Date('2027-01-04T07:00:00Z')) // '2027-W01'
 * @example isoWeek(new Date('2026-12-31T07:00:00Z')) // '2026-W53'
 */
export function isoWeek(date: Date): string {
  const d = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
  const weekday = d.getUTCDay() || 7;
  d.setUTCDate(d.getUTCDate() + 4 - weekday); // the Thursday of this week decides the year
  const yearStart = Date.UTC(d.getUTCFullYear(), 0, 1);
  const week = Math.ceil(((d.getTime() - yearStart) / day + 1) / 7);
  return `${d.getUTCFullYear()}-W${String(week).padStart(2, '0')}`;
}

export interface DigestRow {
  learnerName: string;
  path: string;
  dueDate: string;
  complete: boolean;
}

export interface SupervisorDigest {
  overdue: DigestRow[];
  dueSoon: DigestRow[];
}

/**
 * What a supervisor's weekly digest lists: unfinished paths that are overdue, and those due in
 * the next 7 days, soonest first; null when there is nothing to say (no e-mail then).
 */
export function supervisorDigest(rows: readonly DigestRow[], now: Date): SupervisorDigest | null {
  const open = rows
    .filter((r) => !r.complete && r.dueDate && !Number.isNaN(Date.parse(r.dueDate)))
    .sort((a, b) => Date.parse(a.dueDate) - Date.parse(b.dueDate) || a.learnerName.localeCompare(b.learnerName));
  const overdue = open.filter((r) => Date.parse(r.dueDate) < now.getTime());
  const dueSoon = open.filter((r) => {
    const left = Date.parse(r.dueDate) - now.getTime();
    return left >= 0 && left <= 7 * day;
  });
  return overdue.length || dueSoon.length ? { overdue, dueSoon } : null;
}
