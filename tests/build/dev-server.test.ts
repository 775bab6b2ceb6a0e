/**
 * `npm run dev` (astro dev) on a copy of the project: a scenario edit shows at the next page
 * load without a restart, and a broken lesson or scenario shows its problem in the page (the
 * dev error overlay, in a real Chromium) with the words of the checks, never its last good
 * version.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser } from '@playwright/test';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../../scripts/lib/pb-process.ts';
import { childEnv } from '../support/child-env.ts';

const dir = mkdtempSync(path.join(os.tmpdir(), 'continuum-dev-'));
let server: ChildProcess;
let url = '';
let browser: Browser;

const edit = (file: string, change: (text: string) => string) => writeFileSync(path.join(dir, file), change(readFileSync(path.join(dir, file), 'utf8')));

async function page(p: string): Promise<{ status: number; html: string }> {
  const response = await fetch(`${url}${p}`);
  return { status: response.status, html: await response.text() };
}

/** The text of the dev error overlay on a page, as a visitor sees it. */
async function overlayText(p: string): Promise<string> {
  const tab = await browser.newPage();
  try {
    await tab.goto(`${url}${p}`);
    const overlay = tab.locator('vite-error-overlay');
    await overlay.waitFor({ state: 'attached', timeout: 30_000 });
    return await overlay.evaluate((el) => [...(el.shadowRoot?.querySelectorAll('*') ?? [])].filter((e) => e.tagName !== 'STYLE').map((e) => e.textContent).join(' '));
  } finally {
    await tab.close();
  }
}

beforeAll(async () => {
  for (const item of ['src', 'public', 'content', 'astro.config.mjs', 'package.json', 'tsconfig.json']) cpSync(item, path.join(dir, item), { recursive: true });
  symlinkSync(path.resolve('node_modules'), path.join(dir, 'node_modules'));
  const port = await freePort();
  url = `http://127.0.0.1:${port}`;
  server = spawn(process.execPath, [path.resolve('node_modules/astro/bin/astro.mjs'), 'dev', '--port', String(port), '--host', '127.0.0.1'], { cwd: dir, stdio: 'ignore', env: childEnv() });
  for (let i = 0; i < 120; i++) {
    try {
      if ((await fetch(`${url}/en/`)).ok) break;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'] });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  server?.kill('SIGTERM');
  rmSync(dir, { recursive: true, force: true });
});

describe('npm run dev', () => {
  it('shows a scenario edit at the next page load, without a restart', async () => {
    expect((await page('/en/scenarios/border-arrival/')).status).toBe(200);
    edit('content/scenarios/border-arrival/scenario.yaml', (t) => t.replace(/^title: .*$/m, 'title: "Edited while the dev server runs"'));
    const after = await page('/en/scenarios/border-arrival/');
    expect(after.status).toBe(200);
    expect(after.html).toContain('Edited while the dev server runs');
  }, 120_000);

  it('shows a broken scenario\'s problem in the page', async () => {
    edit('content/scenarios/border-arrival/scenario.yaml', (t) => t.replace(/^start: .*$/m, 'start: arivall'));
    expect((await page('/en/scenarios/border-arrival/')).status).toBe(500);
    const text = await overlayText('/en/scenarios/border-arrival/');
    expect(text).toContain('content/scenarios/border-arrival/scenario.yaml: start: start "arivall" is not a node');
    expect(text).toContain('Did you mean "arrival"?');
  }, 120_000);

  it('shows a broken lesson\'s problem in the page, not its last good version', async () => {
    edit('content/modules/at-the-border/en.mdx', (t) => t.replace(/^minutes: .*$/m, 'minutes: "ten"'));
    const text = await overlayText('/en/modules/at-the-border/');
    expect(text).toContain('content/modules/at-the-border/en.mdx: minutes: minutes must be a whole number of minutes');
  }, 120_000);
});
