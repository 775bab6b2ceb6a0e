import { describe, expect, it } from 'vitest';
import { fill, plural } from '../../src/islands/lib/format.ts';
import ar from '../../src/i18n/ui/ar.json' with { type: 'json' };
import en from '../../src/i18n/ui/en.json' with { type: 'json' };

describe('strings for islands', () => {
  it('fills placeholders and leaves unknown ones visible', () => {
    expect(fill('{{done}} of {{total}}', { done: 2, total: 6 })).toBe('2 of 6');
    expect(fill('{{missing}}!', {})).toBe('{{missing}}!');
  });

  it('picks English plural forms', () => {
    expect(plural(en.progress, 'waiting', 1, 'en')).toBe('1 update waiting to be sent');
    expect(plural(en.progress, 'waiting', 4, 'en')).toBe('4 updates waiting to be sent');
  });

  it('picks a distinct Arabic form for 1, 2, 3 and 11', () => {
    const forms = [1, 2, 3, 11].map((n) => plural(ar.progress as Record<string, string>, 'waiting', n, 'ar'));
    expect(new Set(forms).size).toBe(4);
  });
});
