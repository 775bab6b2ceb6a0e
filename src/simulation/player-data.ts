/**
 * What the player needs to play a scenario in one language: the localized scenario, its texts
 * as safe HTML, the recommended path and its points (the debrief's yardstick), and the lessons
 * to learn more per principle. One function for the built pages and for published versions
 * (computed by the server when a version is published, so a learner's phone loads no renderer).
 * Pure.
 */
import { learnMoreModules } from './debrief.ts';
import { renderTexts } from './markdown.ts';
import { applyOverlay } from './overlay.ts';
import { pointsOf, walkRecommended } from './rules.ts';
import type { Overlay, Scenario } from './schema.ts';

export interface PlayerData {
  scenario: Scenario;
  /** Whether the texts are in the language asked for (else English, with a notice). */
  translated: boolean;
  /** Each node's and ending's text as HTML (raw HTML escaped, unsafe links dropped). */
  html: Record<string, string>;
  recommendedPath: string[];
  recommendedScores: Record<string, number>;
  /** Lesson module ids to learn more, per principle. */
  learnMore: Record<string, string[]>;
}

/**
 * The player's data for a validated scenario in one language.
 * @example playerData(scenario, { fr: overlay }, 'fr').translated // true
 */
export function playerData(english: Scenario, overlays: Partial<Record<string, Overlay>>, lang: string): PlayerData {
  const overlay = lang === 'en' ? undefined : overlays[lang];
  const scenario = applyOverlay(english, overlay);
  const recommendedPath = walkRecommended(english).path;
  return {
    scenario,
    translated: lang === 'en' || overlay !== undefined,
    html: renderTexts(scenario),
    recommendedPath,
    recommendedScores: pointsOf(english, recommendedPath),
    learnMore: learnMoreModules(english),
  };
}
