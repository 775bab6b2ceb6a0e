import { describe, expect, it } from 'vitest';
import { applyStatement } from '../../src/learning-record/progress.ts';
import { certificateFromRecord, isoDate, progressFields, progressFromRecord, statementFields, statementFromRecord } from '../../src/learning-record/records.ts';
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

  it('reads certificates and dates', () => {
    expect(certificateFromRecord({ id: 'c1', user: 'u1', path: 'essentials', code: 'K7PQ-3MZX-9HTA', learnerName: 'A', issuedAt: '2026-12-04 10:00:00.000Z', revoked: false }))
      .toEqual({ id: 'c1', user: 'u1', path: 'essentials', code: 'K7PQ-3MZX-9HTA', learnerName: 'A', issuedAt: '2026-12-04T10:00:00.000Z', revoked: false });
    expect(isoDate('')).toBe('');
    expect(isoDate(undefined)).toBe('');
  });
});
