/**
 * `npm run backup`: a backup of the production data now, made by PocketBase itself (a zip of
 * pb_data, taken while writes wait: the same as the scheduled backups), into
 * <CONTINUUM_DATA>/backups/. Asks the running `npm run serve` for it; when none runs, starts
 * PocketBase on the data for the moment it takes. Restore with `npm run restore`.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { ensurePocketBase } from './lib/pocketbase-binary.ts';
import { bundleHooksLibrary } from './lib/hooks-bundle.ts';
import { freePort, startPocketBase } from './lib/pb-process.ts';
import { productionDataDir, readServeState } from './lib/serve-state.ts';

const dataDir = productionDataDir();

async function askForBackup(url: string, token: string): Promise<string> {
  const stamp = new Date().toISOString().replace(/[-:]/g, '').replace('T', '_').slice(0, 15);
  const response = await fetch(`${url}/api/continuum/local/backup`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'X-Continuum-Local-Token': token },
    body: JSON.stringify({ name: `continuum_${stamp.toLowerCase()}.zip` }),
  });
  if (!response.ok) throw new Error(`the backup was refused: ${response.status} ${await response.text()}`);
  return ((await response.json()) as { path: string }).path;
}

async function running(url: string): Promise<boolean> {
  try {
    return (await fetch(`${url}/api/health`, { signal: AbortSignal.timeout(2000) })).ok;
  } catch {
    return false;
  }
}

async function main() {
  if (!existsSync(path.join(dataDir, 'data.db'))) {
    throw new Error(`There is no Continuum database in ${dataDir}. Set CONTINUUM_DATA to the data directory of npm run serve.`);
  }
  const state = readServeState(dataDir);
  let file: string;
  if (state && (await running(state.url))) {
    file = await askForBackup(state.url, state.token);
  } else {
    const token = randomBytes(24).toString('base64url');
    const binary = await ensurePocketBase();
    // (the test setup bundles once for every PocketBase it starts, and says so)
  if (process.env.CONTINUUM_HOOKS_BUNDLED !== '1') await bundleHooksLibrary();
    const pb = await startPocketBase({ binary, dataDir, port: await freePort(), output: 'ignore', env: { CONTINUUM_LOCAL_TOKEN: token } });
    try {
      file = await askForBackup(pb.url, token);
    } finally {
      await pb.stop();
    }
  }
  console.log(`Backup written: ${file} (${(statSync(file).size / 1024 / 1024).toFixed(1)} MB)`);
}

main().catch((error: Error) => {
  console.error(`✗ ${error.message}`);
  process.exit(1);
});
