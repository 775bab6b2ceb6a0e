/**
 * The content catalogue: every lesson module, case simulation, onboarding path and glossary,
 * read from content/ and checked once. Everything that needs the content starts here: the site
 * build (catalog.ts, page-data.ts), `npm run check:content` and `check:scenarios`, the server's
 * facts (scripts/lib/hooks-bundle.ts writes `learningFacts()` for the hooks) and the tests.
 * Published scenario versions from the studio are added to the server's facts at run time
 * (facts.ts `withScenarioVersion`).
 *
 * Reads files (Node). Problems are collected, not thrown: callers decide (the build and the
 * server refuse to start with any; the checks print them all).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { defaultLocale, locales, type Locale } from '../i18n/locales.ts';
import { checkModuleBody, compareWithEnglish, tracks, validateModuleFrontmatter, type ContentProblem, type ModuleFrontmatter } from './modules.ts';
import { glossaryFile, type GlossaryFile } from './glossary.ts';
import { checkPathReferences, pathFile, pathNameProblems, type PathStep } from './paths.ts';
import { loadScenarios, type LoadedScenario } from '../simulation/load.ts';
import { activityId } from '../learning-record/activities.ts';
import { withScenarioVersion, type LearningFacts } from '../learning-record/facts.ts';
import { answerKeys } from '../learning-record/grading.ts';
import { scenarioStructure } from '../simulation/rules.ts';

export type CoverageState = 'translated' | 'outdated' | 'missing' | 'invalid';

/** One module file that passed its checks. */
export interface ModuleFile {
  slug: string;
  lang: Locale;
  /** Relative to the project, e.g. content/modules/at-the-border/fr.mdx. */
  file: string;
  frontmatter: ModuleFrontmatter;
  body: string;
}

export interface CatalogueModule {
  slug: string;
  /** Every valid language version, English first. */
  files: Partial<Record<Locale, ModuleFile>>;
}

export interface CataloguePath {
  id: string;
  file: string;
  track?: (typeof tracks)[number] | undefined;
  steps: PathStep[];
  /** The steps as activity ids (module:x, scenario:y). */
  activities: string[];
}

export interface Catalogue {
  /** Modules that have a valid English original, by slug order. */
  modules: CatalogueModule[];
  scenarios: LoadedScenario[];
  /** Track paths in track order, then the others by id. */
  paths: CataloguePath[];
  glossaries: Partial<Record<Locale, GlossaryFile>>;
  /** Translation state per module and language. */
  coverage: Record<string, Record<Locale, CoverageState>>;
  glossaryCoverage: Record<Locale, CoverageState>;
  problems: ContentProblem[];
}

/** The frontmatter and body of an MDX file, or null when it has no --- block. */
export function splitFrontmatter(text: string): { frontmatter: string; body: string } | null {
  const match = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?([\s\S]*)$/.exec(text);
  return match ? { frontmatter: match[1] ?? '', body: match[2] ?? '' } : null;
}

function yamlProblem(file: string, error: unknown): ContentProblem {
  return { file, field: '(YAML)', reason: `not valid YAML: ${(error as Error).message.split('\n')[0]}` };
}

const isLocaleName = (lang: string): lang is Locale => (locales as readonly string[]).includes(lang);
const emptyRow = () => Object.fromEntries(locales.map((l) => [l, 'missing'])) as Record<Locale, CoverageState>;
const listDir = (dir: string) => (existsSync(dir) ? readdirSync(dir).filter((d) => !d.startsWith('.')).sort() : []);

