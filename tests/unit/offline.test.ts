import { describe, expect, it } from 'vitest';
import { downloadCacheName, generationOf, isComplete, isDownloadCache, precacheName } from '../../src/offline/caches.ts';
import { commonPages, downloadSize, formatBytes, languageDownload, pathDownload } from '../../src/offline/sets.ts';
import { assetRefs, isStale, markSavedCopy, savedAtFrom, unneededGenerations } from '../../src/offline/generations.ts';
import { minutesLeft, pathProgress } from '../../src/learning-record/onboarding.ts';
import { formatDuration } from '../../src/i18n/duration.ts';
import { inlineScriptHashes, policyFor } from '../../scripts/lib/csp.ts';

describe('precache generations', () => {
  const build = [
    { url: '_astro/A.1.js', revision: null },
    { url: 'en/offline/', revision: 'r1' },
  ];

  it('names a build by its file list and revisions, in any order', () => {
    expect(generationOf(build)).toBe(generationOf([...build].reverse()));
    expect(generationOf(build)).not.toBe(generationOf([build[0]!, { url: 'en/offline/', revision: 'r2' }]));
    expect(generationOf(build)).not.toBe(generationOf([{ url: '_astro/A.2.js', revision: null }, build[1]!]));
    expect(precacheName(generationOf(build))).toMatch(/^continuum-precache-[0-9a-f]{16}$/);
  });

  it("finds the scripts a page was built with, and whether they are the current build's", () => {
    const html = '<script type="module" src="/_astro/Base.x1.js"></script><astro-island component-url="/_astro/Player.y2.js" renderer-url="/_astro/client.z3.js"></astro-island><a href="/_astro/Base.x1.js">';
    expect(assetRefs(html)).toEqual(['/_astro/Base.x1.js', '/_astro/Player.y2.js', '/_astro/client.z3.js']);
    expect(isStale(html, new Set(['/_astro/Base.x1.js', '/_astro/Player.y2.js', '/_astro/client.z3.js']))).toBe(false);
    expect(isStale(html, new Set(['/_astro/Base.x1.js', '/_astro/Player.NEW.js', '/_astro/client.z3.js']))).toBe(true);
    expect(isStale('<p>no scripts</p>', new Set())).toBe(false);
  });

  it('keeps a previous build while a saved page needs one of its scripts, and lets it go after', () => {
    const current = new Set(['/_astro/shared.1.js', '/_astro/Player.2.js']);
    const previous = [
      { name: 'old-a', assets: new Set(['/_astro/shared.1.js', '/_astro/Player.OLD.js']) },
      { name: 'old-b', assets: new Set(['/_astro/shared.1.js', '/_astro/Gone.9.js']) },
    ];
    // one page still refers to the old player; another only to files the current build has
    const pages = [['/_astro/shared.1.js', '/_astro/Player.OLD.js'], ['/_astro/shared.1.js', '/_astro/Player.2.js']];
    expect(unneededGenerations(previous, current, pages)).toEqual(['old-b']);
    // once that page is refreshed, nothing needs either
    expect(unneededGenerations(previous, current, [['/_astro/shared.1.js', '/_astro/Player.2.js']])).toEqual(['old-a', 'old-b']);
  });

  it('marks a copy answered from the device with when it was saved', () => {
    const html = '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>T</title></head><body></body></html>';
    const marked = markSavedCopy(html, '2026-12-01T10:00:00.000Z');
    expect(marked).toContain('<head><meta name="continuum-saved-at" content="2026-12-01T10:00:00.000Z"><meta charset="utf-8">');
    expect(markSavedCopy(html, '"><script>x</script>')).not.toContain('<script>');
    expect(savedAtFrom('Tue, 01 Dec 2026 10:00:00 GMT')).toBe('2026-12-01T10:00:00.000Z');
    expect(savedAtFrom('not a date')).toBe('');
  });
});

