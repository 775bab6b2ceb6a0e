import { describe, expect, it } from 'vitest';
import { gradeKnowledgeCheck, statementProblem, type ContentCatalogue } from '../../src/learning-record/statement-rules.ts';
import { serverCatalogue } from '../../scripts/lib/hooks-bundle.ts';

const catalogue: ContentCatalogue = {
  modules: { 'children-on-the-move': { sections: ['who-they-are', 'key-points'], passThreshold: 0.8, questions: [{ id: 'q1', correct: ['a'] }] } },
  scenarios: { 'border-arrival': { choices: ['offer-needs'], endings: { 'safe-handover': 'good', 'night-in-cell': 'harmful' } } },
};
const check = (verb: string, object: string, result: unknown = null) => statementProblem({ verb, object, result } as never, catalogue);

describe('what a device may record (server rules)', () => {
  it('accepts what the islands record', () => {
    expect(check('completed', 'module:children-on-the-move/section:who-they-are')).toBeNull();
    expect(check('answered', 'module:children-on-the-move/question:q1', { success: true })).toBeNull();
    expect(check('passed', 'module:children-on-the-move/quiz:knowledge-check', { score: { scaled: 0.8 } })).toBeNull();
    expect(check('failed', 'module:children-on-the-move/quiz:knowledge-check', { score: { scaled: 0.4 } })).toBeNull();
    expect(check('chose', 'scenario:border-arrival/choice:offer-needs')).toBeNull();
    expect(check('passed', 'scenario:border-arrival', { response: 'safe-handover' })).toBeNull();
    expect(check('completed', 'scenario:border-arrival', { response: 'night-in-cell' })).toBeNull();
  });

  it('refuses a path or a whole lesson marked done from the device', () => {
    expect(check('completed', 'path:teacher')).toMatchObject({ field: 'object' });
    expect(check('passed', 'module:children-on-the-move')).toMatchObject({ field: 'verb' });
    expect(check('completed', 'quiz:anything')).toMatchObject({ field: 'object' });
  });

  it('refuses sections, choices and endings that do not exist, naming them', () => {
    expect(check('completed', 'module:children-on-the-move/section:made-up')?.reason).toContain('no section "made-up"');
    expect(check('completed', 'module:no-such-module/section:a')?.reason).toContain('no lesson module');
    expect(check('chose', 'scenario:border-arrival/choice:teleport')?.reason).toContain('no choice "teleport"');
    expect(check('passed', 'scenario:border-arrival', { response: 'made-up' })).toMatchObject({ field: 'result' });
    expect(check('passed', 'scenario:no-such')).toMatchObject({ field: 'object' });
  });

  it('refuses a pass that the content does not allow', () => {
    expect(check('passed', 'scenario:border-arrival', { response: 'night-in-cell' })?.reason).toContain('harmful');
    expect(check('passed', 'module:children-on-the-move/quiz:knowledge-check', { score: { scaled: 0.6 } })?.reason).toContain('80%');
    expect(check('passed', 'module:children-on-the-move/quiz:knowledge-check', { score: { scaled: 7 } })).toMatchObject({ field: 'result' });
    expect(check('chose', 'module:children-on-the-move/section:who-they-are')).toMatchObject({ field: 'verb' });
  });

  it('scores a knowledge check from the recorded answers, exactly', () => {
    const key = [{ id: 'q1', correct: ['a'] }, { id: 'q2', correct: ['b', 'c'] }, { id: 'q3', correct: ['d'] }];
    expect(gradeKnowledgeCheck(key, { q1: 'a', q2: 'b[,]c', q3: 'd' })).toBe(1);
    expect(gradeKnowledgeCheck(key, { q1: 'a', q2: 'c[,]b', q3: 'x' })).toBe(0.667); // order of options does not matter
    expect(gradeKnowledgeCheck(key, { q1: 'a', q2: 'b' })).toBe(0.333); // half of a multiple choice is wrong; unanswered is wrong
    expect(gradeKnowledgeCheck(key, { q1: 'a[,]x' })).toBe(0);
    expect(gradeKnowledgeCheck([], {})).toBe(0);
  });

  it('builds the real catalogue the server uses from content/', () => {
    const real = serverCatalogue();
    expect(Object.keys(real.modules)).toHaveLength(9);
    expect(real.modules['children-on-the-move']!.sections).toContain('who-they-are');
    for (const [slug, m] of Object.entries(real.modules)) {
      expect(m.questions.length, slug).toBeGreaterThan(0);
      for (const q of m.questions) expect(q.correct.length, `${slug}/${q.id}`).toBeGreaterThan(0);
    }
    expect(Object.keys(real.scenarios).sort()).toEqual(['border-arrival', 'bus-station-red-flags', 'cross-border-handover', 'first-interview', 'orderly-return', 'school-enrolment']);
    expect(real.paths.map((p) => p.id).sort()).toEqual(['border-officer', 'coordinator', 'essentials', 'social-worker', 'teacher']);
    for (const path of real.paths) {
      for (const step of path.steps) {
        const [kind, id] = step.split(':') as [string, string];
        expect(kind === 'module' ? real.modules[id] : real.scenarios[id], `${path.id}: ${step}`).toBeDefined();
      }
    }
  });
});
