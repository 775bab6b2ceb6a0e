/**
 * What a SCORM 1.2 package reports to the LMS, decided by the platform's own rules: the player
 * makes the same statements as the site (statements.ts builders) and folds them with the same
 * `applyStatement` (progress.ts), so a lesson is passed when every section is done and the
 * knowledge check was passed at its threshold, and a case simulation is passed at a good
 * ending and completed at any other, exactly as on the platform. This file only translates
 * that progress into SCORM's words and limits (cmi.core.lesson_status, score, interactions,
 * suspend_data of at most 4,096 characters, identifiers without spaces).
 * Pure: bundled into the package's player and unit-tested directly.
 */
import type { Locale } from '../../i18n/locales.ts';
import { activityId } from '../../learning-record/activities.ts';
import type { LessonFacts } from '../../learning-record/facts.ts';
import { applyStatement, type Progress } from '../../learning-record/progress.ts';
import { knowledgeCheckResult, scenarioEnded, sectionCompleted, type Statement } from '../../learning-record/statements.ts';

/** SCORM 1.2's limit on cmi.suspend_data. */
export const suspendDataLimit = 4096;
/** SCORM 1.2's limit on an identifier (CMIIdentifier). */
export const identifierLimit = 255;

export type LessonStatus = 'passed' | 'completed' | 'failed' | 'incomplete' | 'browsed' | 'not attempted';

/**
 * cmi.core.lesson_status for the platform's progress on the activity: in progress is
 * "incomplete", and completed, passed and failed are the same words.
 * @example lessonStatus(null) // 'incomplete'
 */
export function lessonStatus(progress: Pick<Progress, 'status'> | null): LessonStatus {
  if (!progress || progress.status === 'in-progress') return 'incomplete';
  return progress.status;
}

/** cmi.core.score.raw (0 to 100) for the platform's progress, or null while there is none. */
export function scoreRaw(progress: Pick<Progress, 'score'> | null): number | null {
  return progress?.score === null || progress?.score === undefined ? null : Math.round(progress.score * 100);
}

const pad = (n: number, width = 2) => String(Math.floor(n)).padStart(width, '0');

/**
 * A CMITimespan (HHHH:MM:SS.SS) for cmi.core.session_time.
 * @example cmiTimespan(3723450) // '0001:02:03.45'
 */
export function cmiTimespan(milliseconds: number): string {
  const total = Math.max(0, Math.round(milliseconds / 10)) / 100;
  const hours = Math.min(9999, Math.floor(total / 3600));
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = total % 60;
  return `${pad(hours, 4)}:${pad(minutes)}:${seconds.toFixed(2).padStart(5, '0')}`;
}

/** A CMITime (HH:MM:SS, the time of day) for an interaction. @example cmiTime(new Date(2026, 0, 1, 9, 5, 7)) // '09:05:07' */
export function cmiTime(when: Date): string {
  return `${pad(when.getHours())}:${pad(when.getMinutes())}:${pad(when.getSeconds())}`;
}

/**
 * An identifier within SCORM 1.2's rules (CMIIdentifier: letters, digits, "-" and "_", at most
 * 255 characters). Content ids are lower-case slugs already; anything else becomes "_".
 * @example scormIdentifier('question_uncertain-age') // 'question_uncertain-age'
 */
export function scormIdentifier(text: string): string {
  return text.replace(/[^A-Za-z0-9_-]/g, '_').slice(0, identifierLimit);
}

const letters = 'abcdefghijklmnopqrstuvwxyz';

/**
 * A choice response in SCORM 1.2's form: one letter per option chosen, comma-separated, where
 * "a" is the first option as written in the content (not as shown: each learner sees their own
 * order), in alphabetical order.
 * @example scormChoiceResponse(['x', 'y', 'z'], ['z', 'x']) // 'a,c'
 */
export function scormChoiceResponse(options: readonly string[], chosen: readonly string[]): string {
  return options.flatMap((id, i) => (chosen.includes(id) && i < letters.length ? [letters[i]!] : [])).join(',');
}

/** One cmi.interactions.n entry. */
export interface Interaction {
  id: string;
  type: 'choice';
  student_response: string;
  result: 'correct' | 'wrong' | 'neutral';
  time: string;
  weighting?: string;
  correct_responses?: string[];
}

/** The interaction of one knowledge-check answer. */
export function questionInteraction(question: { id: string; options: readonly string[]; correct: readonly string[] }, chosen: readonly string[], right: boolean, when: Date): Interaction {
  return {
    id: scormIdentifier(`question_${question.id}`),
    type: 'choice',
    student_response: scormChoiceResponse(question.options, chosen),
    result: right ? 'correct' : 'wrong',
    time: cmiTime(when),
    weighting: '1',
    correct_responses: [scormChoiceResponse(question.options, question.correct)],
  };
}

