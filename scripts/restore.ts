/**
 * `npm run restore -- <backup.zip> [--data DIR]`: unpacks a backup made by PocketBase (by
 * `npm run backup`, the daily schedule, or the admin UI) into an empty data directory
 * (CONTINUUM_DATA or --data; created 0700). It never writes over a database: stop Continuum and
 * move the old directory aside first, then start `npm run serve` on the restored one.
 * (PocketBase's admin UI can also restore a backup in place: Settings > Backups.)
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { restoreBackup } from './lib/backup-archive.ts';
import { productionDataDir } from './lib/serve-state.ts';

const args = process.argv.slice(2);
const dataFlag = args.indexOf('--data');
const dataDir = dataFlag >= 0 ? path.resolve(args[dataFlag + 1] ?? '') : productionDataDir();
const zip = args.find((a, i) => !a.startsWith('--') && i !== dataFlag + 1);

try {
  if (!zip || !existsSync(zip)) throw new Error('Name the backup to restore: npm run restore -- path/to/continuum_20270101_030000.zip [--data DIR]');
  const files = restoreBackup(zip, dataDir);
  console.log(`Restored ${files} files into ${dataDir}. Start it with CONTINUUM_DATA=${dataDir} npm run serve.`);
} catch (error) {
  console.error(`✗ ${(error as Error).message}`);
  process.exit(1);
}