describe('downloads', () => {
  const path = { id: 'essentials', title: 'Essentials', href: '/fr/paths/essentials/', steps: [{ href: '/fr/modules/a/' }, { href: '/fr/scenarios/s/' }, { href: '/fr/modules/a/' }] };

  it("holds a path's page, its steps once each, the glossary and My onboarding", () => {
    const set = pathDownload('fr', path);
    expect(set).toMatchObject({ id: 'fr/path/essentials', lang: 'fr', kind: 'path', title: 'Essentials' });
    expect(set.urls).toEqual(['/fr/paths/essentials/', '/fr/modules/a/', '/fr/scenarios/s/', ...commonPages('fr')]);
    expect(downloadCacheName(set.id)).toBe('continuum-download:fr/path/essentials');
    expect(isDownloadCache(downloadCacheName(set.id))).toBe(true);
    expect(isDownloadCache('continuum-pages')).toBe(false);
  });

  it('holds every lesson, simulation and path of a language, with their lists', () => {
    const set = languageDownload('ar', 'Arabic', { modules: ['a', 'b'], scenarios: ['s'], paths: ['p'] });
    expect(set.id).toBe('ar/language/all');
    expect(set.urls).toEqual(expect.arrayContaining(['/ar/', '/ar/modules/', '/ar/modules/a/', '/ar/modules/b/', '/ar/scenarios/', '/ar/scenarios/s/', '/ar/paths/', '/ar/paths/p/', '/ar/glossary/']));
    expect(new Set(set.urls).size).toBe(set.urls.length);
  });

  it('says how big a download is before it starts', () => {
    expect(downloadSize(['/a/', '/b/', '/c/'], { '/a/': 12_000, '/b/': 3_000 })).toEqual({ bytes: 15_000, unknown: 1 });
    expect(formatBytes(15_000, 'en')).toBe('15 kB');
    expect(formatBytes(2_450_000, 'en')).toBe('2.5 MB');
    expect(formatBytes(10_737_418_240, 'en')).toBe('10.7 GB');
    expect(formatBytes(2_450_000, 'fr')).toMatch(/^2,5\sMo$/);
  });

  it('knows a download is complete only when every page is saved', () => {
    expect(isComplete({ urls: ['/a/', '/b/'], saved: ['/b/', '/a/'] })).toBe(true);
    expect(isComplete({ urls: ['/a/', '/b/'], saved: ['/a/'] })).toBe(false);
  });
});

describe('time left on a path', () => {
  it('adds up the steps not passed yet', () => {
    const progress = pathProgress({ id: 'p', steps: ['module:a', 'module:b', 'scenario:c'] }, new Map([
      ['module:a', { activity: 'module:a', status: 'passed' }],
      ['module:b', { activity: 'module:b', status: 'in-progress' }],
    ]));
    expect(minutesLeft(progress, [20, 15, 30])).toBe(45);
    expect(minutesLeft(progress, [20])).toBe(0);
  });

  it('says it the way people do, in their language', () => {
    expect(formatDuration(45, 'en')).toBe('45 minutes');
    expect(formatDuration(80, 'en')).toBe('1 hour, 20 minutes');
    expect(formatDuration(120, 'fr')).toMatch(/^2\sheures$/); // a no-break space
    expect(formatDuration(80, 'es')).toBe('1 hora y 20 minutos');
    expect(formatDuration(30, 'sw')).toBe('dakika 30');
  });
});

describe('content security policy', () => {
  it('hashes inline scripts only (not external ones, not JSON data)', () => {
    const html = '<script>alert(1)</script><script type="module" src="/_astro/a.js"></script><script type="application/json">{"a":1}</script>';
    // echo -n 'alert(1)' | openssl dgst -sha256 -binary | base64
    expect(inlineScriptHashes(html)).toEqual(["'sha256-bhHHL3z2vDgxUt0W3dWQOrprscmda2Y5pLsLg4GF+pI='"]);
  });

  it('allows scripts from the site and the hashed ones, and nothing that frames or posts elsewhere', () => {
    const policy = policyFor(["'sha256-b'", "'sha256-a'", "'sha256-a'"]);
    expect(policy).toContain("script-src 'self' 'wasm-unsafe-eval' 'sha256-a' 'sha256-b';");
    expect(policy).not.toMatch(/script-src[^;]*'unsafe-inline'/);
    expect(policy).toContain("frame-ancestors 'none'");
    expect(policy).toContain("object-src 'none'");
    expect(policy).toContain("form-action 'self'");
    expect(policy).toContain('report-uri /api/continuum/csp-report');
  });
});
