import { describe, expect, it } from 'vitest';
import { mkdtempSync, mkdirSync, writeFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { findTerm, markGlossaryTerms, termWithDefinition, type GlossaryTerm } from '../../src/content/remark-glossary.ts';
import { checkPathReferences } from '../../src/content/paths.ts';
import { compareWithEnglish, validateModuleFrontmatter, type ModuleFrontmatter } from '../../src/content/modules.ts';
import { checkContent, coverageTable } from '../../src/content/check.ts';
import { isAnswerCorrect, scoreCheck } from '../../src/learning-record/knowledge-check.ts';
import { foldAll } from '../../src/learning-record/progress.ts';
import { knowledgeCheckResult, sectionCompleted } from '../../src/learning-record/statements.ts';

type MdNode = { type: string; value?: string; url?: string; children?: MdNode[] };
const paragraph = (text: string): MdNode => ({ type: 'paragraph', children: [{ type: 'text', value: text }] });
const textOf = (n: MdNode): string => n.value ?? (n.children ?? []).map(textOf).join('');
const links = (n: MdNode): MdNode[] => (n.type === 'link' ? [n] : (n.children ?? []).flatMap(links));

describe('glossary links', () => {
  it('finds whole words only, in any case', () => {
    expect(findTerm('A Separated Child arrived.', ['separated child'])).toEqual({ index: 2, length: 15 });
    expect(findTerm('inseparated children', ['separated child'])).toBeNull();
  });

  const term = (id: string, form: string): GlossaryTerm => ({ id, term: form, forms: [form], definition: `Definition of ${form}.` });
  const labels = { more: 'More in the glossary', close: 'Close' };
  const render = (t: GlossaryTerm, word: string) => termWithDefinition(t, word, labels, `/en/glossary/#${t.id}`) as MdNode;
  type HNode = MdNode & { data?: { hName?: string; hProperties?: Record<string, unknown> } };
  const elements = (n: HNode, name: string): HNode[] => [...(n.data?.hName === name ? [n] : []), ...(n.children ?? []).flatMap((c) => elements(c as HNode, name))];

  it('marks the first use of each term, longest first, and leaves headings alone', () => {
    const tree: MdNode = {
      type: 'root',
      children: [
        { type: 'heading', children: [{ type: 'text', value: 'The separated child' }] },
        paragraph('A separated child travels with a relative. Another separated child may not.'),
        paragraph('Every child has rights.'),
      ],
    };
    const marked = markGlossaryTerms(tree, [term('child', 'child'), term('separated-child', 'separated child')], render);
    expect(marked.sort()).toEqual(['child', 'separated-child']);
    expect(elements(tree, 'button').filter((b) => !b.data?.hProperties?.popoverTargetAction).map((b) => [b.data?.hProperties?.popoverTarget, textOf(b)])).toEqual([
      ['glossary-separated-child', 'separated child'],
      ['glossary-child', 'child'],
    ]);
    expect(textOf(tree.children![0]!)).toBe('The separated child');
    // the definition is not searched for more terms ("child" in "Definition of separated child.")
    expect(links(tree).map((l) => l.url)).toEqual(['/en/glossary/#separated-child', '/en/glossary/#child']);
  });

  it('shows the definition in a popover the term opens, with a link to the glossary and a close button', () => {
    const node = render(term('best-interests', 'best interests'), 'Best interests') as HNode;
    const [opener, close] = elements(node, 'button');
    const [popover] = elements(node, 'span').filter((s) => s.data?.hProperties?.popover === 'auto');
    expect(opener!.data?.hProperties).toMatchObject({ type: 'button', popoverTarget: 'glossary-best-interests' });
    expect(textOf(opener!)).toBe('Best interests');
    expect(popover!.data?.hProperties?.id).toBe('glossary-best-interests');
    expect(textOf(popover!)).toContain('Definition of best interests.');
    expect(links(popover!).map((l) => [l.url, textOf(l)])).toEqual([['/en/glossary/#best-interests', 'More in the glossary']]);
    expect(close!.data?.hProperties).toMatchObject({ popoverTarget: 'glossary-best-interests', popoverTargetAction: 'hide' });
  });

  it('works in Arabic script', () => {
    const tree: MdNode = { type: 'root', children: [paragraph('يحتاج الطفل غير المصحوب إلى رعاية فورية.')] };
    markGlossaryTerms(tree, [term('unaccompanied-child', 'الطفل غير المصحوب')], render);
    expect(elements(tree as HNode, 'button').map(textOf)).toEqual(['الطفل غير المصحوب', 'Close']);
  });
});

describe('knowledge check scoring', () => {
  const single = { id: 'q1', type: 'single' as const, options: [{ id: 'a', correct: false }, { id: 'b', correct: true }] };
  const multiple = { id: 'q2', type: 'multiple' as const, options: [{ id: 'a', correct: true }, { id: 'b', correct: true }, { id: 'c', correct: false }] };

  it('needs exactly the correct options', () => {
    expect(isAnswerCorrect(single, ['b'])).toBe(true);
    expect(isAnswerCorrect(single, ['a'])).toBe(false);
    expect(isAnswerCorrect(multiple, ['a'])).toBe(false);
    expect(isAnswerCorrect(multiple, ['b', 'a'])).toBe(true);
    expect(isAnswerCorrect(multiple, ['a', 'b', 'c'])).toBe(false);
  });

  it('passes at 80% and not below', () => {
    const five = ['q1', 'q2', 'q3', 'q4', 'q5'].map((id) => ({ ...single, id }));
    const four = { q1: ['b'], q2: ['b'], q3: ['b'], q4: ['b'], q5: ['a'] };
    expect(scoreCheck(five, four)).toMatchObject({ correct: 4, total: 5, scaled: 0.8, passed: true });
    expect(scoreCheck(five, { ...four, q4: ['a'] })).toMatchObject({ correct: 3, passed: false });
  });

  it('folds a passed check into the module: passed only with every section done', () => {
    const base = { user: 'u', moduleSlug: 'm', totalSections: 2, language: 'en' as const };
    const check = knowledgeCheckResult({ ...base, scaled: 1, passed: true, now: new Date(Date.UTC(2026, 0, 1, 9, 0)) });
    const a = sectionCompleted({ ...base, sectionId: 'a', now: new Date(Date.UTC(2026, 0, 1, 9, 1)) });
    const b = sectionCompleted({ ...base, sectionId: 'b', now: new Date(Date.UTC(2026, 0, 1, 9, 2)) });
    expect(foldAll([check, a]).get('module:m')).toMatchObject({ status: 'in-progress', checkPassed: true, score: 1 });
    expect(foldAll([check, a, b]).get('module:m')).toMatchObject({ status: 'passed', percent: 100 });
    const failed = knowledgeCheckResult({ ...base, scaled: 0.4, passed: false });
    expect(foldAll([a, b, failed]).get('module:m')).toMatchObject({ status: 'completed', checkPassed: false, score: 0.4 });
  });
});

describe('onboarding paths', () => {
  it('refuses a step that names a module that does not exist, or a repeated step', () => {
    const problems = checkPathReferences('content/paths/teacher.yaml', { track: 'teacher', steps: [{ module: 'known' }, { module: 'unknown' }, { module: 'known' }] }, ['known'], []);
    expect(problems.map((p) => p.field)).toEqual(['steps[1].module', 'steps[2]']);
    expect(problems[0]!.reason).toContain('no module "unknown"');
  });
});

describe('translations keep the English structure', () => {
  const en = {
    title: 'T', summary: 'S', tracks: ['teacher'], minutes: 5, version: 2, objectives: ['o'],
    sections: [{ id: 'a', title: 'A' }],
    quiz: { passThreshold: 0.8, questions: [{ id: 'q', type: 'single', prompt: 'P', options: [{ id: 'x', text: 'X', correct: true, explanation: 'E' }, { id: 'y', text: 'Y', correct: false, explanation: 'E' }] }] },
  } as ModuleFrontmatter;

  it('accepts different words with the same structure', () => {
    const fr = structuredClone(en);
    fr.title = 'Titre';
    fr.quiz!.questions[0]!.prompt = 'Question ?';
    expect(compareWithEnglish('fr.mdx', fr, en)).toEqual([]);
  });

  it('reports a changed correct answer or section id', () => {
    const fr = structuredClone(en);
    fr.quiz!.questions[0]!.options[0]!.correct = false;
    fr.quiz!.questions[0]!.options[1]!.correct = true;
    fr.sections[0]!.id = 'b';
    expect(compareWithEnglish('fr.mdx', fr, en).map((p) => p.field)).toEqual(['sections', 'quiz']);
  });

  it('rejects a single-answer question with two right answers', () => {
    const bad = structuredClone(en);
    bad.quiz!.questions[0]!.options[1]!.correct = true;
    const result = validateModuleFrontmatter('m/en.mdx', bad);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems[0]!.reason).toContain('exactly one correct option');
  });
});

