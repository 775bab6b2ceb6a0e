/**
 * A small client for PocketBase's API on the same origin, for every page but the account forms:
 * the part of the PocketBase JS SDK (0.28) the islands use, without the rest of it (realtime,
 * OAuth2, files, batches, admin services: about 10 KB Brotli that a phone on a weak connection
 * would load with every lesson). It behaves as the SDK does where the islands depend on it:
 * - the sign-in is the SDK's own localStorage entry ("pocketbase_auth", `{ token, record }`), read
 *   afresh each time, so a sign-in made by the SDK on the account page is seen here, and clearing
 *   it here signs out both;
 * - `filter()` binds parameters exactly as the SDK's `pb.filter()` (strings JSON-quoted, dates
 *   as "YYYY-MM-DD HH:MM:SS.sssZ", null, booleans, numbers; objects as quoted JSON);
 * - a failed request throws a ClientResponseError with the same url, status, response, isAbort
 *   and message (a shorter one for an aborted request: this client never cancels on its own);
 *   status 0 when the server was not reached (the outbox retries those).
 * The account forms (lib/sdk.ts) use the SDK itself for the sign-in flows it implements.
 */

/** The localStorage key of the SDK's LocalAuthStore, where the sign-in is kept. */
export const authStorageKey = 'pocketbase_auth';

/** A record as PocketBase returns it. */
export interface RecordModel {
  id: string;
  collectionId: string;
  collectionName: string;
  [field: string]: any;
}

export interface ListResult<T> {
  page: number;
  perPage: number;
  totalItems: number;
  totalPages: number;
  items: T[];
}

/** Query parameters; null and undefined are left out, arrays repeat the key. */
export type Query = Record<string, unknown>;

/** Options of a record request: PocketBase's query parameters (filter, sort, fields, expand, skipTotal...). */
export type RecordOptions = Query;

export interface SendOptions {
  method?: string;
  /** JSON-encoded unless it is a string or FormData. */
  body?: unknown;
  query?: Query;
  headers?: Record<string, string>;
  signal?: AbortSignal;
}

interface ErrorInit {
  url?: string;
  status?: number;
  response?: unknown;
  isAbort?: boolean;
  cause?: unknown;
}

/** What the server answered to a failed request (or status 0: it was not reached). */
export class ClientResponseError extends Error {
  readonly url: string;
  readonly status: number;
  /** PocketBase's error body: `{ code, message, data: { field: { code, message } } }`. */
  readonly response: { [key: string]: any };
  readonly isAbort: boolean;
  readonly originalError: unknown;

  constructor(init: ErrorInit) {
    super('ClientResponseError', { cause: init.cause });
    this.url = init.url ?? '';
    this.status = init.status ?? 0;
    this.response = init.response !== null && typeof init.response === 'object' ? init.response : {};
    const cause = init.cause as { name?: string; message?: string } | undefined;
    this.isAbort = Boolean(init.isAbort) || cause?.name === 'AbortError' || cause?.message === 'Aborted';
    this.originalError = init.cause ?? null;
    this.name = `ClientResponseError ${this.status}`;
    const message = this.response.message;
    this.message = typeof message === 'string' && message ? message : this.isAbort ? 'The request was aborted.' : 'Something went wrong.';
  }
}

/**
 * Whether an error is a PocketBase response error: this client's, or the SDK's (the account
 * forms), which has the same fields.
 */
export function isResponseError(error: unknown): error is ClientResponseError {
  if (!(error instanceof Error)) return false;
  const e = error as Partial<ClientResponseError>;
  return typeof e.status === 'number' && e.response !== null && typeof e.response === 'object' && typeof e.isAbort === 'boolean';
}

/** A placeholder's value as the SDK's `pb.filter()` writes it into a filter. */
function filterValue(value: unknown): string {
  switch (typeof value) {
    case 'boolean':
    case 'number':
      return String(value);
    case 'string':
      return JSON.stringify(value);
    default: {
      if (value == null) return 'null';
      if (value instanceof Date) return JSON.stringify(value.toISOString().replace('T', ' '));
      const json = JSON.stringify(value);
      // arrays and objects are compared as their JSON text
      return json.startsWith('[') || json.startsWith('{') ? JSON.stringify(json) : json;
    }
  }
}

