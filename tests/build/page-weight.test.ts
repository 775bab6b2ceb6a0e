/**
 * Page-weight budgets read from the build output (dist/, built by `npm test` before this runs).
 */
import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { kb, measureSite } from '../../scripts/lib/page-weight.ts';
import { locales } from '../../src/i18n/locales.ts';

const siteDir = 'dist';
/**
 * Budget for the heaviest page's JavaScript, gzipped: a cheap phone on a weak connection. The
 * heaviest is a simulation page, 52.2 KB since learner pages use the small API client instead of
 * the PocketBase SDK (60.6 KB with it); its wire budget (90 KB with the page) is far from reached.
 */
const heaviestPageJsBudget = 60 * 1024;
/** Budget for the service worker registration every page loads (workbox-window), gzipped. */
const registrationBudget = 4 * 1024;
/** Budget for any page's HTML with its inlined CSS, gzipped. */
const htmlBudget = 40 * 1024;
/**
 * Budget for the scenario studio's first load (trainers, laptop-first: the checks, YAML and
 * forms; the YAML editor is loaded only when its view is opened). Not counted for learners.
 */
const studioJsBudget = 180 * 1024;
const isStudio = (page: string) => /^\/[a-z]{2}\/studio\//.test(page);
/**
 * Strings only the PocketBase JS SDK's bundle has (its realtime route, and the address in its
 * auto-cancellation message): the small client of src/islands/lib/api-client.ts has neither.
 */
const sdkMarkers = ['/api/realtime', 'pocketbase/js-sdk'];
const isAccountPage = (page: string) => /^\/[a-z]{2}\/account\//.test(page);

