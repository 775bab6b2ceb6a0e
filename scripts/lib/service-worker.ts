/**
 * The service worker of a built site: src/pwa/service-worker.ts bundled with esbuild, then
 * Workbox's injectManifest (workbox-build) writes the list of files to precache, each with a
 * revision (a hash of its content; hashed /_astro/ names need none), into
 * <outDir>/service-worker.js. Run after `astro build` on the folder the build wrote.
 *
 * Precached (the app shell, installed whole by each new worker): every /_astro/ script and
 * style, the offline page and web app manifest of each language, the icons.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';
import { injectManifest } from 'workbox-build';
import { root } from './paths.ts';

export const serviceWorkerFile = 'service-worker.js';

export const precachePatterns = ['_astro/**/*.{js,css}', '*/offline/index.html', '*/manifest.webmanifest', 'icons/*.png', 'favicon.svg'];

export interface ServiceWorkerReport {
  file: string;
  /** Files precached. */
  count: number;
  /** Their total size, uncompressed. */
  size: number;
}

export async function generateServiceWorker(outDir: string): Promise<ServiceWorkerReport> {
  const work = mkdtempSync(path.join(os.tmpdir(), 'continuum-sw-'));
  try {
    const bundled = path.join(work, serviceWorkerFile);
    await build({
      entryPoints: [path.join(root, 'src/pwa/service-worker.ts')],
      outfile: bundled,
      bundle: true,
      format: 'iife',
      platform: 'browser',
      target: 'es2022',
      minify: true,
      legalComments: 'none',
      define: { 'process.env.NODE_ENV': '"production"' },
      logLevel: 'warning',
    });
    const file = path.join(outDir, serviceWorkerFile);
    const { count, size, warnings } = await injectManifest({
      swSrc: bundled,
      swDest: file,
      globDirectory: outDir,
      globPatterns: precachePatterns,
      // a hashed name is its own revision
      dontCacheBustURLsMatching: /^_astro\//,
      // pages are asked for by their folder ("/en/offline/"), not ".../index.html"
      manifestTransforms: [async (entries) => ({ manifest: entries.map((e) => ({ ...e, url: e.url.replace(/(^|\/)index\.html$/, '$1') })), warnings: [] })],
    });
    if (warnings.length > 0) throw new Error(`service worker: ${warnings.join('; ')}`);
    if (count === 0) throw new Error(`service worker: nothing to precache in ${outDir} (was the site built there?)`);
    return { file, count, size };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
