import { describe, expect, it } from 'vitest';
import { createActor } from 'xstate';
import { analyseScenario } from '../../src/simulation/analysis.ts';
import { applyOverlay, validateScenario, type Scenario } from '../../src/simulation/schema.ts';
import { fixture } from '../support/scenario-fixture.ts';
import { availableChoices, compileScenario, conditionHolds, currentStep, newPlaythrough, restoreRun } from '../../src/simulation/machine.ts';

const file = 'content/scenarios/fixture/scenario.yaml';
const where = (s: Scenario) => analyseScenario(file, s).problems.map((p) => `${p.where}: ${p.reason}`);

describe('scenario engine', () => {
  it('accepts the valid fixture with no problems', () => {
    expect(validateScenario(file, fixture()).ok).toBe(true);
    expect(where(fixture())).toEqual([]);
  });

  it('applies effects within bounds and scores principles', () => {
    const s = fixture();
    const actor = createActor(compileScenario(s)).start();
    actor.send({ type: 'CHOOSE', choice: 'c1-bad' });
    expect(currentStep(actor.getSnapshot())).toBe('harmful-end');
    expect(actor.getSnapshot().status).toBe('done');
    expect(actor.getSnapshot().context).toMatchObject({ variables: { trust: 0 }, scores: { 'child-first': -1 }, history: [{ node: 'n1', choice: 'c1-bad' }] });
  });

  it('guards a choice by its condition', () => {
    const s = fixture();
    expect(conditionHolds({ any: [{ variable: 'trust', op: '<', value: 5 }, { variable: 'trust', op: '==', value: 40 }] }, { trust: 40 })).toBe(true);
    const actor = createActor(compileScenario(s)).start();
    for (const c of ['c1-good', 'c2-good', 'c3-good', 'c4-good']) actor.send({ type: 'CHOOSE', choice: c });
    expect(actor.getSnapshot().context.variables.trust).toBe(60);
    expect(availableChoices(s, 'n5', actor.getSnapshot().context.variables).map((c) => c.id)).toContain('c5-trusting');
    expect(availableChoices(s, 'n5', { trust: 10 }).map((c) => c.id)).not.toContain('c5-trusting');
    const low = createActor(compileScenario(s)).start();
    low.send({ type: 'CHOOSE', choice: 'c1-bad' });
    const blocked = createActor(compileScenario(s)).start();
    for (const c of ['c1-good', 'c2-bad', 'c3-bad', 'c4-good']) blocked.send({ type: 'CHOOSE', choice: c });
    blocked.send({ type: 'CHOOSE', choice: 'c5-trusting' }); // trust 0: refused
    expect(currentStep(blocked.getSnapshot())).toBe('n5');
  });

  it('reports an unknown target with its choice id', () => {
    const s = fixture();
    s.nodes.n3!.choices[0]!.next = 'nowhere';
    expect(where(s)).toContainEqual(expect.stringMatching(/^nodes\.n3\.choices\.c3-good: next "nowhere" is not a node or an ending/));
  });

  it('reports an unreachable node', () => {
    const s = fixture();
    s.nodes.orphan = { text: 'Nobody comes here', choices: [{ id: 'o', label: 'x', feedback: 'x', effects: {}, points: {}, recommended: false, next: 'good-end' }] };
    expect(where(s)).toContainEqual('nodes.orphan: unreachable: no sequence of choices from the start leads here');
  });

  it('reports a dead end where no choice can be enabled', () => {
    const s = fixture();
    s.nodes.n7!.choices = [{ id: 'c7-only', label: 'x', feedback: 'x', effects: {}, points: {}, recommended: true, next: 'n8', condition: { all: [{ variable: 'trust', op: '>', value: 95 }] } }];
    expect(where(s)).toContainEqual(expect.stringMatching(/^nodes\.n7: dead end: no choice is available when trust=/));
  });

  it('reports an ending that can never be reached', () => {
    const s = fixture();
    s.nodes.n5!.choices[2]!.condition = { all: [{ variable: 'trust', op: '>=', value: 100 }] };
    s.nodes.n5!.choices[2]!.effects = {};
    // trust rises by at most 10 per node: 20 + 4*10 = 60 at n5, never 100
    expect(where(s)).toContainEqual('endings.mixed-end: this ending can never be reached');
  });

  it('reports variables pushed out of bounds and conditions outside them', () => {
    const s = fixture();
    s.nodes.n2!.choices[0]!.effects = { trust: 150 };
    s.nodes.n3!.choices[0]!.condition = { all: [{ variable: 'trust', op: '>', value: 140 }] };
    const problems = where(s);
    expect(problems).toContainEqual(expect.stringMatching(/^nodes\.n2\.choices\.c2-good: effect 150 on "trust" is larger than its whole range/));
    expect(problems).toContainEqual(expect.stringMatching(/^nodes\.n3\.choices\.c3-good: condition compares "trust" with 140, outside its bounds/));
  });

  it('reports a recommended path that does not end well', () => {
    const s = fixture();
    s.nodes.n1!.choices[0]!.recommended = false;
    s.nodes.n1!.choices[1]!.recommended = true;
    expect(where(s)).toContainEqual('endings.harmful-end: the recommended path ends in a harmful ending; it must end well');
  });

  it('reports missing and extra translation keys per language', () => {
    const s = fixture();
    const overlay = { title: 'Titre', summary: 'Résumé', nodes: { n1: { text: 'Nœud', choices: { 'c1-good': { label: 'Bien', feedback: 'Bien.' }, ghost: { label: 'x' } } }, n99: { text: 'x' } }, endings: {} };
    const problems = analyseScenario(file, s, { fr: overlay }).problems.map((p) => `${p.file} ${p.where}: ${p.reason}`);
    expect(problems).toContain('content/scenarios/fixture/fr.yaml nodes.n1.choices.c1-bad.label: missing translation');
    expect(problems).toContain('content/scenarios/fixture/fr.yaml nodes.n1.choices.ghost: extra key: no such choice in scenario.yaml');
    expect(problems).toContain('content/scenarios/fixture/fr.yaml nodes.n99: extra key: no such node in scenario.yaml');
    expect(problems).toContain('content/scenarios/fixture/fr.yaml endings.good-end.title: missing translation');
  });

  it('merges an overlay over the English text, keeping the structure', () => {
    const merged = applyOverlay(fixture(), { title: 'Titre', nodes: { n1: { text: 'Nœud un', choices: { 'c1-good': { label: 'Bien' } } } } });
    expect(merged.title).toBe('Titre');
    expect(merged.nodes.n1!.text).toBe('Nœud un');
    expect(merged.nodes.n1!.choices[0]).toMatchObject({ id: 'c1-good', label: 'Bien', feedback: 'Good.', next: 'n2' });
    expect(merged.nodes.n2!.text).toBe('Node 2');
  });

  it('finds a shortest path to every ending, and replaying it reaches that ending', () => {
    const s = fixture();
    const { shortestPaths } = analyseScenario(file, s);
    expect(Object.keys(shortestPaths).sort()).toEqual(['good-end', 'harmful-end', 'mixed-end']);
    for (const [ending, choices] of Object.entries(shortestPaths)) {
      const actor = createActor(compileScenario(s)).start();
      for (const choice of choices) actor.send({ type: 'CHOOSE', choice });
      expect(currentStep(actor.getSnapshot())).toBe(ending);
    }
    expect(shortestPaths['harmful-end']).toEqual(['c1-bad']);
  });

  it('restores a saved run of the same version, and restarts one of another version', () => {
    const s = fixture();
    const machine = compileScenario(s);
    const actor = createActor(machine, { snapshot: newPlaythrough(s, machine, 'playthrough-1') }).start();
    actor.send({ type: 'CHOOSE', choice: 'c1-good' });
    actor.send({ type: 'CHOOSE', choice: 'c2-good' });
    const saved = { scenario: s.id, version: s.version, snapshot: JSON.parse(JSON.stringify(actor.getPersistedSnapshot())) };
    const restored = restoreRun(s, machine, saved);
    expect(restored.restarted).toBe(false);
    expect(currentStep(restored.snapshot!)).toBe('n3');
    expect(restored.snapshot!.context.history).toHaveLength(2);
    expect(restored.snapshot!.context.registration).toBe('playthrough-1');
    // a run saved before playthroughs had a registration starts again
    expect(restoreRun(s, machine, { ...saved, snapshot: { ...saved.snapshot, context: { ...saved.snapshot.context, registration: '' } } }).restarted).toBe('invalid');
    expect(restoreRun(s, machine, { ...saved, version: 1 })).toEqual({ snapshot: null, restarted: 'version' });
    expect(restoreRun(s, machine, { ...saved, snapshot: { value: 'deleted-node', context: {}, status: 'active' } }).restarted).toBe('invalid');
  });
});

