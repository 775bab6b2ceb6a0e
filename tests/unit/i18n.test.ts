import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { locales } from '../../src/i18n/locales.ts';
import { pickStrings, useTranslations } from '../../src/i18n/index.ts';

const keysOf = (value: unknown, prefix = ''): string[] =>
  value && typeof value === 'object'
    ? Object.entries(value).flatMap(([k, v]) => keysOf(v, prefix ? `${prefix}.${k}` : k))
    : [prefix];
const base = (key: string) => key.replace(/_(zero|one|two|few|many|other)$/, '');

describe('UI strings', () => {
  const en = JSON.parse(readFileSync('src/i18n/ui/en.json', 'utf8'));
  for (const locale of locales) {
    it(`${locale}.json has every English key, translated`, () => {
      const strings = JSON.parse(readFileSync(`src/i18n/ui/${locale}.json`, 'utf8'));
      const have = new Set(keysOf(strings).map(base));
      const missing = keysOf(en).map(base).filter((k) => !have.has(k));
      expect(missing).toEqual([]);
      if (locale !== 'en') {
        expect(strings.auth.signIn).not.toBe(en.auth.signIn);
        expect(strings.home.title).not.toBe(en.home.title);
      }
    });
  }

  it('translates through one i18next instance, per page language', () => {
    expect(useTranslations('en')('auth.signIn')).toBe('Sign in');
    expect(useTranslations('fr')('progress.summary', { done: 2, total: 6 })).toMatch(/2.*6/);
    expect(useTranslations('en')('home.minutes', { count: 1 })).toBe('1 min');
  });

  it('gives islands a whole group of strings, with English for any gap', () => {
    const fr = pickStrings('fr', 'auth');
    expect(fr.signIn).not.toBe('Sign in');
    expect(Object.keys(fr)).toEqual(expect.arrayContaining(Object.keys(pickStrings('en', 'auth'))));
  });
});
