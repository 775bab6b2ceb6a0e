/**
 * Which languages of a scenario are complete, incomplete, out of date or not started: what the
 * studio's list shows beside each scenario. Missing texts are the ones the checks call "missing
 * translation" (analysis.ts overlayProblems); a text is out of date when the English it was
 * translated from (document.translatedFrom) is no longer the English of the scenario.
 * Pure: no exploration of the scenario, so a list of many scenarios stays quick.
 */
import { overlayProblems } from './analysis.ts';
import { overlayFile, validateScenario } from './schema.ts';
import type { ScenarioDocument } from './workflow.ts';
import { overlayLanguages } from './yaml-io.ts';

export type LanguageStatus = 'complete' | 'incomplete' | 'out-of-date' | 'not-started';

export interface LanguageCoverage {
  lang: string;
  status: LanguageStatus;
  /** Texts with no translation. */
  missing: number;
  /** Translations whose English changed since they were written. */
  outOfDate: number;
}

type Data = Record<string, unknown>;

/**
 * The English text at a place as the checks name it (choices by id), or undefined.
 * @example englishTextAt(scenario, 'nodes.arrival.choices.offer-water.label') // 'Offer water'
 */
export function englishTextAt(scenario: Data, where: string): string | undefined {
  let at: unknown = scenario;
  for (const part of where.split('.')) {
    if (Array.isArray(at)) at = at.find((c) => (c as Data | null)?.id === part);
    else if (at !== null && typeof at === 'object') at = Object.hasOwn(at, part) ? (at as Data)[part] : undefined;
    else return undefined;
  }
  return typeof at === 'string' ? at : undefined;
}

/** Each overlay language of a document with its status, in the order of the languages. */
export function languageCoverage(document: ScenarioDocument): LanguageCoverage[] {
  const validated = validateScenario('scenario.yaml', document.scenario);
  return overlayLanguages.map((lang) => {
    const overlay = document.overlays?.[lang];
    if (!overlay) return { lang, status: 'not-started', missing: 0, outOfDate: 0 };
    const parsed = overlayFile.safeParse(overlay);
    const missing = validated.ok && parsed.success
      ? overlayProblems(`${lang}.yaml`, validated.scenario, parsed.data).filter((p) => p.reason === 'missing translation').length
      : 0;
    const sources = document.translatedFrom?.[lang] ?? {};
    const outOfDate = Object.entries(sources).filter(([where, english]) => {
      const now = englishTextAt(document.scenario, where);
      return now !== undefined && now !== english;
    }).length;
    const status: LanguageStatus = missing > 0 ? 'incomplete' : outOfDate > 0 ? 'out-of-date' : 'complete';
    return { lang, status, missing, outOfDate };
  });
}
