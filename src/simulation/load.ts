/**
 * Loads scenarios from content/scenarios/<id>/scenario.yaml (+ <lang>.yaml overlays) and
 * analyses them. Reads files (Node), so it serves the build, `npm run check:scenarios` and tests.
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { analyseScenario, learnMoreProblems, type ScenarioAnalysis } from './analysis.ts';
import { scenarioFolderProblems } from './files.ts';
import { validateOverlay, validateScenario, type Overlay, type Scenario, type ScenarioProblem } from './schema.ts';
import { parseYamlText } from './yaml.ts';

export const overlayLocales = ['fr', 'pt', 'es', 'sw', 'ar'] as const;

export interface LoadedScenario {
  scenario: Scenario;
  overlays: Partial<Record<(typeof overlayLocales)[number], Overlay>>;
  analysis: ScenarioAnalysis;
}

export interface ScenarioReport {
  scenarios: LoadedScenario[];
  problems: ScenarioProblem[];
  /** Scenario folders that could not be checked (invalid YAML or format): listed so they never vanish silently. */
  unchecked: string[];
  /** What the analysis could not prove for very large scenarios (warnings, see ScenarioAnalysis.unproven). */
  unproven: ScenarioProblem[];
}

function readYaml(file: string, rel: string, problems: ScenarioProblem[]): unknown {
  const result = parseYamlText(readFileSync(file, 'utf8'));
  if (result.ok) return result.data;
  problems.push({ file: rel, where: `line ${result.problem.line}`, reason: result.problem.reason, fix: result.problem.fix });
  return undefined;
}

export function loadScenarios(root: string): ScenarioReport {
  const dir = path.join(root, 'content', 'scenarios');
  const problems: ScenarioProblem[] = [];
  const scenarios: LoadedScenario[] = [];
  const unchecked: string[] = [];
  const unproven: ScenarioProblem[] = [];
  if (!existsSync(dir)) return { scenarios, problems, unchecked, unproven };
  const modulesDir = path.join(root, 'content', 'modules');
  const modules = existsSync(modulesDir) ? readdirSync(modulesDir).filter((m) => existsSync(path.join(modulesDir, m, 'en.mdx'))) : [];
  for (const id of readdirSync(dir).filter((d) => !d.startsWith('.')).sort()) {
    const rel = `content/scenarios/${id}/scenario.yaml`;
    const full = path.join(dir, id, 'scenario.yaml');
    problems.push(...scenarioFolderProblems(`content/scenarios/${id}/`, readdirSync(path.join(dir, id))));
    if (!existsSync(full)) {
      problems.push({ file: `content/scenarios/${id}/`, where: 'scenario.yaml', reason: 'every scenario folder needs a scenario.yaml', fix: 'add one (see docs/writing-scenarios.md), or remove the folder' });
      unchecked.push(id);
      continue;
    }
    const data = readYaml(full, rel, problems);
    const validated = data === undefined ? undefined : validateScenario(rel, data);
    if (!validated?.ok) {
      if (validated) problems.push(...validated.problems);
      unchecked.push(id);
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
      const parsed = validateOverlay(orel, raw);
      if (!parsed.ok) {
        problems.push(...parsed.problems);
        continue;
      }
      overlays[lang] = parsed.overlay;
    }
    const analysis = analyseScenario(rel, validated.scenario, overlays);
    problems.push(...analysis.problems, ...learnMoreProblems(rel, validated.scenario, modules));
    unproven.push(...analysis.unproven);
    scenarios.push({ scenario: validated.scenario, overlays, analysis });
  }
  return { scenarios, problems, unchecked, unproven };
}

/** The names and modification times of every file under a folder: what a reload depends on. */
export function filesStamp(dir: string): string {
  try {
    return readdirSync(dir, { recursive: true, encoding: 'utf8' })
      .sort()
      .map((f) => `${f}:${statSync(path.join(dir, f)).mtimeMs}`)
      .join('|');
  } catch {
    return '';
  }
}
