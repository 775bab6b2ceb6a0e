/**
 * `npm run serve`: the built platform for real use, without demo data. PocketBase serves the
 * site (dist/, from `npm run build`) and the API on one port; if it stops it is started again.
 * Logs are short: PocketBase's start banner, then warnings and errors (requests are logged at
 * info level in PocketBase's own log, admin UI > Logs, kept 3 days); never SQL, never a password.
 *
 * Environment (see README, "Run it for your organisation"):
 *   PORT (8090), HOST (127.0.0.1: put a reverse proxy with HTTPS in front), PUBLIC_URL,
 *   CONTINUUM_DATA (.data/production), SUPERUSER_EMAIL + SUPERUSER_PASSWORD (first run only;
 *   without them PocketBase prints a one-time setup link), SMTP_HOST, SMTP_PORT, SMTP_USER,
 *   SMTP_PASSWORD, SMTP_TLS, MAIL_FROM, MAIL_FROM_NAME, TRUSTED_PROXY_HEADERS,
 *   CONTINUUM_BACKUPS_CRON ("0 3 * * *": daily at 03:00 UTC), CONTINUUM_BACKUPS_KEEP (7),
 *   CONTINUUM_ORIGINS (CORS; the site's own origin by default),
 *   CONTINUUM_HOOKS_POOL (JavaScript runtimes kept ready for the hooks; 50, see docs/operations.md).
 */
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { ensurePocketBase } from './lib/pocketbase-binary.ts';
import { bundleHooksLibrary } from './lib/hooks-bundle.ts';
import { ensureDataDir, portInUse, startPocketBase, upsertSuperuser, type RunningPocketBase } from './lib/pb-process.ts';
import { clearServeState, productionDataDir, writeServeState } from './lib/serve-state.ts';
import { root, siteDir } from './lib/paths.ts';

const port = Number(process.env.PORT ?? 8090);
const host = process.env.HOST ?? '127.0.0.1';
const dataDir = productionDataDir();
const publicUrl = (process.env.PUBLIC_URL || `http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${port}`).replace(/\/+$/, '');
const log = (line: string) => console.log(`[continuum] ${line}`);

async function main() {
  if (!existsSync(path.join(siteDir, 'en', 'index.html'))) {
    throw new Error('There is no built site in dist/. Run `npm run build` first (serve starts the built platform; it does not build).');
  }
  if (await portInUse(port, host === '0.0.0.0' ? '127.0.0.1' : host)) {
    throw new Error(`Port ${port} is already in use. Stop the other server, or choose another with PORT=8091 npm run serve.`);
  }
  const binary = await ensurePocketBase((line) => log(line));
  // (the test setup bundles once for every PocketBase it starts, and says so)
  if (process.env.CONTINUUM_HOOKS_BUNDLED !== '1') await bundleHooksLibrary();
  const firstRun = !existsSync(path.join(dataDir, 'data.db'));
  ensureDataDir(dataDir);
  const email = process.env.SUPERUSER_EMAIL;
  const password = process.env.SUPERUSER_PASSWORD;
  if (firstRun && email && password) {
    upsertSuperuser(binary, dataDir, email, password);
    log(`superuser ${email} created from SUPERUSER_EMAIL and SUPERUSER_PASSWORD`);
  }
  const token = randomBytes(24).toString('base64url');
  const env: Record<string, string> = {
    PUBLIC_URL: publicUrl,
    CONTINUUM_BACKUPS_CRON: process.env.CONTINUUM_BACKUPS_CRON ?? '0 3 * * *',
    CONTINUUM_BACKUPS_KEEP: process.env.CONTINUUM_BACKUPS_KEEP ?? '7',
    CONTINUUM_LOCAL_TOKEN: token,
  };
  const origins = (process.env.CONTINUUM_ORIGINS || new URL(publicUrl).origin).split(',').map((o) => o.trim()).filter(Boolean);

  let pb: RunningPocketBase | undefined;
  let stopping = false;
  let delay = 1000;
  const start = async () => {
    const startedAt = Date.now();
    const pool = process.env.CONTINUUM_HOOKS_POOL;
    pb = await startPocketBase({ binary, dataDir, port, host, output: 'inherit', env, origins, extraArgs: pool ? [`--hooksPool=${Number(pool)}`] : [] });
    writeServeState(dataDir, { url: pb.url, token, pid: process.pid });
    pb.child.once('exit', (code, signal) => {
      if (stopping) return;
      if (Date.now() - startedAt > 60_000) delay = 1000;
      log(`PocketBase stopped (${signal ?? `exit ${code}`}); starting it again in ${delay / 1000} s`);
      setTimeout(() => void start().catch(restartFailed), delay);
      delay = Math.min(delay * 2, 30_000);
    });
  };
  const restartFailed = (error: Error) => {
    log(`PocketBase did not start: ${error.message.split('\n')[0]}; trying again in ${delay / 1000} s`);
    setTimeout(() => void start().catch(restartFailed), delay);
    delay = Math.min(delay * 2, 30_000);
  };
  await start();
  log(`serving ${publicUrl}/ from ${path.relative(root, dataDir) || dataDir} (PocketBase pid ${pb!.child.pid})`);
  log(process.env.SMTP_HOST ? `e-mail through ${process.env.SMTP_HOST}` : 'e-mail is not configured (SMTP_HOST): no verification, reset, invitation or reminder e-mails');
  log(`backups: ${env.CONTINUUM_BACKUPS_CRON} (UTC), keep ${env.CONTINUUM_BACKUPS_KEEP}; npm run backup for one now`);

  const shutdown = async () => {
    if (stopping) return;
    stopping = true;
    log('stopping');
    await pb?.stop();
    clearServeState(dataDir);
    process.exit(0);
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
  process.on('SIGHUP', shutdown);
}

main().catch((error: Error) => {
  console.error(`[continuum] ✗ ${error.message}`);
  process.exit(1);
});
