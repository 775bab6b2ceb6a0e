import { describe, expect, it } from 'vitest';
import { admitStatement, evidenceQuery } from '../../src/learning-record/admission.ts';
import { withScenarioVersion, type LearningFacts } from '../../src/learning-record/facts.ts';
import { knowledgeCheckResult, questionAnswered, registrationId, scenarioChoice, scenarioEnded, sectionCompleted, type Statement } from '../../src/learning-record/statements.ts';
import type { ScenarioStructure } from '../../src/simulation/rules.ts';
import { facts as realFacts } from '../support/content.ts';

const scenario: ScenarioStructure = {
  id: 'border-arrival',
  version: 2,
  start: 'arrival',
  principles: ['child-first'],
  variables: { trust: { initial: 20, min: 0, max: 100 } },
  nodes: {
    arrival: { choices: [
      { id: 'talk-calmly', next: 'calm', effects: { trust: 20 }, points: { 'child-first': 1 } },
      { id: 'rush', next: 'cell', effects: {}, points: { 'child-first': -1 } },
    ] },
    calm: { choices: [
      { id: 'hand-over', next: 'safe-handover', effects: {}, points: { 'child-first': 1 }, condition: { all: [{ variable: 'trust', op: '>=', value: 40 }] } },
      { id: 'start-again', next: 'arrival', effects: {}, points: {} },
    ] },
  },
  endings: { 'safe-handover': { outcome: 'good' }, cell: { outcome: 'harmful' } },
};

const facts: LearningFacts = withScenarioVersion({
  modules: {
    'children-on-the-move': {
      sections: ['who-they-are', 'key-points'],
      passThreshold: 0.8,
      questions: [{ id: 'q1', correct: ['a'], options: ['a', 'b'] }, { id: 'q2', correct: ['b', 'c'], options: ['a', 'b', 'c'] }],
    },
  },
  scenarios: {},
  paths: [],
}, scenario);

const user = 'learner000000aa';
const lesson = { user, moduleSlug: 'children-on-the-move', language: 'en' as const };
const at = (minute: number) => new Date(Date.UTC(2026, 11, 1, 9, minute));
const admit = (s: Statement, evidence: Statement[] = []) => admitStatement(s, facts, evidence, at(60));
const refusal = (s: Statement, evidence: Statement[] = []) => {
  const verdict = admit(s, evidence);
  return verdict.ok ? null : { field: verdict.field, reason: verdict.reason };
};
const forged = (overrides: Partial<Statement>): Statement => ({ ...sectionCompleted({ ...lesson, sectionId: 'who-they-are', now: at(1) }), ...overrides });

