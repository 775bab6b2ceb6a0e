/**
 * Pagefind, the site's search index (written by the build into /pagefind/), loaded once per page:
 * the search page starts it as it opens (search.astro), before its search box has started, and the
 * search box (Search.svelte) uses the same one.
 */

export interface PagefindResult {
  data(): Promise<{ url: string; meta: { title?: string }; excerpt: string }>;
}

export interface PagefindApi {
  options(o: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  preload(term: string): Promise<void>;
  search(term: string): Promise<{ results: PagefindResult[] }>;
}

let loading: Promise<PagefindApi> | null = null;

/** Pagefind, ready to search; a load that failed (offline) is tried again on the next call. */
export function loadPagefind(): Promise<PagefindApi> {
  if (!loading) {
    loading = (async () => {
      const url = new URL('/pagefind/pagefind.js', window.location.origin).href;
      const api = (await import(/* @vite-ignore */ url)) as PagefindApi;
      // on the page, not in a worker: the files the page preloaded (scripts/lib/preload.ts) are
      // then used as they are (a worker fetched them all again), and a slow phone is not given up
      // on after Pagefind's 5 s wait for its worker; the index is small, a search takes milliseconds
      await api.options({ noWorker: true });
      await api.init();
      return api;
    })();
    loading.catch(() => (loading = null));
  }
  return loading;
}
