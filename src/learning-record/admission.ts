/**
 * What a learner's device may say about itself, decided before anything is stored.
 *
 * - The shape: a known verb, an object that names an activity the content has (parsed by
 *   activities.ts, looked up in the facts: unknown lessons, sections, questions, quizzes, case
 *   simulations, choices and endings are refused), `result` and `context` objects of known fields.
 * - The meaning: a path or a whole lesson is never marked done by the device; a knowledge check
 *   is scored by the server from the answers recorded before it (the claimed score is replaced,
 *   a pass the answers do not support is refused); a case simulation is passed only at a good
 *   ending, proven by the recorded choices of that playthrough, which the server replays.
 *
 * - The time: a device clock that runs fast is not a reason to lose work; the statement is
 *   kept and its clock skew flagged.
 *
 * The hook (pb_hooks/statements.pb.js) asks `evidenceQuery` what it must read, reads it, and
 * calls `admitStatement`. Pure: bundled for the hooks and unit-tested directly.
 */
import { locales } from '../i18n/locales.ts';
import { own, parseActivity, type ParsedActivity } from './activities.ts';
import { scenarioVersion, type LearningFacts } from './facts.ts';
import { chosenOptions, gradeAnswers, percent } from './grading.ts';
import { verbs, type Statement, type StatementContext, type StatementResult } from './statements.ts';
import { replayChoices } from '../simulation/rules.ts';
import { pocketbaseDate } from './records.ts';

export interface Refusal {
  ok: false;
  /** The (first) field at fault, as the API names it: object, verb, result, context, language, timestamp. */
  field: string;
  reason: string;
  /** Every field at fault, when the form is wrong in several places. */
  problems: { field: string; reason: string }[];
}

export type Admission = { ok: true; statement: Statement; clockSkew?: number } | Refusal;

/** A device clock this far ahead of the server's (seconds) is flagged on the statement. */
export const clockSkewTolerance = 300;

const refuse = (field: string, reason: string): Refusal => ({ ok: false, field, reason, problems: [{ field, reason }] });

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const slug = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

function unknownKeys(value: Record<string, unknown>, known: readonly string[]): string[] {
  return Object.keys(value).filter((k) => !known.includes(k));
}

function numberMap(value: unknown, max: number): boolean {
  return isPlainObject(value) && Object.keys(value).length <= max && Object.values(value).every((v) => typeof v === 'number' && Number.isFinite(v));
}

const resultFields = ['completion', 'success', 'score', 'response'] as const;
const contextFields = ['parent', 'totalSections', 'registration', 'version', 'node', 'variables', 'outcome', 'scores', 'choices'] as const;

/** Problems with `result`: an object of the known fields, or nothing. */
function resultProblem(result: unknown): string | null {
  if (result === undefined || result === null) return null;
  if (!isPlainObject(result)) return 'result must be an object such as { "completion": true }, or left out';
  const extra = unknownKeys(result, resultFields);
  if (extra.length) return `result has unknown field(s) ${extra.join(', ')}; it may hold ${resultFields.join(', ')}`;
  if (result.completion !== undefined && typeof result.completion !== 'boolean') return 'result.completion must be true or false';
  if (result.success !== undefined && typeof result.success !== 'boolean') return 'result.success must be true or false';
  if (result.response !== undefined && (typeof result.response !== 'string' || result.response.length > 2000)) return 'result.response must be text of at most 2000 characters';
  if (result.score !== undefined) {
    const score = result.score;
    if (!isPlainObject(score) || unknownKeys(score, ['scaled']).length || typeof score.scaled !== 'number' || !(score.scaled >= 0 && score.scaled <= 1)) {
      return 'result.score must be { "scaled": a number from 0 to 1 }';
    }
  }
  return null;
}

