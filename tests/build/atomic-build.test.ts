/**
 * A failed build never takes the live site down: a real PocketBase serves a copy of the
 * project's `dist` while `npm run build` runs there with a malformed module (it fails, every
 * page still answers 200, dist is untouched), then with the module fixed (it succeeds, dist
 * switches to the new build without a restart, and pages answered 200 throughout).
 */
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readlinkSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensurePocketBase } from '../../scripts/lib/pocketbase-binary.ts';
import { bundleHooksLibrary } from '../../scripts/lib/hooks-bundle.ts';
import { freePort, startPocketBase, type RunningPocketBase } from '../../scripts/lib/pb-process.ts';
import { publishSite } from '../../scripts/lib/site-build.ts';
import { childEnv } from '../support/child-env.ts';
import { moduleFile } from '../support/module-fixture.ts';

const dir = mkdtempSync(path.join(os.tmpdir(), 'continuum-atomic-'));
const dataDir = mkdtempSync(path.join(os.tmpdir(), 'continuum-atomic-pb-'));
let pb: RunningPocketBase;

/** Runs `npm run build` (node scripts/build.ts) in the copy while polling pages; returns the exit code, output and every status seen. */
async function buildWhilePolling(paths: string[]): Promise<{ code: number | null; output: string; statuses: number[] }> {
  const statuses: number[] = [];
  let output = '';
  const child = spawn(process.execPath, ['scripts/build.ts'], { cwd: dir, env: childEnv() });
  child.stdout.on('data', (d: Buffer) => (output += d));
  child.stderr.on('data', (d: Buffer) => (output += d));
  const done = new Promise<number | null>((resolve) => child.once('exit', resolve));
  let running = true;
  void done.then(() => (running = false));
  while (running) {
    for (const p of paths) statuses.push((await fetch(`${pb.url}${p}`)).status);
    await new Promise((r) => setTimeout(r, 100));
  }
  for (const p of paths) statuses.push((await fetch(`${pb.url}${p}`)).status);
  return { code: await done, output, statuses };
}

beforeAll(async () => {
  for (const item of ['src', 'public', 'scripts', 'content', 'astro.config.mjs', 'package.json', 'tsconfig.json']) cpSync(item, path.join(dir, item), { recursive: true });
  symlinkSync(path.resolve('node_modules'), path.join(dir, 'node_modules'));
  // the last good site: the one npm test built, published in the copy as a build would
  mkdirSync(path.join(dir, '.builds'));
  const good = path.join(dir, '.builds', 'site-0-good');
  cpSync(realpathSync('dist'), good, { recursive: true });
  publishSite(good, path.join(dir, 'dist'));
  await bundleHooksLibrary();
  pb = await startPocketBase({ binary: await ensurePocketBase(), dataDir, port: await freePort(), publicDir: path.join(dir, 'dist') });
}, 120_000);

afterAll(async () => {
  await pb?.stop();
  rmSync(dir, { recursive: true, force: true });
  rmSync(dataDir, { recursive: true, force: true });
});

describe('building while the site is served', () => {
  const pages = ['/en/', '/fr/modules/at-the-border/', '/en/scenarios/border-arrival/'];

  it('keeps serving the last good site when a module is malformed', async () => {
    mkdirSync(path.join(dir, 'content/modules/added'), { recursive: true });
    const text = moduleFile('minutes: 5\n', 'Text <img src="x" onerror="alert(1)" /> here.');
    const line = text.split('\n').findIndex((l) => l.includes('<img')) + 1;
    writeFileSync(path.join(dir, 'content/modules/added/en.mdx'), text);
    const before = readlinkSync(path.join(dir, 'dist'));
    const { code, output, statuses } = await buildWhilePolling(pages);
    expect(code).not.toBe(0);
    expect(output).toContain(`content/modules/added/en.mdx:${line}: body: raw HTML is not allowed: <img>`);
    expect(output).toContain('dist/ still holds the last good site');
    expect(statuses.length).toBeGreaterThanOrEqual(pages.length * 2);
    expect(new Set(statuses)).toEqual(new Set([200]));
    expect(readlinkSync(path.join(dir, 'dist'))).toBe(before);
    expect(readdirSync(path.join(dir, '.builds'))).toEqual(['site-0-good']);
    expect((await fetch(`${pb.url}/en/modules/added/`)).status).toBe(404);
  }, 180_000);

  it('switches to the new build once it succeeds, without a restart and without a gap', async () => {
    writeFileSync(path.join(dir, 'content/modules/added/en.mdx'), moduleFile('minutes: 5\n', 'Plain text here.'));
    const { code, output, statuses } = await buildWhilePolling(pages);
    expect(code, output).toBe(0);
    expect(new Set(statuses)).toEqual(new Set([200]));
    expect(readlinkSync(path.join(dir, 'dist'))).toMatch(/^\.builds\/site-\d{4}-/);
    expect((await fetch(`${pb.url}/en/modules/added/`)).status).toBe(200);
    // the previous build stays for requests in flight; nothing else piles up
    expect(readdirSync(path.join(dir, '.builds')).sort()).toHaveLength(2);
    expect(existsSync(path.join(dir, '.builds', 'site-0-good'))).toBe(true);
  }, 300_000);
});