describe('admission: what a device may record', () => {
  it('accepts what the islands record, and sets the section count from the content', () => {
    const section = admit(sectionCompleted({ ...lesson, sectionId: 'who-they-are', now: at(1) }));
    expect(section).toMatchObject({ ok: true, statement: { context: { totalSections: 2, parent: 'module:children-on-the-move' } } });
    expect(admit(questionAnswered({ ...lesson, questionId: 'q1', chosen: ['a'], correct: true, now: at(2) })).ok).toBe(true);
    expect(admit(scenarioChoice({ user, language: 'en', scenario: 'border-arrival', version: 2, registration: registrationId(), node: 'arrival', choice: 'rush', variables: {} })).ok).toBe(true);
  });

  it('refuses a path or a whole lesson marked done from the device', () => {
    expect(refusal(forged({ object: 'path:teacher', verb: 'completed' }))).toMatchObject({ field: 'object' });
    expect(refusal(forged({ object: 'module:children-on-the-move', verb: 'passed' }))).toMatchObject({ field: 'verb' });
  });

  it('refuses a made-up quiz id and objects with extra parts, naming the object', () => {
    // the hole: any quiz id but the lesson's own knowledge check earned a pass
    const made = forged({ verb: 'passed', object: 'module:children-on-the-move/quiz:final-exam', result: { success: true, score: { scaled: 1 } } });
    expect(refusal(made)).toMatchObject({ field: 'object' });
    expect(refusal(forged({ verb: 'completed', object: 'path:x/quiz:y/section:z' }))).toMatchObject({ field: 'object' });
    expect(refusal(forged({ verb: 'completed', object: 'module:children-on-the-move/section:who-they-are/section:key-points' }))).toMatchObject({ field: 'object' });
  });

  it('refuses lessons, sections, questions, options, choices and endings that do not exist', () => {
    expect(refusal(forged({ object: 'module:children-on-the-move/section:made-up' }))?.reason).toContain('no section "made-up"');
    expect(refusal(forged({ object: 'module:no-such-module/section:a' }))?.reason).toContain('no lesson "no-such-module"');
    expect(refusal(forged({ verb: 'answered', object: 'module:children-on-the-move/question:q9', result: { response: 'a' } }))?.reason).toContain('no question "q9"');
    expect(refusal(forged({ verb: 'answered', object: 'module:children-on-the-move/question:q1', result: { response: 'a[,]z' } }))?.reason).toContain('no option "z"');
    expect(refusal(forged({ verb: 'chose', object: 'scenario:border-arrival/choice:teleport' }))?.reason).toContain('no choice "teleport"');
    expect(refusal(forged({ verb: 'completed', object: 'scenario:border-arrival', result: { response: 'made-up' } }))).toMatchObject({ field: 'result' });
    expect(refusal(forged({ verb: 'completed', object: 'scenario:no-such', result: { response: 'x' } }))).toMatchObject({ field: 'object' });
  });

  it('finds nothing under prototype keys ("constructor", "__proto__")', () => {
    expect(refusal(forged({ object: 'module:constructor/section:a' }))).toMatchObject({ field: 'object' });
    expect(refusal(forged({ verb: 'completed', object: 'scenario:constructor', result: { response: 'x' } }))).toMatchObject({ field: 'object' });
    expect(refusal(forged({ verb: 'completed', object: 'scenario:border-arrival', result: { response: 'constructor' } }))).toMatchObject({ field: 'result' });
    expect(refusal(forged({ verb: 'completed', object: 'scenario:border-arrival', result: { response: '__proto__' } }))).toMatchObject({ field: 'result' });
    expect(refusal(forged({ verb: 'chose', object: 'scenario:border-arrival/choice:constructor' }))).toMatchObject({ field: 'object' });
  });

  it('refuses result and context that are not objects of the known fields', () => {
    expect(refusal(forged({ result: 'done' as never }))).toMatchObject({ field: 'result' });
    expect(refusal(forged({ result: 7 as never }))).toMatchObject({ field: 'result' });
    expect(refusal(forged({ result: { completion: true, extra: 1 } as never }))?.reason).toContain('unknown field(s) extra');
    expect(refusal(forged({ result: { score: { scaled: 7 } } }))).toMatchObject({ field: 'result' });
    expect(refusal(forged({ context: [] as never }))).toMatchObject({ field: 'context' });
    expect(refusal(forged({ context: { parent: 'module:m', shout: 'x' } as never }))?.reason).toContain('unknown field(s) shout');
    expect(refusal(forged({ verb: 'jumped' as never }))).toMatchObject({ field: 'verb' });
    expect(refusal(forged({ language: 'de' as never }))).toMatchObject({ field: 'language' });
    expect(refusal(forged({ timestamp: 'yesterday' }))).toMatchObject({ field: 'timestamp' });
  });

  it('keeps work from a phone whose clock runs fast, flagging the skew', () => {
    const ahead = sectionCompleted({ ...lesson, sectionId: 'who-they-are', now: new Date(at(60).getTime() + 3 * 3600_000) });
    expect(admit(ahead)).toMatchObject({ ok: true, clockSkew: 3 * 3600 });
    expect(admit(sectionCompleted({ ...lesson, sectionId: 'who-they-are', now: at(58) }))).not.toHaveProperty('clockSkew');
  });
});

describe('admission: a knowledge check is scored from the answers recorded before it', () => {
  const answers = (q1: string[], q2: string[], minute = 10) => [
    questionAnswered({ ...lesson, questionId: 'q1', chosen: q1, correct: false, now: at(minute) }),
    questionAnswered({ ...lesson, questionId: 'q2', chosen: q2, correct: false, now: at(minute) }),
  ];
  const claim = (passed: boolean, scaled: number) => knowledgeCheckResult({ ...lesson, passed, scaled, now: at(20) });

  it('asks for the learner\'s answers to that lesson up to the check', () => {
    const query = evidenceQuery(claim(true, 1))!;
    expect(query.params).toMatchObject({ user, prefix: 'module:children-on-the-move/question:%' });
    expect(query.filter).toContain("verb = 'answered'");
    expect(evidenceQuery(sectionCompleted({ ...lesson, sectionId: 'who-they-are' }))).toBeNull();
  });

  it('replaces the claimed score with its own', () => {
    const verdict = admit(claim(false, 0.1), answers(['a'], ['c', 'b']));
    expect(verdict).toMatchObject({ ok: true, statement: { verb: 'passed', result: { success: true, score: { scaled: 1 } } } });
  });

  it('refuses a pass the answers do not support, even with no answers at all', () => {
    expect(refusal(claim(true, 1), answers(['b'], ['b', 'c']))?.reason).toContain('score 50%');
    expect(refusal(claim(true, 1), [])?.reason).toContain('score 0%');
  });

  it('counts the latest answer of each question', () => {
    const early = answers(['b'], ['a'], 5);
    const late = answers(['a'], ['b', 'c'], 15);
    expect(admit(claim(true, 1), [...late, ...early])).toMatchObject({ ok: true, statement: { result: { score: { scaled: 1 } } } });
    expect(refusal(claim(true, 1), [...answers(['b'], ['a'], 16), ...late])).toMatchObject({ field: 'result' });
  });
});