/** Problems with `context`: an object of the known fields, or nothing. */
function contextProblem(context: unknown): string | null {
  if (context === undefined || context === null) return null;
  if (!isPlainObject(context)) return 'context must be an object such as { "parent": "module:…" }, or left out';
  const extra = unknownKeys(context, contextFields);
  if (extra.length) return `context has unknown field(s) ${extra.join(', ')}; it may hold ${contextFields.join(', ')}`;
  const c = context;
  if (c.parent !== undefined && (typeof c.parent !== 'string' || c.parent.length > 200)) return 'context.parent must be an activity id';
  if (c.totalSections !== undefined && !(Number.isInteger(c.totalSections) && (c.totalSections as number) >= 0 && (c.totalSections as number) <= 100)) return 'context.totalSections must be a whole number';
  if (c.registration !== undefined && (typeof c.registration !== 'string' || !/^[0-9a-f-]{8,64}$/i.test(c.registration))) return 'context.registration must be a UUID';
  if (c.version !== undefined && !(Number.isInteger(c.version) && (c.version as number) >= 1)) return 'context.version must be a whole number from 1';
  if (c.node !== undefined && (typeof c.node !== 'string' || !slug.test(c.node))) return 'context.node must be a node id';
  if (c.variables !== undefined && !numberMap(c.variables, 50)) return 'context.variables must map variable names to numbers';
  if (c.scores !== undefined && !numberMap(c.scores, 50)) return 'context.scores must map principles to numbers';
  if (c.outcome !== undefined && !['good', 'mixed', 'harmful'].includes(c.outcome as string)) return 'context.outcome must be good, mixed or harmful';
  if (c.choices !== undefined && !(Array.isArray(c.choices) && c.choices.length <= 1000 && c.choices.every((x) => typeof x === 'string' && slug.test(x)))) {
    return 'context.choices must be a list of choice ids';
  }
  return null;
}

/**
 * The problems with a statement's form (every field at fault), or null. Checks what the
 * collection's field rules cannot: the parts of `result` and `context`, and that the object is
 * a known shape.
 */
export function shapeProblem(statement: Pick<Statement, 'verb' | 'object' | 'result' | 'context' | 'language' | 'timestamp'>): Refusal | null {
  const problems: { field: string; reason: string }[] = [];
  if (!(verbs as readonly string[]).includes(statement.verb)) problems.push({ field: 'verb', reason: `verb must be one of: ${verbs.join(', ')}` });
  if (!parseActivity(statement.object)) {
    problems.push({ field: 'object', reason: 'object must be module:<id>, module:<id>/section:<id>, module:<id>/question:<id>, module:<id>/quiz:knowledge-check, scenario:<id> or scenario:<id>/choice:<id>' });
  }
  const result = resultProblem(statement.result);
  if (result) problems.push({ field: 'result', reason: result });
  const context = contextProblem(statement.context);
  if (context) problems.push({ field: 'context', reason: context });
  if (!(locales as readonly string[]).includes(statement.language)) problems.push({ field: 'language', reason: `language must be one of: ${locales.join(', ')}` });
  if (typeof statement.timestamp !== 'string' || Number.isNaN(Date.parse(statement.timestamp))) problems.push({ field: 'timestamp', reason: 'timestamp must be a date and time such as 2026-12-04T10:00:00.000Z' });
  return problems.length ? { ok: false, field: problems[0]!.field, reason: problems[0]!.reason, problems } : null;
}

/** What the server must read before it can judge a statement: a PocketBase filter over the learner's own statements. */
export interface EvidenceQuery {
  filter: string;
  params: Record<string, string>;
  sort: string;
}

/**
 * The statements a decision rests on: the answers recorded before a knowledge check, or the
 * choices recorded in a case simulation before its ending. Null when none are needed.
 */
