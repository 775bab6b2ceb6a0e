import { describe, expect, it } from 'vitest';
import { confirmTranslation, setTranslation, translationLocales, translationRows, translationSummary, withTranslationBaseline } from '../../src/simulation/translation.ts';
import type { ScenarioDocument } from '../../src/simulation/workflow.ts';
import { fixture } from '../support/scenario-fixture.ts';

/** The fixture with a speaker, and a French overlay that translates the title and one choice. */
function document(): ScenarioDocument {
  const scenario = fixture();
  scenario.nodes.n1!.speaker = 'Officer';
  return {
    scenario: scenario as unknown as Record<string, unknown>,
    overlays: { fr: { title: 'Cas type', nodes: { n1: { choices: { 'c1-good': { label: 'Bien' } } } } } },
  };
}

const row = (d: ScenarioDocument, lang: string, path: string) => translationRows(d, lang).find((r) => r.path === path);
const setEnglish = (d: ScenarioDocument, change: (s: ReturnType<typeof fixture>) => void): ScenarioDocument => {
  const scenario = structuredClone(d.scenario) as unknown as ReturnType<typeof fixture>;
  change(scenario);
  return { ...d, scenario: scenario as unknown as Record<string, unknown> };
};

describe('translation table', () => {
  it('lists every English text with its path, group, field and translation', () => {
    const rows = translationRows(document(), 'fr');
    // title, summary, per node: speaker (n1 only), text, 2 or 3 choices x (label, feedback); 3 endings x (title, text)
    expect(rows).toHaveLength(2 + 1 + 10 + 21 * 2 + 3 * 2);
    expect(rows[0]).toEqual({ path: 'title', group: 'scenario', field: 'title', english: 'Fixture', markdown: false, translation: 'Cas type', status: 'current' });
    expect(row(document(), 'fr', 'nodes.n1.text')).toMatchObject({ group: 'nodes.n1', field: 'text', markdown: true, translation: '', status: 'missing' });
    expect(row(document(), 'fr', 'nodes.n1.choices.c1-good.label')).toMatchObject({ english: 'Good', translation: 'Bien', status: 'current' });
    expect(row(document(), 'fr', 'endings.good-end.title')).toMatchObject({ group: 'endings.good-end', english: 'Good' });
    expect(translationRows(document(), 'ar').every((r) => r.status === 'missing')).toBe(true);
    expect(translationLocales).toEqual(['fr', 'pt', 'es', 'sw', 'ar']);
  });

  it('writes a translation into the overlay (choices by id) and records the English it was made from', () => {
    const before = document();
    const frozen = structuredClone(before);
    const after = setTranslation(before, 'ar', 'nodes.n5.choices.c5-trusting.feedback', 'ملاحظة');
    expect(after.overlays.ar).toEqual({ nodes: { n5: { choices: { 'c5-trusting': { feedback: 'ملاحظة' } } } } });
    expect(after.translatedFrom).toEqual({ ar: { 'nodes.n5.choices.c5-trusting.feedback': 'f' } });
    expect(after.overlays.fr).toEqual(before.overlays.fr);
    expect(before).toEqual(frozen); // nothing changed in place
    expect(row(after, 'ar', 'nodes.n5.choices.c5-trusting.feedback')).toMatchObject({ translation: 'ملاحظة', status: 'current' });
  });

  it('flags a translation as out of date when its English changes, until it is edited or confirmed', () => {
    const translated = setTranslation(document(), 'fr', 'nodes.n2.text', 'Nœud 2');
    const changed = setEnglish(translated, (s) => void (s.nodes.n2!.text = 'Node 2, now with more detail'));
    expect(row(changed, 'fr', 'nodes.n2.text')).toMatchObject({ status: 'outdated', english: 'Node 2, now with more detail', translatedFrom: 'Node 2' });
    expect(translationSummary(changed, 'fr')).toMatchObject({ outdated: 1, complete: false });
    expect(row(confirmTranslation(changed, 'fr', 'nodes.n2.text'), 'fr', 'nodes.n2.text')).toMatchObject({ status: 'current', translation: 'Nœud 2' });
    const edited = setTranslation(changed, 'fr', 'nodes.n2.text', 'Nœud 2, avec plus de détails');
    expect(row(edited, 'fr', 'nodes.n2.text')?.status).toBe('current');
    expect(edited.translatedFrom?.fr?.['nodes.n2.text']).toBe('Node 2, now with more detail');
    // changed back: the translation fits again
    expect(row(setEnglish(changed, (s) => void (s.nodes.n2!.text = 'Node 2')), 'fr', 'nodes.n2.text')?.status).toBe('current');
  });

  it('removes a translation emptied, with the objects it leaves empty and its record', () => {
    const d = setTranslation(document(), 'fr', 'nodes.n1.choices.c1-good.label', '  ');
    expect(d.overlays.fr).toEqual({ title: 'Cas type' });
    expect(row(d, 'fr', 'nodes.n1.choices.c1-good.label')?.status).toBe('missing');
    const twice = setTranslation(setTranslation(document(), 'fr', 'summary', 'Résumé'), 'fr', 'summary', '');
    expect(twice.translatedFrom?.fr).toEqual({});
    expect(twice.overlays.fr).toEqual(document().overlays.fr);
    // removing what is not there changes nothing
    const d2 = document();
    expect(setTranslation(d2, 'sw', 'nodes.n3.text', '')).toBe(d2);
  });

  it('refuses a path with no English text, saying which', () => {
    expect(() => setTranslation(document(), 'fr', 'nodes.n1.choices.nope.label', 'x')).toThrow(/no English text at "nodes.n1.choices.nope.label"/);
    expect(() => confirmTranslation(document(), 'fr', 'endings.elsewhere.title')).toThrow(/endings.elsewhere.title/);
  });

  it('counts what is done per language', () => {
    const total = translationRows(document(), 'fr').length;
    expect(translationSummary(document(), 'fr')).toEqual({ lang: 'fr', total, current: 2, outdated: 0, missing: total - 2, complete: false });
    let all = document();
    for (const r of translationRows(all, 'pt')) all = setTranslation(all, 'pt', r.path, `pt: ${r.english}`);
    expect(translationSummary(all, 'pt')).toEqual({ lang: 'pt', total, current: total, outdated: 0, missing: 0, complete: true });
  });

  it('records a baseline for translations made outside the studio, so English edits flag them from then on', () => {
    const d = document();
    const based = withTranslationBaseline(d);
    expect(based.translatedFrom).toEqual({ fr: { title: 'Fixture', 'nodes.n1.choices.c1-good.label': 'Good' } });
    expect(withTranslationBaseline(based)).toBe(based);
    expect(row(setEnglish(based, (s) => void (s.title = 'Fixture, renamed')), 'fr', 'title')?.status).toBe('outdated');
    // without the baseline an edit could not be detected
    expect(row(setEnglish(d, (s) => void (s.title = 'Fixture, renamed')), 'fr', 'title')?.status).toBe('current');
  });

  it('reads a draft as typed: a choice without an id is not listed until it has one', () => {
    const d = setEnglish(document(), (s) => void s.nodes.n1!.choices.push({ label: 'New', feedback: 'New.' } as never));
    expect(translationRows(d, 'fr').filter((r) => r.english === 'New')).toEqual([]);
    expect(translationRows({ scenario: { title: 'Only a title' }, overlays: {} }, 'fr').map((r) => r.path)).toEqual(['title']);
    expect(translationRows({ scenario: null as never, overlays: {} }, 'fr')).toEqual([]);
  });
});