/** Every script a page may run: what it loads, and what that imports later (import()), as site paths. */
function reachable(siteDir: string, first: readonly string[]): string[] {
  const seen = new Set<string>();
  const queue = [...first];
  for (let file = queue.shift(); file !== undefined; file = queue.shift()) {
    if (seen.has(file)) continue;
    seen.add(file);
    const code = readFileSync(path.join(siteDir, file), 'utf8');
    for (const m of code.matchAll(/(?:\bimport\s*\(\s*|\bfrom\s*|\bimport\s*)["'`]([^"'`]+\.js)["'`]/g)) {
      const ref = m[1]!;
      queue.push(ref.startsWith('/') ? ref.slice(1) : path.relative(siteDir, path.resolve(siteDir, path.dirname(file), ref)));
    }
  }
  return [...seen];
}

describe('page weight (from dist/)', () => {
  if (!existsSync(`${siteDir}/en/index.html`)) {
    it('needs a build', () => {
      throw new Error('dist/ has no built site; run `npm run build` first (npm test does).');
    });
    return;
  }
  const site = measureSite(siteDir);
  const pages = site.filter((p) => !isStudio(p.page));
  const studioPages = site.filter((p) => isStudio(p.page));

  it('measures every page', () => {
    expect(pages.length).toBeGreaterThan(10);
    const heaviest = pages[0]!;
    console.log(
      `page weight: ${pages.length} pages; heaviest JavaScript ${heaviest.page} ${kb(heaviest.jsGzipBytes)} gzip ` +
        `(${heaviest.jsFiles.length} files, ${heaviest.islands} islands); ` +
        `pages with no JavaScript: ${pages.filter((p) => p.jsBytes === 0).length}`,
    );
  });

  it('ships only the service worker registration on a page without islands', () => {
    // every page registers the worker (src/pwa/register.ts and its chunks); nothing else runs
    // on a page without islands but the staff tools' loader on the lessons list (ScormSlot.astro,
    // which fetches the tools only for staff); "/" (the language fallback for hosts without
    // PocketBase) also has its tiny inline redirect
    const withoutIslands = pages.filter((p) => p.islands === 0);
    expect(withoutIslands.length).toBeGreaterThan(0);
    const registration = new Set(withoutIslands.find((p) => p.page === '/en/glossary/')!.jsFiles);
    expect([...registration].some((f) => readFileSync(`${siteDir}/${f}`, 'utf8').includes('/service-worker.js'))).toBe(true);
    const staffLoader = (p: (typeof pages)[number]) => p.jsFiles.some((f) => f.includes('/ScormSlot.astro_astro_type_script'));
    expect(withoutIslands.filter(staffLoader).map((p) => p.page).sort()).toEqual(locales.map((l) => `/${l}/modules/`).sort());
    const others = withoutIslands.filter((p) => !staffLoader(p) && p.jsFiles.some((f) => !registration.has(f) && !/\/(index|print)\.astro_astro_type_script/.test(f)));
    expect(others.map((p) => `${p.page}: ${p.jsFiles.join(', ')}`)).toEqual([]);
    const glossary = withoutIslands.find((p) => p.page === '/en/glossary/')!;
    expect(glossary.jsGzipBytes).toBeLessThan(registrationBudget);
    expect(pages.find((p) => p.page === '/')!.inlineScriptBytes).toBeLessThan(1024);
  });

  it('loads the island code on a page with islands', () => {
    const lesson = pages.find((p) => p.page === '/en/modules/children-on-the-move/')!;
    expect(lesson.islands).toBeGreaterThan(1);
    expect(lesson.jsFiles.some((f) => f.includes('SectionDone'))).toBe(true);
  });

  it(`keeps the heaviest page's JavaScript under ${kb(heaviestPageJsBudget)} gzip`, () => {
    expect(pages[0]!.jsGzipBytes).toBeLessThan(heaviestPageJsBudget);
  });

  it(`keeps every page's HTML under ${kb(htmlBudget)} gzip`, () => {
    expect(site.filter((p) => p.htmlGzipBytes > htmlBudget).map((p) => `${p.page} ${kb(p.htmlGzipBytes)}`)).toEqual([]);
  });

  it(`loads the studio's JavaScript only on studio pages (under ${kb(studioJsBudget)} gzip there)`, () => {
    expect(studioPages.map((p) => p.page).sort()).toEqual(['/ar/studio/', '/en/studio/', '/es/studio/', '/fr/studio/', '/pt/studio/', '/sw/studio/']);
    const studio = studioPages[0]!;
    console.log(`page weight: studio ${kb(studio.jsGzipBytes)} gzip (${studio.jsFiles.length} files)`);
    expect(studio.jsGzipBytes).toBeLessThan(studioJsBudget);
    const studioOnly = studio.jsFiles.filter((f) => site.filter((p) => p.jsFiles.includes(f)).every((p) => isStudio(p.page)));
    expect(studioOnly.some((f) => f.includes('Studio'))).toBe(true);
    expect(pages.filter((p) => p.jsFiles.some((f) => studioOnly.includes(f))).map((p) => p.page)).toEqual([]);
  });

  it('loads the PocketBase SDK only on the account pages; lessons and simulations never reach it', () => {
    const sdkFiles = new Set(
      [...new Set(site.flatMap((p) => p.jsFiles))].filter((f) => {
        const code = readFileSync(path.join(siteDir, f), 'utf8');
        return sdkMarkers.every((marker) => code.includes(marker));
      }),
    );
    // the markers are real: the account forms load the SDK
    const withSdk = site.filter((p) => p.jsFiles.some((f) => sdkFiles.has(f))).map((p) => p.page);
    expect(withSdk).toContain('/en/account/');
    expect(withSdk.filter((p) => !isAccountPage(p))).toEqual([]);
    // nor later: nothing a lesson, a simulation or My onboarding runs imports it
    const learnerPages = site.filter((p) => /^\/[a-z]{2}\/(modules\/[^/]+|scenarios\/[^/]+|onboarding)\/$/.test(p.page));
    expect(learnerPages.length).toBeGreaterThan(80);
    // (what is imported later is followed: the staff tools a lesson loads only for staff)
    expect(reachable(siteDir, learnerPages[0]!.jsFiles).some((f) => f.includes('staff-tools'))).toBe(true);
    const reaching = learnerPages.filter((p) => reachable(siteDir, p.jsFiles).some((f) => sdkMarkers.some((m) => readFileSync(path.join(siteDir, f), 'utf8').includes(m))));
    expect(reaching.map((p) => p.page)).toEqual([]);
    console.log(`page weight: the SDK (${[...sdkFiles].join(', ')}) on ${withSdk.length} account pages only`);
  });
});
