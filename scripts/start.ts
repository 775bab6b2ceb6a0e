/**
 * `npm start`: one command to run Continuum with demo data.
 * Gets PocketBase (builds it from source when needed), builds the site, starts PocketBase
 * serving the site and the API on one port, creates the demo accounts (idempotent), prints
 * the URLs and credentials. Ctrl-C stops everything; data stays in .data/ (git-ignored).
 *
 * Options (environment): PORT (default 8090), HOST (default 127.0.0.1), PB_BIN,
 * SKIP_BUILD=1 to serve the existing dist/ as it is.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { ensurePocketBase } from './lib/pocketbase-binary.ts';
import { bundleHooksLibrary, serverCatalogue } from './lib/hooks-bundle.ts';
import { portInUse, startPocketBase, superuserToken, upsertSuperuser } from './lib/pb-process.ts';
import { demoAccounts, demoPassword, seedDemoAccounts, seedDemoOnboarding } from './lib/demo-accounts.ts';

import { dataDir, root, siteDir } from './lib/paths.ts';

const port = Number(process.env.PORT ?? 8090);
const host = process.env.HOST ?? '127.0.0.1';

function step(message: string) {
  console.log(`\n▸ ${message}`);
}

function superuserCredentials(): { email: string; password: string } {
  const file = path.join(root, '.data', 'superuser.json');
  if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8'));
  const credentials = { email: 'superuser@continuum.example', password: randomBytes(12).toString('base64url') };
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, JSON.stringify(credentials, null, 2) + '\n', { mode: 0o600 });
  return credentials;
}

async function main() {
  if (await portInUse(port, host)) {
    throw new Error(`Port ${port} on ${host} is already in use (another Continuum or PocketBase?). Stop it, or run with PORT=8091 npm start.`);
  }

  step('PocketBase');
  const binary = await ensurePocketBase();
  console.log(`  using ${path.relative(root, binary) || binary}`);
  await bundleHooksLibrary();

  if (process.env.SKIP_BUILD !== '1' || !existsSync(path.join(siteDir, 'index.html'))) {
    step('Building the site (astro build, search index, service worker, compression)');
    const build = spawnSync(process.execPath, [path.join(root, 'scripts/build.ts')], {
      cwd: root,
      stdio: 'inherit',
      env: { ...process.env, CONTINUUM_SITE_URL: `http://${host}:${port}` },
    });
    if (build.status !== 0) throw new Error('The site did not build; see the errors above (each names the file, field and reason).');
  }

  step('Database and demo accounts');
  const superuser = superuserCredentials();
  upsertSuperuser(binary, dataDir, superuser.email, superuser.password);
  const pb = await startPocketBase({ binary, dataDir, port, host, output: 'inherit' });
  const token = await superuserToken(pb.url, superuser.email, superuser.password);
  const seeded = await seedDemoAccounts(pb.url, token);
  console.log(`  demo accounts: ${seeded.created} created, ${seeded.kept} already there`);
  const onboarding = await seedDemoOnboarding(pb.url, token, serverCatalogue().modules);
  console.log(`  demo onboarding: ${onboarding.assignments} assignments, ${onboarding.statements} learning statements (stored once however often you start)`);

  const width = Math.max(...demoAccounts.map((a) => a.email.length));
  console.log(`
Continuum is running.

  Site:        ${pb.url}/
  API:         ${pb.url}/api/
  Admin UI:    ${pb.url}/_/   (superuser ${superuser.email} / ${superuser.password})
  Data:        ${path.relative(root, dataDir)}/ (kept between runs)

Demo accounts (password for all: ${demoPassword}):
${demoAccounts.map((a) => `  ${a.email.padEnd(width)}  ${a.role}${a.track ? `, ${a.track}` : ''}`).join('\n')}

Press Ctrl-C to stop.`);

  let stopping = false;
  const shutdown = async () => {
    if (stopping) return;
    stopping = true;
    console.log('\nStopping PocketBase…');
    await pb.stop();
    process.exit(0);
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
  process.on('SIGHUP', shutdown);
  pb.child.once('exit', (code) => {
    if (!stopping) {
      console.error(`PocketBase stopped unexpectedly (exit ${code}).`);
      process.exit(1);
    }
  });
}

main().catch((error: Error) => {
  console.error(`\n✗ ${error.message}`);
  process.exit(1);
});
