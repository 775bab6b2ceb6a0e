/**
 * Module preload hints: each page lists, in its <head>, every module its islands need
 * (`<link rel="modulepreload">`), so that a browser fetches them all at once instead of one
 * import level after another. On a 300 ms round trip each level saved is 300 ms or more before
 * the buttons work. Astro does not write these for islands; the build adds them here, after
 * `astro build` and before the policy, the service worker and compression are made.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { htmlFiles, islandModules } from './page-weight.ts';

const marker = 'data-continuum-preload';

/** Adds the hints to every page with islands; returns how many pages got them. */
export function addModulePreloads(outDir: string): number {
  let pages = 0;
  for (const file of htmlFiles(outDir)) {
    const html = readFileSync(file, 'utf8');
    if (html.includes(marker)) continue;
    const modules = islandModules(outDir, file, html);
    if (modules.length === 0) continue;
    const links = modules.map((href) => `<link rel="modulepreload" href="${href}" ${marker}>`).join('');
    writeFileSync(file, html.replace('</head>', `${links}</head>`));
    pages++;
  }
  return pages;
}

/** Pagefind's entry file (written by Pagefind into <site>/pagefind/). */
interface PagefindEntry {
  languages: Record<string, { hash: string; wasm: string | null }>;
}

/**
 * The files a search page's Pagefind needs before it can answer, for the page's language:
 * its script, the language's index metadata and its WebAssembly (Pagefind ships no stemmer for
 * some languages, Swahili among them: those use "unknown"). The search runs on the page, not in
 * Pagefind's worker (Search.svelte), so these are the files it asks for. Empty when the site has
 * no index for that language.
 */
export function pagefindFiles(entry: PagefindEntry, lang: string): { modules: string[]; files: string[] } {
  const language = entry.languages[lang];
  if (!language) return { modules: [], files: [] };
  return {
    modules: ['/pagefind/pagefind.js'],
    files: [`/pagefind/pagefind.${language.hash}.pf_meta`, `/pagefind/wasm.${language.wasm ?? 'unknown'}.pagefind`],
  };
}

/**
 * Preload hints on each language's search page for Pagefind's files (pagefindFiles), so that they
 * download while the page starts instead of one after another once the search box has started
 * (on a 300 ms round trip they were four waits in a row). Run after Pagefind has indexed the site.
 * Returns how many pages got them.
 */
export function addSearchPreloads(outDir: string): number {
  const entryFile = path.join(outDir, 'pagefind', 'pagefind-entry.json');
  if (!existsSync(entryFile)) return 0;
  const entry = JSON.parse(readFileSync(entryFile, 'utf8')) as PagefindEntry;
  let pages = 0;
  for (const file of htmlFiles(outDir)) {
    if (!file.endsWith(`${path.sep}search${path.sep}index.html`)) continue;
    const html = readFileSync(file, 'utf8');
    if (html.includes(`${marker}="search"`)) continue;
    const lang = /<html[^>]*\slang="([^"]+)"/.exec(html)?.[1] ?? '';
    const { modules, files } = pagefindFiles(entry, lang);
    if (modules.length === 0) continue;
    const links = [
      ...modules.map((href) => `<link rel="modulepreload" href="${href}" ${marker}="search">`),
      ...files.map((href) => `<link rel="preload" href="${href}" as="fetch" crossorigin ${marker}="search">`),
    ].join('');
    writeFileSync(file, html.replace('</head>', `${links}</head>`));
    pages++;
  }
  return pages;
}
