/**
 * Grading a knowledge check: one grader for the quiz island (to show the result at once) and
 * the server (which scores a check from the answers recorded and replaces any claimed score).
 * Pure: bundled for the hooks and unit-tested directly.
 */

/** A question's answer key: its id and the ids of its correct options. */
export interface AnswerKey {
  id: string;
  correct: readonly string[];
}

/** The answer key of a knowledge check as written in a module's frontmatter. */
export function answerKeys(questions: readonly { id: string; options: readonly { id: string; correct: boolean }[] }[]): AnswerKey[] {
  return questions.map((q) => ({ id: q.id, correct: q.options.filter((o) => o.correct).map((o) => o.id) }));
}

/**
 * The xAPI "choice" response for the options chosen: their ids, sorted, joined by "[,]".
 * @example choiceResponse(['b', 'a', 'b']) // 'a[,]b'
 */
export function choiceResponse(chosen: readonly string[]): string {
  return [...new Set(chosen)].sort().join('[,]');
}

/** The option ids of an xAPI "choice" response. @example chosenOptions('a[,]b') // ['a', 'b'] */
export function chosenOptions(response: string): string[] {
  return response.split('[,]').filter(Boolean);
}

/**
 * A question is right when the chosen options are exactly the correct ones.
 * @example isAnswerRight({ id: 'q', correct: ['a', 'b'] }, ['a']) // false
 */
export function isAnswerRight(key: AnswerKey, chosen: readonly string[]): boolean {
  const given = [...new Set(chosen)].sort();
  const correct = [...new Set(key.correct)].sort();
  return given.length === correct.length && given.every((id, i) => id === correct[i]);
}

export interface Grade {
  correct: number;
  total: number;
  /** The share right, rounded to three decimals (what is stored and shown). */
  scaled: number;
  passed: boolean;
  perQuestion: Record<string, boolean>;
}

/**
 * Grades answers (option ids per question id) against the answer key and a pass threshold.
 * The pass is decided on the exact share, so rounding never turns a fail into a pass.
 * @example gradeAnswers([{ id: 'q1', correct: ['a'] }, { id: 'q2', correct: ['b', 'c'] }], { q1: ['a'], q2: ['b'] }, 0.5)
 * // { correct: 1, total: 2, scaled: 0.5, passed: true, perQuestion: { q1: true, q2: false } }
 */
export function gradeAnswers(keys: readonly AnswerKey[], answers: Readonly<Record<string, readonly string[]>>, passThreshold: number): Grade {
  const perQuestion: Record<string, boolean> = {};
  for (const key of keys) {
    const chosen = Object.prototype.hasOwnProperty.call(answers, key.id) ? answers[key.id]! : [];
    perQuestion[key.id] = isAnswerRight(key, chosen);
  }
  const correct = keys.filter((k) => perQuestion[k.id]).length;
  const total = keys.length;
  const share = total === 0 ? 0 : correct / total;
  return { correct, total, scaled: Math.round(share * 1000) / 1000, passed: total > 0 && share >= passThreshold - 1e-9, perQuestion };
}

/** A threshold as a whole percentage, for messages. @example percent(0.8) // 80 */
export function percent(share: number): number {
  return Math.round(share * 100);
}
