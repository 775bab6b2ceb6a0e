/**
 * The Content-Security-Policy of a built site's pages, written to
 * <outDir>/content-security-policy.txt and sent by PocketBase with every page
 * (pocketbase/site.go). Scripts only from the site itself, plus the inline scripts Astro writes
 * into pages (its island loader and hydration directives), allowed by their SHA-256 hashes,
 * found in the built pages; WebAssembly for the search (Pagefind); styles from the site and
 * inline (Astro inlines each page's CSS); connections, workers and the manifest from the site
 * only; no plugins, no framing, forms only to the site. Violations are reported to
 * /api/continuum/csp-report (pb_hooks/csp.pb.js logs them).
 */
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export const policyFile = 'content-security-policy.txt';
export const reportPath = '/api/continuum/csp-report';

function htmlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return htmlFiles(full);
    return name.endsWith('.html') ? [full] : [];
  });
}

/**
 * The hash sources of a page's inline scripts (JSON data blocks do not run and need none).
 * @example inlineScriptHashes('<script>a()</script><script src="/x.js"></script>') // ["'sha256-…'"]
 */
export function inlineScriptHashes(html: string): string[] {
  const hashes: string[] = [];
  for (const m of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
    const attrs = m[1] ?? '';
    if (/\bsrc\s*=/.test(attrs) || /\btype\s*=\s*["']?application\/(ld\+)?json/i.test(attrs)) continue;
    hashes.push(`'sha256-${createHash('sha256').update(m[2] ?? '', 'utf8').digest('base64')}'`);
  }
  return hashes;
}

/** The policy for a set of inline-script hashes. */
export function policyFor(hashes: Iterable<string>): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'wasm-unsafe-eval' ${[...new Set(hashes)].sort().join(' ')}`.trim(),
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "worker-src 'self'",
    "manifest-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    `report-uri ${reportPath}`,
  ].join('; ');
}

/** Reads every page of outDir, writes the policy file, returns the policy. */
export function writeContentSecurityPolicy(outDir: string): { policy: string; inlineScripts: number } {
  const hashes = new Set<string>();
  for (const file of htmlFiles(outDir)) for (const h of inlineScriptHashes(readFileSync(file, 'utf8'))) hashes.add(h);
  const policy = policyFor(hashes);
  writeFileSync(path.join(outDir, policyFile), policy + '\n');
  return { policy, inlineScripts: hashes.size };
}
