import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { activityId, own, parseActivity, statementObjectPattern } from '../../src/learning-record/activities.ts';

describe('activity ids', () => {
  it('builds every id the platform uses, and reads each back', () => {
    const built = [
      activityId.module('m'),
      activityId.section('m', 's'),
      activityId.question('m', 'q'),
      activityId.knowledgeCheck('m'),
      activityId.scenario('sc'),
      activityId.choice('sc', 'c'),
      activityId.path('p'),
    ];
    expect(built).toEqual(['module:m', 'module:m/section:s', 'module:m/question:q', 'module:m/quiz:knowledge-check', 'scenario:sc', 'scenario:sc/choice:c', 'path:p']);
    expect(built.map((id) => parseActivity(id)?.kind)).toEqual(['module', 'section', 'question', 'knowledge-check', 'scenario', 'choice', 'path']);
    expect(parseActivity('module:m/section:s')).toMatchObject({ activity: 'module:m', activityType: 'module', slug: 'm', section: 's' });
    expect(parseActivity('scenario:sc/choice:c')).toMatchObject({ activity: 'scenario:sc', activityType: 'scenario', choice: 'c' });
    expect(activityId.step({ module: 'm' })).toBe('module:m');
    expect(activityId.step({ scenario: 'sc' })).toBe('scenario:sc');
  });

  it('refuses anything else: other quizzes, several parts, unknown parts, odd characters', () => {
    for (const id of [
      'module:m/quiz:other',
      'path:x/quiz:y/section:z',
      'module:m/section:a/section:b',
      'module:m/choice:c',
      'scenario:s/section:a',
      'quiz:anything',
      'Module:m',
      'module:m ',
      'module:__proto__',
      '',
    ]) {
      expect(parseActivity(id), id).toBeNull();
    }
  });

  it('is the same pattern the statements collection enforces (pb_migrations)', () => {
    const migration = readFileSync('pocketbase/pb_migrations/1764900000_learning_record_rules.js', 'utf8');
    expect(migration).toContain(`const OBJECT_PATTERN = "${statementObjectPattern}";`);
    const stored = new RegExp(statementObjectPattern);
    for (const id of ['module:m', 'module:m/section:s', 'module:m/question:q', 'module:m/quiz:knowledge-check', 'scenario:s', 'scenario:s/choice:c']) {
      expect(stored.test(id), id).toBe(true);
      expect(parseActivity(id), id).not.toBeNull();
    }
    for (const id of ['path:p', 'module:m/quiz:other', 'path:x/quiz:y/section:z']) expect(stored.test(id), id).toBe(false);
  });

  it('looks content up by own keys only, so "constructor" finds nothing', () => {
    const lessons = { 'at-the-border': 1 };
    expect(own(lessons, 'at-the-border')).toBe(1);
    expect(own(lessons, 'constructor')).toBeUndefined();
    expect(own(lessons, '__proto__')).toBeUndefined();
    expect(own(undefined, 'x')).toBeUndefined();
  });
});
