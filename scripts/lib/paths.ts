import { fileURLToPath } from 'node:url';
import path from 'node:path';

export const root = path.resolve(fileURLToPath(new URL('../..', import.meta.url)));
export const pocketbaseDir = path.join(root, 'pocketbase');
export const hooksDir = path.join(pocketbaseDir, 'pb_hooks');
export const migrationsDir = path.join(pocketbaseDir, 'pb_migrations');
export const siteDir = path.join(root, 'dist');
/** Where `npm start` keeps its data between runs (git-ignored). */
export const dataDir = path.join(root, '.data', 'pb_data');

/** The PocketBase version this project pins (pocketbase/go.mod). */
export const pocketbaseVersion = '0.39.11';