function loadModules(root: string, problems: ContentProblem[]) {
  const modulesDir = path.join(root, 'content', 'modules');
  const modules: CatalogueModule[] = [];
  const coverage: Catalogue['coverage'] = {};
  for (const slug of listDir(modulesDir)) {
    const files: CatalogueModule['files'] = {};
    const row = emptyRow();
    let englishExists = false;
    for (const name of listDir(path.join(modulesDir, slug))) {
      const file = `content/modules/${slug}/${name}`;
      const lang = name.replace(/\.mdx$/, '');
      if (!name.endsWith('.mdx') || !isLocaleName(lang)) {
        problems.push({ file, field: '(file name)', reason: `expected <locale>.mdx with a locale of ${locales.join(', ')}, e.g. fr.mdx` });
        continue;
      }
      if (lang === defaultLocale) englishExists = true;
      const parts = splitFrontmatter(readFileSync(path.join(modulesDir, slug, name), 'utf8'));
      row[lang] = 'invalid';
      if (!parts) {
        problems.push({ file, field: '(frontmatter)', reason: 'the file must start with a --- frontmatter block closed by ---' });
        continue;
      }
      let data: unknown;
      try {
        data = parseYaml(parts.frontmatter);
      } catch (error) {
        problems.push(yamlProblem(file, error));
        continue;
      }
      const result = validateModuleFrontmatter(file, data);
      if (!result.ok) {
        problems.push(...result.problems);
        continue;
      }
      const bodyProblems = checkModuleBody(file, result.data.sections, parts.body);
      problems.push(...bodyProblems);
      if (bodyProblems.length) continue;
      files[lang] = { slug, lang, file, frontmatter: result.data, body: parts.body };
      row[lang] = 'translated';
    }
    const english = files[defaultLocale];
    if (!englishExists) {
      problems.push({ file: `content/modules/${slug}/`, field: 'en.mdx', reason: 'every module needs its English original, en.mdx' });
    }
    if (english) {
      for (const lang of locales) {
        const translation = files[lang];
        if (lang === defaultLocale || !translation) continue;
        const structure = compareWithEnglish(translation.file, translation.frontmatter, english.frontmatter);
        problems.push(...structure);
        if (structure.length) {
          row[lang] = 'invalid';
          delete files[lang];
        } else if (translation.frontmatter.version < english.frontmatter.version) {
          row[lang] = 'outdated';
        }
      }
      modules.push({ slug, files });
    }
    coverage[slug] = row;
  }
  return { modules, coverage };
}

function loadGlossaries(root: string, problems: ContentProblem[]) {
  const glossaryCoverage = emptyRow();
  const glossaries: Catalogue['glossaries'] = {};
  const dir = path.join(root, 'content', 'glossary');
  let englishIds: string[] = [];
  for (const lang of [defaultLocale, ...locales.filter((l) => l !== defaultLocale)]) {
    const full = path.join(dir, `${lang}.yaml`);
    if (!existsSync(full)) continue;
    const file = `content/glossary/${lang}.yaml`;
    let raw: unknown;
    try {
      raw = parseYaml(readFileSync(full, 'utf8'));
    } catch (error) {
      problems.push(yamlProblem(file, error));
      glossaryCoverage[lang] = 'invalid';
      continue;
    }
    const result = glossaryFile.safeParse(raw);
    if (!result.success) {
      for (const issue of result.error.issues) problems.push({ file, field: issue.path.map(String).join('.') || '(file)', reason: issue.message });
      glossaryCoverage[lang] = 'invalid';
      continue;
    }
    glossaries[lang] = result.data;
    const ids = result.data.terms.map((t) => t.id);
    glossaryCoverage[lang] = 'translated';
    if (lang === defaultLocale) {
      englishIds = ids;
      continue;
    }
    const extra = ids.filter((id) => !englishIds.includes(id));
    if (extra.length) problems.push({ file, field: 'terms', reason: `term ids not in en.yaml: ${extra.join(', ')}` });
    if (englishIds.some((id) => !ids.includes(id))) glossaryCoverage[lang] = 'outdated';
  }
  return { glossaries, glossaryCoverage };
}

