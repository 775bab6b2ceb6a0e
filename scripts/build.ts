/**
 * `npm run build`: the static site (astro build -> dist/), its search index (Pagefind), then
 * what serving it needs (scripts/lib/prepare-site.ts: Content-Security-Policy, service worker,
 * precompressed files, page sizes). Used by npm start and npm test too.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { prepareSite } from './lib/prepare-site.ts';
import { root, siteDir } from './lib/paths.ts';

function run(what: string, command: string, args: string[]): void {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: process.env });
  if (result.status !== 0) throw new Error(`${what} failed (exit ${result.status ?? result.signal}); see the errors above (each names the file, field and reason).`);
}

try {
  run('astro build', process.execPath, [path.join(root, 'node_modules/astro/bin/astro.mjs'), 'build']);
  run('The search index (pagefind)', path.join(root, 'node_modules/.bin/pagefind'), ['--site', siteDir, '--quiet']);
  await prepareSite(siteDir);
} catch (error) {
  console.error(`\n✗ ${(error as Error).message}`);
  process.exit(1);
}
