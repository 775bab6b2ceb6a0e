/**
 * Starts one real PocketBase (our migrations and hooks, the built site as its public dir)
 * on a temporary data directory and the port chosen in playwright.config.ts, sending its e-mail
 * to a real SMTP server on loopback (tests/support/mail-server.ts); stops both and removes
 * their directories afterwards. The workers find the mail folder and the data directory in
 * CONTINUUM_TEST_MAILDIR and CONTINUUM_TEST_DATA_DIR. Before it stops, the run fails if any
 * page of the whole suite broke its Content-Security-Policy (browsers report each violation to
 * PocketBase, pb_hooks/csp.pb.js, which logs it).
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
    try {
      await expectNoPolicyViolations(pb.url);
    } finally {
      await pb.stop();
      await mail.stop();
      rmSync(dataDir, { recursive: true, force: true });
    }
  };
}

/** The CSP violations PocketBase logged during the run (its log is written every 3 seconds). */
async function expectNoPolicyViolations(url: string): Promise<void> {
  await new Promise((r) => setTimeout(r, 3500));
  const auth = await fetch(`${url}/api/collections/_superusers/auth-with-password`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ identity: superuser.email, password: superuser.password }),
  });
  const { token } = (await auth.json()) as { token: string };
  const logs = await fetch(`${url}/api/logs?perPage=100&filter=${encodeURIComponent("message = 'csp violation'")}`, { headers: { Authorization: token } });
  if (!logs.ok) throw new Error(`could not read PocketBase's log for CSP violations: ${logs.status} ${await logs.text()}`);
  const { items: all } = (await logs.json()) as { items: { data: Record<string, unknown> }[] };
  // tests/api/serving.spec.ts breaks the policy on purpose, on pages marked "csp-probe"
  const items = all.filter((i) => !String(i.data.page ?? '').includes('csp-probe'));
  if (items.length > 0) {
    throw new Error(`pages broke their Content-Security-Policy during the run:\n${items.map((i) => JSON.stringify(i.data)).join('\n')}`);
  }
}
