import { describe, expect, it } from 'vitest';
import { previewSetup } from '../../src/simulation/preview.ts';
import { replayChoices } from '../../src/simulation/rules.ts';
import type { ScenarioDocument } from '../../src/simulation/workflow.ts';
import { fixture } from '../support/scenario-fixture.ts';

function document(): ScenarioDocument {
  return {
    scenario: fixture() as unknown as Record<string, unknown>,
    overlays: {
      ar: { title: 'حالة تجريبية', nodes: { n1: { text: '**طفل** ينتظر <script>alert(1)</script>', choices: { 'c1-good': { label: 'جيد' } } } }, endings: { 'good-end': { title: 'نهاية جيدة' } } },
    },
  };
}

describe('studio preview setup', () => {
  it('gives the player the draft in the language chosen, its texts rendered safely, English where untranslated', () => {
    const setup = previewSetup(document(), { lang: 'ar' });
    if (!setup.ok) throw new Error(JSON.stringify(setup.problems));
    expect(setup.scenario.title).toBe('حالة تجريبية');
    expect(setup.scenario.nodes.n1!.choices[0]!.label).toBe('جيد');
    expect(setup.scenario.nodes.n2!.text).toBe('Node 2');
    expect(setup.html.n1).toBe('<p><strong>طفل</strong> ينتظر &lt;script&gt;alert(1)&lt;/script&gt;</p>');
    expect(Object.values(setup.html).join('')).not.toMatch(/<script/);
    expect(setup.html['good-end']).toBe('<p>Good.</p>');
    expect(setup.scenario.start).toBe('n1');
    expect(setup.overlayProblems).toEqual([]);
  });

  it('starts at any node with the values chosen, kept within bounds and whole', () => {
    const setup = previewSetup(document(), { lang: 'en', start: 'n5', variables: { trust: 63.6 } });
    if (!setup.ok) throw new Error('not ok');
    expect(setup.scenario.start).toBe('n5');
    expect(setup.scenario.variables.trust).toEqual({ initial: 64, min: 0, max: 100 });
    const high = previewSetup(document(), { lang: 'en', start: 'no-such-node', variables: { trust: 500 } });
    if (!high.ok) throw new Error('not ok');
    expect(high.scenario.start).toBe('n1');
    expect(high.scenario.variables.trust!.initial).toBe(100);
  });

  it('gives the recommended path from the real start and its scores, for the debrief', () => {
    const setup = previewSetup(document(), { lang: 'en', start: 'n7' });
    if (!setup.ok) throw new Error('not ok');
    expect(setup.recommendedPath).toEqual(Array.from({ length: 10 }, (_, i) => `c${i + 1}-good`));
    const replay = replayChoices(fixture(), setup.recommendedPath);
    expect(replay.ok && replay.scores).toEqual({ 'child-first': 10 });
    expect(setup.recommendedScores).toEqual({ 'child-first': 10 });
  });

  it('plays English when the overlay cannot be read, and says why', () => {
    const d = document();
    d.overlays.ar = { title: 'حالة', nodes: { n1: { colour: 'red' } } };
    const setup = previewSetup(d, { lang: 'ar' });
    if (!setup.ok) throw new Error('not ok');
    expect(setup.scenario.title).toBe('Fixture');
    expect(setup.overlayProblems.map((p) => p.file)).toEqual(['content/scenarios/fixture/ar.yaml']);
  });

  it('refuses a draft the player cannot play, with the problems of the checks', () => {
    const s = fixture();
    s.nodes.n3!.choices[0]!.next = 'nowhere';
    const broken = previewSetup({ scenario: s as unknown as Record<string, unknown>, overlays: {} }, { lang: 'en' });
    expect(broken.ok).toBe(false);
    expect(!broken.ok && broken.problems.map((p) => `${p.where}: ${p.reason}`)).toContainEqual(expect.stringMatching(/^nodes\.n3\.choices\.c3-good: next "nowhere" is not a node or an ending/));
    const invalid = previewSetup({ scenario: { ...fixture(), minutes: 'ten' } as unknown as Record<string, unknown>, overlays: {} }, { lang: 'fr' });
    expect(!invalid.ok && invalid.problems.map((p) => p.where)).toEqual(['minutes']);
  });
});
