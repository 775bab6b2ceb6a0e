/**
 * The languages Continuum is written in. The order is the order of the language switcher.
 * Keep the `preferredLanguage` and `language` selects of the migrations in step.
 */
export const locales = ['en', 'fr', 'pt', 'es', 'sw', 'ar'] as const;

export type Locale = (typeof locales)[number];

export const defaultLocale: Locale = 'en';

/** The cookie (and localStorage key) that remembers the visitor's own choice of language. */
export const languageCookie = 'continuum-lang';

interface LocaleInfo {
  /** The language's name in that language, for the switcher. */
  label: string;
  /** The language's name in English, for reports. */
  englishName: string;
  dir: 'ltr' | 'rtl';
}

export const localeInfo: Record<Locale, LocaleInfo> = {
  en: { label: 'English', englishName: 'English', dir: 'ltr' },
  fr: { label: 'Français', englishName: 'French', dir: 'ltr' },
  pt: { label: 'Português', englishName: 'Portuguese', dir: 'ltr' },
  es: { label: 'Español', englishName: 'Spanish', dir: 'ltr' },
  sw: { label: 'Kiswahili', englishName: 'Swahili', dir: 'ltr' },
  ar: { label: 'العربية', englishName: 'Arabic', dir: 'rtl' },
};

/**
 * Whether a string is one of our locale codes.
 * @example isLocale('fr') // true
 * @example isLocale('de') // false
 */
export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (locales as readonly string[]).includes(value);
}

/**
 * The writing direction of a locale.
 * @example textDirection('ar') // 'rtl'
 * @example textDirection('sw') // 'ltr'
 */
export function textDirection(locale: Locale): 'ltr' | 'rtl' {
  return localeInfo[locale].dir;
}

/**
 * The locale a path belongs to, from its first segment; English when there is none.
 * @example localeFromPath('/fr/modules/x/') // 'fr'
 * @example localeFromPath('/') // 'en'
 */
export function localeFromPath(pathname: string): Locale {
  const first = pathname.split('/').filter(Boolean)[0];
  return isLocale(first) ? first : defaultLocale;
}

/**
 * The same page in another language: swaps (or adds) the locale segment and keeps the rest.
 * @example localizePath('/fr/modules/children-on-the-move/', 'ar') // '/ar/modules/children-on-the-move/'
 * @example localizePath('/', 'sw') // '/sw/'
 */
export function localizePath(pathname: string, locale: Locale): string {
  const segments = pathname.split('/').filter(Boolean);
  if (segments.length > 0 && isLocale(segments[0])) segments.shift();
  const rest = segments.join('/');
  const trailing = rest === '' || pathname.endsWith('/') ? '/' : '';
  return `/${locale}/${rest}${rest ? trailing : ''}`;
}

/**
 * The best of our locales for a visitor: their stored choice if valid, otherwise the
 * highest-weighted supported language of an Accept-Language header (or navigator.languages),
 * otherwise English. The server runs this same function for "/" (pb_hooks/language.pb.js).
 * @example preferredLocale(null, 'fr-CA,fr;q=0.9,en;q=0.5') // 'fr'
 * @example preferredLocale('ar', 'fr') // 'ar'
 * @example preferredLocale(null, ['de-DE', 'pt-BR']) // 'pt'
 */
export function preferredLocale(stored: string | null | undefined, accepted: string | readonly string[] | null | undefined): Locale {
  const storedChoice = stored?.trim().toLowerCase();
  if (isLocale(storedChoice)) return storedChoice;
  const entries = typeof accepted === 'string' ? accepted.split(',') : [...(accepted ?? [])];
  const candidates = entries
    .map((entry, order) => {
      const [tag = '', ...params] = entry.trim().split(';');
      const qParam = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      const q = qParam ? Number.parseFloat(qParam.slice(2)) : 1;
      const primary = tag.trim().toLowerCase().split('-')[0];
      return { primary, q: Number.isNaN(q) ? 1 : q, order };
    })
    .filter((c) => c.q > 0 && isLocale(c.primary))
    .sort((a, b) => b.q - a.q || a.order - b.order);
  const best = candidates[0]?.primary;
  return isLocale(best) ? best : defaultLocale;
}

/**
 * Keeps a redirect on this site and on its pages: a locale, then path segments of lower-case
 * letters, digits and hyphens each ending in "/" (the shape of every page the site builds),
 * optionally a simple query such as `?id=abc123`. Anything else (another host, "//", encoded
 * or control characters such as `/%0B/` or `/%7F/`, an unknown locale) gives the locale's home.
 * @example safeRedirectPath('/fr/modules/x/', 'fr') // '/fr/modules/x/'
 * @example safeRedirectPath('/fr/certificate/?id=abc123', 'fr') // '/fr/certificate/?id=abc123'
 * @example safeRedirectPath('https://elsewhere.example/', 'fr') // '/fr/'
 * @example safeRedirectPath('/%0B/elsewhere.example/', 'fr') // '/fr/'
 */
export function safeRedirectPath(next: string | null | undefined, locale: Locale): string {
  const fallback = `/${locale}/`;
  const match = /^\/([a-z]{2})\/((?:[a-z0-9]+(?:-[a-z0-9]+)*\/)*)(\?[A-Za-z0-9_.-]+=[A-Za-z0-9_.-]*(?:&[A-Za-z0-9_.-]+=[A-Za-z0-9_.-]*)*)?$/.exec(next ?? '');
  if (!match || !isLocale(match[1])) return fallback;
  return next!;
}
