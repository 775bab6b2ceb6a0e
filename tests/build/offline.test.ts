/**
 * The built site as a phone gets it (dist/, built by `npm test` before this runs): every page
 * registers the service worker and links its language's manifest; the manifests are valid and
 * their icons exist at their sizes; the worker precaches the app shell with revisions; the
 * pages' Content-Security-Policy allows every inline script Astro wrote; every text file has
 * its Brotli and gzip copy; and the pages fit their budgets on the wire.
 */
import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { islandModules, kb, measurePage, measureSite } from '../../scripts/lib/page-weight.ts';
import { inlineScriptHashes, policyFile } from '../../scripts/lib/csp.ts';
import { locales } from '../../src/i18n/locales.ts';

const siteDir = 'dist';
/**
 * A lesson with its scripts, on the wire (Brotli), for a 700 kbps connection, as issue 10 asks.
 * The heaviest (French) lesson is 52.0 KB since learner pages use the small API client instead
 * of the PocketBase SDK (60.2 KB with it).
 */
const lessonBudget = 60 * 1024;
/** The heaviest page a learner opens (not the supervisor's, admin's and studio's laptop pages). */
const learnerPageBudget = 90 * 1024;

function files(dir: string, ext: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return files(full, ext);
    return name.endsWith(ext) ? [full] : [];
  });
}

/** Width and height from a PNG's IHDR chunk. */
function pngSize(file: string): { width: number; height: number } {
  const b = readFileSync(file);
  expect(b.subarray(0, 8).toString('hex'), `${file} is not a PNG`).toBe('89504e470d0a1a0a');
  return { width: b.readUInt32BE(16), height: b.readUInt32BE(20) };
}

