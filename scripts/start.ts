/**
 * `npm start`: one command to run Continuum with demo data.
 * Gets PocketBase (builds it from source when needed), builds the site, starts PocketBase
 * serving the site and the API on one port, creates the demo accounts (idempotent), prints
 * the URLs and the demo accounts. Ctrl-C stops everything; data stays in .data/ (git-ignored).
 *
 * Options (environment): PORT (default 8090), HOST (default 127.0.0.1), PB_BIN,
 * SKIP_BUILD=1 to serve the existing dist/ as it is. The demo accounts share a published
 * password, so they are made only when listening on loopback, unless DEMO_ACCOUNTS=1 asks for
 * them on a network (a training room); listening beyond loopback without it, demo accounts
 * already in .data/ are deactivated. The superuser's password stays in .data/superuser.json.
 */
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { ensurePocketBase } from './lib/pocketbase-binary.ts';
import { bundleHooksLibrary } from './lib/hooks-bundle.ts';
import { projectFacts } from '../src/content/catalogue.ts';
import { portInUse, startPocketBase, superuserToken, upsertSuperuser } from './lib/pb-process.ts';
import { deactivateDemoAccounts, demoAccounts, demoPassword, seedDemoAccounts, seedDemoOnboarding } from './lib/demo-accounts.ts';
import { buildSite } from './lib/site-build.ts';

import { dataDir, root, siteDir } from './lib/paths.ts';

const port = Number(process.env.PORT ?? 8090);
const host = process.env.HOST ?? '127.0.0.1';
/** Whether only this machine can reach the server (127.0.0.0/8, ::1, localhost). */
const loopbackOnly = /^(127\.\d+\.\d+\.\d+|::1|localhost)$/.test(host);
const demoAccountsWanted = loopbackOnly || process.env.DEMO_ACCOUNTS === '1';

function step(message: string) {
  console.log(`\n▸ ${message}`);
}

const superuserFile = path.join(root, '.data', 'superuser.json');

function superuserCredentials(): { email: string; password: string } {
  const file = superuserFile;
  if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8'));
  const credentials = { email: 'superuser@continuum.example', password: randomBytes(12).toString('base64url') };
  mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  chmodSync(path.dirname(file), 0o700);
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
    step('Building the site (checks, astro build, search index, service worker, compression; dist/ switches only if all succeed; output shown only if it fails)');
    const build = await buildSite({ root, env: { CONTINUUM_SITE_URL: `http://${host}:${port}` }, stdio: 'pipe' });
    if (!build.ok) {
      process.stdout.write(build.output);
      throw new Error('The site did not build; see the errors above (each names the file, field and reason).');
    }
  }

  step('Database and demo accounts');
  const superuser = superuserCredentials();
  upsertSuperuser(binary, dataDir, superuser.email, superuser.password);
  const pb = await startPocketBase({ binary, dataDir, port, host, output: 'inherit' });
  const token = await superuserToken(pb.url, superuser.email, superuser.password);
  if (demoAccountsWanted) {
    const seeded = await seedDemoAccounts(pb.url, token);
    console.log(`  demo accounts: ${seeded.created} created, ${seeded.kept} already there`);
    const onboarding = await seedDemoOnboarding(pb.url, token, projectFacts(root).modules);
    console.log(`  demo onboarding: ${onboarding.assignments} assignments, ${onboarding.statements} learning statements (stored once however often you start)`);
  } else {
    const deactivated = await deactivateDemoAccounts(pb.url, token);
    console.log(`  demo accounts NOT created: listening on ${host}, beyond this machine, and their password is published.`);
    if (deactivated) console.log(`  ${deactivated} demo accounts from an earlier run are deactivated (they come back on a loopback start).`);
    console.log('  For a training room, ask for them explicitly: DEMO_ACCOUNTS=1 HOST=0.0.0.0 npm start. For real use: npm run serve.');
  }

  const width = Math.max(...demoAccounts.map((a) => a.email.length));
  console.log(`
Continuum is running.

  Site:        ${pb.url}/
  Admin UI:    ${pb.url}/_/   (superuser ${superuser.email}; its password is in ${path.relative(root, superuserFile)})
  Data:        ${path.relative(root, dataDir)}/ (kept between runs)
${demoAccountsWanted ? `
Demo accounts (password for all: ${demoPassword}):
${demoAccounts.map((a) => `  ${a.email.padEnd(width)}  ${a.role}${a.track ? `, ${a.track}` : ''}`).join('\n')}
` : ''}
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
