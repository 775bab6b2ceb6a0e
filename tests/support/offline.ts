/**
 * Helpers for tests of the service worker and offline use, in a real Chromium.
 */
import { expect, type BrowserContext, type Page } from '@playwright/test';

/** Waits until the service worker is active and controls the page (it claims the page on its first activation). */
export async function workerControls(page: Page): Promise<void> {
  await expect(page.locator('html')).toHaveAttribute('data-worker', 'registered', { timeout: 15_000 });
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null), { timeout: 10_000 }).toBe(true);
}

/**
 * No network, as a phone without signal: the browser is offline and every request fails,
 * including the service worker's own (which Chromium's offline switch does not stop).
 */
export async function cutNetwork(context: BrowserContext): Promise<void> {
  await context.setOffline(true);
  await context.route('**/*', (route) => route.abort('internetdisconnected'));
}

export async function restoreNetwork(context: BrowserContext): Promise<void> {
  await context.unroute('**/*');
  await context.setOffline(false);
}

/** Every island of the page has started (hydrated). */
export async function islandsReady(page: Page): Promise<void> {
  await expect(page.locator('astro-island[ssr]')).toHaveCount(0, { timeout: 15_000 });
}

/** Collects what the browser says about the page's Content-Security-Policy (there should be nothing). */
export function watchPolicyViolations(page: Page): string[] {
  const violations: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy|Content-Security-Policy/i.test(message.text())) violations.push(message.text());
  });
  page.on('pageerror', (error) => {
    if (/Content Security Policy/i.test(error.message)) violations.push(error.message);
  });
  return violations;
}

/** The names of the caches the page's origin holds. */
export function cacheNames(page: Page): Promise<string[]> {
  return page.evaluate(() => caches.keys());
}
