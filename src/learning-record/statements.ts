/**
 * Statements: what a learner did, in the shape of xAPI (actor, verb, object, result,
 * context.language, timestamp) with an id made on the device so that a retry is a no-op.
 * The builders here are the only way islands make statements.
 * Pure: no DOM, no PocketBase; used by the islands, the tests and the server hooks.
 */
import type { Locale } from '../i18n/locales.ts';
import { activityId } from './activities.ts';
import { choiceResponse } from './grading.ts';

/** The verbs a statement may use, with their xAPI IRIs (for export to a Learning Record Store). */
export const verbIris = {
  experienced: 'http://adlnet.gov/expapi/verbs/experienced',
  completed: 'http://adlnet.gov/expapi/verbs/completed',
  answered: 'http://adlnet.gov/expapi/verbs/answered',
  passed: 'http://adlnet.gov/expapi/verbs/passed',
  failed: 'http://adlnet.gov/expapi/verbs/failed',
  attempted: 'http://adlnet.gov/expapi/verbs/attempted',
  progressed: 'http://adlnet.gov/expapi/verbs/progressed',
  chose: 'https://w3id.org/xapi/dod-isd/verbs/chose',
  resumed: 'http://adlnet.gov/expapi/verbs/resumed',
} as const;
export type Verb = keyof typeof verbIris;
export const verbs = Object.keys(verbIris) as Verb[];

export interface StatementResult {
  completion?: boolean;
  success?: boolean;
  score?: { scaled: number };
  /** A question's chosen options ("a[,]b"), a choice id, or the ending reached. */
  response?: string;
}

export interface StatementContext {
  /** The activity this statement's object is part of, e.g. "module:children-on-the-move". */
  parent?: string;
  /** How many sections the parent lesson has (set by the server from the content). */
  totalSections?: number;
  /** One playthrough of a case simulation (a UUID, as xAPI's registration). */
  registration?: string;
  /** The version of the case simulation played. */
  version?: number;
  /** The node a choice was made at. */
  node?: string;
  /** The simulation's variables after a choice. */
  variables?: Record<string, number>;
  /** The outcome of the ending reached. */
  outcome?: string;
  /** Points per principle at the ending. */
  scores?: Record<string, number>;
  /** The choices of this playthrough, in order, that led to the ending (the server replays them). */
  choices?: string[];
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

type RandomBytes = (bytes: Uint8Array<ArrayBuffer>) => Uint8Array;
const cryptoRandom: RandomBytes = (b) => crypto.getRandomValues(b);

/**
 * A new 15-character PocketBase record id ([a-z0-9]), from a cryptographic random source.
 * @example statementId().length // 15
 */
export function statementId(random: RandomBytes = cryptoRandom): string {
  const bytes = random(new Uint8Array(new ArrayBuffer(15)));
  let id = '';
  for (const byte of bytes) id += idAlphabet[byte % idAlphabet.length];
  return id;
}

/**
 * A new random UUID (version 4) for one playthrough; works where crypto.randomUUID does not
 * (pages served over plain http on a local network).
 * @example registrationId() // 'c0a1…-…-4…-8…-…'
 */
export function registrationId(random: RandomBytes = cryptoRandom): string {
  const b = random(new Uint8Array(new ArrayBuffer(16)));
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const hex = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

interface Common {
  user: string;
  language: Locale;
  now?: Date;
  id?: string;
}

function make(args: Common, verb: Verb, object: string, result: StatementResult | null, context: StatementContext): Statement {
  return {
    id: args.id ?? statementId(),
    user: args.user,
    verb,
    object,
    result,
    context,
    language: args.language,
    timestamp: (args.now ?? new Date()).toISOString(),
  };
}

/** "This section is done". */
export function sectionCompleted(args: Common & { moduleSlug: string; sectionId: string }): Statement {
  return make(args, 'completed', activityId.section(args.moduleSlug, args.sectionId), { completion: true }, { parent: activityId.module(args.moduleSlug) });
}

/** One answered knowledge-check question (xAPI choice response). */
export function questionAnswered(args: Common & { moduleSlug: string; questionId: string; chosen: readonly string[]; correct: boolean }): Statement {
  return make(
    args,
    'answered',
    activityId.question(args.moduleSlug, args.questionId),
    { success: args.correct, response: choiceResponse(args.chosen) },
    { parent: activityId.module(args.moduleSlug) },
  );
}

/** The passed/failed statement of a lesson's knowledge check (the server rescores it from the answers). */
export function knowledgeCheckResult(args: Common & { moduleSlug: string; scaled: number; passed: boolean }): Statement {
  return make(
    args,
    args.passed ? 'passed' : 'failed',
    activityId.knowledgeCheck(args.moduleSlug),
    { success: args.passed, completion: true, score: { scaled: Math.round(args.scaled * 1000) / 1000 } },
    { parent: activityId.module(args.moduleSlug) },
  );
}

/** One choice in a case simulation. */
export function scenarioChoice(args: Common & {
  scenario: string;
  version: number;
  registration: string;
  node: string;
  choice: string;
  variables: Record<string, number>;
}): Statement {
  return make(args, 'chose', activityId.choice(args.scenario, args.choice), { response: args.choice }, {
    parent: activityId.scenario(args.scenario),
    registration: args.registration,
    version: args.version,
    node: args.node,
    variables: { ...args.variables },
  });
}

/**
 * The ending of a case simulation: passed at a good ending, completed at any other. It names
 * the choices that led there, which the server replays before it believes a pass.
 */
export function scenarioEnded(args: Common & {
  scenario: string;
  version: number;
  registration: string;
  ending: string;
  outcome: 'good' | 'mixed' | 'harmful';
  choices: readonly string[];
  scores: Record<string, number>;
  scaled: number;
}): Statement {
  return make(
    args,
    args.outcome === 'good' ? 'passed' : 'completed',
    activityId.scenario(args.scenario),
    { completion: true, success: args.outcome === 'good', response: args.ending, score: { scaled: Math.max(0, Math.min(1, args.scaled)) } },
    {
      parent: activityId.scenario(args.scenario),
      registration: args.registration,
      version: args.version,
      outcome: args.outcome,
      scores: { ...args.scores },
      choices: [...args.choices],
    },
  );
}
