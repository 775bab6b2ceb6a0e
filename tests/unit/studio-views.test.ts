/**
 * The studio's views (graph, simulation, preview, translation) on every built-in scenario:
 * what a trainer sees when they open one of them in the studio. One load of the catalogue.
 */
import { describe, expect, it } from 'vitest';
import { layoutGraph, scenarioGraph } from '../../src/simulation/graph.ts';
import { simulatePlaythroughs } from '../../src/simulation/playthroughs.ts';
import { previewSetup } from '../../src/simulation/preview.ts';
import { translationLocales, translationRows, translationSummary } from '../../src/simulation/translation.ts';
import type { ScenarioDocument } from '../../src/simulation/workflow.ts';
import { catalogue } from '../support/content.ts';
import { locales } from '../../src/i18n/locales.ts';
import { studioViewsPageProps } from '../../src/islands/studio/views-page-props.ts';
import { kindText, languageName, problemCount } from '../../src/islands/studio/views.ts';

const builtIn = catalogue().scenarios.map((item) => ({
  item,
  document: { scenario: item.scenario as unknown as Record<string, unknown>, overlays: item.overlays as Record<string, Record<string, unknown>> } satisfies ScenarioDocument,
}));

describe('the studio views on the built-in scenarios', () => {
  it('has built-in scenarios to look at', () => {
    expect(builtIn.length).toBeGreaterThanOrEqual(5);
  });

  for (const { item, document } of builtIn) {
    const id = item.scenario.id;
    it(`${id}: the graph has every node and ending, all reached from the start, laid out without overlaps`, () => {
      const g = scenarioGraph(document.scenario, item.analysis.problems);
      expect(g.nodes.map((n) => n.id).sort()).toEqual([...Object.keys(item.scenario.nodes), ...Object.keys(item.scenario.endings)].sort());
      expect(g.nodes.filter((n) => !n.linked || n.kind === 'missing' || n.problems.length)).toEqual([]);
      expect(g.edges).toHaveLength(Object.values(item.scenario.nodes).reduce((n, node) => n + node.choices.length, 0));
      const layout = layoutGraph(g);
      const boxes = Object.values(layout.boxes);
      const overlapping = boxes.filter((a, i) => boxes.slice(i + 1).some((b) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height));
      expect(overlapping).toEqual([]);
    });

    it(`${id}: every random learner reaches an ending`, () => {
      const r = simulatePlaythroughs(item.scenario, { runs: 1000, seed: 1 });
      expect(r.unfinished).toEqual({ deadEnd: 0, unknownTarget: 0, tooLong: 0 });
      expect(r.endings.reduce((n, e) => n + e.count, 0)).toBe(1000);
      console.log(`${id}: 1,000 random learners end good ${r.outcomes.good.count}, mixed ${r.outcomes.mixed.count}, harmful ${r.outcomes.harmful.count}`);
    });

    it(`${id}: plays in Arabic from its start and every translation is there`, () => {
      const setup = previewSetup(document, { lang: 'ar' });
      expect(setup.ok).toBe(true);
      if (setup.ok) expect(setup.scenario.title).toBe(item.overlays.ar?.title);
      for (const lang of translationLocales) {
        expect(translationSummary(document, lang), lang).toMatchObject({ missing: 0, outdated: 0, complete: true });
      }
      expect(translationRows(document, 'fr').length).toBeGreaterThan(Object.keys(item.scenario.nodes).length * 3);
    });
  }

  it('gives the page the views\' strings, and the player\'s strings and lesson titles in every language', () => {
    const props = studioViewsPageProps('ar');
    expect(props.strings.graph.title).toBe('خريطة السيناريو');
    expect(props.principleLabels['child-first']).toBe('الطفل أولًا');
    expect(Object.keys(props.player)).toEqual([...locales]);
    expect(props.player.fr.strings.whatDoYouDo).toMatch(/^Que faites-vous\s?\?$/u);
    expect(props.player.sw.principleLabels.safety).toBe('Usalama dhidi ya madhara');
    const module = catalogue().modules[0]!;
    expect(props.moduleTitles.pt[module.slug]).toBe((module.files.pt ?? module.files.en)!.frontmatter.title);
  });

  it('says what a box is, how many problems, and a language\'s name in the trainer\'s words', () => {
    const ar = studioViewsPageProps('ar').strings;
    const en = studioViewsPageProps('en').strings;
    expect(kindText({ kind: 'ending', outcome: 'harmful' }, en)).toBe('✗ Harmful ending');
    expect(kindText({ kind: 'missing' }, ar)).toBe('غير موجودة');
    expect(problemCount(en, 1, 'en')).toBe('1 problem');
    expect(problemCount(ar, 2, 'ar')).toBe('مشكلتان');
    expect(problemCount(ar, 5, 'ar')).toBe('5 مشكلات');
    expect(languageName('ar', 'fr')).toBe('arabe');
    expect(languageName('sw', 'en')).toBe('Swahili');
  });
});
