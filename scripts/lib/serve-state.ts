/**
 * Where `npm run serve` and `npm run backup` meet: the data directory of the production
 * platform, and a small file beside it (0600) with the running server's address and the
 * token that lets the backup script ask it for a backup (pb_hooks/operations.pb.js).
 */
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { root } from './paths.ts';

/** CONTINUUM_DATA, else .data/production (npm start keeps its demo in .data/pb_data). */
export function productionDataDir(): string {
  return path.resolve(process.env.CONTINUUM_DATA || path.join(root, '.data', 'production'));
}

export interface ServeState {
  url: string;
  token: string;
  pid: number;
}

const stateFile = (dataDir: string) => path.join(path.dirname(dataDir), `.${path.basename(dataDir)}.serve.json`);

export function writeServeState(dataDir: string, state: ServeState): void {
  writeFileSync(stateFile(dataDir), JSON.stringify(state) + '\n', { mode: 0o600 });
}

export function readServeState(dataDir: string): ServeState | null {
  const file = stateFile(dataDir);
  if (!existsSync(file)) return null;
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as ServeState;
  } catch {
    return null;
  }
}

export function clearServeState(dataDir: string): void {
  rmSync(stateFile(dataDir), { force: true });
}
