/**
 * Language coverage in the studio's list: complete, incomplete (texts missing), out of date (the
 * English changed since the translation was written) or not started.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { englishTextAt, languageCoverage } from '../../src/simulation/coverage.ts';
import type { ScenarioDocument } from '../../src/simulation/workflow.ts';

const read = (f: string) => parse(readFileSync(`content/scenarios/first-interview/${f}`, 'utf8'));
const full: ScenarioDocument = { scenario: read('scenario.yaml'), overlays: Object.fromEntries(['fr', 'pt', 'es', 'sw', 'ar'].map((l) => [l, read(`${l}.yaml`)])) };
const statuses = (d: ScenarioDocument) => Object.fromEntries(languageCoverage(d).map((c) => [c.lang, c.status]));

describe('languageCoverage', () => {
  it('a built-in scenario is complete in every language', () => {
    expect(statuses(full)).toEqual({ fr: 'complete', pt: 'complete', es: 'complete', sw: 'complete', ar: 'complete' });
  });

  it('counts missing texts, out-of-date texts, and languages not started', () => {
    const d = structuredClone(full);
    delete d.overlays.sw;
    const fr = d.overlays.fr as { title?: string; summary?: string };
    delete fr.title;
    delete fr.summary;
    const firstNode = Object.keys(d.scenario.nodes as object)[0]!;
    d.translatedFrom = { ar: { title: 'An older English title', [`nodes.${firstNode}.text`]: englishTextAt(d.scenario, `nodes.${firstNode}.text`)! } };
    const coverage = Object.fromEntries(languageCoverage(d).map((c) => [c.lang, c]));
    expect(coverage.fr).toMatchObject({ status: 'incomplete', missing: 2 });
    expect(coverage.ar).toMatchObject({ status: 'out-of-date', outOfDate: 1, missing: 0 });
    expect(coverage.sw).toMatchObject({ status: 'not-started' });
    expect(coverage.pt!.status).toBe('complete');
  });

  it('gives a status for each language for any JSON a draft may hold (the server stores it at every save)', () => {
    const odd: unknown[] = [5, 'text', [1], { scenario: null }, { scenario: 'x', overlays: 'y' }, { overlays: { fr: {} }, translatedFrom: [] },
      { scenario: {}, overlays: { fr: null, ar: 5, sw: [] }, translatedFrom: { fr: 'abc', ar: null, es: 5 } }];
    for (const document of odd) {
      expect(languageCoverage(document as ScenarioDocument).map((c) => c.lang), JSON.stringify(document)).toEqual(['fr', 'pt', 'es', 'sw', 'ar']);
    }
  });

  it('reads English texts by the place the checks name, choices by id', () => {
    const node = Object.entries(full.scenario.nodes as Record<string, { choices: { id: string; label: string }[] }>)[0]!;
    const choice = node[1].choices[1]!;
    expect(englishTextAt(full.scenario, `nodes.${node[0]}.choices.${choice.id}.label`)).toBe(choice.label);
    expect(englishTextAt(full.scenario, 'nodes.nowhere.text')).toBeUndefined();
    expect(englishTextAt(full.scenario, 'constructor')).toBeUndefined();
  });
});
