/**
 * The diff between two versions of a scenario: places named as the checks name them, choices
 * matched by id, changed texts word by word, languages added and removed, the version ignored.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { diffDocuments } from '../../src/simulation/diff.ts';
import type { ScenarioDocument } from '../../src/simulation/workflow.ts';

const original: ScenarioDocument = {
  scenario: parse(readFileSync('content/scenarios/border-arrival/scenario.yaml', 'utf8')),
  overlays: { fr: parse(readFileSync('content/scenarios/border-arrival/fr.yaml', 'utf8')) },
};
type Choice = { id: string; label: string; next: string; effects?: Record<string, number> };
const nodes = (d: ScenarioDocument) => d.scenario.nodes as Record<string, { text: string; choices: Choice[] }>;

describe('diffDocuments', () => {
  it('finds nothing between a version and itself, nor in the version number alone', () => {
    expect(diffDocuments(original, structuredClone(original))).toEqual([]);
    expect(diffDocuments(original, { ...original, scenario: { ...original.scenario, version: 7 } })).toEqual([]);
  });

  it('names a changed text by its place and shows the words taken out and put in', () => {
    const next = structuredClone(original);
    const choice = nodes(next).arrival!.choices.find((c) => c.id === 'papers-first')!;
    const before = choice.label;
    const firstWord = before.split(' ')[0]!;
    choice.label = `Begin instead: ${before.slice(firstWord.length + 1)}`; // the first word replaced
    const [change, ...rest] = diffDocuments(original, next);
    expect(rest).toEqual([]);
    expect(change).toMatchObject({ file: 'scenario.yaml', where: 'nodes.arrival.choices.papers-first.label', kind: 'changed', before, after: choice.label });
    expect(change!.words!.filter((w) => w.removed).map((w) => w.value.trim())).toEqual(expect.arrayContaining([firstWord]));
    expect(change!.words!.filter((w) => w.added).map((w) => w.value.trim()).join(' ')).toContain('Begin');
    expect(change!.words!.filter((w) => !w.added).map((w) => w.value).join('')).toBe(before);
    expect(change!.words!.filter((w) => !w.removed).map((w) => w.value).join('')).toBe(choice.label);
  });

  it('matches choices by id: a new first choice is one change, a changed number is one change', () => {
    const next = structuredClone(original);
    const arrival = nodes(next).arrival!;
    arrival.choices.unshift({ id: 'call-supervisor', label: 'Call your supervisor', next: 'needs-met' });
    arrival.choices.find((c) => c.id === 'offer-needs')!.effects!.trust = 15;
    expect(diffDocuments(original, next).map(({ where, kind }) => `${kind} ${where}`).sort()).toEqual([
      'added nodes.arrival.choices.call-supervisor',
      'changed nodes.arrival.choices.offer-needs.effects.trust',
    ]);
  });

  it('reports a node removed, a translation changed, and a language added or removed whole', () => {
    const next = structuredClone(original);
    delete (next.scenario.nodes as Record<string, unknown>)['papers-missing'];
    (next.overlays.fr as { title: string }).title = 'Un titre';
    next.overlays.ar = { title: 'عنوان' };
    const changes = diffDocuments(original, next);
    expect(changes.map(({ file, where, kind }) => `${file} ${kind} ${where}`)).toEqual([
      'scenario.yaml removed nodes.papers-missing',
      'fr.yaml changed title',
      'ar.yaml added (file)',
    ]);
    expect(diffDocuments(next, original).at(-1)).toMatchObject({ file: 'ar.yaml', kind: 'removed', before: { title: 'عنوان' } });
  });
});

describe('diffDocuments against a published version', () => {
  it('does not report the defaults the checks fill in (a published version is stored as checked)', async () => {
    const { checkDocument } = await import('../../src/simulation/document.ts');
    const checked = checkDocument(original);
    const published: ScenarioDocument = { scenario: checked.scenario as unknown as Record<string, unknown>, overlays: checked.overlays as Record<string, Record<string, unknown>> };
    expect(JSON.stringify(published.scenario)).toContain('"recommended":false');
    expect(diffDocuments(original, published)).toEqual([]);
  });
});
