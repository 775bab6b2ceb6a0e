/**
 * Checks every content file without building the site: modules (frontmatter, body, structure
 * against English), glossaries and onboarding paths; and reports translation coverage.
 * Used by `npm run check:content` and the unit tests. Reads files; no Astro runtime.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { locales, type Locale } from '../i18n/locales.ts';
import { checkModuleBody, compareWithEnglish, validateModuleFrontmatter, type ContentProblem, type ModuleFrontmatter } from './modules.ts';
import { glossaryFile } from './glossary.ts';
import { checkPathReferences, pathFile, pathNameProblems } from './paths.ts';

export type CoverageState = 'translated' | 'outdated' | 'missing' | 'invalid';

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

function yamlProblem(file: string, error: unknown): ContentProblem {
  return { file, field: '(YAML)', reason: `not valid YAML: ${(error as Error).message.split('\n')[0]}` };
}

export function checkContent(root: string): ContentReport {
  const problems: ContentProblem[] = [];
  const modulesDir = path.join(root, 'content', 'modules');
  const modules = existsSync(modulesDir) ? readdirSync(modulesDir).filter((d) => !d.startsWith('.')).sort() : [];
  const coverage: ContentReport['coverage'] = {};

  for (const slug of modules) {
    const parsed = new Map<Locale, ModuleFrontmatter>();
    const row = Object.fromEntries(locales.map((l) => [l, 'missing'])) as Record<Locale, CoverageState>;
    for (const name of readdirSync(path.join(modulesDir, slug)).sort()) {
      const file = `content/modules/${slug}/${name}`;
      const lang = name.replace(/\.mdx$/, '');
      if (!name.endsWith('.mdx') || !(locales as readonly string[]).includes(lang)) {
        problems.push({ file, field: '(file name)', reason: `expected <locale>.mdx with a locale of ${locales.join(', ')}` });
        continue;
      }
      const parts = splitFrontmatter(readFileSync(path.join(modulesDir, slug, name), 'utf8'));
      if (!parts) {
        problems.push({ file, field: '(frontmatter)', reason: 'the file must start with a --- frontmatter block closed by ---' });
        row[lang as Locale] = 'invalid';
        continue;
      }
      let data: unknown;
      try {
        data = parseYaml(parts.frontmatter);
      } catch (error) {
        problems.push(yamlProblem(file, error));
        row[lang as Locale] = 'invalid';
        continue;
      }
      const result = validateModuleFrontmatter(file, data);
      if (!result.ok) {
        problems.push(...result.problems);
        row[lang as Locale] = 'invalid';
        continue;
      }
      const bodyProblems = checkModuleBody(file, result.data.sections, parts.body);
      problems.push(...bodyProblems);
      parsed.set(lang as Locale, result.data);
      row[lang as Locale] = bodyProblems.length ? 'invalid' : 'translated';
    }
    const english = parsed.get('en');
    if (!english) {
      problems.push({ file: `content/modules/${slug}/`, field: 'en.mdx', reason: 'every module needs its English original, en.mdx' });
    } else {
      for (const [lang, data] of parsed) {
        if (lang === 'en') continue;
        const file = `content/modules/${slug}/${lang}.mdx`;
        const structure = compareWithEnglish(file, data, english);
        problems.push(...structure);
        if (structure.length) row[lang] = 'invalid';
        else if (data.version < english.version) row[lang] = 'outdated';
      }
    }
    coverage[slug] = row;
  }

  const glossaryCoverage = Object.fromEntries(locales.map((l) => [l, 'missing'])) as Record<Locale, CoverageState>;
  const glossaryDir = path.join(root, 'content', 'glossary');
  let englishIds: string[] = [];
  for (const lang of ['en', ...locales.filter((l) => l !== 'en')] as Locale[]) {
    const full = path.join(glossaryDir, `${lang}.yaml`);
    if (!existsSync(full)) continue;
    const file = `content/glossary/${lang}.yaml`;
    try {
      const result = glossaryFile.safeParse(parseYaml(readFileSync(full, 'utf8')));
      if (!result.success) {
        for (const issue of result.error.issues) problems.push({ file, field: issue.path.map(String).join('.') || '(file)', reason: issue.message });
        glossaryCoverage[lang] = 'invalid';
        continue;
      }
      const ids = result.data.terms.map((t) => t.id);
      if (lang === 'en') englishIds = ids;
      else {
        const missing = englishIds.filter((id) => !ids.includes(id));
        const extra = ids.filter((id) => !englishIds.includes(id));
        if (extra.length) problems.push({ file, field: 'terms', reason: `term ids not in en.yaml: ${extra.join(', ')}` });
        if (missing.length) {
          glossaryCoverage[lang] = 'outdated';
          continue;
        }
      }
      glossaryCoverage[lang] = 'translated';
    } catch (error) {
      problems.push(yamlProblem(file, error));
      glossaryCoverage[lang] = 'invalid';
    }
  }

  const pathsDir = path.join(root, 'content', 'paths');
  if (existsSync(pathsDir)) {
    const scenariosDir = path.join(root, 'content', 'scenarios');
    const scenarios = existsSync(scenariosDir) ? readdirSync(scenariosDir).filter((d) => existsSync(path.join(scenariosDir, d, 'scenario.yaml'))) : [];
    for (const name of readdirSync(pathsDir).filter((f) => f.endsWith('.yaml')).sort()) {
      const file = `content/paths/${name}`;
      try {
        const result = pathFile.safeParse(parseYaml(readFileSync(path.join(pathsDir, name), 'utf8')));
        if (!result.success) {
          for (const issue of result.error.issues) problems.push({ file, field: issue.path.map(String).join('.') || '(file)', reason: issue.message });
          continue;
        }
        problems.push(...pathNameProblems(file, name.replace(/\.yaml$/, ''), result.data));
        problems.push(...checkPathReferences(file, result.data, modules, scenarios));
      } catch (error) {
        problems.push(yamlProblem(file, error));
      }
    }
  }

  return { problems, modules, coverage, glossaryCoverage };
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
