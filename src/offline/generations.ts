/**
 * Keeping saved pages and their scripts together across updates. Each build's scripts have
 * hashed names under /_astro/; a page refers to the ones it was built with. After an update a
 * page saved earlier still needs the previous build's scripts: the worker keeps a previous
 * build's precache while any saved page refers to it, refreshes such pages when the network
 * allows, and then lets the old precache go. Pure string and set work, unit-tested.
 */
import { savedAtMeta } from '../pwa/protocol.ts';

const assetPattern = /\/_astro\/[\w.-]+\.(?:m?js|css)/g;

/**
 * The build scripts and styles a page refers to (its islands, their renderers, its scripts).
 * @example assetRefs('<astro-island component-url="/_astro/A.x1.js" renderer-url="/_astro/client.y2.js">') // ['/_astro/A.x1.js', '/_astro/client.y2.js']
 */
export function assetRefs(html: string): string[] {
  return [...new Set(html.match(assetPattern) ?? [])];
}

/**
 * Whether a saved page was built by another build than the current one: it refers to a script
 * the current build does not have.
 * @example isStale('<script src="/_astro/old.1.js">', new Set(['/_astro/new.2.js'])) // true
 */
export function isStale(html: string, currentAssets: ReadonlySet<string>): boolean {
  return assetRefs(html).some((ref) => !currentAssets.has(ref));
}

export interface Generation {
  /** The cache that holds it. */
  name: string;
  /** The /_astro/ paths it holds. */
  assets: ReadonlySet<string>;
}

/**
 * The previous builds' caches no saved page needs any more: none of their scripts is referred
 * to by a saved page (the current build's scripts never count against an old one).
 * @example unneededGenerations([{ name: 'old', assets: new Set(['/_astro/a.1.js']) }], new Set(), [['/_astro/b.2.js']]) // ['old']
 */
export function unneededGenerations(previous: readonly Generation[], currentAssets: ReadonlySet<string>, savedPageRefs: readonly (readonly string[])[]): string[] {
  const needed = new Set<string>();
  for (const refs of savedPageRefs) for (const ref of refs) if (!currentAssets.has(ref)) needed.add(ref);
  return previous.filter((g) => ![...g.assets].some((a) => needed.has(a))).map((g) => g.name);
}

/**
 * A page answered from the device says so: a meta element with when it was saved, which the
 * page's script turns into "You are offline: saved on …".
 * @example markSavedCopy('<html><head><title>x</title></head>', '2026-01-02T03:04:05.000Z') // '<html><head><meta name="continuum-saved-at" content="2026-01-02T03:04:05.000Z"><title>x</title></head>'
 */
export function markSavedCopy(html: string, savedAt: string): string {
  const meta = `<meta name="${savedAtMeta}" content="${savedAt.replace(/[^0-9A-Za-z:.\-+ ,]/g, '')}">`;
  const head = /<head[^>]*>/i.exec(html);
  if (!head) return meta + html;
  const at = head.index + head[0].length;
  return html.slice(0, at) + meta + html.slice(at);
}

/**
 * When a response was saved, from its Date header (set by the server that sent it).
 * @example savedAtFrom('Tue, 01 Dec 2026 10:00:00 GMT') // '2026-12-01T10:00:00.000Z'
 * @example savedAtFrom(null) // ''
 */
export function savedAtFrom(dateHeader: string | null): string {
  if (!dateHeader) return '';
  const time = Date.parse(dateHeader);
  return Number.isNaN(time) ? '' : new Date(time).toISOString();
}
