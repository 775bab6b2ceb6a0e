import { describe, expect, it } from 'vitest';
import { goodShareWarning, simulatePlaythroughs } from '../../src/simulation/playthroughs.ts';
import type { Scenario } from '../../src/simulation/schema.ts';
import { fixture } from '../support/scenario-fixture.ts';

type Choice = Scenario['nodes'][string]['choices'][number];
const choice = (id: string, next: string, extra: Partial<Choice> = {}): Choice => ({ id, label: id, feedback: id, effects: {}, points: {}, recommended: false, next, ...extra });

/** Two decisions, each +1 or -1 on one principle; the second decides the ending. */
function twoSteps(): Scenario {
  return {
    ...fixture(),
    start: 'first',
    nodes: {
      first: { text: 'First', choices: [choice('first-up', 'second', { points: { 'child-first': 1 } }), choice('first-down', 'second', { points: { 'child-first': -1 } })] },
      second: { text: 'Second', choices: [choice('second-up', 'good-end', { points: { 'child-first': 1 } }), choice('second-down', 'harmful-end', { points: { 'child-first': -1 } })] },
    },
  };
}

describe('random playthroughs ("Simulate 1,000 learners")', () => {
  it('gives the same figures for the same seed and others for another seed', () => {
    const a = simulatePlaythroughs(fixture(), { runs: 1000, seed: 7 });
    expect(simulatePlaythroughs(fixture(), { runs: 1000, seed: 7 })).toEqual(a);
    expect(simulatePlaythroughs(fixture(), { runs: 1000, seed: 8 }).endings).not.toEqual(a.endings);
    expect(a.seed).toBe(7);
    expect(a.runs).toBe(1000);
  });

  it('counts every learner once: at an ending or unfinished, with shares of all runs', () => {
    const r = simulatePlaythroughs(fixture(), { runs: 500, seed: 3 });
    const ended = r.endings.reduce((n, e) => n + e.count, 0);
    expect(ended + r.unfinished.deadEnd + r.unfinished.unknownTarget + r.unfinished.tooLong).toBe(500);
    for (const e of r.endings) expect(e.share).toBeCloseTo(e.count / 500, 10);
    expect(r.endings.map((e) => e.ending)).toEqual(['good-end', 'mixed-end', 'harmful-end']);
    expect(r.outcomes.good.count + r.outcomes.mixed.count + r.outcomes.harmful.count).toBe(ended);
  });

  it('chooses with equal chance among the choices offered', () => {
    const r = simulatePlaythroughs(twoSteps(), { runs: 2000, seed: 11 });
    // the second choice alone decides: a half each, within a margin no fair coin misses in practice
    expect(r.outcomes.good.share).toBeGreaterThan(0.44);
    expect(r.outcomes.good.share).toBeLessThan(0.56);
    expect(r.outcomes.mixed.count).toBe(0);
  });

  it('gives the lowest, highest and mean score per principle of the learners who finished', () => {
    const r = simulatePlaythroughs(twoSteps(), { runs: 2000, seed: 5 });
    expect(r.scores).toHaveLength(1);
    const [s] = r.scores;
    expect(s).toMatchObject({ principle: 'child-first', min: -2, max: 2 });
    expect(Math.abs(s!.mean)).toBeLessThan(0.15);
    expect(r.steps).toEqual({ min: 2, max: 2, mean: 2 });
  });

  it('respects conditions: a choice that needs what never happens is never taken', () => {
    const s = twoSteps();
    s.nodes.second!.choices.push(choice('second-trusted', 'mixed-end', { condition: { all: [{ variable: 'trust', op: '>=', value: 90 }] } }));
    expect(simulatePlaythroughs(s, { runs: 1000, seed: 2 }).outcomes.mixed.count).toBe(0);
    // once trust can reach 90 on the way, random learners find it
    s.nodes.first!.choices[0]!.effects = { trust: 80 };
    expect(simulatePlaythroughs(s, { runs: 1000, seed: 2 }).outcomes.mixed.count).toBeGreaterThan(100);
  });

  it('warns when random clicking reaches a good ending often, and not when it rarely does', () => {
    const easy = simulatePlaythroughs(twoSteps(), { runs: 1000, seed: 1 });
    expect(easy.warning).toEqual({ goodShare: easy.outcomes.good.share, threshold: goodShareWarning });
    // one right choice of four at each of the two nodes: a random learner ends well once in sixteen
    const hard = twoSteps();
    hard.nodes.first!.choices.push(choice('first-wrong', 'harmful-end'), choice('first-worse', 'mixed-end'));
    hard.nodes.first!.choices[1]!.next = 'harmful-end';
    hard.nodes.second!.choices.push(choice('second-worse', 'harmful-end'), choice('second-worst', 'mixed-end'));
    const r = simulatePlaythroughs(hard, { runs: 1000, seed: 1 });
    expect(r.outcomes.good.share).toBeLessThan(goodShareWarning);
    expect(r.warning).toBeNull();
  });

  it('counts learners stuck at a dead end, sent to no such node, or going round in a loop', () => {
    const dead = twoSteps();
    dead.nodes.second!.choices = dead.nodes.second!.choices.map((c) => ({ ...c, condition: { all: [{ variable: 'trust', op: '>', value: 99 }] } }));
    expect(simulatePlaythroughs(dead, { runs: 100 }).unfinished).toEqual({ deadEnd: 100, unknownTarget: 0, tooLong: 0 });
    const unknown = twoSteps();
    unknown.nodes.first!.choices[1]!.next = 'nowhere';
    const u = simulatePlaythroughs(unknown, { runs: 1000 });
    expect(u.unfinished.unknownTarget).toBeGreaterThan(400);
    expect(u.unfinished.unknownTarget).toBeLessThan(600);
    const loop = twoSteps();
    loop.nodes.second!.choices = [choice('again', 'second'), choice('again-too', 'first')];
    const l = simulatePlaythroughs(loop, { runs: 50, maxSteps: 30 });
    expect(l.unfinished.tooLong).toBe(50);
    expect(l.scores[0]).toEqual({ principle: 'child-first', min: 0, max: 0, mean: 0 });
    expect(l.warning).toBeNull();
  });
});
