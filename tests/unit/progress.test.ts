import { describe, expect, it } from 'vitest';
import { applyStatement, certificatesDue, foldAll, refold, type Progress } from '../../src/learning-record/progress.ts';
import { knowledgeCheckResult, sectionCompleted, statementId, type Statement } from '../../src/learning-record/statements.ts';

const at = (minute: number) => new Date(Date.UTC(2026, 10, 22, 9, minute));
const facts = { modules: { 'children-on-the-move': { sections: ['a', 'b', 'c', 'd'], passThreshold: 0.8, questions: [] } } };
const section = (id: string, minute: number): Statement =>
  sectionCompleted({ user: 'u1', moduleSlug: 'children-on-the-move', sectionId: id, language: 'fr', now: at(minute), id: `s${minute}`.padEnd(15, '0') });

describe('statement ids', () => {
  it('makes 15-character PocketBase ids', () => {
    const ids = new Set(Array.from({ length: 200 }, () => statementId()));
    expect(ids.size).toBe(200);
    for (const id of ids) expect(id).toMatch(/^[a-z0-9]{15}$/);
  });
});

describe('progress folding (applyStatement)', () => {
  it('starts a row at the first done section, counting sections from the content', () => {
    const p = applyStatement(null, section('a', 1), facts)!;
    expect(p).toMatchObject({ activity: 'module:children-on-the-move', activityType: 'module', status: 'in-progress', completedSections: ['a'], totalSections: 4, percent: 25, language: 'fr' });
  });

  it('counts a section once, however often it is sent', () => {
    let p: Progress | null = null;
    for (const s of [section('a', 1), section('a', 2), section('b', 3)]) p = applyStatement(p, s, facts);
    expect(p!.completedSections).toEqual(['a', 'b']);
    expect(p!.percent).toBe(50);
  });

  it('completes the lesson when every section is done, and passes it with the knowledge check', () => {
    const all = foldAll(['a', 'b', 'c', 'd'].map((id, i) => section(id, i)), facts);
    expect(all.get('module:children-on-the-move')).toMatchObject({ status: 'completed', percent: 100 });
    const check = knowledgeCheckResult({ user: 'u1', moduleSlug: 'children-on-the-move', language: 'en', scaled: 1, passed: true, now: at(0) });
    expect(foldAll([check, section('a', 1)], facts).get('module:children-on-the-move')).toMatchObject({ status: 'in-progress', checkPassed: true, score: 1 });
    expect(foldAll([check, ...['a', 'b', 'c', 'd'].map((id, i) => section(id, i + 1))], facts).get('module:children-on-the-move')).toMatchObject({ status: 'passed', percent: 100 });
    const failed = knowledgeCheckResult({ user: 'u1', moduleSlug: 'children-on-the-move', language: 'en', scaled: 0.4, passed: false, now: at(9) });
    expect(foldAll([...['a', 'b', 'c', 'd'].map((id, i) => section(id, i)), failed], facts).get('module:children-on-the-move')).toMatchObject({ status: 'completed', checkPassed: false, score: 0.4 });
  });

  it('folds in time order whatever order statements arrive in', () => {
    const p = foldAll([section('c', 9), section('a', 1), section('b', 5)], facts).get('module:children-on-the-move')!;
    expect(p.completedSections).toEqual(['a', 'b', 'c']);
    expect(p.lastActivityAt).toBe(at(9).toISOString());
  });

  it('never loses ground: passed stays passed after a later fail', () => {
    const base = { user: 'u1', language: 'en' as const, context: null };
    let p = applyStatement(null, { ...base, id: 'p1', verb: 'passed', object: 'scenario:border-arrival', result: { score: { scaled: 0.9 } }, timestamp: at(1).toISOString() });
    p = applyStatement(p, { ...base, id: 'p2', verb: 'failed', object: 'scenario:border-arrival', result: { score: { scaled: 0.2 } }, timestamp: at(2).toISOString() });
    expect(p).toMatchObject({ status: 'passed', percent: 100 });
  });

  it('without the content, believes no section count above 50 and never lets percent pass 100', () => {
    const p = applyStatement(null, { ...section('a', 1), context: { totalSections: 10_000 } })!;
    expect(p.totalSections).toBe(1);
    expect(p.percent).toBe(100);
  });

  it('refuses to fold a statement about another activity into a row', () => {
    const p = applyStatement(null, section('a', 1), facts)!;
    expect(() => applyStatement(p, { ...section('b', 2), object: 'module:other/section:b' }, facts)).toThrow(/module:other/);
  });

  it('skips statements whose object is not an activity, and paths', () => {
    expect(applyStatement(null, { ...section('a', 1), object: 'nonsense' })).toBeNull();
    expect(applyStatement(null, { ...section('a', 1), object: 'path:teacher' })).toBeNull();
  });
});

describe('certificates', () => {
  const paths = [
    { id: 'essentials', steps: ['module:a', 'module:b'] },
    { id: 'teacher', track: 'teacher', steps: ['module:a', 'scenario:s'] },
  ];
  const rows = [{ activity: 'module:a', status: 'passed' }, { activity: 'module:b', status: 'passed' }, { activity: 'scenario:s', status: 'completed' }];

  it('issues one for every complete path not yet held', () => {
    expect(certificatesDue(paths, rows, [], { verified: true })).toEqual({ issue: ['essentials'], withheld: [] });
    expect(certificatesDue(paths, rows, ['essentials'], { verified: true })).toEqual({ issue: [], withheld: [] });
    expect(certificatesDue(paths, [...rows, { activity: 'scenario:s', status: 'passed' }].slice(1), [], { verified: true }).issue).toEqual([]);
  });

  it('withholds them from an account whose e-mail is not verified, saying why', () => {
    expect(certificatesDue(paths, rows, [], { verified: false })).toEqual({ issue: [], withheld: [{ path: 'essentials', reason: 'the e-mail address is not verified yet' }] });
  });
});

describe('refold', () => {
  it('rebuilds progress from statements and names every difference with what was stored', () => {
    const statements = ['a', 'b', 'c', 'd'].map((id, i) => section(id, i));
    const rebuilt = foldAll(statements, facts).get('module:children-on-the-move')!;
    expect(refold(statements, [rebuilt], facts).differences).toEqual([]);
    const behind = { ...rebuilt, completedSections: ['a'], percent: 25, status: 'in-progress' as const };
    const orphan = { ...rebuilt, activity: 'scenario:gone', activityType: 'scenario' as const };
    const { rows, differences } = refold(statements, [behind, orphan], facts);
    expect(rows).toEqual([rebuilt]);
    expect(differences).toEqual([
      { activity: 'module:children-on-the-move', change: 'changed', fields: {
        status: { stored: 'in-progress', rebuilt: 'completed' },
        completedSections: { stored: ['a'], rebuilt: ['a', 'b', 'c', 'd'] },
        percent: { stored: 25, rebuilt: 100 },
      } },
      { activity: 'scenario:gone', change: 'removed', fields: { status: { stored: 'completed', rebuilt: undefined } } },
    ]);
    expect(refold(statements, [], facts).differences[0]).toMatchObject({ change: 'created' });
  });
});
