/**
 * A studio document (the data of scenario.yaml and its overlays) checked exactly as
 * `npm run check:scenarios` checks the files: the schema, the overlays, and the analysis.
 * Pure: the studio runs it live in the browser, the server before it accepts a submission.
 */
import { analyseScenario } from './analysis.ts';
import { overlayFile, validateScenario, type Overlay, type Scenario, type ScenarioProblem } from './schema.ts';
import type { ScenarioDocument } from './workflow.ts';
import { playerData, type PlayerData } from './player-data.ts';

export interface CheckedDocument {
  scenario: Scenario | null;
  overlays: Record<string, Overlay>;
  problems: ScenarioProblem[];
}

/**
 * Validates and analyses a document; problems name the file as it would be in content/, the
 * node or choice, and the reason.
 * @example checkDocument({ scenario: {...}, overlays: {} }).problems // [] when publishable
 */
export function checkDocument(document: ScenarioDocument, _modules: readonly string[] = []): CheckedDocument {
  const id = typeof document?.scenario?.id === 'string' ? document.scenario.id : 'new-scenario';
  const file = `content/scenarios/${id}/scenario.yaml`;
  const validated = validateScenario(file, document?.scenario);
  const overlays: Record<string, Overlay> = {};
  const problems: ScenarioProblem[] = [];
  for (const [lang, raw] of Object.entries(document?.overlays ?? {})) {
    const parsed = overlayFile.safeParse(raw);
    if (parsed.success) overlays[lang] = parsed.data;
    else for (const issue of parsed.error.issues) problems.push({ file: `content/scenarios/${id}/${lang}.yaml`, where: issue.path.map(String).join('.') || '(file)', reason: issue.message });
  }
  if (!validated.ok) return { scenario: null, overlays, problems: [...validated.problems, ...problems] };
  problems.push(...analyseScenario(file, validated.scenario, overlays).problems);
  return { scenario: validated.scenario, overlays, problems };
}

/** Just the problems (what the server's submit and approve refuse on). */
export function documentProblems(document: ScenarioDocument, modules: readonly string[] = []): ScenarioProblem[] {
  return checkDocument(document, modules).problems;
}

/**
 * A document made ready to publish: the scenario and overlays as the checks read them (defaults
 * filled in), and the player's data in the languages asked for (player-data.ts; the server makes
 * the others when a learner first asks, so publishing stays quick). Null when the checks find problems.
 */
export function publishable(document: ScenarioDocument, languages: readonly string[]): { document: ScenarioDocument; player: Record<string, PlayerData> } | null {
  const checked = checkDocument(document);
  if (!checked.scenario || checked.problems.length) return null;
  const player = Object.fromEntries(languages.map((lang) => [lang, playerData(checked.scenario!, checked.overlays, lang)]));
  return { document: { ...document, scenario: checked.scenario as unknown as Record<string, unknown>, overlays: checked.overlays as Record<string, Record<string, unknown>> }, player };
}

/** The player's data of a published (already checked) document in one language. */
export function publishedPlayerData(document: ScenarioDocument, lang: string): PlayerData {
  return playerData(document.scenario as unknown as Scenario, document.overlays as Record<string, Overlay>, lang);
}
