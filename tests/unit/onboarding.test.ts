import { describe, expect, it } from 'vitest';
import { completedPaths, isOverdue, normaliseCertificateCode, pathProgress, pathsForLearner, stepStatus, byActivity } from '../../src/learning-record/onboarding.ts';
import { cohortRows, csvField, scenarioInsight, sortRows, stepCompletion, toCsv } from '../../src/learning-record/cohort.ts';
import { activityIri, statementUuid, toXapi } from '../../src/learning-record/xapi.ts';
import { sectionCompleted } from '../../src/learning-record/statements.ts';

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

describe('cohort dashboard', () => {
  const learners = [
    { id: 'u1', name: 'Zawadi', email: 'z@x', track: 'teacher', country: 'Kenya' },
    { id: 'u2', name: 'Amani', email: 'a@x', track: 'teacher', country: 'Tanzania' },
    { id: 'u3', name: 'Baraka', email: 'b@x', track: 'teacher', country: 'Kenya' },
  ];
  const progress = [
    { user: 'u1', ...row('module:children-on-the-move', 'passed') },
    { user: 'u1', ...row('scenario:school-enrolment', 'passed') },
    { user: 'u2', ...row('module:children-on-the-move', 'in-progress') },
    { user: 'u3', ...row('module:children-on-the-move', 'passed') },
  ];
  const assignments = [
    { learner: 'u2', path: 'teacher', dueDate: '2027-01-01 00:00:00.000Z' },
    { learner: 'u3', path: 'teacher', dueDate: '2027-02-01 00:00:00.000Z' },
    { learner: 'u1', path: 'essentials', dueDate: '2026-01-01 00:00:00.000Z' },
  ];
  const rows = cohortRows(teacher, learners, progress, assignments, [{ user: 'u1', path: 'teacher', code: 'AAAA-BBBB-CCCC' }], new Date('2027-01-10T00:00:00Z'));

  it('makes one row per learner with each step, due date, overdue and certificate', () => {
    expect(rows.map((r) => [r.learner.id, r.statuses, r.percent, r.overdue, r.certificate])).toEqual([
      ['u1', ['passed', 'passed'], 100, false, 'AAAA-BBBB-CCCC'],
      ['u2', ['in-progress', 'not-started'], 0, true, ''],
      ['u3', ['passed', 'not-started'], 50, false, ''],
    ]);
    expect(rows[0]!.assigned).toBe(false); // u1's assignment is another path
  });

  it('sorts by name, due date (none last) and progress', () => {
    expect(sortRows(rows, 'name', 'ascending').map((r) => r.learner.name)).toEqual(['Amani', 'Baraka', 'Zawadi']);
    expect(sortRows(rows, 'due', 'ascending').map((r) => r.learner.id)).toEqual(['u2', 'u3', 'u1']);
    expect(sortRows(rows, 'due', 'descending').map((r) => r.learner.id)).toEqual(['u3', 'u2', 'u1']);
    expect(sortRows(rows, 'progress', 'descending').map((r) => r.learner.id)).toEqual(['u1', 'u3', 'u2']);
  });

  it('gives completion per step', () => {
    expect(stepCompletion(rows, 2)).toEqual([{ done: 2, total: 3, percent: 67 }, { done: 1, total: 3, percent: 33 }]);
    expect(stepCompletion([], 1)).toEqual([{ done: 0, total: 0, percent: 0 }]);
  });

  it('writes CSV a spreadsheet reads safely', () => {
    expect(csvField('Amani')).toBe('Amani');
    expect(csvField('Ochieng, "Jo"')).toBe('"Ochieng, ""Jo"""');
    expect(csvField('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvField('-2')).toBe("'-2");
    expect(toCsv(['a', 'b'], [[1, 'x\ny']])).toBe('a,b\r\n1,"x\ny"\r\n');
  });

  it('counts choices and endings of one case simulation', () => {
    const insight = scenarioInsight('border-arrival', [
      { verb: 'chose', object: 'scenario:border-arrival/choice:offer-needs' },
      { verb: 'chose', object: 'scenario:border-arrival/choice:offer-needs' },
      { verb: 'chose', object: 'scenario:border-arrival/choice:papers-first' },
      { verb: 'chose', object: 'scenario:school-enrolment/choice:enrol-today' },
      { verb: 'passed', object: 'scenario:border-arrival', result: { response: 'safe-handover' } },
      { verb: 'completed', object: 'scenario:border-arrival', result: { response: 'night-in-cell' } },
    ]);
    expect(insight).toEqual({ choices: { 'offer-needs': 2, 'papers-first': 1 }, endings: { 'safe-handover': 1, 'night-in-cell': 1 }, plays: 2 });
  });
});

describe('xAPI export', () => {
  const s = sectionCompleted({ id: 'abcdefghijklmno', user: 'u1', moduleSlug: 'children-on-the-move', sectionId: 'who-they-are', totalSections: 6, language: 'sw', now: new Date('2026-12-01T10:00:00Z') });

  it('maps a statement to xAPI 1.0.3 with IRIs, actor account, language and parent', () => {
    const x = toXapi(s, { id: 'u1', name: 'Neema' }, 'https://continuum.example/');
    expect(x).toMatchObject({
      actor: { objectType: 'Agent', name: 'Neema', account: { homePage: 'https://continuum.example/', name: 'u1' } },
      verb: { id: 'http://adlnet.gov/expapi/verbs/completed' },
      object: { objectType: 'Activity', id: 'https://continuum.example/xapi/activities/module/children-on-the-move/section/who-they-are' },
      result: { completion: true },
      context: { language: 'sw', contextActivities: { parent: [{ id: activityIri('https://continuum.example', 'module:children-on-the-move') }] } },
      timestamp: '2026-12-01T10:00:00.000Z',
    });
  });

  it('gives each statement a stable RFC 4122 UUID', () => {
    const uuid = statementUuid('abcdefghijklmno');
    expect(uuid).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(statementUuid('abcdefghijklmno')).toBe(uuid);
    expect(statementUuid('abcdefghijklmnp')).not.toBe(uuid);
  });
});
