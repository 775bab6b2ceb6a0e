/**
 * The content as the site's pages see it: each module in a locale, falling back to English
 * (with a flag the page shows as a "not yet translated" notice), the glossary, the paths.
 * The reading and checking is the content catalogue's (catalogue.ts); this file adds the
 * Astro collection entries that render module bodies. Invalid content stops the build with
 * the catalogue's messages (the same as `npm run check:content`).
 */
import { getCollection, type CollectionEntry } from 'astro:content';
import { defaultLocale, type Locale } from '../i18n/locales.ts';
import { assertValid, catalogueOf, type Catalogue, type CataloguePath } from './catalogue.ts';

export type ModuleEntry = CollectionEntry<'modules'>;

export interface LocalizedModule {
  slug: string;
  entry: ModuleEntry;
  /** The locale the text is in (English when the requested one is missing). */
  textLocale: Locale;
  translated: boolean;
}

/** The checked content catalogue of this build. */
export function siteCatalogue(): Catalogue {
  return assertValid(catalogueOf(process.cwd()));
}

let entries: Promise<Map<string, ModuleEntry>> | undefined;

/** The collection entries (for rendering), by id "<module>/<lang>". */
function moduleEntries(): Promise<Map<string, ModuleEntry>> {
  entries ??= getCollection('modules').then((all) => new Map(all.map((e) => [e.id, e])));
  return entries;
}

/** Every module slug that has an English original, in a stable order. */
export async function moduleSlugs(): Promise<string[]> {
  return siteCatalogue().modules.map((m) => m.slug);
}

/** The module in a locale, or its English original flagged as not translated. */
export async function localizedModule(slug: string, locale: Locale): Promise<LocalizedModule> {
  const module = siteCatalogue().modules.find((m) => m.slug === slug);
  if (!module) throw new Error(`content/modules/${slug}/: no such module`);
  const textLocale = module.files[locale] ? locale : defaultLocale;
  const entry = (await moduleEntries()).get(`${slug}/${textLocale}`);
  if (!entry) throw new Error(`content/modules/${slug}/${textLocale}.mdx was checked but is not in the modules collection`);
  return { slug, entry, textLocale, translated: textLocale === locale };
}

export async function localizedModules(locale: Locale): Promise<LocalizedModule[]> {
  const slugs = await moduleSlugs();
  return Promise.all(slugs.map((slug) => localizedModule(slug, locale)));
}

/** The glossary in a locale, or the English one flagged as not translated. */
export async function localizedGlossary(locale: Locale) {
  const { glossaries } = siteCatalogue();
  const own = glossaries[locale];
  const terms = [...((own ?? glossaries[defaultLocale])?.terms ?? [])].sort((a, b) => a.term.localeCompare(b.term, own ? locale : defaultLocale));
  return { terms, textLocale: own ? locale : defaultLocale, translated: Boolean(own) || locale === defaultLocale };
}

export type OnboardingPath = CataloguePath;

/** The onboarding paths (track paths in track order, then the others by id). */
export async function onboardingPaths(): Promise<OnboardingPath[]> {
  return siteCatalogue().paths;
}
