/**
 * Knowledge checks must not give the answer away by length or place: measured over the English
 * modules, as a learner who reads no further than the options would see them in the file
 * (print view, no JavaScript). Translations keep the English order (the build checks it).
 */
import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { splitFrontmatter } from '../../src/content/catalogue.ts';
import { validateModuleFrontmatter, type QuizQuestion } from '../../src/content/modules.ts';

const modulesDir = path.resolve(import.meta.dirname, '../../content/modules');

interface Measured {
  where: string;
  question: QuizQuestion;
}

function englishQuestions(): Measured[] {
  const found: Measured[] = [];
  for (const slug of readdirSync(modulesDir).filter((d) => !d.startsWith('.')).sort()) {
    const file = `content/modules/${slug}/en.mdx`;
    const parts = splitFrontmatter(readFileSync(path.join(modulesDir, slug, 'en.mdx'), 'utf8'));
    if (!parts) throw new Error(`${file}: no frontmatter`);
    const result = validateModuleFrontmatter(file, parseYaml(parts.frontmatter));
    if (!result.ok) throw new Error(result.problems.map((p) => `${p.file}: ${p.field}: ${p.reason}`).join('\n'));
    for (const question of result.data.quiz?.questions ?? []) found.push({ where: `${slug}#${question.id}`, question });
  }
  return found;
}

const length = (text: string) => [...text.trim()].length;
const longest = (options: QuizQuestion['options']) => Math.max(0, ...options.map((o) => length(o.text)));
const correctOf = (q: QuizQuestion) => q.options.filter((o) => o.correct);
const wrongOf = (q: QuizQuestion) => q.options.filter((o) => !o.correct);

/** The correct option of a single-answer question is at least as long as every wrong one. */
export function correctIsLongest(q: QuizQuestion): boolean {
  return longest(correctOf(q)) >= longest(wrongOf(q));
}

/** The correct option of a single-answer question is no longer than any wrong one. */
export function correctIsShortest(q: QuizQuestion): boolean {
  const shortestWrong = Math.min(...wrongOf(q).map((o) => length(o.text)));
  return longest(correctOf(q)) <= shortestWrong;
}

/** Every correct option comes before every wrong one in file order. */
export function correctAllFirst(q: QuizQuestion): boolean {
  const lastCorrect = Math.max(...q.options.map((o, i) => (o.correct ? i : -1)));
  const firstWrong = q.options.findIndex((o) => !o.correct);
  return firstWrong === -1 || lastCorrect < firstWrong;
}

/** The longest correct option divided by the longest wrong one. */
export function lengthRatio(q: QuizQuestion): number {
  const wrong = longest(wrongOf(q));
  return wrong === 0 ? 1 : longest(correctOf(q)) / wrong;
}

const questions = englishQuestions();
const single = questions.filter((m) => m.question.type === 'single');
const multiple = questions.filter((m) => m.question.type === 'multiple');

describe('knowledge checks do not give the answer away (English)', () => {
  it('has questions of both kinds to measure', () => {
    expect(single.length).toBeGreaterThanOrEqual(20);
    expect(multiple.length).toBeGreaterThanOrEqual(5);
  });

  it('the correct option is the longest in at most 40% of single-answer questions', () => {
    const giveaways = single.filter((m) => correctIsLongest(m.question)).map((m) => m.where);
    expect(giveaways.length / single.length, `correct option longest in ${giveaways.length}/${single.length}: ${giveaways.join(', ')}`).toBeLessThanOrEqual(0.4);
  });

  it('nor is it the shortest in more than 40% of them (a rewrite must not swap one tell for another)', () => {
    const shortest = single.filter((m) => correctIsShortest(m.question)).map((m) => m.where);
    expect(shortest.length / single.length, `correct option shortest in ${shortest.length}/${single.length}: ${shortest.join(', ')}`).toBeLessThanOrEqual(0.4);
  });

  it('in at most 40% of "multiple" questions every correct option comes before every wrong one', () => {
    const ordered = multiple.filter((m) => correctAllFirst(m.question)).map((m) => m.where);
    expect(ordered.length / multiple.length, `all correct first in ${ordered.length}/${multiple.length}: ${ordered.join(', ')}`).toBeLessThanOrEqual(0.4);
  });

  it('no correct option is more than 1.5 times as long as the longest wrong one', () => {
    const lopsided = questions
      .map((m) => ({ where: m.where, ratio: lengthRatio(m.question) }))
      .filter((r) => r.ratio > 1.5)
      .map((r) => `${r.where} (${r.ratio.toFixed(2)}x)`);
    expect(lopsided).toEqual([]);
  });

  it('the correct option is not always in the same place in single-answer questions', () => {
    const first = single.filter((m) => m.question.options[0]?.correct).length;
    expect(first / single.length, `correct option first in ${first}/${single.length}`).toBeLessThanOrEqual(0.4);
  });
});

describe('the measures themselves', () => {
  const option = (id: string, text: string, correct: boolean) => ({ id, text, correct, explanation: 'why' });
  const q = (type: 'single' | 'multiple', ...options: ReturnType<typeof option>[]): QuizQuestion => ({ id: 'q', type, prompt: 'p', options });

  it('sees a long correct option and a lopsided ratio', () => {
    const giveaway = q('single', option('a', 'A long and careful answer that says a lot', true), option('b', 'Short', false));
    expect(correctIsLongest(giveaway)).toBe(true);
    expect(lengthRatio(giveaway)).toBeGreaterThan(1.5);
    const fair = q('single', option('a', 'Call the focal point', true), option('b', 'Call the consulate now', false));
    expect(correctIsLongest(fair)).toBe(false);
    expect(correctIsShortest(fair)).toBe(true);
    expect(correctIsShortest(giveaway)).toBe(false);
    expect(lengthRatio(fair)).toBeLessThanOrEqual(1.5);
  });

  it('sees correct options bunched before wrong ones', () => {
    expect(correctAllFirst(q('multiple', option('a', 'x', true), option('b', 'y', true), option('c', 'z', false)))).toBe(true);
    expect(correctAllFirst(q('multiple', option('a', 'x', true), option('c', 'z', false), option('b', 'y', true)))).toBe(false);
    expect(correctAllFirst(q('multiple', option('c', 'z', false), option('a', 'x', true)))).toBe(false);
  });
});