describe('admission: a case simulation is passed only by playing to a good ending', () => {
  const registration = registrationId();
  const playthrough = { user, language: 'en' as const, scenario: 'border-arrival', version: 2, registration };
  const chose = (node: string, choice: string, minute: number) => ({ ...scenarioChoice({ ...playthrough, node, choice, variables: {} }), timestamp: at(minute).toISOString() });
  const ended = (choices: string[], ending = 'safe-handover', outcome: 'good' | 'harmful' = 'good') =>
    scenarioEnded({ ...playthrough, ending, outcome, choices, scores: { 'child-first': 99 }, scaled: 1, now: at(30) });
  const played = [chose('arrival', 'talk-calmly', 1), chose('calm', 'hand-over', 2)];

  it('believes a pass whose recorded choices lead to the ending, and keeps the server\'s scores', () => {
    expect(admit(ended(['talk-calmly', 'hand-over']), played)).toMatchObject({ ok: true, statement: { verb: 'passed', context: { scores: { 'child-first': 2 }, outcome: 'good' } } });
  });

  it('refuses a bare good ending with no choices', () => {
    const bare: Statement = { ...ended([]), context: { registration } };
    expect(refusal(bare, played)).toMatchObject({ field: 'context' });
    expect(refusal({ ...bare, context: null }, [])).toMatchObject({ field: 'context' });
  });

  it('refuses choices that were not recorded, or that cannot lead there', () => {
    expect(refusal(ended(['talk-calmly', 'hand-over']), [])?.reason).toContain('were not recorded');
    expect(refusal(ended(['talk-calmly', 'hand-over']), [{ ...played[0]!, context: { ...played[0]!.context, registration: registrationId() } }, played[1]!])?.reason).toContain('"talk-calmly"');
    expect(refusal(ended(['hand-over']), played)?.reason).toContain('not offered');
    expect(refusal(ended(['talk-calmly', 'start-again']), played)?.reason).toContain('lead to "arrival"');
  });

  it('takes a condition into account (trust must be high enough to hand over)', () => {
    const lowTrust: ScenarioStructure = { ...scenario, version: 3, variables: { trust: { initial: 0, min: 0, max: 100 } } };
    const f = withScenarioVersion(facts, lowTrust);
    const s = { ...ended(['talk-calmly', 'hand-over']), context: { ...ended(['talk-calmly', 'hand-over']).context, version: 3 } };
    const verdict = admitStatement(s, f, played, at(60));
    expect(verdict).toMatchObject({ ok: false, field: 'context' });
  });

  it('refuses a pass at a harmful ending, and allows completing one', () => {
    expect(refusal({ ...ended(['rush'], 'cell', 'good') }, [chose('arrival', 'rush', 1)])).toMatchObject({ field: 'verb' });
    expect(admit(ended(['rush'], 'cell', 'harmful'), []).ok).toBe(true);
  });
});

describe('admission with the real content', () => {
  it('knows every lesson, its answer key, every scenario and every path step', () => {
    const real = realFacts();
    expect(Object.keys(real.modules).length).toBeGreaterThanOrEqual(9);
    for (const [slug, m] of Object.entries(real.modules)) {
      expect(m.questions.length, slug).toBeGreaterThan(0);
      for (const q of m.questions) {
        expect(q.correct.length, `${slug}/${q.id}`).toBeGreaterThan(0);
        expect(q.correct.every((c) => q.options.includes(c)), `${slug}/${q.id}`).toBe(true);
      }
    }
    expect(Object.keys(real.scenarios)).toEqual(expect.arrayContaining(['border-arrival', 'bus-station-red-flags', 'cross-border-handover', 'first-interview', 'school-enrolment']));
    expect(real.paths.map((p) => p.id)).toEqual(expect.arrayContaining(['border-officer', 'coordinator', 'essentials', 'social-worker', 'teacher']));
    for (const path of real.paths) {
      for (const step of path.steps) {
        const [kind, id] = step.split(':') as [string, string];
        expect(kind === 'module' ? real.modules[id] : real.scenarios[id], `${path.id}: ${step}`).toBeDefined();
      }
    }
  });
});
