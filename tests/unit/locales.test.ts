import { describe, expect, it } from 'vitest';
import { isLocale, localeFromPath, localizePath, locales, preferredLocale, safeRedirectPath, textDirection } from '../../src/i18n/locales.ts';

describe('locales', () => {
  it('knows its six languages, and only those', () => {
    expect([...locales]).toEqual(['en', 'fr', 'pt', 'es', 'sw', 'ar']);
    expect(isLocale('sw')).toBe(true);
    expect(isLocale('de')).toBe(false);
    expect(isLocale('EN')).toBe(false);
    expect(isLocale(undefined)).toBe(false);
  });

  it('writes Arabic right-to-left and the others left-to-right', () => {
    expect(textDirection('ar')).toBe('rtl');
    for (const l of locales.filter((l) => l !== 'ar')) expect(textDirection(l)).toBe('ltr');
  });

  it('reads the locale of a path', () => {
    expect(localeFromPath('/fr/modules/x/')).toBe('fr');
    expect(localeFromPath('/ar/')).toBe('ar');
    expect(localeFromPath('/')).toBe('en');
    expect(localeFromPath('/de/x/')).toBe('en');
  });

  it('swaps the locale of a path and keeps the rest', () => {
    expect(localizePath('/fr/modules/children-on-the-move/', 'ar')).toBe('/ar/modules/children-on-the-move/');
    expect(localizePath('/fr/', 'sw')).toBe('/sw/');
    expect(localizePath('/', 'pt')).toBe('/pt/');
    expect(localizePath('/modules/x/', 'es')).toBe('/es/modules/x/');
  });

  it('prefers the stored choice, then Accept-Language by weight, then English', () => {
    expect(preferredLocale(null, 'fr-CA,fr;q=0.9,en;q=0.5')).toBe('fr');
    expect(preferredLocale('ar', 'fr')).toBe('ar');
    expect(preferredLocale('xx', 'es')).toBe('es');
    expect(preferredLocale(null, 'de-DE,de;q=0.9,pt-BR;q=0.8,en;q=0.1')).toBe('pt');
    expect(preferredLocale(null, 'en;q=0.2, sw;q=0.8')).toBe('sw');
    expect(preferredLocale(null, 'fr;q=0, es')).toBe('es');
    expect(preferredLocale(null, 'zh, de')).toBe('en');
    expect(preferredLocale(undefined, '')).toBe('en');
    expect(preferredLocale(null, ['de-DE', 'ar-EG'])).toBe('ar');
  });

  it('keeps redirects on this site', () => {
    expect(safeRedirectPath('/fr/modules/x/', 'fr')).toBe('/fr/modules/x/');
    for (const bad of ['', null, 'https://elsewhere.example/', '//elsewhere.example/', '/\\elsewhere.example', '/a\r\nSet-Cookie: x=1', 'javascript:alert(1)']) {
      expect(safeRedirectPath(bad, 'fr')).toBe('/fr/');
    }
  });
});
