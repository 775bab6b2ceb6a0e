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
import { defaultLocale, locales, type Locale } from '../i18n/locales.ts';
import { formatProblems, tracks, validateModuleFrontmatter, type ContentProblem, type ModuleFrontmatter } from './modules.ts';
import { bodyLineOffset, checkModuleFiles, type CoverageState, type ModuleFile as RuleFile } from './module-rules.ts';
import { parseYamlText } from '../simulation/yaml.ts';
import { filesStamp, loadScenarios, type LoadedScenario } from '../simulation/load.ts';
import { glossaryFile, type GlossaryFile } from './glossary.ts';
import { checkPathReferences, pathFile, pathNameProblems, type PathStep } from './paths.ts';
import { activityId } from '../learning-record/activities.ts';
import { withScenarioVersion, type LearningFacts } from '../learning-record/facts.ts';
import { answerKeys } from '../learning-record/grading.ts';
import { scenarioStructure } from '../simulation/rules.ts';

export type { CoverageState } from './module-rules.ts';

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
  /** Scenario folders that could not be read (listed so that none vanishes silently). */
  uncheckedScenarios: string[];
  /** What the scenario analysis could not prove in very large scenarios (warnings, not errors). */
  unproven: ContentProblem[];
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

const isLocaleName = (lang: string): lang is Locale => (locales as readonly string[]).includes(lang);
const listDir = (dir: string) => (existsSync(dir) ? readdirSync(dir).filter((d) => !d.startsWith('.')).sort() : []);

function loadModules(root: string, problems: ContentProblem[]) {
  const modulesDir = path.join(root, 'content', 'modules');
  const modules: CatalogueModule[] = [];
  const coverage: Catalogue['coverage'] = {};
  for (const slug of listDir(modulesDir)) {
    const files: RuleFile[] = [];
    for (const name of listDir(path.join(modulesDir, slug))) {
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
    // one function checks a module across its languages (module-rules.ts): the build and the checks agree
    const checked = checkModuleFiles(slug, files, locales);
    problems.push(...checked.problems);
    const row = checked.coverage as Record<Locale, CoverageState>;
    coverage[slug] = row;
    const valid: CatalogueModule['files'] = {};
    for (const f of files) {
      if (f.data && isLocaleName(f.lang) && (row[f.lang] === 'translated' || row[f.lang] === 'outdated')) {
        valid[f.lang] = { slug, lang: f.lang, file: f.file, frontmatter: f.data, body: f.body };
      }
    }
    if (valid[defaultLocale]) modules.push({ slug, files: valid });
  }
  return { modules, coverage };
}

function loadGlossaries(root: string, problems: ContentProblem[]) {
  const glossaryCoverage = Object.fromEntries(locales.map((l) => [l, 'missing'])) as Record<Locale, CoverageState>;
  const glossaries: Catalogue['glossaries'] = {};
  const dir = path.join(root, 'content', 'glossary');
  let englishIds: string[] | undefined;
  for (const lang of [defaultLocale, ...locales.filter((l) => l !== defaultLocale)]) {
    const full = path.join(dir, `${lang}.yaml`);
    if (!existsSync(full)) continue;
    const file = `content/glossary/${lang}.yaml`;
    const yaml = readYaml(file, readFileSync(full, 'utf8'), problems);
    const result = yaml.ok ? glossaryFile.safeParse(yaml.data) : undefined;
    if (!result?.success) {
      for (const issue of result?.error.issues ?? []) problems.push({ file, field: issue.path.map(String).join('.') || '(file)', reason: issue.message });
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
    if (!englishIds) continue; // compared only with a valid en.yaml: an invalid one is reported once, above
    const extra = ids.filter((id) => !englishIds!.includes(id));
    if (extra.length) problems.push({ file, field: 'terms', reason: `term ids not in en.yaml: ${extra.join(', ')}`, fix: 'use the ids of en.yaml (ids are never translated), or add the terms to en.yaml first' });
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
    const yaml = readYaml(file, readFileSync(path.join(dir, name), 'utf8'), problems);
    if (!yaml.ok) continue;
    const result = pathFile.safeParse(yaml.data);
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
  const asContent = (p: (typeof scenarioReport.problems)[number]): ContentProblem => ({ file: p.file, field: p.where, reason: p.reason, ...(p.fix ? { fix: p.fix } : {}) });
  problems.push(...scenarioReport.problems.map(asContent));
  const scenarioIds = listDir(path.join(root, 'content', 'scenarios'));
  const paths = loadPaths(root, Object.keys(coverage), scenarioIds, problems);
  return {
    modules, scenarios: scenarioReport.scenarios, paths, glossaries, coverage, glossaryCoverage, problems,
    uncheckedScenarios: scenarioReport.unchecked, unproven: scenarioReport.unproven.map(asContent),
  };
}

const cache = new Map<string, { stamp: string; catalogue: Catalogue }>();

/**
 * The catalogue of `root`, read again only when a file under content/ changed (the build reads
 * it many times; the dev server sees every edit).
 */
export function catalogueOf(root: string): Catalogue {
  const stamp = filesStamp(path.join(root, 'content'));
  let cached = cache.get(root);
  if (!cached || cached.stamp !== stamp) {
    cached = { stamp, catalogue: loadCatalogue(root) };
    cache.set(root, cached);
  }
  return cached.catalogue;
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
    throw new Error(`Invalid content (npm run check:content and check:scenarios show the same):\n${formatProblems(catalogue.problems)}`);
  }
  return catalogue;
}

/** The server's facts about the content under `root` (throws on invalid content). */
export function projectFacts(root: string): LearningFacts {
  return learningFacts(assertValid(catalogueOf(root)));
}
