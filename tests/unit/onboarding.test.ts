import { describe, expect, it } from 'vitest';
import { completedPaths, isOverdue, normaliseCertificateCode, pathProgress, pathsForLearner, stepStatus, byActivity } from '../../src/learning-record/onboarding.ts';

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
