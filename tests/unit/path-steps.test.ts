import { describe, expect, it } from 'vitest';
import { changedPaths, mergePathSteps, pathStepProblem, reanchored, withPathSteps } from '../../src/learning-record/path-steps.ts';
import { certificatesDue } from '../../src/learning-record/progress.ts';
import { addedStepView, nextStepsWithServed, withServedSteps, type ServedPathSteps } from '../../src/content/path-views.ts';
import type { StepView } from '../../src/content/onboarding-data.ts';

const coordinator = { id: 'coordinator', track: 'coordinator', steps: ['module:a', 'module:b', 'scenario:built'] };
const essentials = { id: 'essentials', steps: ['module:a'] };
const paths = [coordinator, essentials];
const add = (scenario: string, after: string, path = 'coordinator', id = scenario) => ({ id, path, scenario, after });

describe('path steps: where an added case simulation goes', () => {
  it('puts each addition right after the step it names, or first, in the order they were made', () => {
    const merged = mergePathSteps(paths, [add('x', 'module:a'), add('y', ''), add('z', 'scenario:built')], ['x', 'y', 'z']);
    expect(merged[0]!.steps).toEqual(['scenario:y', 'module:a', 'scenario:x', 'module:b', 'scenario:built', 'scenario:z']);
    // two after the same step: the later one goes right after it, as the trainer saw the path when adding it
    expect(mergePathSteps(paths, [add('x', 'module:a'), add('y', 'module:a')], ['x', 'y'])[0]!.steps).toEqual(['module:a', 'scenario:y', 'scenario:x', 'module:b', 'scenario:built']);
    // one after another addition
    expect(mergePathSteps(paths, [add('x', 'module:b'), add('y', 'scenario:x')], ['x', 'y'])[0]!.steps).toEqual(['module:a', 'module:b', 'scenario:x', 'scenario:y', 'scenario:built']);
  });

  it('leaves other paths as they are, and ignores an addition to a path that does not exist', () => {
    const merged = mergePathSteps(paths, [add('x', 'module:a', 'nowhere'), add('y', 'module:a', 'essentials')], ['x', 'y']);
    expect(merged.map((p) => p.id)).toEqual(['coordinator', 'essentials']);
    expect(merged[0]).toBe(coordinator);
    expect(merged[1]!.steps).toEqual(['module:a', 'scenario:y']);
    expect(coordinator.steps).toHaveLength(3); // nothing changed in place
  });

  it('leaves out a scenario that has no published version (never published, or removed); what followed it takes its place', () => {
    const merged = mergePathSteps(paths, [add('gone', 'module:a'), add('after-gone', 'scenario:gone'), add('kept', 'module:b')], ['after-gone', 'kept']);
    expect(merged[0]!.steps).toEqual(['module:a', 'scenario:after-gone', 'module:b', 'scenario:kept', 'scenario:built']);
  });

  it('adds a scenario once: the file step or the earlier addition wins', () => {
    expect(mergePathSteps(paths, [add('built', '')], ['built'])[0]!.steps).toEqual(coordinator.steps);
    expect(mergePathSteps(paths, [add('x', 'module:a', 'coordinator', '1'), add('x', '', 'coordinator', '2')], ['x'])[0]!.steps).toEqual(['module:a', 'scenario:x', 'module:b', 'scenario:built']);
  });

  it('keeps a step whose place is gone from the path (the file changed) at the end, never losing it', () => {
    expect(mergePathSteps(paths, [add('x', 'module:removed-from-file')], ['x'])[0]!.steps).toEqual([...coordinator.steps, 'scenario:x']);
    // a loop of left-out additions cannot hang it
    expect(mergePathSteps(paths, [add('p', 'scenario:q'), add('q', 'scenario:p'), add('x', 'scenario:p')], ['x'])[0]!.steps).toEqual([...coordinator.steps, 'scenario:x']);
  });

  it('keeps the facts of everything else, and a certificate needs the added step too', () => {
    const known = { modules: {}, scenarios: {}, paths: [essentials, { id: 'teacher', steps: ['module:a', 'module:c'] }] };
    const merged = withPathSteps(known, [add('added', 'module:a', 'essentials')], ['added']);
    expect(merged.scenarios).toBe(known.scenarios);
    const essentialsSteps = known.paths.find((p) => p.id === 'essentials')!.steps;
    const passedOriginal = essentialsSteps.map((activity) => ({ activity, status: 'passed' }));
    expect(certificatesDue(known.paths, passedOriginal, [], { verified: true }).issue).toContain('essentials');
    expect(certificatesDue(merged.paths, passedOriginal, [], { verified: true }).issue).not.toContain('essentials');
    expect(certificatesDue(merged.paths, [...passedOriginal, { activity: 'scenario:added', status: 'passed' }], [], { verified: true }).issue).toContain('essentials');
    // a certificate already held is not issued again, and nothing takes it away
    expect(certificatesDue(merged.paths, passedOriginal, ['essentials'], { verified: true })).toEqual({ issue: [], withheld: [] });
  });
});