describe('content check and coverage', () => {
  it('reports bad files with file, field and reason, and counts coverage', () => {
    const root = mkdtempSync(path.join(os.tmpdir(), 'continuum-content-'));
    try {
      const mod = (version: number, body = '<Section id="a">\n\nText.\n\n</Section>\n') =>
        `---\ntitle: "T"\nsummary: "S"\ntracks: [teacher]\nminutes: 5\nversion: ${version}\nobjectives: ["o"]\nsections:\n  - id: a\n    title: "A"\n---\n\n${body}`;
      mkdirSync(path.join(root, 'content/modules/m'), { recursive: true });
      writeFileSync(path.join(root, 'content/modules/m/en.mdx'), mod(2));
      writeFileSync(path.join(root, 'content/modules/m/fr.mdx'), mod(1));
      writeFileSync(path.join(root, 'content/modules/m/sw.mdx'), mod(2, '<Section id="b">\n\nx\n\n</Section>\n'));
      mkdirSync(path.join(root, 'content/glossary'), { recursive: true });
      writeFileSync(path.join(root, 'content/glossary/en.yaml'), 'terms:\n  - id: child\n    term: child\n    definition: ""\n');
      mkdirSync(path.join(root, 'content/paths'), { recursive: true });
      writeFileSync(path.join(root, 'content/paths/teacher.yaml'), 'track: teacher\nsteps:\n  - module: m\n  - module: nowhere\n');
      const report = checkContent(root);
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
    const report = checkContent(process.cwd());
    expect(report.problems).toEqual([]);
    expect(report.modules).toContain('children-on-the-move');
  });
});
