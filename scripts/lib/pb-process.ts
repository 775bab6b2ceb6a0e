/**
 * Runs a real PocketBase process: our migrations and hooks, our built site as its public dir.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chmodSync, mkdirSync } from 'node:fs';
import net from 'node:net';
import { hooksDir, migrationsDir, siteDir } from './paths.ts';

export interface PocketBaseOptions {
  binary: string;
  dataDir: string;
  port: number;
  host?: string;
  publicDir?: string;
  /** Where PocketBase's own output goes: 'inherit' to show it, 'ignore' to drop it. */
  output?: 'inherit' | 'ignore' | 'pipe';
  /**
   * Leave PocketBase's development mode (every SQL statement printed) to PocketBase's own
   * default: only `npm run dev` does. Everything else passes --dev=false, since PocketBase turns
   * it on by itself when its binary sits under the system temp folder.
   */
  dev?: boolean;
  /** Origins allowed by CORS; by default only the site's own (PocketBase's default is "*"). */
  origins?: string[];
  /** Extra environment for the process (SMTP, PUBLIC_URL, backups: see pb_hooks/settings.pb.js). */
  env?: Record<string, string>;
  /** Another hooks folder (the bench adds a fixtures route to a copy); the project's by default. */
  hooksDir?: string;
  /** More flags for `serve` (the bench tries other --hooksPool sizes). */
  extraArgs?: string[];
}

export interface RunningPocketBase {
  url: string;
  child: ChildProcess;
  stop(): Promise<void>;
}

/** A TCP port that was free a moment ago on 127.0.0.1. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** Whether something already listens on host:port. */
export function portInUse(port: number, host = '127.0.0.1'): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ port, host });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

function commonFlags(opts: Pick<PocketBaseOptions, 'dataDir' | 'dev' | 'hooksDir'>): string[] {
  return [`--dir=${opts.dataDir}`, `--hooksDir=${opts.hooksDir ?? hooksDir}`, `--migrationsDir=${migrationsDir}`, ...(opts.dev ? [] : ['--dev=false'])];
}

/**
 * Creates the data directory readable by its owner only (0700): the database holds personal
 * data, and PocketBase creates its files with the default umask (0644).
 */
export function ensureDataDir(dataDir: string): void {
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  chmodSync(dataDir, 0o700);
}

/** Creates or updates a superuser (idempotent); applies pending migrations on the way. */
export function upsertSuperuser(binary: string, dataDir: string, email: string, password: string): void {
  ensureDataDir(dataDir);
  const result = spawnSync(binary, ['superuser', 'upsert', email, password, ...commonFlags({ dataDir })], {
    encoding: 'utf8',
  });
  if (result.status !== 0) {
    throw new Error(`pocketbase superuser upsert failed (exit ${result.status}):\n${result.stderr || result.stdout}`);
  }
}

/** Starts `pocketbase serve` and resolves once /api/health answers. */
export async function startPocketBase(opts: PocketBaseOptions): Promise<RunningPocketBase> {
  const host = opts.host ?? '127.0.0.1';
  ensureDataDir(opts.dataDir);
  const ownOrigin = `http://${host.includes(':') ? `[${host}]` : host}:${opts.port}`;
  const args = [
    'serve',
    `--http=${host.includes(':') ? `[${host}]` : host}:${opts.port}`,
    ...commonFlags(opts),
    `--origins=${(opts.origins ?? [ownOrigin]).join(',')}`,
    `--publicDir=${opts.publicDir ?? siteDir}`,
    '--hooksWatch=false',
    '--indexFallback=false',
    ...(opts.extraArgs ?? []),
  ];
  const child = spawn(opts.binary, args, {
    stdio: ['ignore', opts.output ?? 'ignore', opts.output ?? 'pipe'],
    env: { ...process.env, ...opts.env },
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
    if (stderr.length > 20_000) stderr = stderr.slice(-20_000);
  });
  let exited: number | null | undefined;
  child.once('exit', (code) => {
    exited = code;
  });

  const url = `http://${host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host.includes(':') ? `[${host}]` : host}:${opts.port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (exited !== undefined) {
      throw new Error(`PocketBase exited (code ${exited}) before it was ready:\n${stderr.trim()}`);
    }
    try {
      const response = await fetch(`${url}/api/health`, { signal: AbortSignal.timeout(2000) });
      if (response.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`PocketBase did not answer on ${url}/api/health within 60 s:\n${stderr.trim()}`);
    }
    await new Promise((r) => setTimeout(r, 150));
  }

  return {
    url,
    child,
    stop: () =>
      new Promise<void>((resolve) => {
        if (exited !== undefined) return resolve();
        const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
        child.once('exit', () => {
          clearTimeout(timer);
          resolve();
        });
        child.kill('SIGTERM');
      }),
  };
}

/** Signs in as a superuser over HTTP and returns the token. */
export async function superuserToken(url: string, email: string, password: string): Promise<string> {
  const response = await fetch(`${url}/api/collections/_superusers/auth-with-password`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ identity: email, password }),
  });
  if (!response.ok) throw new Error(`superuser sign-in failed: ${response.status} ${await response.text()}`);
  const body = (await response.json()) as { token: string };
  return body.token;
}
