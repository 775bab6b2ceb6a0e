/**
 * `npm run refold`: rebuilds every learner's progress and certificates from their statements
 * and reports what differed (src/learning-record/progress.ts refold, run by the server's
 * /api/continuum/admin/refold). `npm run refold -- --dry-run` only reports.
 *
 * Talks to the running server (CONTINUUM_URL, default http://127.0.0.1:$PORT or 8090) as the
 * superuser of .data/superuser.json (or SUPERUSER_EMAIL / SUPERUSER_PASSWORD); when nothing
 * answers there, starts PocketBase on the data directory for the run and stops it after.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { ensurePocketBase } from './lib/pocketbase-binary.ts';
import { bundleHooksLibrary } from './lib/hooks-bundle.ts';
import { freePort, startPocketBase, superuserToken, type RunningPocketBase } from './lib/pb-process.ts';
import { dataDir, root } from './lib/paths.ts';

const dryRun = process.argv.includes('--dry-run');
const url = process.env.CONTINUUM_URL ?? `http://127.0.0.1:${process.env.PORT ?? 8090}`;

function credentials(): { email: string; password: string } {
  if (process.env.SUPERUSER_EMAIL && process.env.SUPERUSER_PASSWORD) return { email: process.env.SUPERUSER_EMAIL, password: process.env.SUPERUSER_PASSWORD };
  const file = path.join(root, '.data', 'superuser.json');
  if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8'));
  throw new Error('No superuser: set SUPERUSER_EMAIL and SUPERUSER_PASSWORD (or run npm start once, which keeps one in .data/superuser.json).');
}

async function answers(base: string): Promise<boolean> {
  try {
    return (await fetch(`${base}/api/health`, { signal: AbortSignal.timeout(2000) })).ok;
  } catch {
    return false;
  }
}

async function main() {
  const { email, password } = credentials();
  let server: RunningPocketBase | undefined;
  let base = url;
  if (!(await answers(url))) {
    console.log(`Nothing answers at ${url}: starting PocketBase on ${path.relative(root, dataDir)}/ for this run.`);
    await bundleHooksLibrary();
    server = await startPocketBase({ binary: await ensurePocketBase(), dataDir, port: await freePort() });
    base = server.url;
  }
  try {
    const token = await superuserToken(base, email, password);
    const response = await fetch(`${base}/api/continuum/admin/refold`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: token },
      body: JSON.stringify({ dryRun }),
    });
    if (!response.ok) throw new Error(`refold failed: ${response.status} ${await response.text()}`);
    const report = (await response.json()) as { learners: number; learnersChanged: number; differences: { user: string; activity: string; change: string; fields: object }[] };
    console.log(`${report.learners} learner(s) checked; ${report.learnersChanged} had progress that differed from their statements${dryRun ? ' (dry run: nothing written)' : ' (rebuilt)'}.`);
    for (const d of report.differences) console.log(`  ${d.user} ${d.activity}: ${d.change} ${JSON.stringify(d.fields)}`);
  } finally {
    await server?.stop();
  }
}

main().catch((error: Error) => {
  console.error(`✗ ${error.message}`);
  process.exit(1);
});
