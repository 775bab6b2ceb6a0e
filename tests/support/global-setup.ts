/**
 * Starts one real PocketBase (our migrations and hooks, the built site as its public dir)
 * on a temporary data directory and the port chosen in playwright.config.ts, sending its e-mail
 * to a real SMTP server on loopback (tests/support/mail-server.ts); stops both and removes
 * their directories afterwards. The workers find the mail folder and the data directory in
 * CONTINUUM_TEST_MAILDIR and CONTINUUM_TEST_DATA_DIR.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ensurePocketBase } from '../../scripts/lib/pocketbase-binary.ts';
import { bundleHooksLibrary } from '../../scripts/lib/hooks-bundle.ts';
import { startPocketBase, upsertSuperuser } from '../../scripts/lib/pb-process.ts';
import { siteDir } from '../../scripts/lib/paths.ts';
import { superuser } from './env.ts';
import { startMailServer } from './mail-server.ts';

export default async function globalSetup() {
  if (!existsSync(path.join(siteDir, 'en', 'index.html'))) {
    throw new Error('dist/ has no built site: run `npm run build` first (npm test does it for you).');
  }
  const binary = await ensurePocketBase();
  await bundleHooksLibrary();
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'continuum-e2e-'));
  const mail = await startMailServer();
  process.env.CONTINUUM_TEST_MAILDIR = mail.dir;
  process.env.CONTINUUM_TEST_DATA_DIR = dataDir;
  upsertSuperuser(binary, dataDir, superuser.email, superuser.password);
  const port = Number(process.env.CONTINUUM_TEST_PORT);
  const pb = await startPocketBase({
    binary,
    dataDir,
    port,
    output: process.env.PB_LOG ? 'inherit' : 'ignore',
    env: {
      PUBLIC_URL: `http://127.0.0.1:${port}`,
      SMTP_HOST: '127.0.0.1',
      SMTP_PORT: String(mail.port),
      MAIL_FROM: 'continuum@tests.continuum.example',
    },
  });
  return async () => {
    await pb.stop();
    await mail.stop();
    rmSync(dataDir, { recursive: true, force: true });
  };
}
