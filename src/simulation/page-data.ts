/**
 * Build-time data for the scenario pages: scenarios loaded and analysed (the build fails on
 * any problem, naming the file and the node or choice), localized, with texts rendered to HTML
 * by the one safe Markdown renderer (markdown.ts: no raw HTML, no javascript: links).
 * In development (`npm run dev`) the scenarios are read again when a file changed, so an edit
 * shows at the next page load, and a broken scenario shows its problems in the page.
 */
import type { Locale } from '../i18n/locales.ts';
import { filesStamp, loadScenarios, type LoadedScenario } from './load.ts';
import { renderMarkdown } from './markdown.ts';
import { applyOverlay, formatScenarioProblems, type Scenario } from './schema.ts';

let loaded: { stamp: string; scenarios: LoadedScenario[] } | undefined;

export function allScenarios(): LoadedScenario[] {
  const root = process.cwd();
  // in a build the files do not change: read them once
  const stamp = import.meta.env?.DEV ? filesStamp(`${root}/content/scenarios`) : 'build';
  if (!loaded || loaded.stamp !== stamp) {
    const report = loadScenarios(root);
    if (report.problems.length > 0) throw new Error(`Invalid case simulations:\n${formatScenarioProblems(report.problems)}`);
    if (report.unproven.length > 0) console.warn(`Case simulations: the analysis could not prove ${report.unproven.length} thing(s); run npm run check:scenarios`);
    loaded = { stamp, scenarios: report.scenarios };
  }
  return loaded.scenarios;
}

export function localizedScenario(item: LoadedScenario, lang: Locale): { scenario: Scenario; translated: boolean } {
  const overlay = lang === 'en' ? undefined : item.overlays[lang];
  return { scenario: applyOverlay(item.scenario, overlay), translated: lang === 'en' || overlay !== undefined };
}

/** Each node's and ending's text as HTML (raw HTML escaped, unsafe links dropped). */
export function renderTexts(scenario: Scenario): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [id, node] of Object.entries(scenario.nodes)) out[id] = renderMarkdown(node.text);
  for (const [id, ending] of Object.entries(scenario.endings)) out[id] = renderMarkdown(ending.text);
  return out;
}

/** The principle scores of the recommended path. */
export function recommendedScores(item: LoadedScenario): Record<string, number> {
  const scores: Record<string, number> = Object.fromEntries(item.scenario.principles.map((p) => [p, 0]));
  const choices = new Map(Object.values(item.scenario.nodes).flatMap((n) => n.choices.map((c) => [c.id, c] as const)));
  for (const id of item.analysis.recommendedPath) {
    for (const [p, v] of Object.entries(choices.get(id)?.points ?? {})) scores[p] = (scores[p] ?? 0) + (v ?? 0);
  }
  return scores;
}
