/**
 * What a learner's device may say about itself. The server (pb_hooks/learning_record.pb.js)
 * refuses a statement that breaks these rules, with a reason naming the field, before it is
 * stored: a path cannot be marked complete from the client (certificates come from the
 * server's own reckoning of the steps), a lesson is passed only through its sections and
 * knowledge check, and a case simulation's ending must be one of its endings.
 * Pure: bundled for the hooks and unit-tested directly.
 */
import { parseObject, type Statement } from './statements.ts';

/** What the server knows about the content: each lesson's sections, each scenario's choices and endings. */
export interface ContentCatalogue {
  modules: Record<string, { sections: string[]; passThreshold: number; questions: { id: string; correct: string[] }[] }>;
  scenarios: Record<string, { choices: string[]; endings: Record<string, 'good' | 'mixed' | 'harmful'> }>;
}

export interface StatementProblem {
  field: string;
  reason: string;
}

/**
 * The first problem with a statement, or null when it may be stored.
 * @example statementProblem({ verb: 'completed', object: 'path:teacher', ... }, catalogue)
 * // { field: 'object', reason: 'a path is completed by the server ...' }
 */
export function statementProblem(statement: Pick<Statement, 'verb' | 'object' | 'result'>, catalogue: ContentCatalogue): StatementProblem | null {
  const parsed = parseObject(statement.object);
  if (!parsed) return { field: 'object', reason: 'object must look like module:<id>/section:<id>, module:<id>/quiz:knowledge-check or scenario:<id>' };
  const { activityType, slug, part } = parsed;
  const verb = statement.verb;

  if (activityType === 'path' || activityType === 'quiz') {
    return { field: 'object', reason: `a ${activityType} is not recorded directly: record the lesson sections, knowledge checks and case simulations; the server works out paths and certificates` };
  }

  if (activityType === 'module') {
    const lesson = catalogue.modules[slug];
    if (!lesson) return { field: 'object', reason: `no lesson module "${slug}"` };
    if (part === null) {
      if (verb === 'completed' || verb === 'passed' || verb === 'failed') {
        return { field: 'verb', reason: `a lesson is ${verb} through its sections and knowledge check, not by one statement about the whole module` };
      }
      return null;
    }
    if (part.kind === 'section') {
      if (!lesson.sections.includes(part.id)) return { field: 'object', reason: `lesson "${slug}" has no section "${part.id}" (sections: ${lesson.sections.join(', ')})` };
      return verb === 'completed' || verb === 'experienced' ? null : { field: 'verb', reason: 'a section can only be completed or experienced' };
    }
    if (part.kind === 'question') return verb === 'answered' ? null : { field: 'verb', reason: 'a knowledge-check question can only be answered' };
    if (part.kind === 'quiz') {
      if (verb !== 'passed' && verb !== 'failed') return { field: 'verb', reason: 'a knowledge check is passed or failed' };
      const scaled = statement.result?.score?.scaled;
      if (typeof scaled !== 'number' || !(scaled >= 0 && scaled <= 1)) return { field: 'result', reason: 'a knowledge check result needs result.score.scaled between 0 and 1' };
      if (verb === 'passed' && scaled < lesson.passThreshold - 1e-6) return { field: 'result', reason: `this knowledge check is passed at ${Math.round(lesson.passThreshold * 100)}% or more` };
      return null;
    }
    return { field: 'object', reason: `a lesson has sections, questions and a quiz, not "${part.kind}"` };
  }

  // scenario
  const scenario = catalogue.scenarios[slug];
  if (!scenario) return { field: 'object', reason: `no case simulation "${slug}"` };
  if (part === null) {
    if (verb === 'passed' || verb === 'completed' || verb === 'failed') {
      const ending = statement.result?.response;
      const outcome = typeof ending === 'string' ? scenario.endings[ending] : undefined;
      if (!outcome) return { field: 'result', reason: `result.response must name the ending reached (one of: ${Object.keys(scenario.endings).join(', ')})` };
      if (verb === 'passed' && outcome !== 'good') return { field: 'verb', reason: `ending "${ending}" is ${outcome}: a case simulation is passed only at a good ending` };
    }
    return null;
  }
  if (part.kind === 'choice') {
    if (!scenario.choices.includes(part.id)) return { field: 'object', reason: `case simulation "${slug}" has no choice "${part.id}"` };
    return verb === 'chose' ? null : { field: 'verb', reason: 'a choice in a case simulation is recorded with the verb "chose"' };
  }
  return { field: 'object', reason: `a case simulation has choices, not "${part.kind}"` };
}

/**
 * The server's own score of a knowledge check, from the answers the learner recorded (the latest
 * "answered" statement of each question): a result statement's claimed score is replaced by this,
 * and a "passed" below the threshold is refused. An answer is the sorted option ids joined by
 * "[,]" (xAPI's choice response).
 * @example gradeKnowledgeCheck([{ id: 'q1', correct: ['a'] }, { id: 'q2', correct: ['b', 'c'] }], { q1: 'a', q2: 'b' }) // 0.5
 */
export function gradeKnowledgeCheck(questions: readonly { id: string; correct: readonly string[] }[], answers: Readonly<Record<string, string>>): number {
  if (questions.length === 0) return 0;
  const right = questions.filter((q) => {
    const given = (answers[q.id] ?? '').split('[,]').filter(Boolean).sort();
    const correct = [...q.correct].sort();
    return given.length === correct.length && given.every((id, i) => id === correct[i]);
  }).length;
  return Math.round((1000 * right) / questions.length) / 1000;
}
