/**
 * Saved runs of a case simulation (`scenario_runs`, one per learner and scenario): where a
 * learner is, so they can resume on another device. The server keeps only what a real run
 * holds: a case simulation and version it knows, at one of its nodes or endings, with its
 * variables, scores and the history of choices.
 * Pure: bundled for the hooks.
 */
import { own } from './activities.ts';
import type { LearningFacts } from './facts.ts';
import { scenarioVersion } from './facts.ts';

/** A saved run's snapshot is at most this long as JSON (a run of 300 choices fits easily). */
export const maxSnapshotLength = 32_000;

/** At most this many choices in a run's history (practice mode can go back and forth). */
export const maxRunHistory = 300;

/**
 * The first problem with a saved run, or null.
 * @example runProblem({ scenario: 'constructor', version: 1, snapshot: {} }, facts) // { field: 'scenario', reason: 'there is no case simulation "constructor"' }
 */
export function runProblem(run: { scenario: string; version: number; snapshot: unknown }, facts: LearningFacts): { field: string; reason: string } | null {
  const known = own(facts.scenarios, run.scenario);
  if (!known) return { field: 'scenario', reason: `there is no case simulation "${run.scenario}"` };
  if (!own(known.versions, String(run.version))) {
    return { field: 'version', reason: `case simulation "${run.scenario}" has no version ${run.version} (known: ${Object.keys(known.versions).join(', ')})` };
  }
  const structure = scenarioVersion(facts, run.scenario, run.version)!;
  const raw = run.snapshot as { value?: unknown; status?: unknown; context?: { variables?: unknown; scores?: unknown; history?: unknown } } | null;
  if (JSON.stringify(raw ?? null).length > maxSnapshotLength) return { field: 'snapshot', reason: `a saved run is at most ${maxSnapshotLength} characters` };
  if (typeof raw !== 'object' || raw === null) return { field: 'snapshot', reason: 'snapshot must be the saved state of a run' };
  const at = raw.value;
  if (typeof at !== 'string' || !(own(structure.nodes, at) || own(structure.endings, at))) {
    return { field: 'snapshot', reason: 'snapshot.value must be a node or ending of this case simulation' };
  }
  const history = raw.context?.history;
  if (!Array.isArray(history) || history.length > maxRunHistory) return { field: 'snapshot', reason: `snapshot.context.history must be a list of at most ${maxRunHistory} choices` };
  const variables = raw.context?.variables;
  if (typeof variables !== 'object' || variables === null || Object.keys(variables).some((k) => !own(structure.variables, k))) {
    return { field: 'snapshot', reason: 'snapshot.context.variables must hold this case simulation\'s variables' };
  }
  return null;
}
