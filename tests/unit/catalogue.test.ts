import { describe, expect, it } from 'vitest';
import { mkdtempSync, mkdirSync, writeFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadCatalogue } from '../../src/content/catalogue.ts';
import { coverageTable } from '../../src/content/check.ts';

describe('the content catalogue', () => {
  it('reports bad files with file, field and reason, and counts coverage', () => {
    const root = mkdtempSync(path.join(os.tmpdir(), 'continuum-content-'));
    try {
      // a module that follows the guide: an example callout, key points last
      const keyPoints = '<Section id="key-points">\n\n- k\n\n</Section>\n';
      const mod = (version: number, body = `<Section id="a">\n\nText.\n\n<Callout kind="example" title="E">\n\nCase.\n\n</Callout>\n\n</Section>\n\n${keyPoints}`) =>
        `---\ntitle: "T"\nsummary: "S"\ntracks: [teacher]\nminutes: 5\nversion: ${version}\nobjectives: ["o"]\nsections:\n  - id: a\n    title: "A"\n  - id: key-points\n    title: "Key points"\n---\n\n${body}`;
      mkdirSync(path.join(root, 'content/modules/m'), { recursive: true });
      writeFileSync(path.join(root, 'content/modules/m/en.mdx'), mod(2));
      writeFileSync(path.join(root, 'content/modules/m/fr.mdx'), mod(1));
      writeFileSync(path.join(root, 'content/modules/m/sw.mdx'), mod(2, `<Section id="b">\n\nx\n\n<Callout kind="example" title="E">\n\nCase.\n\n</Callout>\n\n</Section>\n\n${keyPoints}`));
      mkdirSync(path.join(root, 'content/glossary'), { recursive: true });
      writeFileSync(path.join(root, 'content/glossary/en.yaml'), 'terms:\n  - id: child\n    term: child\n    definition: ""\n');
      mkdirSync(path.join(root, 'content/paths'), { recursive: true });
      writeFileSync(path.join(root, 'content/paths/teacher.yaml'), 'track: teacher\nsteps:\n  - module: m\n  - module: nowhere\n');
      const report = loadCatalogue(root);
      expect(report.coverage.m).toMatchObject({ en: 'translated', fr: 'outdated', sw: 'invalid', ar: 'missing' });
      const lines = report.problems.map((p) => `${p.file}: ${p.field}: ${p.reason}`);
      expect(lines).toEqual(expect.arrayContaining([
        expect.stringMatching(/^content\/modules\/m\/sw\.mdx: sections\[0\]\.id: section "a" is declared/),
        'content/glossary/en.yaml: terms.0.definition: definition must not be empty',
        expect.stringMatching(/^content\/paths\/teacher\.yaml: steps\[1\]\.module: no module "nowhere"/),
      ]));
      expect(coverageTable(report)).toContain('outdated');
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('finds the real content valid', () => {
    const report = loadCatalogue(process.cwd());
    expect(report.problems).toEqual([]);
    expect(report.modules.map((m) => m.slug)).toContain('children-on-the-move');
    // track paths in track order, then the others by id: one order everywhere
    expect(report.paths.map((p) => p.id).slice(0, 4)).toEqual(['border-officer', 'teacher', 'social-worker', 'coordinator']);
    expect(report.paths.at(-1)?.id).toBe('essentials');
  });

  it('reports a module with one bad field once, without a false "needs its English original"', () => {
    const root = mkdtempSync(path.join(os.tmpdir(), 'continuum-content-'));
    try {
      mkdirSync(path.join(root, 'content/modules/m'), { recursive: true });
      writeFileSync(path.join(root, 'content/modules/m/en.mdx'), '---\ntitle: ""\nsummary: "S"\ntracks: [teacher]\nminutes: 5\nobjectives: ["o"]\nsections:\n  - id: a\n    title: "A"\n---\n\n<Section id="a">\n\nx\n\n</Section>\n');
      const report = loadCatalogue(root);
      expect(report.problems.map((p) => `${p.field}: ${p.reason}`)).toEqual(['title: title must not be empty']);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
