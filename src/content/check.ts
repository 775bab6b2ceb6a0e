/**
 * Checks every content file without building the site: modules (frontmatter, body, structure
 * against English), glossaries and onboarding paths; and reports translation coverage.
 * Used by `npm run check:content` and the unit tests. Reads files; no Astro runtime.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { locales, type Locale } from '../i18n/locales.ts';
import { formatProblems, validateModuleFrontmatter, type ContentProblem } from './modules.ts';
import { bodyLineOffset, checkModuleFiles, type CoverageState, type ModuleFile } from './module-rules.ts';
import { glossaryFile } from './glossary.ts';
import { checkPathReferences, pathFile, pathNameProblems } from './paths.ts';
import { filesStamp } from '../simulation/load.ts';
import { parseYamlText } from '../simulation/yaml.ts';

export type { CoverageState } from './module-rules.ts';

export interface ContentReport {
  problems: ContentProblem[];
  modules: string[];
  coverage: Record<string, Record<Locale, CoverageState>>;
  glossaryCoverage: Record<Locale, CoverageState>;
}

/** The frontmatter and body of an MDX file, or null when it has no --- block. */
export function splitFrontmatter(text: string): { frontmatter: string; body: string } | null {
  const match = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?([\s\S]*)$/.exec(text);
  return match ? { frontmatter: match[1] ?? '', body: match[2] ?? '' } : null;
}

/** Parses YAML, or records the problem with its line, an excerpt and a fix. */
function readYaml(file: string, text: string, problems: ContentProblem[], lineOffset = 0): { ok: true; data: unknown } | { ok: false } {
  const result = parseYamlText(text, lineOffset);
  if (result.ok) return result;
  problems.push({ file, line: result.problem.line, field: '(YAML)', reason: result.problem.reason, fix: result.problem.fix });
  return { ok: false };
}

