/**
 * "Back" links point to where lines start: left in English, right in Arabic (BackLink.astro),
 * read from the build output (dist/, built by `npm test` before this runs).
 */
import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';

const pages = ['modules/children-on-the-move/', 'modules/children-on-the-move/print/', 'paths/border-officer/', 'scenarios/border-arrival/'];
const arrows = (html: string) => [...html.matchAll(/<a href="[^"]*"[^>]*><span aria-hidden="true">([←→])<\/span>/g)].map((m) => m[1]);

describe('back links', () => {
  if (!existsSync('dist/en/index.html')) {
    it('needs a build', () => {
      throw new Error('dist/ has no built site; run `npm run build` first (npm test does).');
    });
    return;
  }
  for (const page of pages) {
    it(`/${page}: ← in English, → in Arabic, the arrow not read out`, () => {
      expect(arrows(readFileSync(`dist/en/${page}index.html`, 'utf8'))).toEqual(['←']);
      expect(arrows(readFileSync(`dist/ar/${page}index.html`, 'utf8'))).toEqual(['→']);
    });
  }
});
