import { describe, expect, it } from 'vitest';
import { foldAll, foldStatement, type Progress } from '../../src/learning-record/progress.ts';
import { parseObject, sectionCompleted, statementId, type Statement } from '../../src/learning-record/statements.ts';

const at = (minute: number) => new Date(Date.UTC(2026, 10, 22, 9, minute));
const section = (id: string, minute: number, total = 4): Statement =>
  sectionCompleted({ user: 'u1', moduleSlug: 'children-on-the-move', sectionId: id, totalSections: total, language: 'fr', now: at(minute), id: `s${minute}`.padEnd(15, '0') });

describe('statements', () => {
  it('makes 15-character PocketBase ids', () => {
    const ids = new Set(Array.from({ length: 200 }, () => statementId()));
    expect(ids.size).toBe(200);
    for (const id of ids) expect(id).toMatch(/^[a-z0-9]{15}$/);
  });

  it('parses activity ids', () => {
    expect(parseObject('module:m/section:who-they-are')).toEqual({ activity: 'module:m', activityType: 'module', slug: 'm', part: { kind: 'section', id: 'who-they-are' } });
    expect(parseObject('scenario:border-arrival')?.part).toBeNull();
    expect(parseObject('module:Bad Id')).toBeNull();
    expect(parseObject('lesson:x')).toBeNull();
  });
});

describe('progress folding', () => {
  it('starts a row at the first done section', () => {
    const p = foldStatement(null, section('a', 1))!;
    expect(p).toMatchObject({ activity: 'module:children-on-the-move', activityType: 'module', status: 'in-progress', completedSections: ['a'], totalSections: 4, percent: 25, language: 'fr' });
  });

  it('counts a section once, however often it is sent', () => {
    let p: Progress | null = null;
    for (const s of [section('a', 1), section('a', 2), section('b', 3)]) p = foldStatement(p, s);
    expect(p!.completedSections).toEqual(['a', 'b']);
    expect(p!.percent).toBe(50);
  });

  it('completes the module when every section is done', () => {
    const all = foldAll(['a', 'b', 'c', 'd'].map((id, i) => section(id, i)));
    expect(all.get('module:children-on-the-move')).toMatchObject({ status: 'completed', percent: 100 });
  });

  it('folds in time order whatever order statements arrive in', () => {
    const shuffled = [section('c', 9), section('a', 1), section('b', 5)];
    const p = foldAll(shuffled).get('module:children-on-the-move')!;
    expect(p.completedSections).toEqual(['a', 'b', 'c']);
    expect(p.lastActivityAt).toBe(at(9).toISOString());
  });

  it('never loses ground: passed stays passed after a later fail', () => {
    const base = { user: 'u1', language: 'en' as const, context: null };
    let p = foldStatement(null, { ...base, id: 'p1', verb: 'passed', object: 'scenario:border-arrival', result: { score: { scaled: 0.9 } }, timestamp: at(1).toISOString() });
    p = foldStatement(p, { ...base, id: 'p2', verb: 'failed', object: 'scenario:border-arrival', result: { score: { scaled: 0.2 } }, timestamp: at(2).toISOString() });
    expect(p).toMatchObject({ status: 'passed', percent: 100 });
  });

  it('ignores a total that is not believable and never lets percent pass 100', () => {
    const p = foldStatement(null, { ...section('a', 1), context: { totalSections: 10_000 } })!;
    expect(p.totalSections).toBe(1);
    expect(p.percent).toBe(100);
  });

  it('refuses to fold a statement about another activity into a row', () => {
    const p = foldStatement(null, section('a', 1))!;
    expect(() => foldStatement(p, { ...section('b', 2), object: 'module:other/section:b' })).toThrow(/module:other/);
  });

  it('skips statements whose object is not an activity', () => {
    expect(foldStatement(null, { ...section('a', 1), object: 'nonsense' })).toBeNull();
  });
});
