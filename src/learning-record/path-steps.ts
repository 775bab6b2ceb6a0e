/**
 * Steps added to onboarding paths at run time: a trainer or an admin puts a case simulation
 * published in the studio into an existing path (collection `path_steps`: path, scenario, after),
 * with no rebuild. `mergePathSteps` is the one rule for where the added steps go; the server
 * applies it to its facts (certificates, the cohort dashboard, assignments), and the learners'
 * pages show the paths the server merged (GET /api/continuum/path-steps).
 * Pure: bundled for the hooks, and used by the studio.
 */
import type { LearningFacts } from './facts.ts';
import type { PathDefinition } from './onboarding.ts';
import { activityId } from './activities.ts';

/** One step added to a path: the case simulation `scenario` follows the step `after` ("" for the start). */
export interface PathStepAddition {
  id?: string | undefined;
  path: string;
  scenario: string;
  /** The activity id of the step it follows, e.g. "module:at-the-border", or "" to come first. */
  after: string;
}

/**
 * The paths with the added steps in place. Additions are applied in the order given (the order
 * they were made), each right after the step it names, so a trainer gets the order they saw when
 * adding. An addition is left out when its path is unknown, its scenario has no published version
 * (never published, or removed), or the path already has that scenario (the file's step or an
 * earlier addition wins). A step that follows a left-out addition takes that addition's place; a
 * step whose `after` is on the path no longer (the path's file changed) goes at the end, so it is
 * never lost.
 * @example mergePathSteps([{ id: 'p', steps: ['module:a', 'module:b'] }], [{ path: 'p', scenario: 's', after: 'module:a' }], ['s'])
 * // [{ id: 'p', steps: ['module:a', 'scenario:s', 'module:b'] }]
 */
export function mergePathSteps(paths: readonly PathDefinition[], additions: readonly PathStepAddition[], published: readonly string[]): PathDefinition[] {
  const playable = new Set(published);
  return paths.map((path) => {
    const mine = additions.filter((a) => a.path === path.id);
    if (mine.length === 0) return path;
    const steps = [...path.steps];
    /** Where a left-out addition would have gone: the steps that follow it go there instead. */
    const standIns = new Map<string, string>();
    const placeAfter = (after: string): number => {
      const seen = new Set<string>();
      let anchor = after;
      while (anchor && !steps.includes(anchor) && standIns.has(anchor) && !seen.has(anchor)) {
        seen.add(anchor);
        anchor = standIns.get(anchor)!;
      }
      if (anchor === '') return 0;
      const at = steps.indexOf(anchor);
      return at < 0 ? steps.length : at + 1;
    };
    for (const addition of mine) {
      const activity = activityId.scenario(addition.scenario);
      if (steps.includes(activity)) continue;
      if (!playable.has(addition.scenario)) {
        standIns.set(activity, addition.after);
        continue;
      }
      steps.splice(placeAfter(addition.after), 0, activity);
    }
    return { ...path, steps };
  });
}

/** The server's facts with the added steps in their paths (see mergePathSteps). */
export function withPathSteps(facts: LearningFacts, additions: readonly PathStepAddition[], published: readonly string[]): LearningFacts {
  return { ...facts, paths: mergePathSteps(facts.paths, additions, published) };
}

export type PathStepProblemCode = 'unknown-path' | 'not-published' | 'already-on-path' | 'unknown-position';

/** Why a step cannot be added, naming the field to fix (the studio shows it there, in the trainer's language). */
export interface PathStepProblem {
  field: 'path' | 'scenario' | 'after';
  code: PathStepProblemCode;
  reason: string;
}

/**
 * Whether a case simulation can be added to a path at a place, given the paths as they are now
 * (with earlier additions merged) and the scenarios that have a published version; null when it can.
 * @example pathStepProblem([{ id: 'p', steps: ['module:a'] }], { path: 'p', scenario: 's', after: 'module:b' }, ['s'])
 * // { field: 'after', code: 'unknown-position', reason: 'path "p" has no step "module:b" ...' }
 */
export function pathStepProblem(paths: readonly PathDefinition[], addition: PathStepAddition, published: readonly string[]): PathStepProblem | null {
  const path = paths.find((p) => p.id === addition.path);
  if (!path) return { field: 'path', code: 'unknown-path', reason: `There is no path "${addition.path}". Choose one of: ${paths.map((p) => p.id).join(', ')}.` };
  if (path.steps.includes(activityId.scenario(addition.scenario))) {
    return { field: 'scenario', code: 'already-on-path', reason: `The path "${path.id}" already has "${addition.scenario}". A case simulation appears once in a path.` };
  }
  if (!published.includes(addition.scenario)) {
    return { field: 'scenario', code: 'not-published', reason: `The case simulation "${addition.scenario}" has no published version. Publish it in the studio first.` };
  }
  if (addition.after !== '' && !path.steps.includes(addition.after)) {
    return { field: 'after', code: 'unknown-position', reason: `The path "${path.id}" has no step "${addition.after}" to follow. Choose a step of the path, or the start.` };
  }
  return null;
}

/**
 * When an addition is removed, the additions that followed it follow what it followed, so they
 * keep their place. Returns the changes to store.
 * @example reanchored([{ id: 'b', path: 'p', scenario: 't', after: 'scenario:s' }], { path: 'p', scenario: 's', after: 'module:a' })
 * // [{ id: 'b', after: 'module:a' }]
 */
export function reanchored(additions: readonly PathStepAddition[], removed: PathStepAddition): { id: string; after: string }[] {
  const removedStep = activityId.scenario(removed.scenario);
  return additions
    .filter((a) => a.id !== undefined && a.id !== removed.id && a.path === removed.path && a.after === removedStep)
    .map((a) => ({ id: a.id!, after: removed.after }));
}

/**
 * What learners' pages need to show the merged paths: the paths that differ from the site's
 * own (by id, their steps in order). The pages keep their own steps for every other path.
 * @example changedPaths([{ id: 'p', steps: ['module:a'] }], [{ id: 'p', steps: ['module:a', 'scenario:s'] }]) // { p: ['module:a', 'scenario:s'] }
 */
export function changedPaths(site: readonly PathDefinition[], merged: readonly PathDefinition[]): Record<string, string[]> {
  const changed: Record<string, string[]> = {};
  for (const path of merged) {
    const own = site.find((p) => p.id === path.id);
    if (!own || own.steps.join(' ') !== path.steps.join(' ')) changed[path.id] = [...path.steps];
  }
  return changed;
}
