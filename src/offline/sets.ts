/**
 * Which pages a download holds. A path: its page, each of its lessons and case simulations,
 * the glossary and My onboarding, in one language. A language: every lesson, case simulation
 * and path page, the lists of them, the glossary and My onboarding. Simulations need nothing
 * else: their scenario is in the page.
 */
import type { Locale } from '../i18n/locales.ts';
import type { DownloadSet } from './caches.ts';

/** The pages every download of a language includes, besides its own. */
export function commonPages(lang: Locale): string[] {
  return [`/${lang}/glossary/`, `/${lang}/onboarding/`];
}

function unique(urls: readonly string[]): string[] {
  return [...new Set(urls)];
}

/**
 * @example pathDownload('en', { id: 'essentials', title: 'Essentials', href: '/en/paths/essentials/', steps: [{ href: '/en/modules/a/' }] }).urls
 * // ['/en/paths/essentials/', '/en/modules/a/', '/en/glossary/', '/en/onboarding/']
 */
export function pathDownload(lang: Locale, path: { id: string; title: string; href: string; steps: readonly { href: string }[] }): DownloadSet {
  return {
    id: `${lang}/path/${path.id}`,
    lang,
    kind: 'path',
    title: path.title,
    urls: unique([path.href, ...path.steps.map((s) => s.href), ...commonPages(lang)]),
  };
}

/**
 * @example languageDownload('fr', 'Français', { modules: ['a'], scenarios: ['s'], paths: ['p'] }).urls.length // 10
 */
export function languageDownload(
  lang: Locale,
  title: string,
  content: { modules: readonly string[]; scenarios: readonly string[]; paths: readonly string[] },
): DownloadSet {
  return {
    id: `${lang}/language/all`,
    lang,
    kind: 'language',
    title,
    urls: unique([
      `/${lang}/`,
      `/${lang}/modules/`,
      ...content.modules.map((m) => `/${lang}/modules/${m}/`),
      `/${lang}/scenarios/`,
      ...content.scenarios.map((s) => `/${lang}/scenarios/${s}/`),
      `/${lang}/paths/`,
      ...content.paths.map((p) => `/${lang}/paths/${p}/`),
      ...commonPages(lang),
    ]),
  };
}

/**
 * The bytes a download will fetch, from the build's list of page sizes (page-sizes.json);
 * pages the list does not know are counted apart.
 * @example downloadSize(['/a/', '/b/'], { '/a/': 1000 }) // { bytes: 1000, unknown: 1 }
 */
export function downloadSize(urls: readonly string[], sizes: Readonly<Record<string, number>>): { bytes: number; unknown: number } {
  let bytes = 0;
  let unknown = 0;
  for (const url of urls) {
    const size = sizes[url];
    if (typeof size === 'number') bytes += size;
    else unknown++;
  }
  return { bytes, unknown };
}

/**
 * A size as people read it, in their language (kB below a megabyte, GB from a gigabyte).
 * @example formatBytes(2_500_000, 'en') // '2.5 MB'
 * @example formatBytes(34_000, 'en') // '34 kB'
 * @example formatBytes(10_737_418_240, 'en') // '10.7 GB'
 */
export function formatBytes(bytes: number, lang: string): string {
  const [unit, divisor, digits] = bytes >= 1e9 ? (['gigabyte', 1e9, 1] as const) : bytes >= 1e6 ? (['megabyte', 1e6, 1] as const) : (['kilobyte', 1e3, 0] as const);
  const value = unit === 'kilobyte' ? Math.max(1, Math.round(bytes / divisor)) : bytes / divisor;
  return new Intl.NumberFormat(lang, { style: 'unit', unit, unitDisplay: 'short', maximumFractionDigits: digits }).format(value);
}
