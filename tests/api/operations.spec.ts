/**
 * Running Continuum for real (issue 13): `npm run serve` on an empty directory (short output, no
 * password, no SQL, data directory 0700, PocketBase restarted when it dies), and backups that
 * restore: `npm run backup` through the running server and without one, `npm run restore` into a
 * fresh directory, where every record is found again. Real processes on loopback ports.
 */
import { test, expect } from '@playwright/test';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort, startPocketBase, superuserToken } from '../../scripts/lib/pb-process.ts';
import { ensurePocketBase } from '../../scripts/lib/pocketbase-binary.ts';
import { root } from '../../scripts/lib/paths.ts';

test.describe.configure({ mode: 'serial' });

const scratch: string[] = [];
const tempDir = (label: string) => {
  const dir = mkdtempSync(path.join(os.tmpdir(), `continuum-ops-${label}-`));
  scratch.push(dir);
  return dir;
};
test.afterAll(() => scratch.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

interface Served {
  child: ChildProcess;
  lines: string[];
  url: string;
  waitFor(pattern: RegExp, timeout?: number): Promise<string>;
  stop(): Promise<number | null>;
}

/** Starts `npm run serve` (its script, on this Node) and collects what it prints. */
async function serve(env: Record<string, string>): Promise<Served> {
  const port = await freePort();
  // the test setup has bundled the hooks already; rewriting them now could race the test server
  const child = spawn(process.execPath, [path.join(root, 'scripts/serve.ts')], {
    cwd: root,
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', CONTINUUM_HOOKS_BUNDLED: '1', SMTP_HOST: '', PUBLIC_URL: '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: string[] = [];
  const onData = (chunk: Buffer) => lines.push(...chunk.toString().split('\n').filter((l) => l.trim() !== ''));
  child.stdout!.on('data', onData);
  child.stderr!.on('data', onData);
  const waitFor = async (pattern: RegExp, timeout = 60_000) => {
    await expect.poll(() => lines.some((l) => pattern.test(l)), { timeout, message: `serve printing ${pattern}:\n${lines.join('\n')}` }).toBe(true);
    return lines.find((l) => pattern.test(l))!;
  };
  return {
    child,
    lines,
    url: `http://127.0.0.1:${port}`,
    waitFor,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve(child.exitCode);
        child.once('exit', (code) => resolve(code));
        child.kill('SIGTERM');
      }),
  };
}

const run = (script: string, args: string[], env: Record<string, string>) =>
  spawnSync(process.execPath, [path.join(root, 'scripts', script), ...args], { cwd: root, encoding: 'utf8', env: { ...process.env, CONTINUUM_HOOKS_BUNDLED: '1', ...env } });

test('npm run serve on an empty directory: under 40 lines, no password, no SQL, data kept 0700, a setup link; PocketBase restarted if it dies', async ({ request }) => {
  test.setTimeout(120_000);
  const dataDir = path.join(tempDir('serve'), 'pb_data');
  const served = await serve({ CONTINUUM_DATA: dataDir, SUPERUSER_EMAIL: '', SUPERUSER_PASSWORD: '' });
  try {
    await served.waitFor(/\[continuum\] backups:/);
    await served.waitFor(/\/_\/#\/pbinstall\//); // PocketBase's one-time setup link for the first superuser
    const before = [...served.lines];
    expect(before.length, before.join('\n')).toBeLessThan(40);
    expect(before.join('\n')).not.toMatch(/password/i);
    expect(before.join('\n')).not.toMatch(/\b(SELECT|INSERT INTO|CREATE TABLE)\b/);
    expect(statSync(dataDir).mode & 0o777).toBe(0o700);
    expect((await request.get(`${served.url}/api/health`)).status()).toBe(200);
    expect((await request.get(`${served.url}/en/`)).status()).toBe(200);
    // no demo data
    expect((await (await request.get(`${served.url}/api/collections/users/auth-methods`)).json()).password.enabled).toBe(true);
    const demo = await request.post(`${served.url}/api/collections/users/auth-with-password`, { data: { identity: 'admin@continuum.example', password: 'continuum-demo-2026' } });
    expect(demo.status()).toBe(400);

    const pid = Number(/PocketBase pid (\d+)/.exec(served.lines.join('\n'))![1]);
    process.kill(pid, 'SIGKILL');
    await served.waitFor(/PocketBase stopped .*starting it again/);
    await expect.poll(async () => {
      try {
        return (await fetch(`${served.url}/api/health`)).status;
      } catch {
        return 0;
      }
    }, { timeout: 30_000 }).toBe(200);
  } finally {
    expect(await served.stop()).toBe(0);
  }
});

test('a backup restores into a fresh directory with every record: through the running server, and without one', async ({ request }) => {
  test.setTimeout(180_000);
  const dataDir = path.join(tempDir('backup'), 'pb_data');
  const superuser = { SUPERUSER_EMAIL: 'ops@tests.continuum.example', SUPERUSER_PASSWORD: 'ops-superuser-password-1' };
  const served = await serve({ CONTINUUM_DATA: dataDir, ...superuser });
  let ids: Record<string, string[]>;
  const collections = ['users', 'assignments', 'statements', 'progress', 'certificates', 'scenario_runs', 'reminders_sent', '_superusers'];
  const everything = async (url: string) => {
    const token = await superuserToken(url, superuser.SUPERUSER_EMAIL, superuser.SUPERUSER_PASSWORD);
    const out: Record<string, string[]> = {};
    for (const c of collections) {
      const r = await request.get(`${url}/api/collections/${c}/records`, { headers: { Authorization: token }, params: { perPage: 500, fields: 'id' } });
      expect(r.status(), c).toBe(200);
      out[c] = (await r.json()).items.map((x: { id: string }) => x.id).sort();
    }
    return out;
  };
  try {
    await served.waitFor(/\[continuum\] backups:/);
    const token = await superuserToken(served.url, superuser.SUPERUSER_EMAIL, superuser.SUPERUSER_PASSWORD);
    const su = { Authorization: token };
    const people = [];
    for (const [i, role] of ['supervisor', 'learner', 'learner'].entries()) {
      const r = await request.post(`${served.url}/api/collections/users/records`, {
        headers: su,
        data: { email: `ops-${i}@tests.continuum.example`, password: 'ops-person-password-1', passwordConfirm: 'ops-person-password-1', name: `Ops person ${i}`, role },
      });
      expect(r.status(), await r.text()).toBe(200);
      people.push((await r.json()).id as string);
    }
    for (const learner of people.slice(1)) {
      const r = await request.post(`${served.url}/api/collections/assignments/records`, { headers: su, data: { learner, path: 'essentials', dueDate: '2027-03-01 00:00:00.000Z', assignedBy: people[0] } });
      expect(r.status(), await r.text()).toBe(200);
    }
    ids = await everything(served.url);
    expect(ids.users).toHaveLength(3);

    const online = run('backup.ts', [], { CONTINUUM_DATA: dataDir });
    expect(online.status, online.stderr).toBe(0);
    const zip = /Backup written: (\S+)/.exec(online.stdout)![1]!;
    expect(existsSync(zip)).toBe(true);

    const restored = path.join(tempDir('restored'), 'pb_data');
    const restore = run('restore.ts', [zip, '--data', restored], {});
    expect(restore.status, restore.stderr).toBe(0);
    expect(statSync(restored).mode & 0o777).toBe(0o700);
    const again = run('restore.ts', [zip, '--data', restored], {});
    expect(again.status).toBe(1);
    expect(again.stderr).toContain('already holds a database');

    const pb = await startPocketBase({ binary: await ensurePocketBase(), dataDir: restored, port: await freePort() });
    try {
      expect(await everything(pb.url)).toEqual(ids);
    } finally {
      await pb.stop();
    }
  } finally {
    expect(await served.stop()).toBe(0);
  }
  // with no server running, the backup script starts PocketBase for the moment it takes
  const offline = run('backup.ts', [], { CONTINUUM_DATA: dataDir });
  expect(offline.status, offline.stderr).toBe(0);
  expect(offline.stdout).toMatch(/Backup written: .*\.zip/);
});
