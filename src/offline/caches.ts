/**
 * What the device keeps for offline use, and under which names (Cache Storage). Pure: shared
 * by the service worker (src/pwa/service-worker.ts), the download islands and the tests.
 *
 *  - `continuum-precache-<generation>`: one build's app shell (its /_astro/ scripts, the offline
 *    page of each language, manifests, icons), installed whole by the worker of that build.
 *    A previous generation is kept while a saved page still refers to its scripts, so a page
 *    saved before an update never opens with scripts it was not built with.
 *  - `continuum-pages`: pages the learner opened (the latest 100).
 *  - `continuum-download:<lang>/<kind>/<id>`: one download ("Download for offline"), with a
 *    small record of what it holds at {@link downloadRecordUrl}.
 */
import type { Locale } from '../i18n/locales.ts';

export const precachePrefix = 'continuum-precache-';
export const pagesCache = 'continuum-pages';
export const downloadPrefix = 'continuum-download:';
/** The key, inside a download's cache, of the record of that download (never fetched). */
export const downloadRecordUrl = '/__continuum/download.json';

export interface PrecacheEntryLike {
  url: string;
  revision?: string | null;
}

/**
 * A short name for one build's precache list: it changes when any file or revision changes.
 * @example generationOf([{ url: '_astro/a.1.js', revision: null }]) === generationOf([{ url: '_astro/a.1.js', revision: null }]) // true
 */
export function generationOf(entries: readonly (PrecacheEntryLike | string)[]): string {
  const text = entries
    .map((e) => (typeof e === 'string' ? e : `${e.url} ${e.revision ?? ''}`))
    .sort()
    .join('\n');
  // FNV-1a, 32 bits, twice with different seeds: enough to tell builds apart
  const fnv = (seed: number) => {
    let h = seed >>> 0;
    for (let i = 0; i < text.length; i++) {
      h ^= text.charCodeAt(i);
      h = Math.imul(h, 0x01000193) >>> 0;
    }
    return h.toString(16).padStart(8, '0');
  };
  return fnv(0x811c9dc5) + fnv(0x050c5d1f);
}

/** @example precacheName('ab12') // 'continuum-precache-ab12' */
export function precacheName(generation: string): string {
  return precachePrefix + generation;
}

export type DownloadKind = 'path' | 'language';

/** One thing a learner can download: the pages it holds, in one language. */
export interface DownloadSet {
  /** e.g. "en/path/essentials" or "fr/language/all". */
  id: string;
  lang: Locale;
  kind: DownloadKind;
  title: string;
  urls: string[];
}

/** What a download's cache records about itself. */
export interface DownloadRecord {
  id: string;
  lang: Locale;
  kind: DownloadKind;
  title: string;
  urls: string[];
  /** ISO time the last page was saved. */
  savedAt: string;
  /** Pages saved so far (all of urls when complete). */
  saved: string[];
}

/** @example downloadCacheName('en/path/essentials') // 'continuum-download:en/path/essentials' */
export function downloadCacheName(id: string): string {
  return downloadPrefix + id;
}

/** @example isDownloadCache('continuum-download:en/path/x') // true */
export function isDownloadCache(name: string): boolean {
  return name.startsWith(downloadPrefix);
}

/** Whether a download holds every page it lists. */
export function isComplete(record: Pick<DownloadRecord, 'urls' | 'saved'>): boolean {
  const saved = new Set(record.saved);
  return record.urls.every((u) => saved.has(u));
}
