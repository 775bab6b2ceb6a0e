import { describe, expect, it } from 'vitest';
import { activityIri, statementUuid, toXapi } from '../../src/learning-record/xapi.ts';
import { sectionCompleted } from '../../src/learning-record/statements.ts';

describe('xAPI export', () => {
  const s = sectionCompleted({ id: 'abcdefghijklmno', user: 'u1', moduleSlug: 'children-on-the-move', sectionId: 'who-they-are', language: 'sw', now: new Date('2026-12-01T10:00:00Z') });

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
