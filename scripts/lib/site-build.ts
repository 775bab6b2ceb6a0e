/**
 * Builds the site without ever taking the live one down. `dist` is a symbolic link to the
 * live build in `.builds/`; a new build goes into a fresh folder there (astro build --outDir,
 * then the search index), and only when both succeed does `dist` switch to it, by renaming a
 * new link over the old one (atomic: a request sees the old site or the new one, never none).
 * PocketBase serves `dist` with os.DirFS, which opens every file through the path again, so it
 * follows the switch without a restart. A failed build leaves `dist` untouched and its folder
 * removed. The previous build is kept (requests in flight may still read it); older ones go.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, lstatSync, mkdirSync, readdirSync, readlinkSync, renameSync, rmSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { prepareSite } from './prepare-site.ts';

export interface SiteBuildOptions {
  root: string;
  /** The path the server serves (default <root>/dist). */
  site?: string;
  /** Extra environment for astro build (e.g. CONTINUUM_SITE_URL). */
  env?: Record<string, string>;
  /** Where the output goes: 'inherit' (default) or 'pipe' (returned). */
  stdio?: 'inherit' | 'pipe';
}

export interface SiteBuildResult {
  ok: boolean;
  /** The folder built (published when ok). */
  folder: string;
  output: string;
}

/**
 * Makes `site` point at `folder` atomically. A `site` that is still a plain folder (from
 * before builds were switched) is moved into .builds/ first, once.
 */
export function publishSite(folder: string, site: string): void {
  const builds = path.dirname(folder);
  const target = path.relative(path.dirname(site), folder);
  if (existsSync(site) && !lstatSync(site).isSymbolicLink()) {
    renameSync(site, path.join(builds, `site-before-${Date.now()}`));
  }
  const next = `${site}.next-${process.pid}`;
  rmSync(next, { force: true });
  symlinkSync(target, next, 'dir');
  renameSync(next, site);
}

/** Removes build folders other than the live one and the one before it (newest first by name). */
export function pruneBuilds(builds: string, site: string): void {
  const live = existsSync(site) && lstatSync(site).isSymbolicLink() ? path.resolve(path.dirname(site), readlinkSync(site)) : '';
  const folders = readdirSync(builds).filter((f) => f.startsWith('site-')).sort().reverse().map((f) => path.join(builds, f));
  const keep = new Set([live, ...folders.filter((f) => f !== live).slice(0, 1)]);
  for (const f of folders) if (!keep.has(f)) rmSync(f, { recursive: true, force: true });
}

/**
 * Builds the site into a new folder (astro build, the search index, then what serving it needs:
 * prepare-site.ts) and publishes it when all of it succeeds.
 */
export async function buildSite(options: SiteBuildOptions): Promise<SiteBuildResult> {
  const { root, site = path.join(root, 'dist'), env = {}, stdio = 'inherit' } = options;
  const builds = path.join(root, '.builds');
  mkdirSync(builds, { recursive: true });
  const folder = path.join(builds, `site-${new Date().toISOString().replace(/[:.]/g, '-')}-${process.pid}`);
  let output = '';
  const run = (command: string, args: string[]) => {
    const result = spawnSync(command, args, { cwd: root, stdio, encoding: 'utf8', env: { ...process.env, ...env } });
    if (stdio === 'pipe') output += `${result.stdout ?? ''}${result.stderr ?? ''}`;
    return result.status === 0;
  };
  let ok =
    run(process.execPath, [path.join(root, 'node_modules/astro/bin/astro.mjs'), 'build', '--outDir', folder]) &&
    run(path.join(root, 'node_modules/.bin/pagefind'), ['--site', folder, '--quiet']);
  if (ok) {
    try {
      await prepareSite(folder);
    } catch (error) {
      output += `\nPreparing the site for serving failed: ${(error as Error).message}\n`;
      if (stdio === 'inherit') console.error(`Preparing the site for serving failed: ${(error as Error).message}`);
      ok = false;
    }
  }
  if (!ok) {
    rmSync(folder, { recursive: true, force: true });
    return { ok, folder, output };
  }
  publishSite(folder, site);
  pruneBuilds(builds, site);
  return { ok, folder, output };
}