const escapeRegExp = (text: string) => text.replace(/[/\-\\^$*+?.()|[\]{}]/g, '\\$&');

/**
 * A PocketBase filter with `{:name}` placeholders bound to values, safely quoted (as the SDK's
 * `pb.filter()`): `filter('user = {:user}', { user: id })`. One pass: a value containing a
 * placeholder is not expanded again.
 */
export function filter(raw: string, params?: Record<string, unknown>): string {
  if (!params) return raw;
  const keys = Object.keys(params);
  if (!keys.length) return raw;
  const pattern = new RegExp(keys.map((k) => escapeRegExp(`{:${k}}`)).join('|'), 'g');
  return raw.replace(pattern, (placeholder) => filterValue(params[placeholder.slice(2, -1)]));
}

/** Query parameters as the SDK writes them (dates as "YYYY-MM-DD HH:MM:SS.sssZ", objects as JSON). */
export function queryString(query: Query): string {
  const parts: string[] = [];
  for (const [key, value] of Object.entries(query)) {
    for (const v of Array.isArray(value) ? value : [value]) {
      if (v === null || v === undefined) continue;
      const text = v instanceof Date ? v.toISOString().replace('T', ' ') : typeof v === 'object' ? JSON.stringify(v) : String(v);
      parts.push(`${encodeURIComponent(key)}=${encodeURIComponent(text)}`);
    }
  }
  return parts.join('&');
}

