import { describe, expect, it } from 'vitest';
import { applyStatement } from '../../src/learning-record/progress.ts';
import { certificateFromRecord, isoDate, progressColumns, progressFields, progressFromColumns, progressFromRecord, statementFields, statementFromRecord } from '../../src/learning-record/records.ts';
import { sectionCompleted } from '../../src/learning-record/statements.ts';

describe('record codecs', () => {
  it('reads a statement the way PocketBase sends it, and writes it back', () => {
    const statement = sectionCompleted({ id: 'abcdefghijklmno', user: 'u1', moduleSlug: 'm', sectionId: 's', language: 'fr', now: new Date('2026-12-04T10:00:00Z') });
    const record = { ...statementFields(statement), timestamp: '2026-12-04 10:00:00.000Z', created: '2026-12-04 10:00:01.000Z', collectionName: 'statements' };
    expect(statementFromRecord(record)).toEqual(statement);
    expect(statementFromRecord({ ...record, result: 'text', context: [] })).toMatchObject({ result: null, context: null });
  });

  it('round-trips progress through its record fields', () => {
    const progress = applyStatement(null, sectionCompleted({ user: 'u1', moduleSlug: 'm', sectionId: 's', language: 'en', now: new Date('2026-12-04T10:00:00Z') }), { modules: { m: { sections: ['s', 't'], passThreshold: 0.8, questions: [] } } })!;
    const fields = progressFields('u1', progress);
    expect(fields).toMatchObject({ user: 'u1', activity: 'module:m', percent: 50, score: 0 });
    expect(progressFromRecord({ ...fields, lastActivityAt: '2026-12-04 10:00:00.000Z' })).toEqual(progress);
  });

  it('round-trips progress through the columns the statements hook writes directly', () => {
    const facts = { modules: { m: { sections: ['s', 't'], passThreshold: 0.8, questions: [] } } };
    const first = applyStatement(null, sectionCompleted({ user: 'u1', moduleSlug: 'm', sectionId: 's', language: 'en', now: new Date('2026-12-04T10:00:00Z') }), facts)!;
    const columns = progressColumns('u1', first);
    expect(columns).toMatchObject({ user: 'u1', activity: 'module:m', completedSections: '["s"]', checkPassed: 0, lastActivityAt: '2026-12-04 10:00:00.000Z', score: 0 });
    expect(Object.keys(columns).sort()).toEqual(Object.keys(progressFields('u1', first)).sort());
    expect(progressFromColumns(columns)).toEqual(first);
    const done = applyStatement(first, sectionCompleted({ user: 'u1', moduleSlug: 'm', sectionId: 't', language: 'en', now: new Date('2026-12-04T10:05:00Z') }), facts)!;
    expect(progressFromColumns(progressColumns('u1', done))).toEqual(done);
    // a row PocketBase wrote (a boolean, JSON already parsed) reads the same
    expect(progressFromColumns({ ...columns, checkPassed: false, completedSections: ['s'] })).toEqual(first);
    expect(progressFromColumns({ ...columns, completedSections: 'not json' }).completedSections).toEqual([]);
  });

  it('reads certificates and dates', () => {
    expect(certificateFromRecord({ id: 'c1', user: 'u1', path: 'essentials', code: 'K7PQ-3MZX-9HTA', learnerName: 'A', issuedAt: '2026-12-04 10:00:00.000Z', revoked: false }))
      .toEqual({ id: 'c1', user: 'u1', path: 'essentials', code: 'K7PQ-3MZX-9HTA', learnerName: 'A', issuedAt: '2026-12-04T10:00:00.000Z', revoked: false });
    expect(isoDate('')).toBe('');
    expect(isoDate(undefined)).toBe('');
  });
});
