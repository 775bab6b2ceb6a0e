/**
 * The props the studio page gives the views beyond the draft: the "studioViews" strings and the
 * principle labels in the trainer's language, and for the preview the player's strings and the
 * lesson titles in every language. Build time only (it reads the i18n instance and the content
 * catalogue): call it in the Astro page, never import it from an island.
 * @example <Studio client:load {...studioViewsPageProps(lang)} ... />
 */
import { pickStrings } from '../../i18n/index.ts';
import { locales, type Locale } from '../../i18n/locales.ts';
import { assertValid, catalogueOf } from '../../content/catalogue.ts';
import type { PlayerStrings } from './views.ts';

export function studioViewsPageProps(lang: Locale) {
  const modules = assertValid(catalogueOf(process.cwd())).modules;
  const player = {} as Record<Locale, PlayerStrings>;
  const moduleTitles = {} as Record<Locale, Record<string, string>>;
  for (const l of locales) {
    player[l] = { strings: pickStrings(l, 'scenario'), debrief: pickStrings(l, 'debrief2'), principleLabels: pickStrings(l, 'principles') };
    moduleTitles[l] = Object.fromEntries(modules.map((m) => [m.slug, (m.files[l] ?? m.files.en)?.frontmatter.title ?? m.slug]));
  }
  return {
    strings: pickStrings(lang, 'studioViews'),
    /** "In onboarding paths" on the review tab (PathPlacement). */
    pathSteps: pickStrings(lang, 'pathSteps'),
    principleLabels: pickStrings(lang, 'principles') as Record<string, string>,
    player,
    moduleTitles,
  };
}
