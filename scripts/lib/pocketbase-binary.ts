/**
 * Gets a PocketBase binary, in this order:
 * 1. PB_BIN, if set (an explicit override: any PocketBase 0.39.x binary);
 * 2. built from source in pocketbase/ with Go, only when missing or out of date;
 * 3. the official release of the pinned version, downloaded once into pocketbase/bin/.
 * If none works, one error says what to install.
 */
import { createHash } from 'node:crypto';
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync, accessSync, constants } from 'node:fs';
import path from 'node:path';
import { pocketbaseDir, pocketbaseVersion } from './paths.ts';

const binDir = path.join(pocketbaseDir, 'bin');
const builtBinary = path.join(binDir, 'pocketbase');
const stampFile = path.join(binDir, '.source-stamp');

function findGo(): string | null {
  for (const candidate of [process.env.GO_BIN, 'go', '/usr/local/go/bin/go']) {
    if (!candidate) continue;
    const probe = spawnSync(candidate, ['version'], { encoding: 'utf8' });
    if (probe.status === 0) return candidate;
  }
  return null;
}

function sourceStamp(go: string): string {
  const hash = createHash('sha256');
  hash.update(execFileSync(go, ['version'], { encoding: 'utf8' }));
  const files = readdirSync(pocketbaseDir).filter((f) => f.endsWith('.go') || f === 'go.mod' || f === 'go.sum').sort();
  for (const file of files) {
    hash.update(file);
    hash.update(readFileSync(path.join(pocketbaseDir, file)));
  }
  return hash.digest('hex');
}

function buildFromSource(go: string, log: (line: string) => void): string {
  const stamp = sourceStamp(go);
  if (existsSync(builtBinary) && existsSync(stampFile) && readFileSync(stampFile, 'utf8') === stamp) {
    return builtBinary;
  }
  log(`Building PocketBase ${pocketbaseVersion} from source in pocketbase/ (about a minute the first time)…`);
  mkdirSync(binDir, { recursive: true });
  const result = spawnSync(go, ['build', '-trimpath', '-o', builtBinary, '.'], {
    cwd: pocketbaseDir,
    stdio: ['ignore', 'inherit', 'inherit'],
    env: { ...process.env, CGO_ENABLED: '0' },
  });
  if (result.status !== 0) {
    throw new Error(`go build of pocketbase/ failed (exit ${result.status}). See the compiler output above.`);
  }
  writeFileSync(stampFile, stamp);
  return builtBinary;
}

async function downloadRelease(log: (line: string) => void): Promise<string> {
  const platform = { linux: 'linux', darwin: 'darwin', win32: 'windows' }[process.platform as string];
  const arch = { x64: 'amd64', arm64: 'arm64' }[process.arch as string];
  if (!platform || !arch) throw new Error(`no official PocketBase release for ${process.platform}/${process.arch}`);
  const target = path.join(binDir, `pocketbase-release-${pocketbaseVersion}${platform === 'windows' ? '.exe' : ''}`);
  if (existsSync(target)) return target;
  const url = `https://github.com/pocketbase/pocketbase/releases/download/v${pocketbaseVersion}/pocketbase_${pocketbaseVersion}_${platform}_${arch}.zip`;
  log(`Go was not found; downloading the official PocketBase ${pocketbaseVersion} release…`);
  const response = await fetch(url, { signal: AbortSignal.timeout(60_000) });
  if (!response.ok) throw new Error(`download of ${url} answered ${response.status}`);
  mkdirSync(binDir, { recursive: true });
  const zipPath = path.join(binDir, 'release.zip');
  writeFileSync(zipPath, Buffer.from(await response.arrayBuffer()));
  const unzip = spawnSync('unzip', ['-o', zipPath, platform === 'windows' ? 'pocketbase.exe' : 'pocketbase', '-d', path.join(binDir, 'release')], { stdio: 'inherit' });
  if (unzip.status !== 0) throw new Error('unzip of the PocketBase release failed (is `unzip` installed?)');
  const extracted = path.join(binDir, 'release', platform === 'windows' ? 'pocketbase.exe' : 'pocketbase');
  writeFileSync(target, readFileSync(extracted));
  chmodSync(target, 0o755);
  return target;
}

/** Returns the path of a runnable PocketBase binary, building or fetching it if needed. */
export async function ensurePocketBase(log: (line: string) => void = console.log): Promise<string> {
  const override = process.env.PB_BIN;
  if (override) {
    try {
      accessSync(override, constants.X_OK);
    } catch {
      throw new Error(`PB_BIN is set to "${override}", but that is not an executable file. Point PB_BIN at a PocketBase ${pocketbaseVersion} binary, or unset it to build from source.`);
    }
    return override;
  }
  const go = findGo();
  if (go) return buildFromSource(go, log);
  try {
    return await downloadRelease(log);
  } catch (error) {
    throw new Error(
      `Continuum needs PocketBase ${pocketbaseVersion} and could not get it.\n` +
        `  - Go was not found, so it cannot be built from pocketbase/ (install Go 1.25 or newer: https://go.dev/dl/), and\n` +
        `  - the official release could not be downloaded (${(error as Error).message}).\n` +
        `Install Go, or download PocketBase ${pocketbaseVersion} yourself and run with PB_BIN=/path/to/pocketbase.`,
    );
  }
}
