/**
 * What the studio's preview gives the real player (ScenarioPlayer.svelte): the draft in one
 * language, starting at any node with any values of the variables, its texts rendered by the
 * one safe Markdown renderer, and the recommended path and its scores for the debrief.
 * Pure: no DOM; the Preview tab runs it in the browser.
 */
import { analyseScenario } from './analysis.ts';
import { compileScenario } from './machine.ts';
import { renderTexts } from './markdown.ts';
import { initialScores, replayChoices } from './rules.ts';
import { applyOverlay, validateOverlay, validateScenario, type Scenario, type ScenarioProblem } from './schema.ts';
import type { ScenarioDocument } from './workflow.ts';

export interface PreviewOptions {
  /** The language to play in ('en' or one of the overlays). */
  lang: string;
  /** The node to start at (default: the scenario's start). */
  start?: string;
  /** Values of the variables at that node (default: their initial values); kept within bounds. */
  variables?: Record<string, number>;
}

export type PreviewSetup =
  | {
    ok: true;
    /** The scenario in the language, starting at the chosen node with the chosen values. */
    scenario: Scenario;
    html: Record<string, string>;
    recommendedPath: string[];
    recommendedScores: Record<string, number>;
    /** The overlay of that language could not be read (its texts are shown in English); see the checks. */
    overlayProblems: ScenarioProblem[];
  }
  | { ok: false; problems: ScenarioProblem[] };

/**
 * The player's props for a draft, or the problems that stop it from being played (it must pass
 * the format's checks, and every choice must lead to a node or an ending).
 * @example previewSetup(document, { lang: 'ar', start: 'interview' }) // { ok: true, scenario: <Arabic, starting at interview>, html, ... }
 */
export function previewSetup(document: ScenarioDocument, options: PreviewOptions): PreviewSetup {
  const id = typeof document.scenario?.id === 'string' ? document.scenario.id : 'new-scenario';
  const file = `content/scenarios/${id}/scenario.yaml`;
  const validated = validateScenario(file, document.scenario);
  if (!validated.ok) return { ok: false, problems: validated.problems };
  const english = validated.scenario;

  let overlayProblems: ScenarioProblem[] = [];
  let localized = english;
  const raw = options.lang === 'en' ? undefined : document.overlays?.[options.lang];
  if (raw !== undefined) {
    const overlay = validateOverlay(`content/scenarios/${id}/${options.lang}.yaml`, raw);
    if (overlay.ok) localized = applyOverlay(english, overlay.overlay);
    else overlayProblems = overlay.problems;
  }

  const start = options.start && Object.prototype.hasOwnProperty.call(english.nodes, options.start) ? options.start : english.start;
  const variables = Object.fromEntries(Object.entries(localized.variables).map(([name, bounds]) => {
    const wanted = options.variables?.[name];
    const initial = typeof wanted === 'number' && Number.isFinite(wanted) ? Math.min(bounds.max, Math.max(bounds.min, Math.round(wanted))) : bounds.initial;
    return [name, { ...bounds, initial }];
  }));
  const scenario: Scenario = { ...localized, start, variables };
  const analysis = analyseScenario(file, english);
  try {
    compileScenario(scenario);
  } catch (error) {
    // a choice to no node or ending, or a node that is also an ending: the checks say which
    const reason = `the player cannot start: ${(error as Error).message.replace(/\s+/g, ' ')}`;
    return { ok: false, problems: analysis.problems.length ? analysis.problems : [{ file, where: 'nodes', reason, fix: 'lead every choice to a node or an ending' }] };
  }
  const recommendedPath = analysis.recommendedPath;
  const replay = replayChoices(english, recommendedPath);
  return {
    ok: true,
    scenario,
    html: renderTexts(scenario),
    recommendedPath,
    recommendedScores: replay.ok ? replay.scores : initialScores(english),
    overlayProblems,
  };
}
