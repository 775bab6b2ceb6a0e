import { describe, expect, it } from 'vitest';
import { completedPaths, isOverdue, nextStep, normaliseCertificateCode, pathProgress, pathsForLearner, stepStatus, byActivity } from '../../src/learning-record/onboarding.ts';

const essentials = { id: 'essentials', steps: ['module:children-on-the-move', 'module:sharing-information-safely'] };
const teacher = { id: 'teacher', track: 'teacher', steps: ['module:children-on-the-move', 'scenario:school-enrolment'] };
const row = (activity: string, status: string) => ({ activity, status });

describe('onboarding: step and path status', () => {
  it('reads a step status from its progress row', () => {
    expect(stepStatus(undefined)).toBe('not-started');
    expect(stepStatus(row('module:a', 'in-progress'))).toBe('in-progress');
    expect(stepStatus(row('module:a', 'failed'))).toBe('in-progress');
    expect(stepStatus(row('scenario:a', 'completed'))).toBe('completed');
    expect(stepStatus(row('scenario:a', 'passed'))).toBe('passed');
  });

  it('counts only passed steps towards a path', () => {
    const p = pathProgress(teacher, byActivity([row('module:children-on-the-move', 'passed'), row('scenario:school-enrolment', 'completed')]));
    expect(p).toMatchObject({ done: 1, total: 2, percent: 50, complete: false, next: 'scenario:school-enrolment' });
    expect(p.steps.map((s) => s.status)).toEqual(['passed', 'completed']);
  });

  it('completes a path when every step is passed, and only then', () => {
    const passed = [row('module:children-on-the-move', 'passed'), row('module:sharing-information-safely', 'passed')];
    expect(completedPaths([essentials, teacher], passed)).toEqual(['essentials']);
    expect(completedPaths([essentials], passed.slice(0, 1))).toEqual([]);
    expect(pathProgress({ id: 'empty', steps: [] }, new Map()).complete).toBe(false);
  });

  it('follows assigned paths (soonest due first) and the track path when not assigned', () => {
    const coordinator = { id: 'coordinator', track: 'coordinator', steps: ['module:x'] };
    const followed = pathsForLearner([essentials, teacher, coordinator], 'teacher', [
      { path: 'coordinator', dueDate: '2027-03-01 00:00:00.000Z' },
      { path: 'essentials', dueDate: '2027-01-15 00:00:00.000Z' },
      { path: 'no-such-path', dueDate: '' },
    ]);
    expect(followed.map((f) => [f.path.id, f.assigned])).toEqual([['essentials', true], ['coordinator', true], ['teacher', false]]);
    // the track path assigned explicitly appears once, with its due date
    const once = pathsForLearner([teacher], 'teacher', [{ path: 'teacher', dueDate: '2027-01-01 00:00:00.000Z' }]);
    expect(once).toEqual([{ path: teacher, dueDate: '2027-01-01 00:00:00.000Z', assigned: true }]);
  });

  it('is overdue only after the whole due day, and never once complete', () => {
    const now = new Date('2027-01-15T18:00:00Z');
    expect(isOverdue('2027-01-15 00:00:00.000Z', false, now)).toBe(false);
    expect(isOverdue('2027-01-14 00:00:00.000Z', false, now)).toBe(true);
    expect(isOverdue('2027-01-14 00:00:00.000Z', true, now)).toBe(false);
    expect(isOverdue('', false, now)).toBe(false);
    expect(isOverdue('soon', false, now)).toBe(false);
  });

  it('reads certificate codes as people type them', () => {
    expect(normaliseCertificateCode(' k7pq 3mzx 9hta ')).toBe('K7PQ-3MZX-9HTA');
    expect(normaliseCertificateCode('K7PQ-3MZX-9HTA')).toBe('K7PQ-3MZX-9HTA');
    expect(normaliseCertificateCode('K7PQ-3MZX-9HT')).toBeNull(); // too short
    expect(normaliseCertificateCode('K7PQ-3MZX-9HT0')).toBeNull(); // 0 is not in the alphabet
    expect(normaliseCertificateCode("'; drop table--")).toBeNull();
  });
});

