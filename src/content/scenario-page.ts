/**
 * What every case-simulation page hands its ScenarioPage island besides the scenario: strings,
 * principle labels and links to every lesson (a published version may send learners to any).
 * Build time only (Astro pages).
 */
import type { Locale } from '../i18n/locales.ts';
import { pickStrings, useTranslations } from '../i18n/index.ts';
import { localizedModules } from './catalog.ts';
import { principles } from '../simulation/principles.ts';

/** The plural forms of "n min" in a language (home.minutes_one, _other…), for islands. */
export function minuteForms(lang: Locale): Record<string, string> {
  return Object.fromEntries(Object.entries(pickStrings(lang, 'home')).filter(([key]) => key.startsWith('minutes'))) as Record<string, string>;
}

export async function scenarioPageProps(lang: Locale) {
  const t = useTranslations(lang);
  const modules = await localizedModules(lang);
  return {
    lang,
    strings: pickStrings(lang, 'scenario'),
    pageStrings: pickStrings(lang, 'scenarioPage'),
    translationStrings: pickStrings(lang, 'scenarioTranslation'),
    principleLabels: Object.fromEntries(principles.map((p) => [p, t(`principles.${p}`)])),
    moduleLinks: Object.fromEntries(modules.map((m) => [m.slug, { href: `/${lang}/modules/${m.slug}/`, title: m.entry.data.title }])),
    minuteForms: minuteForms(lang),
    accountHref: `/${lang}/account/`,
  };
}
