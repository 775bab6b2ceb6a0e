/**
 * Page weight from the build output: for each HTML page, the JavaScript it makes the browser
 * load (scripts, island components and renderers, and every module they import statically),
 * gzipped, and the page with its JavaScript as sent on the wire (the Brotli copies the build
 * made, which PocketBase sends). Used by the build-output tests and by `npm run bench`.
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { brotliCompressSync, gzipSync } from 'node:zlib';

export interface PageWeight {
  page: string;
  islands: number;
  jsFiles: string[];
  inlineScriptBytes: number;
  jsBytes: number;
  jsGzipBytes: number;
  htmlGzipBytes: number;
  /** The page and its JavaScript uncompressed. */
  rawBytes: number;
  /** The page and its JavaScript as sent to a browser that accepts Brotli. */
  wireBytes: number;
}

/** The size of a file as sent: its precompressed Brotli copy, or Brotli made here. */
function brotliBytes(file: string, body: Buffer): number {
  return existsSync(file + '.br') ? statSync(file + '.br').size : Math.min(body.length, brotliCompressSync(body).length);
}

export function htmlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return htmlFiles(full);
    return name.endsWith('.html') ? [full] : [];
  });
}

function resolveAsset(siteDir: string, from: string, ref: string): string | null {
  if (/^(https?:)?\/\//.test(ref)) return null;
  // always absolute, so that a file reached from a page and from an import counts once
  const file = ref.startsWith('/') ? path.resolve(siteDir, ref.slice(1)) : path.resolve(path.dirname(from), ref);
  return file.split('?')[0] ?? null;
}

/** The JS files a script pulls in through static imports (not dynamic import()). */
function staticClosure(siteDir: string, entry: string, seen: Set<string>): void {
  if (seen.has(entry)) return;
  seen.add(entry);
  const code = readFileSync(entry, 'utf8');
  const pattern = /(?:^|[;\s}])import\s*(?:[\w*{}\s,$]+from\s*)?["']([^"']+\.js)["']|export\s*(?:\*|\{[^}]*\})\s*from\s*["']([^"']+\.js)["']/g;
  for (const match of code.matchAll(pattern)) {
    const ref = match[1] ?? match[2];
    const file = ref ? resolveAsset(siteDir, entry, ref) : null;
    if (file) staticClosure(siteDir, file, seen);
  }
}

/**
 * The modules a page's islands load before they work: each island's component and renderer
 * and everything they import statically, as site paths ("/_astro/x.js"), entries first.
 */
export function islandModules(siteDir: string, htmlFile: string, html = readFileSync(htmlFile, 'utf8')): string[] {
  const seen = new Set<string>();
  for (const m of html.matchAll(/\b(?:component-url|renderer-url|before-hydration-url)="([^"]+)"/g)) {
    const file = resolveAsset(siteDir, htmlFile, m[1]!);
    if (file) staticClosure(siteDir, file, seen);
  }
  return [...seen].map((f) => '/' + path.relative(siteDir, f).split(path.sep).join('/'));
}

export function measurePage(siteDir: string, htmlFile: string): PageWeight {
  const html = readFileSync(htmlFile, 'utf8');
  const entries = new Set<string>();
  let inlineScriptBytes = 0;
  for (const m of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)) {
    const attrs = m[1] ?? '';
    const src = /\bsrc="([^"]+)"/.exec(attrs)?.[1];
    if (/type="application\/(ld\+)?json"/.test(attrs)) continue;
    if (src) {
      const file = resolveAsset(siteDir, htmlFile, src);
      if (file) entries.add(file);
    } else {
      inlineScriptBytes += Buffer.byteLength(m[2] ?? '');
    }
  }
  for (const m of html.matchAll(/\b(?:component-url|renderer-url)="([^"]+)"/g)) {
    const file = resolveAsset(siteDir, htmlFile, m[1]!);
    if (file) entries.add(file);
  }
  for (const m of html.matchAll(/<link\b[^>]*rel="modulepreload"[^>]*href="([^"]+)"/g)) {
    const file = resolveAsset(siteDir, htmlFile, m[1]!);
    if (file) entries.add(file);
  }
  const files = new Set<string>();
  for (const entry of entries) staticClosure(siteDir, entry, files);
  const jsSources = [...files].map((f) => readFileSync(f));
  const htmlBody = Buffer.from(html);
  const inline = [...html.matchAll(/<script\b(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1] ?? '').join('\n');
  const allJs = Buffer.concat([...jsSources, Buffer.from(inline)]);
  return {
    page: '/' + path.relative(siteDir, htmlFile).replace(/index\.html$/, ''),
    islands: (html.match(/<astro-island\b/g) ?? []).length,
    jsFiles: [...files].map((f) => path.relative(siteDir, f)).sort(),
    inlineScriptBytes,
    jsBytes: allJs.length,
    // each file is fetched and compressed on its own, so sum per-file gzip sizes
    jsGzipBytes: jsSources.reduce((sum, b) => sum + gzipSync(b, { level: 9 }).length, 0) + (inline ? gzipSync(inline).length : 0),
    htmlGzipBytes: gzipSync(html, { level: 9 }).length,
    rawBytes: htmlBody.length + jsSources.reduce((sum, b) => sum + b.length, 0),
    wireBytes: brotliBytes(htmlFile, htmlBody) + [...files].reduce((sum, f, i) => sum + brotliBytes(f, jsSources[i]!), 0),
  };
}

export function measureSite(siteDir: string): PageWeight[] {
  return htmlFiles(siteDir)
    .map((f) => measurePage(siteDir, f))
    .sort((a, b) => b.jsGzipBytes - a.jsGzipBytes || a.page.localeCompare(b.page));
}

export const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
