/**
 * Unpacking a PocketBase backup (a zip of pb_data) into an empty data directory, with fflate
 * (a small, maintained zip implementation). Refuses to overwrite a database and any entry
 * that would land outside the directory.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { unzipSync } from 'fflate';
import { ensureDataDir } from './pb-process.ts';

export function restoreBackup(zipFile: string, dataDir: string): number {
  if (existsSync(path.join(dataDir, 'data.db'))) {
    throw new Error(`${dataDir} already holds a database. Stop Continuum, move that directory aside (keep it until the restored one works), then run the restore again.`);
  }
  const entries = unzipSync(new Uint8Array(readFileSync(zipFile)));
  if (!entries['data.db']) throw new Error(`${zipFile} is not a PocketBase backup: it has no data.db.`);
  ensureDataDir(dataDir);
  let files = 0;
  for (const [name, content] of Object.entries(entries)) {
    const target = path.resolve(dataDir, name);
    if (!target.startsWith(path.resolve(dataDir) + path.sep)) throw new Error(`${zipFile} holds an entry outside the data directory (${name}); not restored.`);
    if (name.endsWith('/')) {
      mkdirSync(target, { recursive: true, mode: 0o700 });
      continue;
    }
    mkdirSync(path.dirname(target), { recursive: true, mode: 0o700 });
    writeFileSync(target, content, { mode: 0o600 });
    files += 1;
  }
  return files;
}
