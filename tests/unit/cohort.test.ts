import { describe, expect, it } from 'vitest';
import { cohortCsvHeader, cohortCsvLine, cohortQuery, cohortRows, csvField, scenarioInsight, sortRows, stepCompletion, toCsv } from '../../src/learning-record/cohort.ts';

const teacher = { id: 'teacher', track: 'teacher', steps: ['module:children-on-the-move', 'scenario:school-enrolment'] };
const row = (activity: string, status: string) => ({ activity, status });

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
      { verb: 'passed', object: 'scenario:border-arrival', response: 'safe-handover' },
      { verb: 'completed', object: 'scenario:border-arrival', response: 'night-in-cell' },
    ]);
    expect({ ...insight.choices }).toEqual({ 'offer-needs': 2, 'papers-first': 1 });
    expect({ ...insight.endings }).toEqual({ 'safe-handover': 1, 'night-in-cell': 1 });
    expect(insight.plays).toBe(2);
  });

  it('counts a stored "constructor" as a number, never as what objects inherit', () => {
    const insight = scenarioInsight('border-arrival', [
      { verb: 'completed', object: 'scenario:border-arrival', response: 'constructor', n: 2 },
      { verb: 'chose', object: 'scenario:border-arrival/choice:constructor' },
    ]);
    expect(insight.endings.constructor).toBe(2);
    expect(insight.choices.constructor).toBe(1);
    expect(insight.endings.toString).toBeUndefined();
  });
});

describe('cohort queries and CSV (computed on the server)', () => {
  const paths = [{ id: 'teacher', track: 'teacher', steps: ['module:a', 'scenario:s'] }, { id: 'essentials', steps: ['module:a'] }];

  it('reads a query with sensible defaults, and names what it cannot read', () => {
    expect(cohortQuery({}, paths)).toMatchObject({ ok: true, query: { path: paths[0], sort: 'name', direction: 'ascending', page: 1, perPage: 50, search: '' } });
    expect(cohortQuery({ path: 'essentials', sort: 'progress', direction: 'descending', page: '3', perPage: '9999', q: '  Achieng ' }, paths))
      .toMatchObject({ ok: true, query: { path: paths[1], sort: 'progress', direction: 'descending', page: 3, perPage: 200, search: 'Achieng' } });
    expect(cohortQuery({ path: 'nope' }, paths)).toMatchObject({ ok: false, field: 'path' });
    expect(cohortQuery({ sort: 'email' }, paths)).toMatchObject({ ok: false, field: 'sort' });
  });

  it('writes a header and lines in the supervisor\'s language, neutralising formulas', () => {
    const labels = {
      learner: 'Apprenant', email: 'E-mail', track: 'Métier', country: 'Pays', path: 'Parcours', due: 'Échéance', progress: 'Progrès', certificate: 'Certificat',
      status: { 'not-started': 'Pas commencé', 'in-progress': 'En cours', completed: 'Terminé', passed: 'Réussi' },
      tracks: { teacher: 'Enseignant·e' }, steps: { 'module:a': 'Leçon A', 'scenario:s': 'Cas S' }, paths: { teacher: 'Parcours enseignant' },
    };
    expect(cohortCsvHeader(paths[0]!, labels)).toBe('Apprenant,E-mail,Métier,Pays,Parcours,Échéance,Progrès,Leçon A,Cas S,Certificat');
    const [row] = cohortRows(paths[0]!, [{ id: 'u', name: '=cmd', email: '', track: 'teacher', country: 'Kenya' }], [{ user: 'u', activity: 'module:a', status: 'passed' }], [], []);
    expect(cohortCsvLine(paths[0]!, row!, labels)).toBe("'=cmd,,Enseignant·e,Kenya,Parcours enseignant,,50%,Réussi,Pas commencé,");
  });
});