describe('path steps: what may be added', () => {
  it('names the field and the reason', () => {
    expect(pathStepProblem(paths, add('x', 'module:a'), ['x'])).toBeNull();
    expect(pathStepProblem(paths, add('x', ''), ['x'])).toBeNull();
    expect(pathStepProblem(paths, add('x', 'module:a', 'nowhere'), ['x'])).toMatchObject({ field: 'path', code: 'unknown-path' });
    expect(pathStepProblem(paths, add('x', 'module:a'), [])).toMatchObject({ field: 'scenario', code: 'not-published' });
    expect(pathStepProblem(paths, add('built', 'module:a'), ['built'])).toMatchObject({ field: 'scenario', code: 'already-on-path' });
    expect(pathStepProblem(paths, add('built', 'module:a'), [])).toMatchObject({ field: 'scenario', code: 'already-on-path' });
    expect(pathStepProblem(paths, add('x', 'module:zzz'), ['x'])).toMatchObject({ field: 'after', code: 'unknown-position' });
    expect(pathStepProblem(paths, add('x', 'scenario:x'), ['x'])).toMatchObject({ field: 'after', code: 'unknown-position' });
    expect(pathStepProblem(paths, add('x', 'module:zzz'), ['x'])!.reason).toContain('module:zzz');
  });

  it('moves the steps that followed a removed one to its place', () => {
    const all = [add('x', 'module:a'), add('y', 'scenario:x'), add('z', 'scenario:x', 'essentials'), add('w', 'module:b')];
    expect(reanchored(all, all[0]!)).toEqual([{ id: 'y', after: 'module:a' }]);
    expect(reanchored(all, all[3]!)).toEqual([]);
  });

  it('tells pages only the paths that changed', () => {
    const merged = mergePathSteps(paths, [add('x', '', 'essentials')], ['x']);
    expect(changedPaths(paths, merged)).toEqual({ essentials: ['scenario:x', 'module:a'] });
    expect(changedPaths(paths, paths)).toEqual({});
  });
});

describe('path steps on learners\' pages', () => {
  const view = (activity: string): StepView => ({ activity, kind: activity.startsWith('module:') ? 'module' : 'scenario', title: activity, titleLang: 'en', href: `/fr/${activity}/`, minutes: 10 });
  const pages = [{ id: 'coordinator', track: 'coordinator', title: 'Coordinators', href: '/fr/paths/coordinator/', steps: coordinator.steps.map(view) }];
  const served: ServedPathSteps = {
    paths: { coordinator: ['module:a', 'scenario:studio-only', 'module:b', 'scenario:built', 'scenario:improved'] },
    scenarios: {
      'studio-only': { titles: { en: 'At the bus station', fr: 'À la gare routière' }, minutes: 12, builtIn: false },
      improved: { titles: { en: 'Improved' }, minutes: 8, builtIn: true },
    },
  };

  it('shows the added scenario with its title in the language (English marked when not translated) and its page', () => {
    const [path] = withServedSteps(pages, served, 'fr');
    expect(path!.steps.map((s) => s.activity)).toEqual(served.paths.coordinator);
    expect(path!.steps[1]).toEqual({ activity: 'scenario:studio-only', kind: 'scenario', title: 'À la gare routière', titleLang: 'fr', href: '/fr/scenarios/play/?id=studio-only', minutes: 12 });
    expect(path!.steps[4]).toMatchObject({ title: 'Improved', titleLang: 'en', href: '/fr/scenarios/improved/' });
    expect(path!.title).toBe('Coordinators');
    expect(addedStepView('scenario:unknown', served, 'fr')).toBeUndefined();
    expect(addedStepView('module:a', served, 'fr')).toBeUndefined();
  });

  it('keeps the built paths when the server could not be asked', () => {
    expect(withServedSteps(pages, null, 'fr')).toEqual(pages);
    expect(withServedSteps(pages, { paths: {}, scenarios: {} }, 'fr')[0]).toBe(pages[0]);
  });

  it('gives "Your next step" the added steps with their pages', () => {
    const data = { strings: {} as never, paths: [{ id: 'coordinator', track: 'coordinator', title: 'C', steps: coordinator.steps.join(' ') }], steps: Object.fromEntries(coordinator.steps.map((a) => [a, { title: a }])) };
    const merged = nextStepsWithServed(data, served, 'fr');
    expect(merged.paths[0]!.steps.split(' ')).toEqual(served.paths.coordinator);
    expect(merged.steps['scenario:studio-only']).toEqual({ title: 'À la gare routière', href: '/fr/scenarios/play/?id=studio-only' });
    expect(merged.steps['scenario:improved']).toEqual({ title: 'Improved', lang: 'en', href: '/fr/scenarios/improved/' });
    expect(nextStepsWithServed(data, null, 'fr')).toBe(data);
  });
});
