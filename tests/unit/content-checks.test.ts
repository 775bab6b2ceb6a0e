/**
 * The lesson-module and glossary checks the guide promises: one fixture per mistake, each
 * message naming the file, the line or field, the reason and a fix. The same functions run in
 * `npm run check:content` and in the build.
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadCatalogue } from '../../src/content/catalogue.ts';
import { sameTermProblems } from '../../src/content/glossary.ts';
import { checkModuleFiles, frontmatterRuleProblems, moduleBodyProblems } from '../../src/content/module-rules.ts';
import { formatProblems, type ContentProblem, type ModuleFrontmatter } from '../../src/content/modules.ts';
import { locales } from '../../src/i18n/locales.ts';
import { moduleBody } from '../support/module-fixture.ts';

const file = 'content/modules/sample/en.mdx';
const sections = [{ id: 'only' }, { id: 'key-points' }];

const body = moduleBody;

/** The one problem whose reason matches, checked to name the file, to have a fix and (when given) the line. */
function expectProblem(problems: readonly ContentProblem[], reason: RegExp, fix: RegExp, line?: number, expectedFile = file): ContentProblem {
  const found = problems.filter((p) => reason.test(p.reason));
  expect(found, formatProblems(problems)).toHaveLength(1);
  const p = found[0]!;
  expect(p.file).toBe(expectedFile);
  expect(p.fix ?? '').toMatch(fix);
  if (line !== undefined) {
    expect(p.line).toBe(line);
    expect(formatProblems([p])).toContain(`${expectedFile}:${line}: `);
  }
  return p;
}

