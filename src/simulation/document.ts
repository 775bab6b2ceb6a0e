/**
 * A studio document (the data of scenario.yaml and its overlays) checked exactly as
 * `npm run check:scenarios` checks the files: the schema, the overlays, and the analysis.
 * Pure: the studio runs it live in the browser, the server before it accepts a submission.
 */
import { analyseScenario } from './analysis.ts';
import { overlayFile, validateScenario, type Overlay, type Scenario, type ScenarioProblem } from './schema.ts';
import type { ScenarioDocument } from './workflow.ts';

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
