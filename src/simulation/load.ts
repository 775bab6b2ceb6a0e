/**
 * Loads scenarios from content/scenarios/<id>/scenario.yaml (+ <lang>.yaml overlays) and
 * analyses them. Reads files (Node), so it serves the build, `npm run check:scenarios` and tests.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { analyseScenario, type ScenarioAnalysis } from './analysis.ts';
import { overlayFile, validateScenario, type Overlay, type Scenario, type ScenarioProblem } from './schema.ts';

export const overlayLocales = ['fr', 'pt', 'es', 'sw', 'ar'] as const;

export interface LoadedScenario {
  scenario: Scenario;
  overlays: Partial<Record<(typeof overlayLocales)[number], Overlay>>;
  analysis: ScenarioAnalysis;
}

export interface ScenarioReport {
  scenarios: LoadedScenario[];
  problems: ScenarioProblem[];
}

function readYaml(file: string, rel: string, problems: ScenarioProblem[]): unknown {
  try {
    return parse(readFileSync(file, 'utf8'));
  } catch (error) {
    problems.push({ file: rel, where: '(YAML)', reason: `not valid YAML: ${(error as Error).message.split('\n')[0]}` });
    return undefined;
  }
}

export function loadScenarios(root: string): ScenarioReport {
  const dir = path.join(root, 'content', 'scenarios');
  const problems: ScenarioProblem[] = [];
  const scenarios: LoadedScenario[] = [];
  if (!existsSync(dir)) return { scenarios, problems };
  for (const id of readdirSync(dir).filter((d) => !d.startsWith('.')).sort()) {
    const rel = `content/scenarios/${id}/scenario.yaml`;
    const full = path.join(dir, id, 'scenario.yaml');
    if (!existsSync(full)) {
      problems.push({ file: `content/scenarios/${id}/`, where: 'scenario.yaml', reason: 'every scenario folder needs a scenario.yaml' });
      continue;
    }
    const data = readYaml(full, rel, problems);
    if (data === undefined) continue;
    const validated = validateScenario(rel, data);
    if (!validated.ok) {
      problems.push(...validated.problems);
      continue;
    }
    if (validated.scenario.id !== id) problems.push({ file: rel, where: 'id', reason: `id "${validated.scenario.id}" must match the folder name "${id}"` });
    const overlays: LoadedScenario['overlays'] = {};
    for (const lang of overlayLocales) {
      const overlayPath = path.join(dir, id, `${lang}.yaml`);
      if (!existsSync(overlayPath)) continue;
      const orel = `content/scenarios/${id}/${lang}.yaml`;
      const raw = readYaml(overlayPath, orel, problems);
      if (raw === undefined) continue;
      const parsed = overlayFile.safeParse(raw);
      if (!parsed.success) {
        for (const issue of parsed.error.issues) problems.push({ file: orel, where: issue.path.map(String).join('.') || '(file)', reason: issue.message });
        continue;
      }
      overlays[lang] = parsed.data;
    }
    const analysis = analyseScenario(rel, validated.scenario, overlays);
    problems.push(...analysis.problems);
    scenarios.push({ scenario: validated.scenario, overlays, analysis });
  }
  return { scenarios, problems };
}
