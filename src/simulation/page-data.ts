/**
 * Build-time data for the scenario pages: scenarios from the content catalogue (the build fails
 * on any problem, naming the file and the node or choice), localized, with texts rendered to HTML
 * by the one safe Markdown renderer (markdown.ts: no raw HTML, no javascript: links).
 * In development (`npm run dev`) the catalogue is read again when a file changed, so an edit
 * shows at the next page load, and a broken scenario shows its problems in the page.
 */
import type { Locale } from '../i18n/locales.ts';
import type { LoadedScenario } from './load.ts';
import { applyOverlay, type Scenario } from './schema.ts';
import { assertValid, catalogueOf } from '../content/catalogue.ts';

/** Every case simulation of the content catalogue, analysed (the build stops on any problem). */
export function allScenarios(): LoadedScenario[] {
  return assertValid(catalogueOf(process.cwd())).scenarios;
}

export function localizedScenario(item: LoadedScenario, lang: Locale): { scenario: Scenario; translated: boolean } {
  const overlay = lang === 'en' ? undefined : item.overlays[lang];
  return { scenario: applyOverlay(item.scenario, overlay), translated: lang === 'en' || overlay !== undefined };
}

/** Each node's and ending's text as HTML: one function with the studio's preview (markdown.ts). */
export { renderTexts } from './markdown.ts';

/** The principle scores of the recommended path. */
export function recommendedScores(item: LoadedScenario): Record<string, number> {
  const scores: Record<string, number> = Object.fromEntries(item.scenario.principles.map((p) => [p, 0]));
  const choices = new Map(Object.values(item.scenario.nodes).flatMap((n) => n.choices.map((c) => [c.id, c] as const)));
  for (const id of item.analysis.recommendedPath) {
    for (const [p, v] of Object.entries(choices.get(id)?.points ?? {})) scores[p] = (scores[p] ?? 0) + (v ?? 0);
  }
  return scores;
}