export function checkContent(root: string): ContentReport {
  const problems: ContentProblem[] = [];
  const modulesDir = path.join(root, 'content', 'modules');
  const modules = existsSync(modulesDir) ? readdirSync(modulesDir).filter((d) => !d.startsWith('.')).sort() : [];
  const coverage: ContentReport['coverage'] = {};

  for (const slug of modules) {
    const files: ModuleFile[] = [];
    for (const name of readdirSync(path.join(modulesDir, slug)).sort()) {
      const file = `content/modules/${slug}/${name}`;
      if (!name.endsWith('.mdx')) {
        problems.push({ file, field: '(file name)', reason: 'this file is not read', fix: `name a module file <locale>.mdx with a locale of ${locales.join(', ')}` });
        continue;
      }
      const lang = name.replace(/\.mdx$/, '');
      const text = readFileSync(path.join(modulesDir, slug, name), 'utf8');
      const parts = splitFrontmatter(text);
      if (!parts) {
        problems.push({ file, field: '(frontmatter)', reason: 'the file must start with a --- frontmatter block closed by ---', fix: 'see docs/writing-modules.md for the frontmatter' });
        files.push({ lang, file, body: text });
        continue;
      }
      const yaml = readYaml(file, parts.frontmatter, problems, 1);
      const result = yaml.ok ? validateModuleFrontmatter(file, yaml.data) : undefined;
      if (result && !result.ok) problems.push(...result.problems);
      files.push({ lang, file, data: result?.ok ? result.data : undefined, body: parts.body, lineOffset: bodyLineOffset(text) });
    }
    const checked = checkModuleFiles(slug, files, locales);
    problems.push(...checked.problems);
    coverage[slug] = checked.coverage as Record<Locale, CoverageState>;
  }

  const glossaryCoverage = Object.fromEntries(locales.map((l) => [l, 'missing'])) as Record<Locale, CoverageState>;
  const glossaryDir = path.join(root, 'content', 'glossary');
  let englishIds: string[] | undefined;
  for (const lang of ['en', ...locales.filter((l) => l !== 'en')] as Locale[]) {
    const full = path.join(glossaryDir, `${lang}.yaml`);
    if (!existsSync(full)) continue;
    const file = `content/glossary/${lang}.yaml`;
    const yaml = readYaml(file, readFileSync(full, 'utf8'), problems);
    const result = yaml.ok ? glossaryFile.safeParse(yaml.data) : undefined;
    if (!result?.success) {
      for (const issue of result?.error.issues ?? []) problems.push({ file, field: issue.path.map(String).join('.') || '(file)', reason: issue.message });
      glossaryCoverage[lang] = 'invalid';
      continue;
    }
    const ids = result.data.terms.map((t) => t.id);
    if (lang === 'en') englishIds = ids;
    else if (englishIds) {
      // compared only with a valid en.yaml: an invalid one is reported once, above
      const missing = englishIds.filter((id) => !ids.includes(id));
      const extra = ids.filter((id) => !englishIds!.includes(id));
      if (extra.length) problems.push({ file, field: 'terms', reason: `term ids not in en.yaml: ${extra.join(', ')}`, fix: 'use the ids of en.yaml (ids are never translated), or add the terms to en.yaml first' });
      if (missing.length) {
        glossaryCoverage[lang] = 'outdated';
        continue;
      }
    }
    glossaryCoverage[lang] = 'translated';
  }

  const pathsDir = path.join(root, 'content', 'paths');
  if (existsSync(pathsDir)) {
    const scenariosDir = path.join(root, 'content', 'scenarios');
    const scenarios = existsSync(scenariosDir) ? readdirSync(scenariosDir).filter((d) => existsSync(path.join(scenariosDir, d, 'scenario.yaml'))) : [];
    for (const name of readdirSync(pathsDir).filter((f) => f.endsWith('.yaml')).sort()) {
      const file = `content/paths/${name}`;
      const yaml = readYaml(file, readFileSync(path.join(pathsDir, name), 'utf8'), problems);
      if (!yaml.ok) continue;
      const result = pathFile.safeParse(yaml.data);
      if (!result.success) {
        for (const issue of result.error.issues) problems.push({ file, field: issue.path.map(String).join('.') || '(file)', reason: issue.message });
        continue;
      }
      problems.push(...pathNameProblems(file, name.replace(/\.yaml$/, ''), result.data));
      problems.push(...checkPathReferences(file, result.data, modules, scenarios));
    }
  }

  return { problems, modules, coverage, glossaryCoverage };
}

let lastCheck: { stamp: string; problems: ContentProblem[] } | undefined;

/**
 * Throws with every content problem, in the words of `npm run check:content`: the build and
 * the dev server call it, so a page never shows content the check refuses. Checks again only
 * when a file under content/ changed.
 */
export function assertContentValid(root: string): void {
  const stamp = filesStamp(path.join(root, 'content'));
  if (lastCheck?.stamp !== stamp) lastCheck = { stamp, problems: checkContent(root).problems };
  if (lastCheck.problems.length > 0) throw new Error(`Invalid content (npm run check:content shows the same):\n${formatProblems(lastCheck.problems)}`);
}

const symbol: Record<CoverageState, string> = { translated: '✓', outdated: 'outdated', missing: '—', invalid: 'INVALID' };

/** The coverage table as text: modules × languages. */
export function coverageTable(report: ContentReport): string {
  const width = Math.max(8, ...report.modules.map((m) => m.length));
  const header = `${'module'.padEnd(width)}  ${locales.map((l) => l.padEnd(9)).join('')}`;
  const rows = report.modules.map((m) => `${m.padEnd(width)}  ${locales.map((l) => symbol[report.coverage[m]![l]].padEnd(9)).join('')}`);
  const glossary = `${'glossary'.padEnd(width)}  ${locales.map((l) => symbol[report.glossaryCoverage[l]].padEnd(9)).join('')}`;
  const counts = locales.map((l) => `${l} ${report.modules.filter((m) => report.coverage[m]![l] === 'translated').length}/${report.modules.length}`);
  return [header, ...rows, glossary, '', `translated modules: ${counts.join(', ')}`].join('\n');
}