describe('the real scenarios', async () => {
  const { loadScenarios } = await import('../../src/simulation/load.ts');
  const { formatScenarioProblems } = await import('../../src/simulation/schema.ts');
  const report = loadScenarios(process.cwd());

  it('pass the analysis with no problems', () => {
    expect(formatScenarioProblems(report.problems)).toBe('');
  });

  it('are the six of the curriculum, each translated into every other language', () => {
    expect(report.scenarios.map((s) => s.scenario.id).sort()).toEqual(['border-arrival', 'bus-station-red-flags', 'cross-border-handover', 'first-interview', 'orderly-return', 'school-enrolment']);
    for (const { scenario, overlays } of report.scenarios) expect(Object.keys(overlays).sort(), scenario.id).toEqual(['ar', 'es', 'fr', 'pt', 'sw']);
  });

  for (const { scenario, analysis } of report.scenarios) {
    it(`${scenario.id}: the shortest path to each ending, replayed, reaches it; the recommended path ends well`, () => {
      expect(Object.keys(analysis.shortestPaths).sort()).toEqual(Object.keys(scenario.endings).sort());
      for (const [ending, choices] of Object.entries(analysis.shortestPaths)) {
        const actor = createActor(compileScenario(scenario)).start();
        for (const choice of choices) actor.send({ type: 'CHOOSE', choice });
        expect(currentStep(actor.getSnapshot()), `${scenario.id} → ${ending}`).toBe(ending);
        expect(actor.getSnapshot().status).toBe('done');
      }
      const actor = createActor(compileScenario(scenario)).start();
      for (const choice of analysis.recommendedPath) actor.send({ type: 'CHOOSE', choice });
      expect(scenario.endings[currentStep(actor.getSnapshot())]?.outcome).toBe('good');
      for (const v of Object.keys(scenario.variables)) {
        const value = actor.getSnapshot().context.variables[v]!;
        expect(value).toBeGreaterThanOrEqual(scenario.variables[v]!.min);
        expect(value).toBeLessThanOrEqual(scenario.variables[v]!.max);
      }
    });
  }
});
