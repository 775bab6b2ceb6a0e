/**
 * What a built site needs before it is served, run on the folder `astro build` (and Pagefind)
 * wrote: module preload hints for the islands and for Pagefind on the search pages, the pages' Content-Security-Policy, the service
 * worker with its precache list, the
 * Brotli and gzip copies of every text file, and page-sizes.json (each page's size on the wire,
 * which "Download for offline" shows before it starts). Takes the folder as a parameter so a
 * build can be prepared in a new folder and swapped in whole.
 */
import { readdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { writeContentSecurityPolicy } from './csp.ts';
import { addModulePreloads, addSearchPreloads } from './preload.ts';
import { generateServiceWorker } from './service-worker.ts';
import { compressFile, precompress, wireBytes } from './precompress.ts';
import { kb } from './page-weight.ts';

export const pageSizesFile = 'page-sizes.json';

export interface PreparedSite {
  inlineScripts: number;
  precached: { count: number; size: number };
  compressedFiles: number;
  pages: number;
}

export async function prepareSite(outDir: string, log: (line: string) => void = console.log): Promise<PreparedSite> {
  if (!statSync(outDir, { throwIfNoEntry: false })?.isDirectory() || !readdirSync(outDir).includes('404.html')) {
    throw new Error(`${outDir} does not hold a built site (no 404.html): run astro build first.`);
  }
  const preloaded = addModulePreloads(outDir);
  const searchPreloaded = addSearchPreloads(outDir);
  const csp = writeContentSecurityPolicy(outDir);
  const worker = await generateServiceWorker(outDir);
  const sizes = await precompress(outDir);

  // "/en/modules/x/" -> bytes a browser receives for it
  const pages = Object.fromEntries(
    [...sizes.entries()]
      .filter(([file]) => file.endsWith('index.html'))
      .map(([file, s]) => ['/' + file.replace(/index\.html$/, ''), wireBytes(s)] as const)
      .sort(([a], [b]) => a.localeCompare(b)),
  );
  const sizesPath = path.join(outDir, pageSizesFile);
  writeFileSync(sizesPath, JSON.stringify(pages));
  await compressFile(sizesPath);

  const compressed = [...sizes.values()].filter((s) => s.br !== undefined).length;
  log(
    `prepared ${outDir}: module preloads on ${preloaded} pages, Pagefind's files on ${searchPreloaded} search pages; CSP with ${csp.inlineScripts} inline script hashes; service worker precaching ${worker.count} files (${kb(worker.size)}); ` +
      `${compressed} files precompressed; ${Object.keys(pages).length} page sizes`,
  );
  return { inlineScripts: csp.inlineScripts, precached: { count: worker.count, size: worker.size }, compressedFiles: compressed, pages: Object.keys(pages).length };
}