/**
 * The interaction of one choice in a case simulation, at its node: "correct" for the
 * recommended choice or one marked acceptable, "wrong" for one that loses points, else "neutral".
 */
export function choiceInteraction(
  node: { id: string; choices: readonly { id: string; recommended?: boolean; acceptable?: boolean | undefined; points: Partial<Record<string, number>> }[] },
  choiceId: string,
  when: Date,
): Interaction {
  const choice = node.choices.find((c) => c.id === choiceId);
  const points = Object.values(choice?.points ?? {}).reduce<number>((a, b) => a + (b ?? 0), 0);
  const ids = node.choices.map((c) => c.id);
  const recommended = node.choices.find((c) => c.recommended);
  return {
    id: scormIdentifier(`choice_${node.id}`),
    type: 'choice',
    student_response: scormChoiceResponse(ids, [choiceId]),
    result: choice?.recommended || choice?.acceptable ? 'correct' : points < 0 ? 'wrong' : 'neutral',
    time: cmiTime(when),
    ...(recommended ? { correct_responses: [scormChoiceResponse(ids, [recommended.id])] } : {}),
  };
}

/** The cmi elements of interaction number n, in the order SCORM 1.2 asks them to be set. */
export function interactionElements(n: number, interaction: Interaction): [string, string][] {
  const base = `cmi.interactions.${n}`;
  const out: [string, string][] = [
    [`${base}.id`, interaction.id],
    [`${base}.type`, interaction.type],
    [`${base}.time`, interaction.time],
  ];
  if (interaction.weighting !== undefined) out.push([`${base}.weighting`, interaction.weighting]);
  interaction.correct_responses?.forEach((pattern, i) => out.push([`${base}.correct_responses.${i}.pattern`, pattern]));
  out.push([`${base}.student_response`, interaction.student_response], [`${base}.result`, interaction.result]);
  return out;
}

// ---- a lesson module -------------------------------------------------------------------

/** What a lesson package keeps in cmi.suspend_data to resume where the learner stopped. */
export interface LessonState {
  /** Indexes of the sections done. */
  done: number[];
  /** The best knowledge-check score (0 to 1), or null before a first try. */
  best: number | null;
  checkPassed: boolean;
  /** Knowledge-check attempts started (the order of options is per attempt). */
  attempt: number;
}

/**
 * The platform's progress on a lesson for a package's state: the statements the site would
 * have stored (a section done, the best knowledge-check result) folded by applyStatement.
 */
export function lessonProgress(moduleSlug: string, facts: LessonFacts, state: LessonState, language: Locale): Progress | null {
  const common = { user: 'scorm', language, now: new Date(0), id: 'scorm' };
  const statements: Statement[] = state.done
    .filter((i) => i >= 0 && i < facts.sections.length)
    .map((i) => sectionCompleted({ ...common, moduleSlug, sectionId: facts.sections[i]! }));
  if (state.best !== null) statements.push(knowledgeCheckResult({ ...common, moduleSlug, scaled: state.best, passed: state.checkPassed }));
  const lessonFacts = { modules: { [moduleSlug]: facts } };
  return statements.reduce<Progress | null>((progress, s) => applyStatement(progress, s, lessonFacts) ?? progress, null);
}

/**
 * cmi.suspend_data for a lesson: "L1|<sections done as 0/1>|<best score in %, or ->|<passed 0/1>|<attempt>".
 * @example encodeLessonState({ done: [0, 2], best: 0.75, checkPassed: false, attempt: 1 }, 3) // 'L1|101|75|0|1'
 */
export function encodeLessonState(state: LessonState, sections: number): string {
  const bits = Array.from({ length: sections }, (_, i) => (state.done.includes(i) ? '1' : '0')).join('');
  const best = state.best === null ? '-' : String(Math.round(state.best * 1000) / 10);
  return `L1|${bits}|${best}|${state.checkPassed ? 1 : 0}|${Math.max(0, Math.floor(state.attempt))}`;
}