export function evidenceQuery(statement: Pick<Statement, 'user' | 'verb' | 'object' | 'timestamp'>): EvidenceQuery | null {
  const parsed = parseActivity(statement.object);
  if (!parsed) return null;
  if (parsed.kind === 'knowledge-check' && (statement.verb === 'passed' || statement.verb === 'failed')) {
    return {
      filter: "user = {:user} && verb = 'answered' && object ~ {:prefix} && timestamp <= {:timestamp}",
      params: { user: statement.user, prefix: `${parsed.activity}/question:%`, timestamp: pocketbaseDate(statement.timestamp) },
      sort: '-timestamp,-created',
    };
  }
  if (parsed.kind === 'scenario' && statement.verb === 'passed') {
    return {
      filter: "user = {:user} && verb = 'chose' && object ~ {:prefix} && timestamp <= {:timestamp}",
      params: { user: statement.user, prefix: `${parsed.activity}/choice:%`, timestamp: pocketbaseDate(statement.timestamp) },
      sort: 'timestamp,created',
    };
  }
  return null;
}

function lessonRules(statement: Statement, parsed: ParsedActivity, facts: LearningFacts, evidence: readonly Statement[]): Admission {
  const lesson = own(facts.modules, parsed.slug);
  if (!lesson) return refuse('object', `there is no lesson "${parsed.slug}"`);
  const verb = statement.verb;
  switch (parsed.kind) {
    case 'module':
      if (verb === 'completed' || verb === 'passed' || verb === 'failed') {
        return refuse('verb', `a lesson is ${verb} through its sections and knowledge check, not by one statement about the whole lesson`);
      }
      return { ok: true, statement };
    case 'section':
      if (!lesson.sections.includes(parsed.section)) return refuse('object', `lesson "${parsed.slug}" has no section "${parsed.section}" (sections: ${lesson.sections.join(', ')})`);
      if (verb !== 'completed' && verb !== 'experienced') return refuse('verb', 'a section can only be completed or experienced');
      return { ok: true, statement: { ...statement, context: { ...statement.context, parent: parsed.activity, totalSections: lesson.sections.length } } };
    case 'question': {
      const question = lesson.questions.find((q) => q.id === parsed.question);
      if (!question) return refuse('object', `lesson "${parsed.slug}" has no question "${parsed.question}"`);
      if (verb !== 'answered') return refuse('verb', 'a knowledge-check question can only be answered');
      const chosen = chosenOptions(statement.result?.response ?? '');
      const unknown = chosen.filter((o) => !question.options.includes(o));
      if (unknown.length) return refuse('result', `question "${parsed.question}" has no option ${unknown.map((o) => `"${o}"`).join(', ')} (options: ${question.options.join(', ')})`);
      return { ok: true, statement };
    }
    case 'knowledge-check': {
      if (verb !== 'passed' && verb !== 'failed') return refuse('verb', 'a knowledge check is passed or failed');
      // the latest answer of each question recorded up to this statement counts
      const answers: Record<string, string[]> = {};
      const latestFirst = [...evidence].sort((a, b) => b.timestamp.localeCompare(a.timestamp));
      for (const answer of latestFirst) {
        const p = parseActivity(answer.object);
        if (answer.verb !== 'answered' || p?.kind !== 'question' || p.slug !== parsed.slug || own(answers, p.question)) continue;
        answers[p.question] = chosenOptions(answer.result?.response ?? '');
      }
      const grade = gradeAnswers(lesson.questions, answers, lesson.passThreshold);
      if (verb === 'passed' && !grade.passed) {
        return refuse('result', `the answers recorded for this knowledge check score ${percent(grade.scaled)}%; it is passed at ${percent(lesson.passThreshold)}%`);
      }
      const result: StatementResult = { ...statement.result, completion: true, success: grade.passed, score: { scaled: grade.scaled } };
      return { ok: true, statement: { ...statement, verb: grade.passed ? 'passed' : 'failed', result, context: { ...statement.context, parent: parsed.activity, totalSections: lesson.sections.length } } };
    }
    default:
      return refuse('object', `a lesson has sections, questions and a knowledge check, not "${parsed.kind}"`);
  }
}

