/**
 * A learner's phone on a weak connection, in a real Chromium through the DevTools protocol:
 * 700 kbps down, 300 ms round trip, the CPU four times slower. For each kind of page, a first
 * visit (a new browser context: an empty cache, which fills as a browser's would, and no
 * service worker yet): the bytes on the wire (compressed, with
 * headers) and what they decode to, and the time from the start of the navigation until every
 * island on the page is interactive ("buttons work": Astro removes `ssr` from an island once it
 * has hydrated), or until the search shows its results. Used by `npm run bench`.
 */
import { chromium, type Browser, type BrowserContext } from '@playwright/test';
import { existsSync } from 'node:fs';

export const profile = { downloadKbps: 700, uploadKbps: 350, latencyMs: 300, cpuSlowdown: 4 } as const;

export interface PageKind {
  name: string;
  path: string;
  /** Signed in as a learner (the pages that show their record). */
  signedIn?: boolean;
  /** What "ready" means when it is not the islands: a selector that appears when it is. */
  readyWhen?: string;
}

export interface PhoneMeasurement {
  name: string;
  path: string;
  wireBytes: number;
  decodedBytes: number;
  requests: number;
  /** Median over the runs, ms from the start of navigation. */
  readyMs: number;
  runs: number[];
}

const chromiumPath = process.env.CHROMIUM_PATH ?? ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => existsSync(p));

/** Records when no island is left to hydrate (set on window as __continuumReady). */
const readyProbe = `(() => {
  const check = () => {
    if (window.__continuumReady === undefined && document.readyState !== 'loading' && !document.querySelector('astro-island[ssr]')) {
      window.__continuumReady = performance.now();
    }
  };
  new MutationObserver(check).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['ssr'] });
  document.addEventListener('DOMContentLoaded', check);
})();`;

async function measureOnce(context: BrowserContext, url: string, kind: PageKind) {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: profile.latencyMs,
    downloadThroughput: (profile.downloadKbps * 1000) / 8,
    uploadThroughput: (profile.uploadKbps * 1000) / 8,
  });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: profile.cpuSlowdown });
  let wireBytes = 0;
  let decodedBytes = 0;
  let requests = 0;
  cdp.on('Network.loadingFinished', (e) => {
    wireBytes += e.encodedDataLength;
    requests++;
  });
  cdp.on('Network.dataReceived', (e) => {
    decodedBytes += e.dataLength;
  });
  await page.addInitScript(readyProbe);
  await page.goto(url, { waitUntil: 'domcontentloaded', timeout: 60_000 });
  let readyMs: number;
  if (kind.readyWhen) {
    await page.locator(kind.readyWhen).first().waitFor({ timeout: 60_000 });
    readyMs = await page.evaluate(() => performance.now());
  } else {
    await page.waitForFunction(() => (window as unknown as { __continuumReady?: number }).__continuumReady !== undefined, undefined, { timeout: 60_000, polling: 100 });
    readyMs = await page.evaluate(() => (window as unknown as { __continuumReady: number }).__continuumReady);
  }
  // let late requests (idle islands, their data) finish before counting bytes
  await page.waitForLoadState('networkidle', { timeout: 30_000 }).catch(() => undefined);
  await page.close();
  return { wireBytes, decodedBytes, requests, readyMs };
}

export async function measurePhonePages(
  baseUrl: string,
  kinds: readonly PageKind[],
  session: { token: string; record: Record<string, unknown> } | null,
  runs = 3,
): Promise<PhoneMeasurement[]> {
  const browser: Browser = await chromium.launch({
    executablePath: chromiumPath,
    args: ['--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-gpu'],
  });
  const results: PhoneMeasurement[] = [];
  try {
    for (const kind of kinds) {
      const times: number[] = [];
      let last = { wireBytes: 0, decodedBytes: 0, requests: 0 };
      for (let i = 0; i < runs; i++) {
        const context = await browser.newContext({ viewport: { width: 360, height: 640 }, deviceScaleFactor: 2, serviceWorkers: 'block', isMobile: true, hasTouch: true });
        if (kind.signedIn && session) {
          await context.addInitScript((auth) => window.localStorage.setItem('pocketbase_auth', JSON.stringify(auth)), session);
        }
        const m = await measureOnce(context, baseUrl + kind.path, kind);
        await context.close();
        times.push(m.readyMs);
        last = m;
      }
      times.sort((a, b) => a - b);
      results.push({ name: kind.name, path: kind.path, ...last, readyMs: times[Math.floor(times.length / 2)]!, runs: times });
    }
  } finally {
    await browser.close();
  }
  return results;
}
