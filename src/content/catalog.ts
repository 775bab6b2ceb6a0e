/**
 * The module catalogue for pages: each module in a locale, falling back to English (with a
 * flag the page shows as a "not yet translated" notice). Checks each body's sections at build.
 */
import { getCollection, type CollectionEntry } from 'astro:content';
import { defaultLocale, type Locale } from '../i18n/locales.ts';
import { formatProblems, tracks, type Track } from './modules.ts';
import { assertContentValid } from './check.ts';
import { checkPathReferences, pathNameProblems, type PathFile } from './paths.ts';
import { allScenarios } from '../simulation/page-data.ts';

export type ModuleEntry = CollectionEntry<'modules'>;

export interface LocalizedModule {
  slug: string;
  entry: ModuleEntry;
  /** The locale the text is in (English when the requested one is missing). */
  textLocale: Locale;
  translated: boolean;
}

function splitId(id: string): { slug: string; lang: string } {
  const [slug = '', lang = ''] = id.split('/');
  return { slug, lang };
}

/**
 * All module entries, after the same checks as `npm run check:content` (assertContentValid):
 * the build stops, and `npm run dev` shows the problems in the page, with the same words.
 */
let validated = false;

export async function allModuleEntries(): Promise<ModuleEntry[]> {
  // a build checks once; the dev server checks again at every page (cheap unless a file changed)
  if (!validated || import.meta.env.DEV) assertContentValid(process.cwd());
  validated = true;
  return getCollection('modules');
}

/** Every module slug that has an English original, in a stable order. */
export async function moduleSlugs(): Promise<string[]> {
  const entries = await allModuleEntries();
  return entries
    .map((e) => splitId(e.id))
    .filter((p) => p.lang === defaultLocale)
    .map((p) => p.slug)
    .sort();
}

/** The module in a locale, or its English original flagged as not translated. */
export async function localizedModule(slug: string, locale: Locale): Promise<LocalizedModule> {
  const entries = await allModuleEntries();
  const find = (lang: Locale) => entries.find((e) => e.id === `${slug}/${lang}`);
  const own = find(locale);
  if (own) return { slug, entry: own, textLocale: locale, translated: true };
  const english = find(defaultLocale);
  if (!english) throw new Error(`content/modules/${slug}/: no en.mdx; every module needs its English original`);
  return { slug, entry: english, textLocale: defaultLocale, translated: locale === defaultLocale };
}

export async function localizedModules(locale: Locale): Promise<LocalizedModule[]> {
  const slugs = await moduleSlugs();
  return Promise.all(slugs.map((slug) => localizedModule(slug, locale)));
}

/** The glossary in a locale, or the English one flagged as not translated. */
export async function localizedGlossary(locale: Locale) {
  const entries = await getCollection('glossary');
  const own = entries.find((e) => e.id === locale);
  const english = entries.find((e) => e.id === defaultLocale);
  const entry = own ?? english;
  const terms = [...(entry?.data.terms ?? [])].sort((a, b) => a.term.localeCompare(b.term, own ? locale : defaultLocale));
  return { terms, textLocale: own ? locale : defaultLocale, translated: Boolean(own) || locale === defaultLocale };
}

export interface OnboardingPath {
  id: string;
  track?: Track;
  steps: PathFile['steps'];
}

/** The onboarding paths (track paths in track order, then the others by id), references checked. */
export async function onboardingPaths(): Promise<OnboardingPath[]> {
  const [entries, slugs] = await Promise.all([getCollection('paths'), moduleSlugs()]);
  const scenarioIds = allScenarios().map((s) => s.scenario.id);
  const problems = entries.flatMap((entry) => {
    const file = `content/paths/${entry.id}.yaml`;
    return [...pathNameProblems(file, entry.id, entry.data), ...checkPathReferences(file, entry.data, slugs, scenarioIds)];
  });
  if (problems.length > 0) throw new Error(`Invalid onboarding paths:\n${formatProblems(problems)}`);
  const rank = (p: OnboardingPath) => (p.track ? tracks.indexOf(p.track) : tracks.length);
  return entries
    .map((e) => ({ id: e.id, track: e.data.track, steps: e.data.steps }))
    .sort((a, b) => rank(a) - rank(b) || a.id.localeCompare(b.id));
}
