/**
 * Onboarding paths: content/paths/<track>.yaml, the ordered modules (and scenarios) for a track.
 */
import { z } from 'astro/zod';
import { tracks, type ContentProblem } from './modules.ts';

const slug = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { error: 'must be a module or scenario id such as "at-the-border"' });

export const pathStep = z.union(
  [z.object({ module: slug }).strict(), z.object({ scenario: slug }).strict()],
  { error: 'each step is either { module: <id> } or { scenario: <id> }' },
);

export const pathFile = z
  .object({
    track: z.enum(tracks, { error: `track must be one of: ${tracks.join(', ')}` }),
    steps: z.array(pathStep, { error: 'steps must be a list' }).min(1, { error: 'a path needs at least one step' }),
  })
  .strict();

export type PathFile = z.infer<typeof pathFile>;
export type PathStep = z.infer<typeof pathStep>;

export function stepActivity(step: PathStep): string {
  return 'module' in step ? `module:${step.module}` : `scenario:${step.scenario}`;
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
    const activity = stepActivity(step);
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
