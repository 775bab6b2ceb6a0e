import { describe, expect, it } from 'vitest';
import { checkPathReferences } from '../../src/content/paths.ts';

describe('onboarding paths', () => {
  it('refuses a step that names a module that does not exist, or a repeated step', () => {
    const problems = checkPathReferences('content/paths/teacher.yaml', { track: 'teacher', steps: [{ module: 'known' }, { module: 'unknown' }, { module: 'known' }] }, ['known'], []);
    expect(problems.map((p) => p.field)).toEqual(['steps[1].module', 'steps[2]']);
    expect(problems[0]!.reason).toContain('no module "unknown"');
  });
});
