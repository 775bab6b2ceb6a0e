/**
 * The debrief's and the meters' rules: each principle's score on its scale, each decisive choice
 * once, each lesson to read once; meters whose words follow the variable's meaning.
 */
import { describe, expect, it } from 'vitest';
import { bestScores, debriefSummary, learnMoreModules } from '../../src/simulation/debrief.ts';
import { higherIs, meterReading } from '../../src/simulation/meters.ts';
import { analyseScenario } from '../../src/simulation/analysis.ts';
import { pointsOf, replayChoices, walkRecommended } from '../../src/simulation/rules.ts';
import { catalogue } from '../support/content.ts';
import { fixture } from '../support/scenario-fixture.ts';

describe('debrief', () => {
  it('gives each principle a scale no playthrough can pass', () => {
    expect(bestScores(fixture())).toEqual({ 'child-first': 10 });
    for (const item of catalogue().scenarios) {
      const scale = bestScores(item.scenario);
      const recommended = pointsOf(item.scenario, walkRecommended(item.scenario).path);
      for (const p of item.scenario.principles) expect(scale[p], `${item.scenario.id} ${p}`).toBeGreaterThanOrEqual(recommended[p] ?? 0);
      for (const choices of Object.values(item.analysis.shortestPaths)) {
        const scores = pointsOf(item.scenario, choices);
        for (const p of item.scenario.principles) expect(scores[p] ?? 0, `${item.scenario.id} ${p}`).toBeLessThanOrEqual(scale[p]!);
      }
    }
  });

  it('survives a loop back to an earlier node', () => {
    const s = fixture();
    s.nodes.n3!.choices[1]!.next = 'n2';
    expect(bestScores(s)['child-first']).toBe(10);
  });

  const s = fixture();
  const recommended = pointsOf(s, walkRecommended(s).path);
  const summarise = (choices: string[]) => {
    const replay = replayChoices(s, choices);
    if (!replay.ok || !replay.ending) throw new Error(`not ended: ${JSON.stringify(replay)}`);
    const history = choices.map((choice) => ({ node: [...Object.entries(s.nodes)].find(([, n]) => n.choices.some((c) => c.id === choice))![0], choice }));
    return debriefSummary(s, replay.ending, history, replay.scores, recommended, learnMoreModules(s));
  };

  it('says the outcome, each score with its scale, and nothing to read after the recommended path', () => {
    const d = summarise(walkRecommended(s).path);
    expect(d.outcome).toBe('good');
    expect(d.principles).toEqual([{ principle: 'child-first', score: 10, outOf: 10, recommended: 10, missed: false }]);
    expect(d.moments.map((m) => m.kind)).toEqual(Array(10).fill('well'));
    expect(d.readNext).toEqual([]);
  });

  it('names each choice that mattered once, with the better choice beside a poor one, and the lessons to read', () => {
    const choices = walkRecommended(s).path.map((c) => (c === 'c4-good' ? 'c4-bad' : c));
    const d = summarise(choices);
    expect(d.principles[0]).toMatchObject({ score: 8, outOf: 10, missed: true });
    expect(d.moments).toHaveLength(10);
    expect(new Set(d.moments.map((m) => m.chose)).size).toBe(10);
    const poor = d.moments.find((m) => m.chose === 'c4-bad')!;
    expect(poor).toMatchObject({ kind: 'better', node: 'n4' });
    expect(poor.better?.id).toBe('c4-good');
    expect(d.readNext).toEqual([{ module: 'children-on-the-move', principles: ['child-first'] }]);
  });

  it('lists a lesson once when it teaches several missed principles, and leaves out choices without points', () => {
    const two = fixture();
    two.principles = ['child-first', 'participation'];
    two.learn_more = { 'child-first': ['trauma-informed-interviewing'] };
    two.nodes.n1!.choices[0]!.points = { 'child-first': 1, participation: 1 };
    two.nodes.n2!.choices[1]!.points = {};
    const rec = pointsOf(two, walkRecommended(two).path);
    const choices = ['c1-good', 'c2-bad', ...walkRecommended(two).path.slice(2)];
    const history = choices.map((choice, i) => ({ node: `n${i + 1}`, choice }));
    const d = debriefSummary(two, 'good-end', history, pointsOf(two, choices), rec, learnMoreModules(two));
    // c2-bad has no points but a recommended choice beside it: corrected, once
    expect(d.moments.filter((m) => m.chose === 'c2-bad')).toEqual([expect.objectContaining({ kind: 'better' })]);
    expect(d.readNext).toEqual([{ module: 'trauma-informed-interviewing', principles: ['child-first'] }]);
    expect(() => debriefSummary(two, 'n3', history, {}, rec, {})).toThrow(/"n3" is not an ending of fixture/);
  });
});

describe('meters', () => {
  const range = { min: 0, max: 100 };
  it('knows which way each built-in variable points, and reads a scenario\'s own', () => {
    expect(['trust', 'belonging', 'distress', 'risk'].map((v) => higherIs(v, undefined))).toEqual(['better', 'better', 'worse', 'worse']);
    expect(higherIs('coordination', { higher_is: 'better' })).toBe('better');
    expect(higherIs('hunger', { higher_is: 'worse' })).toBe('worse');
    expect(higherIs('unknown', {})).toBe('better');
  });

  it('calls high distress and risk a warning, high trust good, the middle a caution', () => {
    expect(meterReading('distress', range, 70)).toMatchObject({ level: 'high', tone: 'warning', optimum: 0 });
    expect(meterReading('risk', range, 10)).toMatchObject({ level: 'low', tone: 'good' });
    expect(meterReading('trust', range, 70)).toMatchObject({ level: 'high', tone: 'good', optimum: 100 });
    expect(meterReading('trust', range, 10)).toMatchObject({ level: 'low', tone: 'warning' });
    expect(meterReading('belonging', range, 50)).toMatchObject({ level: 'medium', tone: 'caution' });
    expect(meterReading('hunger', { ...range, higher_is: 'worse' }, 90).tone).toBe('warning');
    const m = meterReading('distress', { min: -10, max: 20 }, 0);
    expect([m.low, m.high]).toEqual([0, 10]);
  });

  it('asks a scenario to say which way its own variables point', () => {
    const s = fixture();
    s.variables.coordination = { label: 'Coordination', initial: 0, min: 0, max: 10 };
    const problems = analyseScenario('content/scenarios/fixture/scenario.yaml', s, {}).problems;
    expect(problems).toContainEqual(expect.objectContaining({ where: 'variables.coordination', reason: expect.stringMatching(/whether more of it is good or bad/), fix: expect.stringMatching(/higher_is: better .* higher_is: worse/) }));
    s.variables.coordination.higher_is = 'better';
    expect(analyseScenario('content/scenarios/fixture/scenario.yaml', s, {}).problems.filter((p) => p.where === 'variables.coordination')).toEqual([]);
    // trust (built in) needs nothing
    expect(analyseScenario('content/scenarios/fixture/scenario.yaml', fixture(), {}).problems).toEqual([]);
  });
});
