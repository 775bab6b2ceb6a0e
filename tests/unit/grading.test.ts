import { describe, expect, it } from 'vitest';
import { answerKeys, choiceResponse, chosenOptions, gradeAnswers, isAnswerRight } from '../../src/learning-record/grading.ts';

const single = { id: 'q1', options: [{ id: 'a', correct: false }, { id: 'b', correct: true }] };
const multiple = { id: 'q2', options: [{ id: 'a', correct: true }, { id: 'b', correct: true }, { id: 'c', correct: false }] };
const [key1, key2] = answerKeys([single, multiple]) as [ReturnType<typeof answerKeys>[number], ReturnType<typeof answerKeys>[number]];

describe('knowledge-check grading (one grader for the quiz and the server)', () => {
  it('reads the answer key from the frontmatter', () => {
    expect(answerKeys([single, multiple])).toEqual([{ id: 'q1', correct: ['b'] }, { id: 'q2', correct: ['a', 'b'] }]);
  });

  it('needs exactly the correct options, in any order', () => {
    expect(isAnswerRight(key1, ['b'])).toBe(true);
    expect(isAnswerRight(key1, ['a'])).toBe(false);
    expect(isAnswerRight(key2, ['a'])).toBe(false);
    expect(isAnswerRight(key2, ['b', 'a'])).toBe(true);
    expect(isAnswerRight(key2, ['a', 'b', 'c'])).toBe(false);
    expect(isAnswerRight(key2, ['a', 'a', 'b'])).toBe(true);
  });

  it('passes at the threshold and not below, on the exact share', () => {
    const five = ['q1', 'q2', 'q3', 'q4', 'q5'].map((id) => ({ ...key1, id }));
    const four = { q1: ['b'], q2: ['b'], q3: ['b'], q4: ['b'], q5: ['a'] };
    expect(gradeAnswers(five, four, 0.8)).toMatchObject({ correct: 4, total: 5, scaled: 0.8, passed: true });
    expect(gradeAnswers(five, { ...four, q4: ['a'] }, 0.8)).toMatchObject({ correct: 3, passed: false });
    // 2 of 3 is 0.6667: shown as 0.667, and it does not pass a 0.67 threshold by rounding
    const three = ['q1', 'q2', 'q3'].map((id) => ({ ...key1, id }));
    expect(gradeAnswers(three, { q1: ['b'], q2: ['b'], q3: ['a'] }, 0.667)).toMatchObject({ scaled: 0.667, passed: false });
    expect(gradeAnswers([], {}, 0.8)).toMatchObject({ scaled: 0, passed: false });
  });

  it('treats unanswered questions as wrong and ignores answers to questions it does not ask', () => {
    expect(gradeAnswers([key1, key2], { q1: ['b'], constructor: ['x'] }, 0.5)).toMatchObject({ correct: 1, total: 2, passed: true, perQuestion: { q1: true, q2: false } });
  });

  it('writes and reads xAPI choice responses', () => {
    expect(choiceResponse(['c', 'a', 'c'])).toBe('a[,]c');
    expect(chosenOptions('a[,]c')).toEqual(['a', 'c']);
    expect(chosenOptions('')).toEqual([]);
  });
});
