/**
 * The studio's edits that touch more than one field: renames reach every place an id is named
 * (next, start, effects, conditions, every overlay, translatedFrom), new ids never collide, a
 * new scenario lists what to write first, and each problem sends the trainer to its field.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { checkDocument } from '../../src/simulation/document.ts';
import {
  addChoice, addEnding, addNode, addVariable, copyDocument, moveChoice, newScenarioDocument, placeOf, removeChoice, removeEnding, removeNode,
  removeVariable, renameChoice, renameEnding, renameNode, renameVariable, uniqueId, type DraftScenario, type EditResult,
} from '../../src/simulation/edit.ts';
import type { ScenarioDocument } from '../../src/simulation/workflow.ts';

const read = (f: string) => parse(readFileSync(`content/scenarios/border-arrival/${f}`, 'utf8'));
const original: ScenarioDocument = {
  scenario: read('scenario.yaml'),
  overlays: Object.fromEntries(['fr', 'pt', 'es', 'sw', 'ar'].map((l) => [l, read(`${l}.yaml`)])),
  translatedFrom: { fr: { 'nodes.arrival.text': 'old English', 'nodes.arrival.choices.papers-first.label': 'old', 'endings.x.title': 't' } },
};
const frozen = JSON.stringify(original);
const s = (d: ScenarioDocument) => d.scenario as DraftScenario;
const ok = (r: EditResult) => {
  if (!r.ok) throw new Error(r.reason);
  return r.document;
};
const problemsOf = (d: ScenarioDocument) => checkDocument(d).problems;

describe('renames reach every place an id is named', () => {
  it('a node: start, next, overlays and translatedFrom; the scenario stays without problems', () => {
    const d = ok(renameNode(original, 'arrival', 'at-the-counter'));
    expect(s(d).start).toBe('at-the-counter');
    expect(Object.keys(s(d).nodes!)[0]).toBe('at-the-counter');
    expect(JSON.stringify(d.scenario)).not.toMatch(/"arrival"/);
    for (const overlay of Object.values(d.overlays)) expect(Object.keys((overlay as { nodes: object }).nodes)).toContain('at-the-counter');
    expect(Object.keys(d.translatedFrom!.fr!)).toEqual(['nodes.at-the-counter.text', 'nodes.at-the-counter.choices.papers-first.label', 'endings.x.title']);
    expect(problemsOf(d)).toEqual([]);
    const target = 'needs-met';
    const d2 = ok(renameNode(d, target, 'needs-cared-for'));
    expect(Object.values(s(d2).nodes!).flatMap((n) => n.choices!.map((c) => c.next))).not.toContain(target);
    expect(problemsOf(d2)).toEqual([]);
  });

  it('an ending, a choice and a variable', () => {
    const ending = Object.keys(s(original).endings!)[0]!;
    let d = ok(renameEnding(original, ending, 'renamed-ending'));
    d = ok(renameChoice(d, 'arrival', 'papers-first', 'documents-first'));
    d = ok(renameVariable(d, 'trust', 'confidence'));
    // trust has words and a direction in the player; a variable of the trainer's own needs both
    expect(problemsOf(d).map((p) => `${p.where}: ${p.reason}`)).toEqual([
      expect.stringMatching(/^variables\.confidence: variable "confidence" has no label/),
      expect.stringMatching(/^variables\.confidence: variable "confidence" does not say whether more of it is good or bad/),
    ]);
    expect(JSON.stringify(d.overlays)).not.toContain('"papers-first"');
    expect(d.translatedFrom!.fr).toHaveProperty(['nodes.arrival.choices.documents-first.label']);
    expect(JSON.stringify(d.scenario)).not.toMatch(/"trust"|variable":"trust/);
    expect(s(d).variables).toHaveProperty('confidence');
  });

  it('refuses an id in use or not written as an id, with the reason', () => {
    expect(renameNode(original, 'arrival', 'needs-met')).toEqual({ ok: false, reason: expect.stringMatching(/already used/) });
    expect(renameChoice(original, 'arrival', 'papers-first', 'offer-needs')).toMatchObject({ ok: false });
    expect(renameEnding(original, Object.keys(s(original).endings!)[0]!, 'Not An Id')).toEqual({ ok: false, reason: expect.stringMatching(/lower-case words/) });
    expect(renameVariable(original, 'trust', 'risk')).toMatchObject({ ok: false });
    expect(addVariable(original, 'trust')).toMatchObject({ ok: false });
  });

  it('never changes the document it was given', () => {
    renameNode(original, 'arrival', 'x-node');
    removeNode(original, 'arrival');
    removeChoice(original, 'arrival', 'papers-first');
    removeVariable(original, 'trust');
    addNode(original);
    expect(JSON.stringify(original)).toBe(frozen);
  });
});

describe('adding and removing', () => {
  it('new nodes, choices and endings get ids of their own', () => {
    const a = addNode(original, 'arrival');
    const b = addNode(a.document);
    expect(a.id).not.toBe(b.id);
    expect(Object.keys(s(a.document).nodes!)[1]).toBe(a.id);
    const ids = Object.values(s(b.document).nodes!).flatMap((n) => n.choices!.map((c) => c.id));
    expect(new Set(ids).size).toBe(ids.length);
    const c = addChoice(b.document, 'arrival');
    expect(s(c.document).nodes!.arrival!.choices!.at(-1)!.id).toBe(c.id);
    const e = addEnding(c.document);
    expect(s(e.document).endings![e.id]).toMatchObject({ outcome: 'mixed' });
    expect(uniqueId(new Set(['node', 'node-2']), 'node')).toBe('node-3');
  });

  it('removing a node leaves the choices that led there for the checks to name', () => {
    const d = removeNode(original, 'papers-missing');
    expect(Object.values(d.overlays).every((o) => !((o as { nodes: object }).nodes as Record<string, unknown>)['papers-missing'])).toBe(true);
    const problems = problemsOf(d);
    expect(problems.some((p) => p.where === 'nodes.arrival.choices.papers-first' && /unknown target/.test(p.reason))).toBe(true);
  });

  it('removing a choice, an ending or a variable takes its translations along', () => {
    const d = removeChoice(original, 'arrival', 'papers-first');
    expect(JSON.stringify(d.overlays)).not.toContain('"papers-first"');
    expect(Object.keys(d.translatedFrom!.fr!)).not.toContain('nodes.arrival.choices.papers-first.label');
    const ending = Object.keys(s(original).endings!)[0]!;
    expect(Object.values(removeEnding(original, ending).overlays).every((o) => !(ending in ((o as { endings: object }).endings)))).toBe(true);
    const v = removeVariable(original, 'distress');
    expect(JSON.stringify(s(v).nodes)).not.toMatch(/"distress"/);
  });

  it('moves a choice up and down, and not past the ends', () => {
    const ids = (d: ScenarioDocument) => s(d).nodes!.arrival!.choices!.map((c) => c.id);
    const [first, second] = ids(original);
    const down = moveChoice(original, 'arrival', first!, 1);
    expect(ids(down).slice(0, 2)).toEqual([second, first]);
    expect(moveChoice(down, 'arrival', first!, -1)).toEqual(original);
    expect(moveChoice(original, 'arrival', first!, -1)).toBe(original);
    const last = ids(original).at(-1)!;
    expect(moveChoice(original, 'arrival', last, 1)).toBe(original);
  });
});

describe('a new scenario and a copy', () => {
  it('a new scenario lists what to write first, each at its field', () => {
    const problems = problemsOf(newScenarioDocument('my-case', 'My case'));
    const places = problems.map((p) => placeOf(p));
    expect(problems.length).toBeGreaterThan(3);
    expect(places.every((p) => p.view === 'form')).toBe(true);
    expect(problems.map((p) => p.where)).toEqual(expect.arrayContaining(['summary', 'tracks', 'nodes.start.text', 'nodes.start.choices.first-choice.label', 'endings.good-ending.title']));
  });

  it('filled in, only what a whole case needs is left: more nodes, a mixed ending, a condition', () => {
    const d = newScenarioDocument('my-case', 'My case');
    const x = s(d);
    x.summary = 'A short case.';
    x.tracks = ['teacher'];
    x.nodes!.start!.text = 'A child arrives.';
    for (const c of x.nodes!.start!.choices!) Object.assign(c, { label: `Do ${c.id}`, feedback: `Because ${c.id}` });
    for (const e of Object.values(x.endings!)) Object.assign(e, { title: 'End', text: 'It ends.' });
    expect(problemsOf(d).map((p) => `${p.where}: ${p.reason}`).sort()).toEqual([
      'endings: needs at least one mixed ending',
      'nodes: a scenario needs at least 10 nodes; it has 1',
      'nodes: needs at least one choice with a condition on a variable',
    ]);
  });

  it('a copy is a new scenario at version 1 with every text and translation', () => {
    const copy = copyDocument({ ...original, scenario: { ...original.scenario, version: 4 } }, 'my-copy');
    expect(copy.scenario).toMatchObject({ id: 'my-copy', version: 1 });
    expect(copy.overlays).toEqual(original.overlays);
    expect(copy.translatedFrom).toEqual(original.translatedFrom);
  });
});

describe('where a problem sends the trainer', () => {
  it('scenario.yaml problems to the field, from the most precise place to the least', () => {
    expect(placeOf({ file: 'content/scenarios/x/scenario.yaml', where: 'nodes.a.choices.c.label' })).toEqual({ view: 'form', paths: ['nodes.a.choices.c.label', 'nodes.a.choices.c', 'nodes.a.choices', 'nodes.a', 'nodes'] });
    expect(placeOf({ file: 'content/scenarios/x/scenario.yaml', where: '(file)' })).toEqual({ view: 'form', paths: ['id'] });
  });
  it('a language file or a YAML line to the YAML view', () => {
    expect(placeOf({ file: 'content/scenarios/x/fr.yaml', where: 'nodes.a.text' })).toEqual({ view: 'yaml', file: 'fr.yaml', where: 'nodes.a.text' });
    expect(placeOf({ file: 'content/scenarios/x/scenario.yaml', where: 'line 4' })).toEqual({ view: 'yaml', file: 'scenario.yaml', where: 'line 4' });
  });
});
