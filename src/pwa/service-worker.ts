/**
 * Continuum's service worker, built after the site by scripts/lib/service-worker.ts (esbuild,
 * then Workbox's injectManifest writes this build's file list with revisions into
 * `self.__WB_MANIFEST`), served as /service-worker.js. Workbox does the caching; this file
 * only says what goes where (the names and rules are in src/offline/):
 *
 *  - install: this build's app shell into its own precache generation. A new build waits
 *    until the learner accepts "a new version is available" (the page sends SKIP_WAITING);
 *    until then the old worker and its files keep serving, so no page mixes two builds.
 *  - pages (navigations): the network first (4 s at most), the copy saved on the device after
 *    that (it says it is a saved copy, and since when), then a download's copy, then the
 *    offline page of the page's language. Every page opened is saved (the latest 100), and a
 *    newer copy of a downloaded page replaces the download's.
 *  - scripts of a previous build: from the previous precache, which stays while a saved page
 *    refers to it (src/offline/generations.ts).
 *  - /api/ and everything else: not touched (the learning record has its own outbox).
 */
import { PrecacheController, PrecacheRoute, type PrecacheEntry } from 'workbox-precaching';
import { NavigationRoute, registerRoute } from 'workbox-routing';
import { NetworkFirst } from 'workbox-strategies';
import { ExpirationPlugin } from 'workbox-expiration';
import {
  downloadRecordUrl,
  generationOf,
  isDownloadCache,
  pagesCache,
  precacheName,
  precachePrefix,
} from '../offline/caches.ts';
import { messages } from './protocol.ts';
import { assetRefs, isStale, markSavedCopy, savedAtFrom, unneededGenerations, type Generation } from '../offline/generations.ts';
import { isLocale, preferredLocale, safeRedirectPath, type Locale } from '../i18n/locales.ts';

// The few worker types used here (the project's TypeScript program uses the DOM library).
interface ExtendableEventLike extends Event {
  waitUntil(promise: Promise<unknown>): void;
}
interface MessageEventLike extends ExtendableEventLike {
  data: unknown;
}
interface WorkerScope {
  skipWaiting(): Promise<void>;
  clients: { claim(): Promise<void> };
  navigator: Navigator;
  cookieStore?: { get(name: string): Promise<{ value: string } | null> };
  addEventListener(type: 'install' | 'activate', listener: (event: ExtendableEventLike) => void): void;
  addEventListener(type: 'message', listener: (event: MessageEventLike) => void): void;
}
const worker = self as unknown as WorkerScope;

// written in by injectManifest at build time (it looks for exactly this expression)
const manifest = (self as unknown as { __WB_MANIFEST: (PrecacheEntry | string)[] }).__WB_MANIFEST;
const generation = generationOf(manifest);
const currentAssets = new Set(manifest.map((e) => '/' + (typeof e === 'string' ? e : e.url)).filter((u) => u.startsWith('/_astro/')));

const precache = new PrecacheController({ cacheName: precacheName(generation) });
precache.addToCacheList(manifest);

worker.addEventListener('install', (event) => event.waitUntil(precache.install(event as never)));
worker.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      await precache.activate(event as never);
      await worker.clients.claim();
      // no await: reading saved pages may take a moment and must not hold up their answers
      void collectGenerations();
    })(),
  );
});
worker.addEventListener('message', (event) => {
  const type = (event.data as { type?: string } | null)?.type;
  if (type === messages.skipWaiting) void worker.skipWaiting();
  if (type === messages.refreshSavedPages) event.waitUntil(refreshSavedPages());
});

registerRoute(new PrecacheRoute(precache, { ignoreURLParametersMatching: [/.*/] }));

// A previous build's script, for a page saved before an update; then the network.
registerRoute(
  ({ url, sameOrigin }) => sameOrigin && url.pathname.startsWith('/_astro/'),
  async ({ request }) => (await caches.match(request)) ?? fetch(request),
);

/** A page answered from the device carries when it was saved (see src/pwa/register.ts). */
async function asSavedCopy(response: Response): Promise<Response> {
  const type = response.headers.get('content-type') ?? '';
  if (!type.includes('text/html')) return response;
  const html = markSavedCopy(await response.text(), savedAtFrom(response.headers.get('date')) || new Date(0).toISOString());
  const headers = new Headers(response.headers);
  headers.delete('content-length');
  headers.delete('content-encoding');
  return new Response(html, { status: response.status, statusText: response.statusText, headers });
}

async function downloadCaches(): Promise<Cache[]> {
  const names = (await caches.keys()).filter(isDownloadCache);
  return Promise.all(names.map((n) => caches.open(n)));
}