describe('offline and serving (from dist/)', () => {
  if (!existsSync(`${siteDir}/service-worker.js`)) {
    it('needs a build', () => {
      throw new Error('dist/ has no service worker; run `npm run build` first (npm test does).');
    });
    return;
  }
  const pages = files(siteDir, '.html');
  const worker = readFileSync(`${siteDir}/service-worker.js`, 'utf8');
  const precached = [...worker.matchAll(/\{"revision":(null|"[0-9a-f]+"),"url":"([^"]+)"\}/g)].map((m) => ({ revision: m[1] === 'null' ? null : m[1]!.slice(1, -1), url: m[2]! }));

  it('registers the service worker from every page (but the print views, which have no JavaScript)', () => {
    expect(pages.length).toBeGreaterThan(200);
    const registers = (page: string) => measurePage(siteDir, page).jsFiles.some((f) => readFileSync(path.join(siteDir, f), 'utf8').includes('/service-worker.js'));
    // and "/": PocketBase answers it with a redirect; its page is only for hosts without PocketBase
    const screens = pages.filter((p) => !/\/print\/index\.html$/.test(p) && p !== path.join(siteDir, 'index.html'));
    expect(screens.length).toBeGreaterThan(180);
    expect(screens.filter((p) => !registers(p)).map((p) => path.relative(siteDir, p))).toEqual([]);
  });

  it("links every page of a language to that language's manifest, with the theme colour", () => {
    const missing = pages
      .filter((p) => !p.endsWith(`${siteDir}/index.html`) && !/\/print\/index\.html$/.test(p))
      .filter((p) => {
        const html = readFileSync(p, 'utf8');
        const lang = /<html lang="([a-z]{2})"/.exec(html)?.[1];
        return !html.includes(`<link rel="manifest" href="/${lang}/manifest.webmanifest">`) || !/<meta name="theme-color" content="#[0-9a-f]{6}">/.test(html);
      });
    expect(missing.map((p) => path.relative(siteDir, p))).toEqual([]);
  });

  for (const lang of locales) {
    it(`has a valid web app manifest in ${lang}, whose icons exist at their sizes`, () => {
      const manifest = JSON.parse(readFileSync(`${siteDir}/${lang}/manifest.webmanifest`, 'utf8'));
      expect(manifest).toMatchObject({ id: '/', lang, start_url: `/${lang}/`, scope: '/', display: 'standalone', dir: lang === 'ar' ? 'rtl' : 'ltr' });
      expect(manifest.name.length).toBeGreaterThan(manifest.short_name.length);
      expect(manifest.short_name.length).toBeLessThanOrEqual(12);
      expect(manifest.theme_color).toMatch(/^#[0-9a-f]{6}$/);
      expect(manifest.background_color).toMatch(/^#[0-9a-f]{6}$/);
      const purposes = new Set<string>();
      for (const icon of manifest.icons as { src: string; sizes: string; type: string; purpose: string }[]) {
        const [w, h] = icon.sizes.split('x').map(Number);
        expect(icon.type).toBe('image/png');
        expect(pngSize(path.join(siteDir, icon.src)), icon.src).toEqual({ width: w, height: h });
        purposes.add(`${icon.purpose} ${icon.sizes}`);
      }
      // installable: 192 and 512 for any purpose, and a maskable one for Android's shapes
      expect([...purposes]).toEqual(expect.arrayContaining(['any 192x192', 'any 512x512', 'maskable 512x512']));
    });
  }

  it('names the manifests in each language', () => {
    const names = locales.map((l) => JSON.parse(readFileSync(`${siteDir}/${l}/manifest.webmanifest`, 'utf8')).name);
    expect(new Set(names).size).toBe(locales.length);
  });

  it("lists every module a page's islands need as a preload, so they come in one round trip", () => {
    const withIslands = pages.filter((p) => readFileSync(p, 'utf8').includes('<astro-island'));
    expect(withIslands.length).toBeGreaterThan(100);
    const missing = withIslands.flatMap((p) => {
      const html = readFileSync(p, 'utf8');
      const preloaded = new Set([...html.matchAll(/<link rel="modulepreload" href="([^"]+)"/g)].map((m) => m[1]));
      const needed = islandModules(siteDir, p, html);
      expect(needed.length).toBeGreaterThan(1);
      return needed.filter((m) => !preloaded.has(m)).map((m) => `${path.relative(siteDir, p)}: ${m}`);
    });
    expect(missing).toEqual([]);
  });

  it('precaches the app shell: every script, the offline page and manifest of each language, the icons', () => {
    const urls = new Set(precached.map((e) => e.url));
    const scripts = readdirSync(`${siteDir}/_astro`).filter((f) => f.endsWith('.js')).map((f) => `_astro/${f}`);
    expect(scripts.filter((s) => !urls.has(s))).toEqual([]);
    for (const lang of locales) {
      expect(urls).toContain(`${lang}/offline/`);
      expect(urls).toContain(`${lang}/manifest.webmanifest`);
      expect(urls).toContain(`${lang}/data/next-steps.json`); // "Your next step" works offline
    }
    expect(urls).toContain('icons/icon-192.png');
    // hashed names carry their own revision; every other file has one
    expect(precached.filter((e) => e.url.startsWith('_astro/') !== (e.revision === null))).toEqual([]);
    // and nothing that is not a file of this build
    expect([...urls].filter((u) => !existsSync(path.join(siteDir, u.endsWith('/') ? `${u}index.html` : u)))).toEqual([]);
  });

  it("allows every inline script of every page in the pages' Content-Security-Policy, and no other inline script", () => {
    const policy = readFileSync(path.join(siteDir, policyFile), 'utf8').trim();
    const scriptSrc = /script-src ([^;]+)/.exec(policy)![1]!.split(' ');
    expect(scriptSrc).not.toContain("'unsafe-inline'");
    expect(scriptSrc).not.toContain("'unsafe-eval'");
    const needed = new Set(pages.flatMap((p) => inlineScriptHashes(readFileSync(p, 'utf8'))));
    expect(needed.size).toBeGreaterThan(0);
    expect([...needed].filter((h) => !scriptSrc.includes(h))).toEqual([]);
    expect(scriptSrc.filter((s) => s.startsWith("'sha256-") && !needed.has(s))).toEqual([]);
  });

  it('has a Brotli and a gzip copy of every page, script and manifest (from 512 bytes), with the same content', () => {
    const texts = [...pages, ...files(`${siteDir}/_astro`, '.js'), `${siteDir}/service-worker.js`, `${siteDir}/en/manifest.webmanifest`].filter((f) => statSync(f).size >= 512);
    expect(texts.filter((f) => !existsSync(`${f}.br`) || !existsSync(`${f}.gz`)).map((f) => path.relative(siteDir, f))).toEqual([]);
    for (const f of [`${siteDir}/en/modules/children-on-the-move/index.html`, `${siteDir}/service-worker.js`, texts.filter((t) => t.endsWith('.js')).sort((a, b) => statSync(b).size - statSync(a).size)[0]!]) {
      const original = readFileSync(f);
      expect(brotliDecompressSync(readFileSync(`${f}.br`)).equals(original), f).toBe(true);
      expect(gunzipSync(readFileSync(`${f}.gz`)).equals(original), f).toBe(true);
    }
  });

  it('lists the size of every page for "Download for offline"', () => {
    const sizes = JSON.parse(readFileSync(`${siteDir}/page-sizes.json`, 'utf8')) as Record<string, number>;
    const expected = pages.filter((p) => p.endsWith('index.html')).map((p) => '/' + path.relative(siteDir, p).split(path.sep).join('/').replace(/index\.html$/, ''));
    expect(expected.filter((u) => !(u in sizes))).toEqual([]);
    expect(sizes['/en/modules/children-on-the-move/']).toBe(statSync(`${siteDir}/en/modules/children-on-the-move/index.html.br`).size);
  });

  describe('budgets on the wire (page and its scripts, Brotli)', () => {
    const weights = measureSite(siteDir);
    const learnerPages = weights.filter((w) => !/\/(supervise|admin|studio)\//.test(w.page));
    const heaviest = [...learnerPages].sort((a, b) => b.wireBytes - a.wireBytes)[0]!;

    it(`keeps every lesson under ${kb(lessonBudget)}`, () => {
      const lessons = weights.filter((w) => /^\/[a-z]{2}\/modules\/[^/]+\/$/.test(w.page));
      expect(lessons.length).toBeGreaterThan(40);
      const worst = [...lessons].sort((a, b) => b.wireBytes - a.wireBytes)[0]!;
      console.log(`heaviest lesson on the wire: ${worst.page} ${kb(worst.wireBytes)} (${kb(worst.rawBytes)} uncompressed)`);
      expect(lessons.filter((l) => l.wireBytes > lessonBudget).map((l) => `${l.page} ${kb(l.wireBytes)}`)).toEqual([]);
    });

    it(`keeps the heaviest learner page under ${kb(learnerPageBudget)}`, () => {
      console.log(`heaviest learner page on the wire: ${heaviest.page} ${kb(heaviest.wireBytes)} (${kb(heaviest.rawBytes)} uncompressed)`);
      expect(heaviest.wireBytes).toBeLessThanOrEqual(learnerPageBudget);
    });
  });
});