function scenarioRules(statement: Statement, parsed: ParsedActivity, facts: LearningFacts, evidence: readonly Statement[]): Admission {
  const version = statement.context?.version;
  const scenario = scenarioVersion(facts, parsed.slug, version);
  if (!scenario) return refuse('object', `there is no case simulation "${parsed.slug}"`);
  const verb = statement.verb;
  if (parsed.kind === 'choice') {
    const exists = Object.values(scenario.nodes).some((n) => n.choices.some((c) => c.id === parsed.choice));
    if (!exists) return refuse('object', `case simulation "${parsed.slug}" (version ${scenario.version}) has no choice "${parsed.choice}"`);
    if (verb !== 'chose') return refuse('verb', 'a choice in a case simulation is recorded with the verb "chose"');
    return { ok: true, statement };
  }
  if (parsed.kind !== 'scenario') return refuse('object', `a case simulation has choices, not "${parsed.kind}"`);
  if (verb !== 'passed' && verb !== 'completed' && verb !== 'failed') return { ok: true, statement };

  const endingId = statement.result?.response;
  const ending = typeof endingId === 'string' ? own(scenario.endings, endingId) : undefined;
  if (!endingId || !ending) return refuse('result', `result.response must name the ending reached (one of: ${Object.keys(scenario.endings).join(', ')})`);
  if (verb === 'passed' && ending.outcome !== 'good') return refuse('verb', `ending "${endingId}" is ${ending.outcome}: a case simulation is passed only at a good ending`);
  if (verb !== 'passed') return { ok: true, statement };

  // A pass is believed only when the choices of this playthrough lead there and were recorded.
  const context: StatementContext = statement.context ?? {};
  if (!context.registration || !context.choices || context.choices.length === 0) {
    return refuse('context', 'a pass needs context.registration (the playthrough) and context.choices (the choices that led to the ending, in order)');
  }
  const replay = replayChoices(scenario, context.choices);
  if (!replay.ok) return refuse('context', `context.choices cannot be played: ${replay.reason}`);
  if (replay.ending !== endingId) return refuse('context', `context.choices lead to "${replay.at}", not to the ending "${endingId}"`);
  const recorded = new Set(
    evidence
      .filter((s) => s.verb === 'chose' && s.context?.registration === context.registration)
      .map((s) => parseActivity(s.object))
      .filter((p): p is ParsedActivity & { kind: 'choice' } => p?.kind === 'choice' && p.slug === parsed.slug)
      .map((p) => p.choice),
  );
  const missing = context.choices.filter((c) => !recorded.has(c));
  if (missing.length) return refuse('context', `the choices ${missing.map((c) => `"${c}"`).join(', ')} of this playthrough were not recorded before its ending`);
  return { ok: true, statement: { ...statement, context: { ...context, version: scenario.version, outcome: ending.outcome, scores: replay.scores } } };
}

/**
 * Decides whether a statement may be stored, and in what form: the server's own knowledge-check
 * score and section count replace what the device said. `evidence` is what `evidenceQuery`
 * asked for (the learner's own statements).
 * @example admitStatement({ verb: 'passed', object: 'module:m/quiz:other', ... }, facts, []) // { ok: false, field: 'object', reason: '…' }
 */
export function admitStatement(statement: Statement, facts: LearningFacts, evidence: readonly Statement[] = [], now: Date = new Date()): Admission {
  const shape = shapeProblem(statement);
  if (shape) return shape;
  const parsed = parseActivity(statement.object)!;
  if (parsed.activityType === 'path') {
    return refuse('object', 'a path is not recorded directly: record the lesson sections, knowledge checks and case simulations; the server works out paths and certificates');
  }
  const verdict = parsed.activityType === 'module' ? lessonRules(statement, parsed, facts, evidence) : scenarioRules(statement, parsed, facts, evidence);
  if (!verdict.ok) return verdict;
  // A phone whose clock is wrong still keeps its work: the device's time is stored as said,
  // the server's receive time beside it (created), and a large difference is flagged.
  const skew = Math.round((Date.parse(statement.timestamp) - now.getTime()) / 1000);
  return skew > clockSkewTolerance ? { ...verdict, clockSkew: skew } : verdict;
}
