/**
 * Onboarding paths: content/paths/<id>.yaml, an ordered list of modules and case simulations.
 * A path with a `track` is that track's default onboarding (its file is named after the track);
 * a path without one (e.g. essentials.yaml) is only followed when a supervisor assigns it.
 */
import type { TFunction } from 'i18next';
import { z } from 'astro/zod';
import { tracks, type ContentProblem } from './modules.ts';
import { activityId } from '../learning-record/activities.ts';

const slug = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { error: 'must be a module or scenario id such as "at-the-border"' });

export const pathStep = z.union(
  [z.object({ module: slug }).strict(), z.object({ scenario: slug }).strict()],
  { error: 'each step is either { module: <id> } or { scenario: <id> }' },
);

export const pathFile = z
  .object({
    track: z.enum(tracks, { error: `track must be one of: ${tracks.join(', ')}` }).optional(),
    steps: z.array(pathStep, { error: 'steps must be a list' }).min(1, { error: 'a path needs at least one step' }),
  })
  .strict();

export type PathFile = z.infer<typeof pathFile>;
export type PathStep = z.infer<typeof pathStep>;

/** A path's id is its file name: content/paths/<id>.yaml. */
export const pathId = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { error: 'a path file name must be lower-case words joined by hyphens, e.g. essentials.yaml' });

/**
 * Problems with how a path file is named: a track's default path is named after the track.
 * @example pathNameProblems('content/paths/teacher.yaml', 'teacher', { track: 'teacher', steps: [] }) // []
 */
export function pathNameProblems(file: string, id: string, path: PathFile): ContentProblem[] {
  if (!pathId.safeParse(id).success) return [{ file, field: '(file name)', reason: 'name the file with lower-case words joined by hyphens, e.g. essentials.yaml' }];
  if (path.track && path.track !== id) return [{ file, field: 'track', reason: `track "${path.track}" must match the file name (${path.track}.yaml), or leave track out for a path that is only assigned` }];
  if (!path.track && (tracks as readonly string[]).includes(id)) return [{ file, field: 'track', reason: `${id}.yaml is the default path of the ${id} track: add "track: ${id}"` }];
  return [];
}

/**
 * Checks that a path names only modules (and scenarios) that exist, each once.
 * @example checkPathReferences('content/paths/teacher.yaml', { track: 'teacher', steps: [{ module: 'nope' }] }, ['a'], [])
 * // [{ file: ..., field: 'steps[0].module', reason: 'no module "nope" ...' }]
 */
export function checkPathReferences(file: string, path: PathFile, modules: readonly string[], scenarios: readonly string[]): ContentProblem[] {
  const problems: ContentProblem[] = [];
  const seen = new Set<string>();
  path.steps.forEach((step, index) => {
    const activity = activityId.step(step);
    if (seen.has(activity)) problems.push({ file, field: `steps[${index}]`, reason: `${activity} appears twice in the path` });
    seen.add(activity);
    if ('module' in step && !modules.includes(step.module)) {
      problems.push({ file, field: `steps[${index}].module`, reason: `no module "${step.module}" in content/modules/ (known: ${modules.join(', ')})` });
    }
    if ('scenario' in step && !scenarios.includes(step.scenario)) {
      problems.push({ file, field: `steps[${index}].scenario`, reason: `no scenario "${step.scenario}" in content/scenarios/` });
    }
  });
  return problems;
}

/**
 * A path's title in the page's language: "Path for Teachers", or the name of an assigned path.
 * @example pathTitle(t, { id: 'teacher', track: 'teacher' }) // t('paths.pathFor', { track: t('tracks.teacher') })
 */
export function pathTitle(t: TFunction, path: { id: string; track?: string | undefined }): string {
  return path.track ? t('paths.pathFor', { track: t(`tracks.${path.track}`) }) : t(`paths.names.${path.id}`);
}
