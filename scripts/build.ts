/**
 * `npm run build`: builds the site (the content checks first, astro build, the search index,
 * then what serving it needs: Content-Security-Policy, service worker, precompressed files, page
 * sizes) into a new folder under .builds/ and switches `dist` to it only when everything
 * succeeded, so a running server keeps serving the last good site (scripts/lib/site-build.ts).
 */
import { buildSite } from './lib/site-build.ts';
import { root } from './lib/paths.ts';

const result = await buildSite({ root });
if (!result.ok) {
  console.error('\n✗ The build failed (see above); dist/ still holds the last good site.');
  process.exit(1);
}
console.log(`\n✓ Built and published: dist → ${result.folder}`);
