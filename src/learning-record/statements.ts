/**
 * Statements: what a learner did, in the shape of xAPI (actor, verb, object, result,
 * context.language, timestamp) with a client-generated id so that a retry is a no-op.
 * Pure: no DOM, no PocketBase; used by the islands, the tests and the server hooks.
 */
import type { Locale } from '../i18n/locales.ts';

export const verbs = [
  'experienced',
  'completed',
  'answered',
  'passed',
  'failed',
  'attempted',
  'progressed',
  'chose',
  'resumed',
] as const;
export type Verb = (typeof verbs)[number];

/** xAPI verb IRIs, for export to a Learning Record Store. */
export const verbIris: Record<Verb, string> = {
  experienced: 'http://adlnet.gov/expapi/verbs/experienced',
  completed: 'http://adlnet.gov/expapi/verbs/completed',
  answered: 'http://adlnet.gov/expapi/verbs/answered',
  passed: 'http://adlnet.gov/expapi/verbs/passed',
  failed: 'http://adlnet.gov/expapi/verbs/failed',
  attempted: 'http://adlnet.gov/expapi/verbs/attempted',
  progressed: 'http://adlnet.gov/expapi/verbs/progressed',
  chose: 'https://w3id.org/xapi/dod-isd/verbs/chose',
  resumed: 'http://adlnet.gov/expapi/verbs/resumed',
};

export type ActivityType = 'module' | 'scenario' | 'quiz' | 'path';

export interface StatementResult {
  completion?: boolean;
  success?: boolean;
  score?: { scaled: number };
  response?: string;
}

export interface StatementContext {
  /** The activity this statement's object is part of, e.g. "module:children-on-the-move". */
  parent?: string;
  /** How many sections the parent module has (for progress). */
  totalSections?: number;
  [extension: string]: unknown;
}

/** A statement as stored in PocketBase's `statements` collection. */
export interface Statement {
  id: string;
  user: string;
  verb: Verb;
  object: string;
  result?: StatementResult | null;
  context?: StatementContext | null;
  language: Locale;
  timestamp: string;
}

const idAlphabet = 'abcdefghijklmnopqrstuvwxyz0123456789';

/**
 * A new 15-character PocketBase record id ([a-z0-9]), from a cryptographic random source.
 * @example statementId().length // 15
 */
export function statementId(random: (bytes: Uint8Array<ArrayBuffer>) => Uint8Array = (b) => crypto.getRandomValues(b)): string {
  const bytes = random(new Uint8Array(new ArrayBuffer(15)));
  let id = '';
  for (const byte of bytes) id += idAlphabet[byte % idAlphabet.length];
  return id;
}

/** The object id of a module section. @example sectionObject('m', 's') // 'module:m/section:s' */
export function sectionObject(moduleSlug: string, sectionId: string): string {
  return `module:${moduleSlug}/section:${sectionId}`;
}

/**
 * Splits an object id into its activity (the thing progress is kept for) and its part.
 * @example parseObject('module:m/section:s') // { activity: 'module:m', activityType: 'module', slug: 'm', part: { kind: 'section', id: 's' } }
 * @example parseObject('scenario:border-arrival') // { activity: 'scenario:border-arrival', activityType: 'scenario', slug: 'border-arrival', part: null }
 */
export function parseObject(object: string): {
  activity: string;
  activityType: ActivityType;
  slug: string;
  part: { kind: string; id: string } | null;
} | null {
  const match = /^(module|scenario|path|quiz):([a-z0-9]+(?:-[a-z0-9]+)*)(?:\/([a-z]+):([a-z0-9]+(?:-[a-z0-9]+)*))?$/.exec(object);
  if (!match) return null;
  const [, type, slug, partKind, partId] = match;
  return {
    activity: `${type}:${slug}`,
    activityType: type as ActivityType,
    slug: slug!,
    part: partKind && partId ? { kind: partKind, id: partId } : null,
  };
}

/** Builds the statement for "this section is done". */
export function sectionCompleted(args: {
  user: string;
  moduleSlug: string;
  sectionId: string;
  totalSections: number;
  language: Locale;
  now?: Date;
  id?: string;
}): Statement {
  return {
    id: args.id ?? statementId(),
    user: args.user,
    verb: 'completed',
    object: sectionObject(args.moduleSlug, args.sectionId),
    result: { completion: true },
    context: { parent: `module:${args.moduleSlug}`, totalSections: args.totalSections },
    language: args.language,
    timestamp: (args.now ?? new Date()).toISOString(),
  };
}

/** Builds the statement for one answered knowledge-check question (xAPI choice response). */
export function questionAnswered(args: {
  user: string;
  moduleSlug: string;
  questionId: string;
  chosen: readonly string[];
  correct: boolean;
  language: Locale;
  now?: Date;
}): Statement {
  return {
    id: statementId(),
    user: args.user,
    verb: 'answered',
    object: `module:${args.moduleSlug}/question:${args.questionId}`,
    result: { success: args.correct, response: [...args.chosen].sort().join('[,]') },
    context: { parent: `module:${args.moduleSlug}` },
    language: args.language,
    timestamp: (args.now ?? new Date()).toISOString(),
  };
}

/** Builds the passed/failed statement for a module's knowledge check. */
export function knowledgeCheckResult(args: {
  user: string;
  moduleSlug: string;
  scaled: number;
  passed: boolean;
  totalSections: number;
  language: Locale;
  now?: Date;
}): Statement {
  return {
    id: statementId(),
    user: args.user,
    verb: args.passed ? 'passed' : 'failed',
    object: `module:${args.moduleSlug}/quiz:knowledge-check`,
    result: { success: args.passed, completion: true, score: { scaled: Math.round(args.scaled * 1000) / 1000 } },
    context: { parent: `module:${args.moduleSlug}`, totalSections: args.totalSections },
    language: args.language,
    timestamp: (args.now ?? new Date()).toISOString(),
  };
}
