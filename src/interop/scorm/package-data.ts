/**
 * What a SCORM package's player is given: the content of one lesson or case simulation in one
 * language, already checked and rendered at export (lesson HTML by lesson-html.ts, scenario
 * texts by playerData's safe Markdown), with the UI strings of the site's own groups.
 * Types only: shared by the exporter (Node) and the player (browser).
 */
import type { UiStrings } from '../../i18n/index.ts';
import type { Locale } from '../../i18n/locales.ts';
import type { Quiz } from '../../content/modules.ts';
import type { LessonFacts } from '../../learning-record/facts.ts';
import type { PlayerData } from '../../simulation/player-data.ts';
import type { LessonSection } from './lesson-html.ts';

export interface PackageStrings {
  module: UiStrings['module'];
  progress: UiStrings['progress'];
  quiz: UiStrings['quiz'];
  scenario: UiStrings['scenario'];
  interop: UiStrings['interop'];
}

interface Common {
  lang: Locale;
  dir: 'ltr' | 'rtl';
  /** Whether the text is in `lang` (else English, as on the site). */
  translated: boolean;
  title: string;
  strings: PackageStrings;
}

export interface ModulePackageData extends Common {
  kind: 'module';
  slug: string;
  summary: string;
  minutes: number;
  objectives: string[];
  sections: LessonSection[];
  quiz: Quiz | null;
  /** The lesson as the server knows it (sections, answer key, threshold): what the rules use. */
  facts: LessonFacts;
}

export interface ScenarioPackageData extends Common {
  kind: 'scenario';
  player: PlayerData;
  principleLabels: Record<string, string>;
}

export type PackageData = ModulePackageData | ScenarioPackageData;