/** Reads a lesson's suspend_data; anything else (empty, another package's) starts afresh. */
export function decodeLessonState(text: string, sections: number): LessonState {
  const fresh: LessonState = { done: [], best: null, checkPassed: false, attempt: 0 };
  const match = /^L1\|([01]*)\|(-|\d{1,3}(?:\.\d)?)\|([01])\|(\d{1,6})$/.exec(text ?? '');
  if (!match) return fresh;
  const done = [...match[1]!].flatMap((bit, i) => (bit === '1' && i < sections ? [i] : []));
  const best = match[2] === '-' ? null : Math.min(1, Number(match[2]) / 100);
  return { done, best, checkPassed: match[3] === '1' && best !== null, attempt: Number(match[4]) };
}

// ---- a case simulation -----------------------------------------------------------------

/** What a simulation package keeps in cmi.suspend_data. */
export interface PlaythroughState {
  /** Playthroughs started (the order of choices is per playthrough). */
  playthrough: number;
  /** The choices of the current playthrough, in order. */
  choices: string[];
  /** The platform's progress after the endings reached so far (afterEnding). */
  best: { status: 'passed' | 'completed'; score: number } | null;
}

/**
 * The platform's progress on a simulation after one more ending: the statement the site sends
 * at an ending (scenarioEnded) folded by applyStatement onto the progress so far, so a pass is
 * never lost and the score is the latest ending's, as on the platform.
 */
export function afterEnding(
  record: PlaythroughState['best'],
  scenario: { id: string; version: number },
  ending: { id: string; outcome: 'good' | 'mixed' | 'harmful' },
  scaled: number,
  language: Locale,
): NonNullable<PlaythroughState['best']> {
  const common = { user: 'scorm', language, now: new Date(0), id: 'scorm', scenario: scenario.id, version: scenario.version, registration: 'scorm' };
  const previous: Progress | null = record
    ? { activity: activityId.scenario(scenario.id), activityType: 'scenario', status: record.status, completedSections: [], totalSections: 0, percent: 100, score: record.score, checkPassed: false, language, lastActivityAt: common.now.toISOString() }
    : null;
  const statement = scenarioEnded({ ...common, ending: ending.id, outcome: ending.outcome, choices: [], scores: {}, scaled });
  const next = applyStatement(previous, statement);
  return { status: next?.status === 'passed' ? 'passed' : 'completed', score: next?.score ?? scaled };
}

/**
 * cmi.suspend_data for a simulation: "S1|<playthrough>|<best: p or c and score in %, or ->|<choice
 * numbers>". Choices are written as their position among all the scenario's choices (base 36),
 * so a long playthrough stays short. Null when it would not fit in SCORM 1.2's 4,096 characters.
 * @example encodePlaythrough({ playthrough: 2, choices: ['a', 'c'], best: null }, ['a', 'b', 'c']) // 'S1|2|-|0.2'
 */
export function encodePlaythrough(state: PlaythroughState, allChoices: readonly string[]): string | null {
  const best = state.best ? `${state.best.status === 'passed' ? 'p' : 'c'}${Math.round(state.best.score * 1000) / 10}` : '-';
  const numbers = state.choices.map((c) => allChoices.indexOf(c));
  if (numbers.some((n) => n < 0)) return null;
  const text = `S1|${state.playthrough}|${best}|${numbers.map((n) => n.toString(36)).join('.')}`;
  return text.length <= suspendDataLimit ? text : null;
}

/** Reads a simulation's suspend_data; anything else starts afresh. */
export function decodePlaythrough(text: string, allChoices: readonly string[]): PlaythroughState {
  const fresh: PlaythroughState = { playthrough: 0, choices: [], best: null };
  const match = /^S1\|(\d{1,6})\|(-|[pc]\d{1,3}(?:\.\d)?)\|([0-9a-z.]*)$/.exec(text ?? '');
  if (!match) return fresh;
  const best = match[2] === '-' ? null : { status: match[2]![0] === 'p' ? ('passed' as const) : ('completed' as const), score: Math.min(1, Number(match[2]!.slice(1)) / 100) };
  const choices = match[3] ? match[3].split('.').map((n) => allChoices[parseInt(n, 36)]) : [];
  if (choices.some((c) => c === undefined)) return { ...fresh, playthrough: Number(match[1]), best };
  return { playthrough: Number(match[1]), choices: choices as string[], best };
}

/** Every choice id of a scenario in file order (the numbering suspend_data uses). */
export function choiceIndex(scenario: { nodes: Record<string, { choices: readonly { id: string }[] }> }): string[] {
  return Object.values(scenario.nodes).flatMap((n) => n.choices.map((c) => c.id));
}

/** The activity a package is about, as the platform names it (for the manifest and logs). */
export function packageActivity(kind: 'module' | 'scenario', id: string): string {
  return kind === 'module' ? activityId.module(id) : activityId.scenario(id);
}
