/**
 * The studio's import and export of content/scenarios/<id>/: every built-in scenario makes the
 * round trip without loss (files -> document -> files -> document, and through a .zip), texts
 * YAML finds awkward survive, and files that cannot be imported are named with the reason.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { checkDocument } from '../../src/simulation/document.ts';
import { documentFromFiles, filesFromDocument, filesFromZip, lineOfPath, overlayYaml, scenarioYaml, zipDocument, type ScenarioFile } from '../../src/simulation/yaml-io.ts';
import type { ScenarioDocument } from '../../src/simulation/workflow.ts';

const builtIns = readdirSync('content/scenarios').filter((d) => !d.startsWith('.')).sort();
const folderFiles = (id: string): ScenarioFile[] =>
  readdirSync(`content/scenarios/${id}`).map((name) => ({ name: `${id}/${name}`, text: readFileSync(`content/scenarios/${id}/${name}`, 'utf8') }));

function imported(files: readonly ScenarioFile[]): ScenarioDocument {
  const { document, problems } = documentFromFiles(files);
  expect(problems).toEqual([]);
  return document!;
}

describe('round trip of the built-in scenarios', () => {
  it('finds the built-in scenarios', () => expect(builtIns.length).toBeGreaterThanOrEqual(5));

  for (const id of builtIns) {
    it(`${id}: files -> document -> files keeps every value of every file`, () => {
      const original = folderFiles(id);
      const document = imported(original);
      expect(document.scenario.id).toBe(id);
      expect(Object.keys(document.overlays).sort()).toEqual(original.map((f) => f.name.split('/')[1]!.replace('.yaml', '')).filter((n) => n !== 'scenario').sort());
      const exported = filesFromDocument(document);
      expect(exported.map((f) => f.name).sort()).toEqual(original.map((f) => f.name.split('/')[1]).sort());
      for (const file of exported) {
        const before = original.find((f) => f.name.endsWith(`/${file.name}`))!;
        expect(parse(file.text), `${id}/${file.name}`).toEqual(parse(before.text));
      }
      // and back: the same document, through the files and through a .zip
      expect(imported(exported)).toEqual(document);
      const unzipped = filesFromZip(zipDocument(document));
      expect(unzipped.every((f) => f.name.startsWith(`${id}/`))).toBe(true);
      expect(imported(unzipped)).toEqual(document);
      // exported files pass the same checks as the originals
      expect(checkDocument(imported(exported)).problems).toEqual(checkDocument(document).problems);
    });
  }

  it('writes the layout of the files in content/: ids plain, texts quoted, blocks for several lines, short maps on one line', () => {
    const text = scenarioYaml(imported(folderFiles('border-arrival')).scenario);
    expect(text).toMatch(/^id: border-arrival\n/);
    expect(text).toMatch(/\ntracks: \[ border-officer \]\n/);
    expect(text).toMatch(/\n {2}trust: \{ initial: \d+, min: 0, max: 100 \}\n/);
    expect(text).toMatch(/\n {4}text: \|\n/);
    expect(text).toMatch(/\n {8}label: "[^"]+"\n/);
    expect(text).toMatch(/\n {8}effects: \{ trust: 10, distress: -10 \}\n/);
    expect(text).toMatch(/\n {12}- \{ variable: trust, op: ">=", value: 50 \}\n/);
    expect(text).toMatch(/\n {8}next: needs-met\n/);
  });
});

describe('texts YAML finds awkward', () => {
  const awkward = [
    'Yes', 'no', 'true', 'null', '123', '1e3', '0x10', '~', '', ' ', 'a: b', '# not a comment', '- not a list', '"quoted"', "it's", 'back\\slash',
    'tab\tinside', 'line one\nline two', 'ends with newline\n', 'two newlines at the end\n\n', '\nstarts with a newline', '  indented first line\nsecond',
    'trailing spaces  \nnext', 'ends with space ', '{ looks: like a map }', '[1, 2]', '@at', '`tick`', '*star', '&amp', '!bang', '%percent', '| pipe', '> greater',
    'عربي من اليمين إلى اليسار', 'Kiswahili: "mtoto"', 'emoji 🙂', 'line\r\nwindows', 'nul\u0000char', 'unicode line\u2028separator',
  ];
  it('every text comes back as it was, in scenario.yaml and in an overlay', () => {
    const scenario = {
      id: 'awkward',
      title: 'Awkward texts',
      nodes: Object.fromEntries(awkward.map((text, i) => [`n${i}`, { text, choices: [{ id: `c${i}`, label: text, feedback: text, next: 'end' }] }])),
      extra: { unknown: ['kept', 1, true, null], nested: { deeper: 'yes' } },
    };
    const overlay = { title: 'ميم', nodes: Object.fromEntries(awkward.map((text, i) => [`n${i}`, { text, choices: { [`c${i}`]: { label: text } } }])) };
    expect(parse(scenarioYaml(scenario))).toEqual(scenario);
    expect(parse(overlayYaml(overlay))).toEqual(overlay);
    const document: ScenarioDocument = { scenario, overlays: { ar: overlay }, translatedFrom: { ar: { 'nodes.n1.text': 'no', 'title': 'Awkward: texts' } } };
    const files = filesFromDocument(document);
    expect(files.map((f) => f.name)).toEqual(['scenario.yaml', 'ar.yaml', '.translated-from.yaml']);
    expect(imported(files)).toEqual(document);
  });

  it('keeps numbers as numbers and booleans as booleans', () => {
    const scenario = { id: 'n', version: 3, minutes: 12, variables: { trust: { initial: -5, min: -10, max: 10 } }, nodes: { a: { choices: [{ id: 'x', effects: { trust: 2 }, recommended: true, acceptable: false, next: 'b' }] } } };
    expect(parse(scenarioYaml(scenario))).toEqual(scenario);
  });
});

describe('what stops an import', () => {
  const good = folderFiles('first-interview');
  it('YAML that cannot be read: the file, the line and a fix', () => {
    const broken = good.map((f) => (f.name.endsWith('/fr.yaml') ? { ...f, text: 'title: "Entretien\nsummary: x\n' } : f));
    const { document, problems } = documentFromFiles(broken);
    expect(document).toBeNull();
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ file: 'content/scenarios/first-interview/fr.yaml', where: 'line 1' });
    expect(problems[0]!.fix).toMatch(/quote/);
  });
  it('no scenario.yaml', () => {
    const { document, problems } = documentFromFiles(good.filter((f) => !f.name.endsWith('scenario.yaml')));
    expect(document).toBeNull();
    expect(problems.map((p) => p.where)).toEqual(['scenario.yaml']);
  });
  it('files of two scenarios at once', () => {
    const { document, problems } = documentFromFiles([...good, ...folderFiles('border-arrival')]);
    expect(document).toBeNull();
    expect(problems[0]!.reason).toMatch(/2 scenario folders/);
  });
  it('a file that content/ would not read, with the name it needs', () => {
    const { document, problems } = documentFromFiles([...good.filter((f) => !f.name.endsWith('/fr.yaml')), { name: 'first-interview/french.yaml', text: 'title: x\n' }]);
    expect(document).toBeNull();
    expect(problems[0]).toMatchObject({ file: 'content/scenarios/first-interview/french.yaml', fix: 'rename it to fr.yaml' });
  });
  it('a file that is not a map of fields', () => {
    const { problems } = documentFromFiles([{ name: 'scenario.yaml', text: '- just\n- a list\n' }]);
    expect(problems[0]).toMatchObject({ file: 'scenario.yaml', where: '(file)' });
  });
  it('loose files without a folder import too', () => {
    const loose = good.map((f) => ({ ...f, name: f.name.split('/')[1]! }));
    expect(imported(loose)).toEqual(imported(good));
  });
});

describe('the line of a problem in the YAML view', () => {
  const document = imported(folderFiles('border-arrival'));
  const [scenarioFile, fr] = [filesFromDocument(document)[0]!.text, filesFromDocument(document).find((f) => f.name === 'fr.yaml')!.text];
  const lineText = (text: string, line: number | null) => text.split('\n')[(line ?? 0) - 1];
  it('finds a choice by its id in scenario.yaml, and its field', () => {
    expect(lineText(scenarioFile, lineOfPath(scenarioFile, 'nodes.arrival.choices.papers-first'))).toMatch(/- id: papers-first/);
    expect(lineText(scenarioFile, lineOfPath(scenarioFile, 'nodes.arrival.choices.papers-first.next'))).toMatch(/next: papers-missing/);
    expect(lineText(scenarioFile, lineOfPath(scenarioFile, 'nodes.arrival.text'))).toMatch(/^ {4}text: \|/);
  });
  it('finds a key in an overlay, or the nearest enclosing one', () => {
    expect(lineText(fr, lineOfPath(fr, 'nodes.arrival.choices.offer-needs.feedback'))).toMatch(/^ {8}feedback: /);
    expect(lineText(fr, lineOfPath(fr, 'nodes.arrival.choices.no-such-choice.label'))).toMatch(/^ {4}choices:/);
    expect(lineOfPath(fr, 'line 12')).toBe(12);
  });
});