/** The language for a page the device does not have: the path's, else the learner's choice. */
async function languageFor(url: URL): Promise<Locale> {
  const first = url.pathname.split('/').filter(Boolean)[0];
  if (isLocale(first)) return first;
  let stored: string | null = null;
  try {
    stored = (await worker.cookieStore?.get('continuum-lang'))?.value ?? null;
  } catch {
    stored = null;
  }
  return preferredLocale(stored, worker.navigator.languages);
}

/** No network and no saved copy in "pages": a download's copy, or the offline page. */
async function fromDownloadsOrOffline(request: Request): Promise<Response | undefined> {
  const url = new URL(request.url);
  for (const cache of await downloadCaches()) {
    const hit = await cache.match(url.pathname);
    if (hit) return asSavedCopy(hit);
  }
  const lang = await languageFor(url);
  if (url.pathname === '/') return Response.redirect(`/${lang}/`, 302);
  return precache.matchPrecache(`/${lang}/offline/`);
}

const pages = new NetworkFirst({
  cacheName: pagesCache,
  networkTimeoutSeconds: 4,
  plugins: [
    // only whole pages of this site (no redirects, no errors)
    { cacheWillUpdate: async ({ response }) => (response.status === 200 && response.type === 'basic' && !response.redirected ? response : null) },
    new ExpirationPlugin({ maxEntries: 100, purgeOnQuotaError: true }),
    { cachedResponseWillBeUsed: async ({ cachedResponse }) => (cachedResponse ? asSavedCopy(cachedResponse) : null) },
    {
      // a newer copy of a downloaded page replaces the download's
      cacheDidUpdate: async ({ request, newResponse }) => {
        const path = new URL(request.url).pathname;
        for (const cache of await downloadCaches()) {
          if (await cache.match(path)) await cache.put(path, newResponse.clone());
        }
      },
    },
    { handlerDidError: async ({ request }) => fromDownloadsOrOffline(request) },
  ],
});
registerRoute(new NavigationRoute(pages, { denylist: [/^\/api\//, /^\/_\//] }));

// The language switcher's links go through the server, which remembers the choice; without a
// network they still lead to the page in the other language.
registerRoute(
  ({ url, request }) => request.mode === 'navigate' && url.pathname === '/api/continuum/language',
  async ({ request, url }) => {
    try {
      return await fetch(request);
    } catch {
      const lang = url.searchParams.get('lang');
      return Response.redirect(safeRedirectPath(url.searchParams.get('next'), isLocale(lang) ? lang : 'en'), 302);
    }
  },
);

/** Every saved page: in "pages" and in each download. */
async function savedPages(): Promise<{ cache: Cache; request: Request }[]> {
  const names = [pagesCache, ...(await caches.keys()).filter(isDownloadCache)];
  const all: { cache: Cache; request: Request }[] = [];
  for (const name of names) {
    if (!(await caches.has(name))) continue;
    const cache = await caches.open(name);
    for (const request of await cache.keys()) {
      if (new URL(request.url).pathname !== downloadRecordUrl) all.push({ cache, request });
    }
  }
  return all;
}

/** Previous builds' precaches that no saved page refers to any more are deleted. */
async function collectGenerations(): Promise<void> {
  const current = precacheName(generation);
  const names = (await caches.keys()).filter((n) => n.startsWith(precachePrefix) && n !== current);
  if (names.length === 0) return;
  const previous: Generation[] = [];
  for (const name of names) {
    const keys = await (await caches.open(name)).keys();
    previous.push({ name, assets: new Set(keys.map((k) => new URL(k.url).pathname).filter((p) => p.startsWith('/_astro/'))) });
  }
  const refs: string[][] = [];
  for (const { cache, request } of await savedPages()) {
    const response = await cache.match(request);
    if (response) refs.push(assetRefs(await response.text()));
  }
  for (const name of unneededGenerations(previous, currentAssets, refs)) await caches.delete(name);
}

/**
 * After an update, when the network allows: saved pages built by a previous build are fetched
 * again (a page that no longer exists keeps its old copy, which its old scripts still serve),
 * then previous builds no page needs are let go.
 */
async function refreshSavedPages(): Promise<void> {
  for (const { cache, request } of await savedPages()) {
    const response = await cache.match(request);
    if (!response || !isStale(await response.text(), currentAssets)) continue;
    try {
      const fresh = await fetch(request.url, { cache: 'no-cache', credentials: 'same-origin' });
      if (fresh.ok && !fresh.redirected) await cache.put(request, fresh);
    } catch {
      return; // offline again: the rest waits for the next time
    }
  }
  await collectGenerations();
}