describe('onboarding: the next step after a check, a simulation or a lesson', () => {
  const officer = { id: 'border-officer', track: 'border-officer', steps: ['module:children-on-the-move', 'module:at-the-border', 'scenario:border-arrival', 'module:trafficking-and-exploitation'] };
  const paths = [essentials, teacher, officer];
  const base = { paths, track: 'border-officer', assignments: [], progress: [] as { activity: string; status: string }[] };

  it('sends a learner without a path to the list of lessons', () => {
    expect(nextStep({ ...base, track: '', current: 'module:at-the-border', passed: true })).toEqual({ kind: 'modules' });
    expect(nextStep({ ...base, paths: [], current: 'module:at-the-border', passed: true })).toEqual({ kind: 'modules' });
  });

  it('goes to the step after the one just passed, on the path that has it', () => {
    expect(nextStep({ ...base, current: 'module:children-on-the-move', passed: true })).toEqual({ kind: 'step', path: 'border-officer', activity: 'module:at-the-border' });
    expect(nextStep({ ...base, current: 'scenario:border-arrival', passed: true })).toEqual({ kind: 'step', path: 'border-officer', activity: 'module:trafficking-and-exploitation' });
  });

  it('skips steps already passed, and comes back to an earlier one left undone', () => {
    const progress = [row('module:at-the-border', 'passed'), row('scenario:border-arrival', 'completed')];
    expect(nextStep({ ...base, progress, current: 'module:children-on-the-move', passed: true })).toEqual({ kind: 'step', path: 'border-officer', activity: 'scenario:border-arrival' });
    const later = [row('module:trafficking-and-exploitation', 'passed')];
    expect(nextStep({ ...base, progress: later, current: 'scenario:border-arrival', passed: true })).toEqual({ kind: 'step', path: 'border-officer', activity: 'module:children-on-the-move' });
  });

  it('does not send a learner who failed back to the same step: the one after it, else the path page', () => {
    expect(nextStep({ ...base, current: 'module:at-the-border', passed: false })).toEqual({ kind: 'step', path: 'border-officer', activity: 'scenario:border-arrival' });
    const allButOne = officer.steps.filter((s) => s !== 'module:at-the-border').map((s) => row(s, 'passed'));
    expect(nextStep({ ...base, progress: allButOne, current: 'module:at-the-border', passed: false })).toEqual({ kind: 'path', path: 'border-officer', complete: false });
  });

  it('follows an assigned path first (soonest due), then the track\'s', () => {
    const assignments = [{ path: 'essentials', dueDate: '2026-03-01 00:00:00.000Z' }];
    expect(nextStep({ ...base, assignments, current: 'module:children-on-the-move', passed: true })).toEqual({ kind: 'step', path: 'essentials', activity: 'module:sharing-information-safely' });
    // an activity on the track's path only: that path, not the assigned one
    expect(nextStep({ ...base, assignments, current: 'scenario:border-arrival', passed: true })).toEqual({ kind: 'step', path: 'border-officer', activity: 'module:trafficking-and-exploitation' });
    // an activity on no path: the first path not complete
    expect(nextStep({ ...base, assignments, current: 'module:enrolling-migrant-children', passed: true })).toEqual({ kind: 'step', path: 'essentials', activity: 'module:children-on-the-move' });
  });

  it('moves on to the next path when this one is complete, and to the path page when all are', () => {
    const assignments = [{ path: 'essentials', dueDate: '' }];
    const progress = [row('module:children-on-the-move', 'passed')];
    expect(nextStep({ ...base, assignments, progress, current: 'module:sharing-information-safely', passed: true })).toEqual({ kind: 'step', path: 'border-officer', activity: 'module:at-the-border' });
    const everything = officer.steps.map((s) => row(s, 'passed'));
    expect(nextStep({ ...base, progress: everything.slice(0, 3), current: 'module:trafficking-and-exploitation', passed: true })).toEqual({ kind: 'path', path: 'border-officer', complete: true });
  });
});
