/**
 * "Download for offline" in the browser: a download's pages go into its own cache (names and
 * records in src/offline/caches.ts), where the service worker finds them without a network.
 * The scripts those pages need are the worker's precache, complete once it is active, so a
 * download starts only then. Each page saved is recorded at once: an interrupted download
 * keeps what it saved and can be finished later.
 */
import {
  downloadCacheName,
  downloadRecordUrl,
  isComplete,
  isDownloadCache,
  pagesCache,
  type DownloadRecord,
  type DownloadSet,
} from '../offline/caches.ts';

export function offlineSupported(): boolean {
  return typeof window !== 'undefined' && 'caches' in window && 'serviceWorker' in navigator;
}

async function recordOf(cache: Cache): Promise<DownloadRecord | null> {
  const response = await cache.match(downloadRecordUrl);
  return response ? ((await response.json()) as DownloadRecord) : null;
}

/** What is saved of a download, or null when nothing is. */
export async function readDownload(id: string): Promise<DownloadRecord | null> {
  const name = downloadCacheName(id);
  if (!(await caches.has(name))) return null;
  return recordOf(await caches.open(name));
}

/** Every download on this device, newest first. */
export async function listDownloads(): Promise<DownloadRecord[]> {
  const records: DownloadRecord[] = [];
  for (const name of (await caches.keys()).filter(isDownloadCache)) {
    const record = await recordOf(await caches.open(name));
    if (record) records.push(record);
  }
  return records.sort((a, b) => b.savedAt.localeCompare(a.savedAt));
}

let sizes: Promise<Record<string, number>> | undefined;

/** Each page's size on the wire, from the build (page-sizes.json); empty when unknown. */
export function pageSizes(): Promise<Record<string, number>> {
  sizes ??= fetch('/page-sizes.json')
    .then((r) => (r.ok ? (r.json() as Promise<Record<string, number>>) : {}))
    .catch(() => ({}));
  return sizes;
}

export interface DownloadProgress {
  done: number;
  total: number;
}

/**
 * Saves a download's pages. With `resume`, pages this download already holds are kept as they
 * are; otherwise every page is fetched again (a fresh copy).
 */
export async function download(set: DownloadSet, onProgress: (p: DownloadProgress) => void, { resume = false } = {}): Promise<DownloadRecord> {
  await navigator.serviceWorker.ready;
  // ask the browser not to evict what the learner chose to keep (it may say no)
  void navigator.storage?.persist?.().catch(() => false);
  const cache = await caches.open(downloadCacheName(set.id));
  const before = await recordOf(cache);
  const saved = new Set(resume ? (before?.saved ?? []).filter((u) => set.urls.includes(u)) : []);
  const record = (): DownloadRecord => ({ id: set.id, lang: set.lang, kind: set.kind, title: set.title, urls: set.urls, saved: [...saved], savedAt: new Date().toISOString() });
  onProgress({ done: saved.size, total: set.urls.length });
  for (const url of set.urls) {
    if (saved.has(url)) continue;
    const response = await fetch(url, { cache: 'no-cache', credentials: 'same-origin' });
    if (!response.ok || response.redirected) throw new Error(`${url}: ${response.status} ${response.statusText}`.trim());
    await cache.put(url, response);
    saved.add(url);
    await cache.put(downloadRecordUrl, Response.json(record()));
    onProgress({ done: saved.size, total: set.urls.length });
  }
  const done = record();
  await cache.put(downloadRecordUrl, Response.json(done));
  return done;
}

/** Frees what a download holds. */
export async function removeDownload(id: string): Promise<void> {
  await caches.delete(downloadCacheName(id));
}

/**
 * Downloads a set unless it is already complete on this device (for the learner's current
 * path, kept without asking; not on a connection where the learner asked to save data).
 */
export async function keepForOffline(set: DownloadSet): Promise<boolean> {
  if (!offlineSupported() || !navigator.onLine) return false;
  const existing = await readDownload(set.id);
  if (existing && isComplete(existing) && existing.urls.length === set.urls.length) return true;
  if ((navigator as Navigator & { connection?: { saveData?: boolean } }).connection?.saveData) return false;
  await download(set, () => undefined, { resume: true });
  return true;
}

export interface StorageUse {
  used: number;
  free: number;
}

export async function storageUse(): Promise<StorageUse | null> {
  if (!navigator.storage?.estimate) return null;
  const { usage = 0, quota = 0 } = await navigator.storage.estimate();
  return { used: usage, free: Math.max(0, quota - usage) };
}

/** Pages the learner opened that the device keeps: address and title. */
export async function openedPages(): Promise<{ url: string; title: string }[]> {
  if (!(await caches.has(pagesCache))) return [];
  const cache = await caches.open(pagesCache);
  const pages: { url: string; title: string }[] = [];
  for (const request of await cache.keys()) {
    const response = await cache.match(request);
    const html = response ? await response.text() : '';
    const title = /<title>[^<]*<\/title>/i.exec(html)?.[0] ?? '';
    const url = new URL(request.url);
    // the title element alone, parsed inertly (nothing in it runs), for its text
    pages.push({ url: url.pathname, title: new DOMParser().parseFromString(title, 'text/html').title || url.pathname });
  }
  return pages.sort((a, b) => a.title.localeCompare(b.title));
}
