import { defineConfig, devices } from '@playwright/test';
import { existsSync } from 'node:fs';
import { freePort } from './scripts/lib/pb-process.ts';

// One real PocketBase for the whole run, on a free port and a temporary data dir
// (tests/support/global-setup.ts). The port is chosen once here and inherited by the workers.
process.env.CONTINUUM_TEST_PORT ??= String(await freePort());
const baseURL = `http://127.0.0.1:${process.env.CONTINUUM_TEST_PORT}`;

// Debian's Chromium (CI installs it); Playwright's own download is not used.
const systemChromium = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => existsSync(p));

export default defineConfig({
  testDir: './tests',
  testMatch: ['e2e/**/*.spec.ts', 'api/**/*.spec.ts', 'a11y/**/*.spec.ts'],
  globalSetup: './tests/support/global-setup.ts',
  fullyParallel: true,
  workers: process.env.CI ? 2 : undefined,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 7_000 },
  forbidOnly: !!process.env.CI,
  reporter: process.env.CI ? [['list']] : [['list']],
  use: {
    baseURL,
    // each test starts as a first visit, without the service worker (its install and page
    // caching are not what those tests are about); tests/e2e/offline.spec.ts allows it
    serviceWorkers: 'block',
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? systemChromium,
      args: ['--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-gpu'],
    },
  },
  projects: [{ name: 'chromium', use: { ...devices['Desktop Chrome'], channel: undefined } }],
});
