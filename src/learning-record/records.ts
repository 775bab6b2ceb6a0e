/**
 * Record codecs: the learning record as PocketBase stores it <-> the types of this folder.
 * One reading of a record for the hooks (which pass `JSON.parse(JSON.stringify(record))`) and
 * the islands (which get the same JSON from the SDK).
 * Pure: bundled for the hooks.
 */
import type { ActivityType } from './activities.ts';
import type { Progress, ProgressStatus } from './progress.ts';
import type { Locale } from '../i18n/locales.ts';
import type { Statement, StatementContext, StatementResult, Verb } from './statements.ts';

type Json = Record<string, unknown>;

/**
 * A PocketBase date ("2026-12-04 10:00:00.000Z") as ISO 8601 ("2026-12-04T10:00:00.000Z"); '' stays ''.
 * @example isoDate('2026-12-04 10:00:00.000Z') // '2026-12-04T10:00:00.000Z'
 */
export function isoDate(value: unknown): string {
  return typeof value === 'string' ? value.replace(' ', 'T') : '';
}

/**
 * An ISO date as PocketBase stores and compares it ("2026-12-04 10:00:00.000Z"): filters compare
 * dates as text, so a parameter must be written the same way.
 * @example pocketbaseDate('2026-12-04T10:00:00.000Z') // '2026-12-04 10:00:00.000Z'
 */
export function pocketbaseDate(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : date.toISOString().replace('T', ' ');
}

const objectOrNull = <T>(value: unknown): T | null => (typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as T) : null);
const text = (value: unknown): string => (typeof value === 'string' ? value : value === undefined || value === null ? '' : String(value));

/** A statement from a `statements` record (or from a request body). */
export function statementFromRecord(record: Json): Statement {
  return {
    id: text(record.id),
    user: text(record.user),
    verb: text(record.verb) as Verb,
    object: text(record.object),
    result: objectOrNull<StatementResult>(record.result),
    context: objectOrNull<StatementContext>(record.context),
    language: text(record.language) as Locale,
    timestamp: isoDate(record.timestamp),
  };
}

/** The fields of a `statements` record for a statement. */
export function statementFields(statement: Statement): Json {
  return {
    id: statement.id,
    user: statement.user,
    verb: statement.verb,
    object: statement.object,
    result: statement.result ?? null,
    context: statement.context ?? null,
    language: statement.language,
    timestamp: statement.timestamp,
  };
}

/** Progress from a `progress` record. */
export function progressFromRecord(record: Json): Progress {
  const score = typeof record.score === 'number' && record.score > 0 ? record.score : null;
  return {
    activity: text(record.activity),
    activityType: text(record.activityType) as ActivityType,
    status: (text(record.status) || 'in-progress') as ProgressStatus,
    completedSections: Array.isArray(record.completedSections) ? record.completedSections.map(String) : [],
    totalSections: Number(record.totalSections) || 0,
    percent: Number(record.percent) || 0,
    score,
    checkPassed: record.checkPassed === true,
    language: text(record.language),
    lastActivityAt: isoDate(record.lastActivityAt),
  };
}

/** The fields of a `progress` record for a learner's progress. */
export function progressFields(user: string, progress: Progress): Json {
  return {
    user,
    activity: progress.activity,
    activityType: progress.activityType,
    status: progress.status,
    completedSections: progress.completedSections,
    totalSections: progress.totalSections,
    percent: progress.percent,
    score: progress.score ?? 0,
    checkPassed: progress.checkPassed,
    language: progress.language,
    lastActivityAt: progress.lastActivityAt,
  };
}

/**
 * A `progress` row as SQLite holds it, for the statements hook's direct write (the hot path skips
 * PocketBase's record machinery): the fields of progressFields, with the JSON as text, the date
 * as PocketBase writes dates and the flag as 0 or 1.
 */
export function progressColumns(user: string, progress: Progress): Record<string, string | number> {
  const fields = progressFields(user, progress);
  return {
    ...(fields as Record<string, string | number>),
    completedSections: JSON.stringify(fields.completedSections),
    checkPassed: fields.checkPassed ? 1 : 0,
    lastActivityAt: pocketbaseDate(String(fields.lastActivityAt)),
  };
}

/** Progress from a `progress` row read directly (what progressColumns wrote, or PocketBase). */
export function progressFromColumns(row: Json): Progress {
  let sections: unknown = row.completedSections;
  if (typeof sections === 'string') {
    try {
      sections = JSON.parse(sections);
    } catch {
      sections = [];
    }
  }
  return progressFromRecord({ ...row, completedSections: sections, checkPassed: row.checkPassed === true || row.checkPassed === 1 });
}

/** What the pages show of a certificate. */
export interface CertificateView {
  id: string;
  user: string;
  path: string;
  code: string;
  learnerName: string;
  issuedAt: string;
  revoked: boolean;
}

export function certificateFromRecord(record: Json): CertificateView {
  return {
    id: text(record.id),
    user: text(record.user),
    path: text(record.path),
    code: text(record.code),
    learnerName: text(record.learnerName),
    issuedAt: isoDate(record.issuedAt),
    revoked: record.revoked === true,
  };
}

/** What the pages show of an assignment. */
export interface AssignmentView {
  id: string;
  learner: string;
  path: string;
  dueDate: string;
  assignedBy: string;
  created: string;
}

export function assignmentFromRecord(record: Json): AssignmentView {
  return {
    id: text(record.id),
    learner: text(record.learner),
    path: text(record.path),
    dueDate: isoDate(record.dueDate),
    assignedBy: text(record.assignedBy),
    created: isoDate(record.created),
  };
}
