/**
 * What the server must know about the content to judge a statement: each lesson's sections and
 * answer key, each case simulation's structure (per version), and the onboarding paths.
 * Made from the content catalogue (src/content/catalogue.ts) at build and start; published
 * scenario versions from the studio are added at run time with `withScenarioVersion`.
 * Pure: bundled for the hooks.
 */
import type { AnswerKey } from './grading.ts';
import type { PathDefinition } from './onboarding.ts';
import type { ScenarioStructure } from '../simulation/rules.ts';
import { own } from './activities.ts';

export interface LessonFacts {
  sections: string[];
  passThreshold: number;
  /** Each question's answer key and all its option ids. */
  questions: (AnswerKey & { options: string[] })[];
}

export interface ScenarioFacts {
  /** The version new playthroughs get. */
  latest: number;
  /** Every version the server knows, by version number. */
  versions: Record<string, ScenarioStructure>;
}

export interface LearningFacts {
  modules: Record<string, LessonFacts>;
  scenarios: Record<string, ScenarioFacts>;
  paths: PathDefinition[];
}

/**
 * Adds a version of a case simulation (a published version from the studio, or the file's).
 * The latest version is the highest number known.
 */
export function withScenarioVersion(facts: LearningFacts, structure: ScenarioStructure): LearningFacts {
  const known = own(facts.scenarios, structure.id);
  const versions = { ...(known?.versions ?? {}), [String(structure.version)]: structure };
  const latest = Math.max(structure.version, known?.latest ?? 0);
  return { ...facts, scenarios: { ...facts.scenarios, [structure.id]: { latest, versions } } };
}

/**
 * The structure of a case simulation as played: the version named, else the latest.
 * @example scenarioVersion(facts, 'border-arrival', 2) // the structure of version 2, or of the latest if 2 is unknown
 */
export function scenarioVersion(facts: LearningFacts, id: string, version?: number): ScenarioStructure | undefined {
  const known = own(facts.scenarios, id);
  if (!known) return undefined;
  return (version !== undefined ? own(known.versions, String(version)) : undefined) ?? own(known.versions, String(known.latest));
}
