/**
 * `npm test`: type check, unit tests, site build, build-output checks (page weight, malformed
 * content), then end-to-end, API and accessibility tests in a real Chromium against a real
 * PocketBase. Stops at the first failing stage; prints one closing count line.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { root } from './lib/paths.ts';

const bin = (name: string) => path.join(root, 'node_modules', '.bin', name);
const reports = mkdtempSync(path.join(os.tmpdir(), 'continuum-test-reports-'));
const counts = { passed: 0, failed: 0, skipped: 0 };
const started = Date.now();

function run(title: string, command: string, args: string[], env: Record<string, string> = {}): boolean {
  console.log(`\n━━ ${title}`);
  const t0 = Date.now();
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  console.log(`━━ ${title}: ${result.status === 0 ? 'ok' : `FAILED (exit ${result.status ?? result.signal})`} in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  return result.status === 0;
}

function addVitest(file: string) {
  if (!existsSync(file)) return;
  const report = JSON.parse(readFileSync(file, 'utf8'));
  counts.passed += report.numPassedTests ?? 0;
  counts.failed += report.numFailedTests ?? 0;
  counts.skipped += (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
}

function addPlaywright(file: string) {
  if (!existsSync(file)) return;
  const stats = JSON.parse(readFileSync(file, 'utf8')).stats ?? {};
  counts.passed += (stats.expected ?? 0) + (stats.flaky ?? 0);
  counts.failed += stats.unexpected ?? 0;
  counts.skipped += stats.skipped ?? 0;
}

function finish(ok: boolean): never {
  console.log(`\nnpm test ${ok ? 'passed' : 'FAILED'} in ${((Date.now() - started) / 1000).toFixed(0)} s`);
  console.log(`${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped`);
  rmSync(reports, { recursive: true, force: true });
  process.exit(ok ? 0 : 1);
}

const vitestJson = (name: string) => ['--reporter=default', '--reporter=json', `--outputFile.json=${path.join(reports, name)}`];

let ok = run('Type check (astro check)', bin('astro'), ['check']);
if (!ok) {
  counts.failed += 1;
  finish(false);
}

ok = run('Unit tests (vitest)', bin('vitest'), ['run', 'tests/unit', ...vitestJson('unit.json')]);
addVitest(path.join(reports, 'unit.json'));
if (!ok) finish(false);

ok = run('Build the site (content checks, astro build, search index, service worker, compression; dist/ switches when all pass)', process.execPath, [path.join(root, 'scripts', 'build.ts')]);
if (!ok) {
  counts.failed += 1;
  finish(false);
}

ok = run('Build output checks (vitest)', bin('vitest'), ['run', 'tests/build', ...vitestJson('build.json')]);
addVitest(path.join(reports, 'build.json'));
if (!ok) finish(false);

const playwrightReport = path.join(reports, 'playwright.json');
ok = run('End-to-end, API and accessibility tests (Playwright, Chromium, PocketBase)', bin('playwright'), ['test', '--reporter=list,json'], {
  PLAYWRIGHT_JSON_OUTPUT_NAME: playwrightReport,
});
addPlaywright(playwrightReport);
finish(ok);