describe('module bodies', () => {
  it('accepts a body that follows the guide', () => {
    expect(moduleBodyProblems(file, body(), sections, 20)).toEqual([]);
  });

  it('refuses raw HTML with the line and what to write instead', () => {
    // line 4 of the body; the frontmatter takes 20 lines before it
    const problems = moduleBodyProblems(file, body('Look <img src="x" onerror="alert(1)" /> here.'), sections, 20);
    expectProblem(problems, /^raw HTML is not allowed: <img>$/, /describe what matters in words/, 24);
    const bold = moduleBodyProblems(file, body('<b>Important</b>'), sections, 20);
    expectProblem(bold, /^raw HTML is not allowed: <b>$/, /write \*\*bold\*\* in Markdown/, 24);
  });

  it('refuses HTML the MDX compiler cannot even read (an unquoted onerror)', () => {
    const problems = moduleBodyProblems(file, body('Look <img src=x onerror=alert(1)> here.'), sections, 20);
    expectProblem(problems, /^raw HTML is not allowed: <img src=x onerror=alert\(1\)>$/, /describe what matters in words/, 24);
  });

  it('catches a "{" with the real MDX compiler', () => {
    const problems = moduleBodyProblems(file, body('Ages { 12 to 17'), sections, 20);
    expectProblem(problems, /a "\{" starts code in MDX and it is not closed/, /put a backslash before each: \\\{ and \\\}/);
    expect(problems[0]!.line).toBeGreaterThan(20);
  });

  it('catches an unclosed <Callout> and says where it opened', () => {
    const text = body().replace('A fictional case.\n\n</Callout>', 'A fictional case.');
    const problems = moduleBodyProblems(file, text, sections, 20);
    expectProblem(problems, /<Callout> is opened \(body line 6\) but not closed before this line/, /close it with <\/Callout> on its own line/);
  });

  it('refuses # and ## headings inside a section', () => {
    const problems = moduleBodyProblems(file, body('## A heading'), sections, 20);
    expectProblem(problems, /a ## heading inside the body/, /write sub-headings with ###/, 24);
  });

  it('asks for a worked example callout', () => {
    const text = body().replace('kind="example"', 'kind="note"');
    expectProblem(moduleBodyProblems(file, text, sections, 20), /no worked example/, /<Callout kind="example" title="What would you do\?">/);
  });

  it('refuses code: an expression, an import', () => {
    expectProblem(moduleBodyProblems(file, body('Count {1 + 1} things.'), sections, 0), /"\{1 \+ 1\}" is read as code/, /backslash/, 4);
    expectProblem(moduleBodyProblems(file, `import X from './x.js';\n${body()}`, sections, 0), /import and export lines are not allowed/, /available without an import/, 1);
  });

  it('wants "key points" as the last section', () => {
    const data = { sections: [{ id: 'key-points', title: 'Key points' }, { id: 'intro', title: 'Intro' }] };
    const [p] = frontmatterRuleProblems(file, data);
    expect(p).toMatchObject({ file, field: 'sections[1].id', reason: 'the last section must be "key-points" (it is "intro")' });
    expect(p!.fix).toMatch(/end with \{ id: key-points/);
  });
});

/** A valid frontmatter for a module in a language. */
function frontmatter(version = 1): ModuleFrontmatter {
  return {
    title: 'Sample', summary: 'A sample module.', tracks: ['teacher'], minutes: 5, version,
    objectives: ['Know the sample.'], sections: [{ id: 'only', title: 'Only' }, { id: 'key-points', title: 'Key points' }],
  };
}

describe('a module across its languages', () => {
  const moduleFile = (lang: string, data: ModuleFrontmatter | undefined) => ({ lang, file: `content/modules/sample/${lang}.mdx`, data, body: body() });

  it('reports a translation without its English original, in the check and the build alike', () => {
    const { problems } = checkModuleFiles('sample', [moduleFile('fr', frontmatter())], locales);
    expectProblem(problems, /^every module needs its English original, en\.mdx$/, /add content\/modules\/sample\/en\.mdx/, undefined, 'content/modules/sample/');
  });

  it('reports a translation with a higher version than English', () => {
    const { problems, coverage } = checkModuleFiles('sample', [moduleFile('en', frontmatter(2)), moduleFile('fr', frontmatter(3))], locales);
    expectProblem(problems, /^version 3 is higher than en\.mdx's 2$/, /set version: 2/, undefined, 'content/modules/sample/fr.mdx');
    expect(coverage.fr).toBe('invalid');
  });

  it('marks an older translation outdated, not invalid', () => {
    const { problems, coverage } = checkModuleFiles('sample', [moduleFile('en', frontmatter(2)), moduleFile('fr', frontmatter(1))], locales);
    expect(problems).toEqual([]);
    expect(coverage).toMatchObject({ en: 'translated', fr: 'outdated', pt: 'missing' });
  });

  it('does not claim a missing English original when en.mdx is there but has a bad field', () => {
    const { problems, coverage } = checkModuleFiles('sample', [moduleFile('en', undefined), moduleFile('fr', frontmatter())], locales);
    expect(problems).toEqual([]);
    expect(coverage.en).toBe('invalid');
  });
});

describe('the whole check on files', () => {
  const roots: string[] = [];
  afterAll(() => roots.forEach((r) => rmSync(r, { recursive: true, force: true })));

  /** A copy of the real content with some files replaced. */
  function contentWith(files: Record<string, string | null>): string {
    const root = mkdtempSync(path.join(os.tmpdir(), 'continuum-content-'));
    roots.push(root);
    cpSync('content', path.join(root, 'content'), { recursive: true });
    for (const [name, text] of Object.entries(files)) {
      const full = path.join(root, name);
      if (text === null) rmSync(full, { force: true });
      else {
        mkdirSync(path.dirname(full), { recursive: true });
        writeFileSync(full, text);
      }
    }
    return root;
  }

  it('passes the real content', () => {
    expect(formatProblems(loadCatalogue(process.cwd()).problems)).toBe('');
  });

  it('reports one bad field of en.mdx once, without a false "needs its English original"', () => {
    const en = readFileSync('content/modules/at-the-border/en.mdx', 'utf8').replace(/^minutes: \d+$/m, 'minutes: "ten"');
    const report = loadCatalogue(contentWith({ 'content/modules/at-the-border/en.mdx': en }));
    expect(formatProblems(report.problems)).toBe('content/modules/at-the-border/en.mdx: minutes: minutes must be a whole number of minutes, e.g. 20');
    expect(report.coverage['at-the-border']).toMatchObject({ en: 'invalid', fr: 'translated' });
  });

  it('reports raw HTML in a real module with the file line', () => {
    const original = readFileSync('content/modules/at-the-border/en.mdx', 'utf8');
    const lines = original.split('\n');
    const at = lines.indexOf('<Section id="first-contact">') + 3; // a paragraph line, 1-based after the blank line
    lines.splice(at - 1, 0, '<img src="x" onerror="alert(1)" />', '');
    const report = loadCatalogue(contentWith({ 'content/modules/at-the-border/en.mdx': lines.join('\n') }));
    expectProblem(report.problems, /^raw HTML is not allowed: <img>$/, /describe what matters in words/, at, 'content/modules/at-the-border/en.mdx');
  });

  it('reports a glossary id defined twice once, without false errors in the other languages', () => {
    const en = readFileSync('content/glossary/en.yaml', 'utf8');
    const firstId = /id: ([a-z-]+)/.exec(en)![1]!;
    const doubled = `${en.trimEnd()}\n  - id: ${firstId}\n    term: "Another word"\n    definition: "Defined twice."\n`;
    const report = loadCatalogue(contentWith({ 'content/glossary/en.yaml': doubled }));
    expect(report.problems.map((p) => `${p.file}: ${p.reason}`)).toEqual([`content/glossary/en.yaml: term id "${firstId}" is used twice; keep one entry (merge their aliases)`]);
  });

  it('reports the same glossary word under two ids', () => {
    const problems = sameTermProblems([{ id: 'guardian', term: 'Guardian', aliases: [] }, { id: 'legal-guardian', term: 'Legal guardian', aliases: ['guardian'] }]);
    expect(problems).toEqual([{ index: 1, message: '"guardian" is already the term or an alias of "guardian"; one word, one entry: merge "legal-guardian" into "guardian" (or remove the word from one of them)' }]);
  });

  it('shows a YAML mistake in a glossary with its line and an excerpt', () => {
    const report = loadCatalogue(contentWith({ 'content/glossary/fr.yaml': 'terms:\n  - id: x\n    term: "Tuteur\n    definition: y\n' }));
    const p = expectProblem(report.problems, /^not valid YAML at line 3/, /close the quote/, 3, 'content/glossary/fr.yaml');
    expect(p.reason).toContain('   3 |     term: "Tuteur');
  });
});
