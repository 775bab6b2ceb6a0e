/**
 * Scoring a knowledge check. Pure: the quiz island and the tests use it.
 */
export interface CheckQuestion {
  id: string;
  type: 'single' | 'multiple';
  options: { id: string; correct: boolean }[];
}

/**
 * A question is right when the chosen options are exactly the correct ones.
 * @example isAnswerCorrect({ id: 'q', type: 'multiple', options: [{ id: 'a', correct: true }, { id: 'b', correct: true }] }, ['a']) // false
 */
export function isAnswerCorrect(question: CheckQuestion, chosen: readonly string[]): boolean {
  const correct = question.options.filter((o) => o.correct).map((o) => o.id).sort();
  const picked = [...new Set(chosen)].sort();
  return correct.length === picked.length && correct.every((id, i) => id === picked[i]);
}

export interface CheckScore {
  correct: number;
  total: number;
  scaled: number;
  passed: boolean;
  perQuestion: Record<string, boolean>;
}

/**
 * @example scoreCheck(questions, answers, 0.8) // { correct: 4, total: 5, scaled: 0.8, passed: true, ... }
 */
export function scoreCheck(questions: readonly CheckQuestion[], answers: Record<string, readonly string[]>, passThreshold = 0.8): CheckScore {
  const perQuestion = Object.fromEntries(questions.map((q) => [q.id, isAnswerCorrect(q, answers[q.id] ?? [])]));
  const correct = Object.values(perQuestion).filter(Boolean).length;
  const total = questions.length;
  const scaled = total === 0 ? 0 : correct / total;
  return { correct, total, scaled, passed: scaled >= passThreshold - 1e-9, perQuestion };
}
