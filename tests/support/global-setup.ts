/**
 * Starts one real PocketBase (our migrations and hooks, the built site as its public dir)
 * on a temporary data directory and the port chosen in playwright.config.ts; stops it and
 * removes the directory afterwards.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ensurePocketBase } from '../../scripts/lib/pocketbase-binary.ts';
import { bundleHooksLibrary } from '../../scripts/lib/hooks-bundle.ts';
import { startPocketBase, upsertSuperuser } from '../../scripts/lib/pb-process.ts';
import { siteDir } from '../../scripts/lib/paths.ts';
import { superuser } from './env.ts';

export default async function globalSetup() {
  if (!existsSync(path.join(siteDir, 'en', 'index.html'))) {
    throw new Error('dist/ has no built site: run `npm run build` first (npm test does it for you).');
  }
  const binary = await ensurePocketBase();
  await bundleHooksLibrary();
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'continuum-e2e-'));
  upsertSuperuser(binary, dataDir, superuser.email, superuser.password);
  const pb = await startPocketBase({
    binary,
    dataDir,
    port: Number(process.env.CONTINUUM_TEST_PORT),
    output: process.env.PB_LOG ? 'inherit' : 'ignore',
  });
  return async () => {
    await pb.stop();
    rmSync(dataDir, { recursive: true, force: true });
  };
}