function loadPaths(root: string, modules: readonly string[], scenarios: readonly string[], problems: ContentProblem[]): CataloguePath[] {
  const dir = path.join(root, 'content', 'paths');
  const paths: CataloguePath[] = [];
  for (const name of listDir(dir).filter((f) => f.endsWith('.yaml'))) {
    const file = `content/paths/${name}`;
    const id = name.replace(/\.yaml$/, '');
    let raw: unknown;
    try {
      raw = parseYaml(readFileSync(path.join(dir, name), 'utf8'));
    } catch (error) {
      problems.push(yamlProblem(file, error));
      continue;
    }
    const result = pathFile.safeParse(raw);
    if (!result.success) {
      for (const issue of result.error.issues) problems.push({ file, field: issue.path.map(String).join('.') || '(file)', reason: issue.message });
      continue;
    }
    const pathProblems = [...pathNameProblems(file, id, result.data), ...checkPathReferences(file, result.data, modules, scenarios)];
    problems.push(...pathProblems);
    if (pathProblems.length) continue;
    paths.push({ id, file, track: result.data.track, steps: result.data.steps, activities: result.data.steps.map(activityId.step) });
  }
  const rank = (p: CataloguePath) => (p.track ? tracks.indexOf(p.track) : tracks.length);
  return paths.sort((a, b) => rank(a) - rank(b) || a.id.localeCompare(b.id));
}

/**
 * Reads and checks all of content/ under `root`.
 * @example loadCatalogue(process.cwd()).problems // [] when everything is valid
 */
export function loadCatalogue(root: string): Catalogue {
  const problems: ContentProblem[] = [];
  const { modules, coverage } = loadModules(root, problems);
  const { glossaries, glossaryCoverage } = loadGlossaries(root, problems);
  const scenarioReport = loadScenarios(root);
  problems.push(...scenarioReport.problems.map((p) => ({ file: p.file, field: p.where, reason: p.reason })));
  const scenarioIds = listDir(path.join(root, 'content', 'scenarios'));
  const paths = loadPaths(root, Object.keys(coverage), scenarioIds, problems);
  return { modules, scenarios: scenarioReport.scenarios, paths, glossaries, coverage, glossaryCoverage, problems };
}

const cache = new Map<string, Catalogue>();

/** The catalogue of `root`, read once per process (the build and the server start read it many times). */
export function catalogueOf(root: string): Catalogue {
  let catalogue = cache.get(root);
  if (!catalogue) {
    catalogue = loadCatalogue(root);
    cache.set(root, catalogue);
  }
  return catalogue;
}

/** Forgets what was read (the dev server, after a content file changed). */
export function forgetCatalogue(): void {
  cache.clear();
}

/**
 * What the server must know of the content to judge statements (facts.ts): each lesson's
 * sections and answer key (from English: every translation has the same structure), each case
 * simulation's structure, and the paths.
 */
export function learningFacts(catalogue: Catalogue): LearningFacts {
  let facts: LearningFacts = { modules: {}, scenarios: {}, paths: catalogue.paths.map((p) => ({ id: p.id, track: p.track, steps: p.activities })) };
  for (const module of catalogue.modules) {
    const english = module.files[defaultLocale]!.frontmatter;
    facts.modules[module.slug] = {
      sections: english.sections.map((s) => s.id),
      passThreshold: english.quiz?.passThreshold ?? 0.8,
      questions: (english.quiz?.questions ?? []).map((q) => ({ ...answerKeys([q])[0]!, options: q.options.map((o) => o.id) })),
    };
  }
  for (const { scenario } of catalogue.scenarios) facts = withScenarioVersion(facts, scenarioStructure(scenario));
  return facts;
}

/**
 * Throws one error listing every problem, for callers that cannot go on with invalid content
 * (the build, the server start).
 */
export function assertValid(catalogue: Catalogue): Catalogue {
  if (catalogue.problems.length) {
    throw new Error(`Invalid content (${catalogue.problems.length} problem${catalogue.problems.length === 1 ? '' : 's'}):\n${catalogue.problems.map((p) => `${p.file}: ${p.field}: ${p.reason}`).join('\n')}`);
  }
  return catalogue;
}

/** The server's facts about the content under `root` (throws on invalid content). */
export function projectFacts(root: string): LearningFacts {
  return learningFacts(assertValid(catalogueOf(root)));
}