/** The payload of a JSON Web Token (base64url), or {} when it is not one. */
export function tokenPayload(token: string): Record<string, unknown> {
  try {
    const part = token.split('.')[1] ?? '';
    const base64 = part.replace(/-/g, '+').replace(/_/g, '/').padEnd(Math.ceil(part.length / 4) * 4, '=');
    const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
    const payload: unknown = JSON.parse(new TextDecoder().decode(bytes));
    return payload !== null && typeof payload === 'object' && !Array.isArray(payload) ? (payload as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

/** As the SDK: a token without a payload is expired, one without `exp` is not. */
export function tokenExpired(token: string, now = Date.now()): boolean {
  const payload = tokenPayload(token);
  if (!Object.keys(payload).length) return true;
  return typeof payload.exp === 'number' && payload.exp <= now / 1000;
}

/** The sign-in on this device, in the SDK's LocalAuthStore entry (read afresh each time). */
export class AuthStore {
  constructor(
    private readonly storage: () => Storage | undefined = () => globalThis.localStorage,
    readonly key = authStorageKey,
  ) {}

  private read(): { token?: unknown; record?: unknown; model?: unknown } {
    try {
      const data: unknown = JSON.parse(this.storage()?.getItem(this.key) ?? '');
      return data !== null && typeof data === 'object' ? data : {};
    } catch {
      return {};
    }
  }

  get token(): string {
    const token = this.read().token;
    return typeof token === 'string' ? token : '';
  }

  get record(): RecordModel | null {
    const data = this.read();
    return ((data.record || data.model) as RecordModel | undefined) ?? null;
  }

  /** A token that has not expired (the server checks it on every request). */
  get isValid(): boolean {
    return !tokenExpired(this.token);
  }

  save(token: string, record: RecordModel | null): void {
    this.storage()?.setItem(this.key, JSON.stringify({ token, record }));
  }

  clear(): void {
    this.storage()?.removeItem(this.key);
  }
}

/** The records of one collection (`/api/collections/{name}/records`). */
export class RecordService {
  private readonly path: string;

  constructor(
    private readonly client: ApiClient,
    private readonly name: string,
  ) {
    this.path = `/api/collections/${encodeURIComponent(name)}/records`;
  }

  async getList<T = RecordModel>(page = 1, perPage = 30, options: RecordOptions = {}): Promise<ListResult<T>> {
    const list = await this.client.send<ListResult<T>>(this.path, { query: { page, perPage, ...options } });
    return { ...list, items: list.items ?? [] };
  }

  /** Every record the filter keeps, a page of `batch` (1000) at a time. */
  async getFullList<T = RecordModel>({ batch = 1000, ...options }: RecordOptions & { batch?: number } = {}): Promise<T[]> {
    const all: T[] = [];
    for (let page = 1; ; page += 1) {
      const list = await this.getList<T>(page, batch, { skipTotal: 1, ...options });
      all.push(...list.items);
      if (list.items.length !== list.perPage) return all;
    }
  }

  /** The first record the filter keeps; a 404 error when there is none (as the SDK). */
  async getFirstListItem<T = RecordModel>(filterText: string, options: RecordOptions = {}): Promise<T> {
    const list = await this.getList<T>(1, 1, { filter: filterText, skipTotal: 1, ...options });
    const first = list.items[0];
    if (first === undefined) throw new ClientResponseError({ status: 404, response: { code: 404, message: "The requested resource wasn't found.", data: {} } });
    return first;
  }

  getOne<T = RecordModel>(id: string, options: RecordOptions = {}): Promise<T> {
    if (!id) return Promise.reject(new ClientResponseError({ url: `${this.path}/`, status: 404, response: { code: 404, message: 'Missing required record id.', data: {} } }));
    return this.client.send<T>(`${this.path}/${encodeURIComponent(id)}`, { query: options });
  }

  create<T = RecordModel>(body: Record<string, unknown>, options: RecordOptions = {}): Promise<T> {
    return this.client.send<T>(this.path, { method: 'POST', body, query: options });
  }

  /** Updates a record; when it is the signed-in person's, their stored record too (as the SDK). */
  async update<T = RecordModel>(id: string, body: Record<string, unknown>, options: RecordOptions = {}): Promise<T> {
    const item = await this.client.send<RecordModel>(`${this.path}/${encodeURIComponent(id)}`, { method: 'PATCH', body, query: options });
    const store = this.client.authStore;
    const me = store.record;
    if (me && this.isSignedIn(item?.id)) store.save(store.token, { ...me, ...item, expand: { ...me.expand, ...item.expand } });
    return item as T;
  }

  /** Deletes a record; when it is the signed-in person's, the sign-in goes too (as the SDK). */
  async delete(id: string, options: RecordOptions = {}): Promise<true> {
    await this.client.send(`${this.path}/${encodeURIComponent(id)}`, { method: 'DELETE', query: options });
    if (this.isSignedIn(id)) this.client.authStore.clear();
    return true;
  }

  /** Whether a record of this collection is the signed-in person's. */
  private isSignedIn(id: string | undefined): boolean {
    const me = this.client.authStore.record;
    return Boolean(me && me.id === id && (me.collectionId === this.name || me.collectionName === this.name));
  }
}

/** The client: `send` for the platform's own routes, `collection(name)` for records. */
export class ApiClient {
  readonly filter = filter;

  constructor(
    readonly authStore = new AuthStore(),
    /** '' for the page's own origin. */
    private readonly baseUrl = '',
  ) {}

  collection(name: string): RecordService {
    return new RecordService(this, name);
  }

  /** One request with the signed-in person's token; a ClientResponseError when it fails. */
  async send<T = any>(path: string, options: SendOptions = {}): Promise<T> {
    const { method = 'GET', body, query = {}, signal } = options;
    const headers: Record<string, string> = { ...options.headers };
    const has = (name: string) => Object.keys(headers).some((h) => h.toLowerCase() === name.toLowerCase());
    const form = typeof FormData !== 'undefined' && body instanceof FormData;
    if (!form && !has('Content-Type')) headers['Content-Type'] = 'application/json';
    const token = this.authStore.token;
    if (token && !has('Authorization')) headers.Authorization = token;
    const search = queryString(query);
    const url = `${this.baseUrl}${path}${search ? (path.includes('?') ? '&' : '?') + search : ''}`;
    let response: Response;
    try {
      response = await fetch(url, {
        method,
        headers,
        signal,
        body: body === undefined || form || typeof body === 'string' ? (body as BodyInit | undefined) : JSON.stringify(body),
      });
    } catch (cause) {
      throw new ClientResponseError({ url, status: 0, cause });
    }
    let data: unknown = {};
    try {
      data = await response.json();
    } catch (cause) {
      // an empty answer (204) is fine; a body cut off by an abort is not
      if (signal?.aborted || (cause as { name?: string }).name === 'AbortError') throw new ClientResponseError({ url, status: 0, cause });
    }
    if (response.status >= 400) throw new ClientResponseError({ url: response.url, status: response.status, response: data });
    return data as T;
  }
}
