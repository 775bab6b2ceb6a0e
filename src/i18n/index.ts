import i18next, { type TFunction } from 'i18next';
import { defaultLocale, locales, type Locale } from './locales.ts';
import en from './ui/en.json' with { type: 'json' };
import fr from './ui/fr.json' with { type: 'json' };
import pt from './ui/pt.json' with { type: 'json' };
import es from './ui/es.json' with { type: 'json' };
import sw from './ui/sw.json' with { type: 'json' };
import ar from './ui/ar.json' with { type: 'json' };

export type UiStrings = typeof en;

const resources = { en, fr, pt, es, sw, ar } satisfies Record<Locale, unknown>;

/** The one i18next instance of the site; pages take `getFixedT(lang)` from it. */
const i18n = i18next.createInstance();
await i18n.init({
  resources: Object.fromEntries(locales.map((l) => [l, { translation: resources[l] }])),
  lng: defaultLocale,
  fallbackLng: defaultLocale,
  supportedLngs: [...locales],
  interpolation: { escapeValue: false },
  returnNull: false,
  initAsync: false,
});

/**
 * A translate function bound to one locale (missing keys fall back to English).
 * @example t('fr')('auth.signIn') // 'Se connecter'
 */
export function useTranslations(locale: Locale): TFunction {
  return i18n.getFixedT(locale);
}

/**
 * A group of strings for an island, translated: islands get their strings as props, not i18next.
 * @example pickStrings('fr', 'auth').signIn // 'Se connecter'
 */
export function pickStrings<K extends keyof UiStrings>(locale: Locale, group: K): UiStrings[K] {
  const t = i18n.getFixedT(locale);
  const value = t(group, { returnObjects: true }) as UiStrings[K];
  return { ...(resources.en[group] as object), ...(value as object) } as UiStrings[K];
}

export { i18n };
