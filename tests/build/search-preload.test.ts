/**
 * The search pages preload Pagefind's files for their language (scripts/lib/preload.ts), read
 * from the build output (dist/, built by `npm test` before this runs).
 */
import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { pagefindFiles } from '../../scripts/lib/preload.ts';
import { locales } from '../../src/i18n/locales.ts';

const siteDir = 'dist';

describe("Pagefind's files on the search pages", () => {
  it('names the stemmer of a language Pagefind has one for, and "unknown" for one it has not', () => {
    const entry = { languages: { en: { hash: 'en_1', wasm: 'en' }, sw: { hash: 'sw_2', wasm: null } } };
    expect(pagefindFiles(entry, 'en')).toEqual({ modules: ['/pagefind/pagefind.js'], files: ['/pagefind/pagefind.en_1.pf_meta', '/pagefind/wasm.en.pagefind'] });
    expect(pagefindFiles(entry, 'sw').files).toEqual(['/pagefind/pagefind.sw_2.pf_meta', '/pagefind/wasm.unknown.pagefind']);
    expect(pagefindFiles(entry, 'ar')).toEqual({ modules: [], files: [] });
  });

  if (!existsSync(`${siteDir}/en/search/index.html`)) {
    it('needs a build', () => {
      throw new Error('dist/ has no built site; run `npm run build` first (npm test does).');
    });
    return;
  }

  for (const lang of locales) {
    it(`${lang}: each preloaded file exists, with the index of the page's language`, () => {
      const html = readFileSync(path.join(siteDir, lang, 'search', 'index.html'), 'utf8');
      const links = [...html.matchAll(/<link rel="(modulepreload|preload)" href="([^"]+)"[^>]*data-continuum-preload="search"/g)].map((m) => m[2]!);
      expect(links).toContain('/pagefind/pagefind.js');
      expect(links.some((href) => new RegExp(`^/pagefind/pagefind\\.${lang}_[0-9a-f]+\\.pf_meta$`).test(href))).toBe(true);
      expect(links.some((href) => /^\/pagefind\/wasm\.[a-z]+\.pagefind$/.test(href))).toBe(true);
      for (const href of links) expect(existsSync(path.join(siteDir, href)), href).toBe(true);
    });
  }
});
