/** What the studio page gives its islands (from the build). */
import type { Locale } from '../../../i18n/locales.ts';
import type { UiStrings } from '../../../i18n/index.ts';
import type { LanguageCoverage } from '../../../simulation/coverage.ts';
import type { PlayerStrings, ViewStrings } from '../views.ts';

export interface BuiltInSummary {
  id: string;
  version: number;
  /** In the page's language when translated. */
  title: string;
  coverage: LanguageCoverage[];
}

export interface Option {
  id: string;
  label: string;
}

/** The facts about the site the editor's forms offer as choices. */
export interface StudioContext {
  principles: Option[];
  tracks: Option[];
  /** The player's words for the built-in variables (trust, distress, risk, belonging). */
  variableLabels: Record<string, string>;
  languages: { code: string; label: string }[];
}

/** What the map, simulation, preview and translation tabs need beyond the draft (views-page-props.ts). */
export interface ViewsContext {
  /** The "studioViews" strings in the trainer's language. */
  strings: ViewStrings;
  /** Principle labels in the trainer's language. */
  principleLabels: Record<string, string>;
  /** The player's strings in every language (the preview plays in any language). */
  player: Record<Locale, PlayerStrings>;
  moduleTitles: Partial<Record<Locale, Record<string, string>>>;
  /** The "pathSteps" strings in the trainer's language (adding a published scenario to a path). */
  pathSteps: UiStrings['pathSteps'];
}
