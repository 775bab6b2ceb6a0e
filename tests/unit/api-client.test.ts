/**
 * The small PocketBase client of learner pages (src/islands/lib/api-client.ts) against the
 * PocketBase JS SDK it replaces there: the same filters, query strings, token checks and stored
 * sign-in, the same requests on the wire, and the same errors (a real HTTP server on a free port
 * answers both, and a closed port refuses both).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import PocketBase, { ClientResponseError as SdkError, LocalAuthStore, getTokenPayload, isTokenExpired, serializeQueryParams } from 'pocketbase';
import { ApiClient, AuthStore, ClientResponseError, authStorageKey, filter, isResponseError, queryString, tokenExpired, tokenPayload } from '../../src/islands/lib/api-client.ts';
import { describeError, fieldErrors, isNetworkError } from '../../src/islands/lib/backend.ts';

/** localStorage as a browser has it, in memory. */
class MemoryStorage implements Storage {
  private items = new Map<string, string>();
  get length() { return this.items.size; }
  clear() { this.items.clear(); }
  getItem(key: string) { return this.items.get(key) ?? null; }
  key(i: number) { return [...this.items.keys()][i] ?? null; }
  removeItem(key: string) { this.items.delete(key); }
  setItem(key: string, value: string) { this.items.set(key, String(value)); }
}

const base64url = (text: string) => Buffer.from(text).toString('base64url');
/** An (unsigned) token with this payload: what the client reads of a PocketBase token. */
const jwt = (payload: object) => `${base64url('{"alg":"HS256","typ":"JWT"}')}.${base64url(JSON.stringify(payload))}.signature`;
const inAnHour = () => Math.floor(Date.now() / 1000) + 3600;

const sdk = new PocketBase('http://127.0.0.1:1');

describe('filter(): the same binding as the SDK', () => {
  const values: Record<string, unknown> = {
    quotes: `O'Brien said "stop"`,
    backslashes: 'C:\\path\\ends\\',
    escapedQuote: 'a\\"b',
    injection: '" || user != "',
    newline: 'line one\nline two\ttab',
    unicode: 'Ẓāhir — دخول 😀',
    empty: '',
    date: new Date('2026-03-04T05:06:07.089Z'),
    none: null,
    missing: undefined,
    yes: true,
    no: false,
    zero: 0,
    negative: -12.5,
    notANumber: Number.NaN,
    list: ['a', 'b"c'],
    object: { a: 1, b: 'x"y' },
    nested: '{:quotes}',
    'dotted.key': 'dot',
    'plus+key': 'plus',
  };

  it('quotes and escapes every kind of value exactly as pb.filter()', () => {
    for (const [key, value] of Object.entries(values)) {
      const raw = `field = {:${key}} && other != {:${key}}`;
      expect(filter(raw, { [key]: value }), key).toBe(sdk.filter(raw, { [key]: value }));
    }
    const raw = Object.keys(values).map((k) => `f = {:${k}}`).join(' || ') + ' && g = {:unbound}';
    expect(filter(raw, values)).toBe(sdk.filter(raw, values));
    expect(filter('a = 1', undefined)).toBe(sdk.filter('a = 1'));
    expect(filter('a = {:x}', {})).toBe(sdk.filter('a = {:x}', {}));
  });

  it('keeps a value inside its string: a quote cannot end it, a placeholder in it is not expanded', () => {
    expect(filter('user = {:user}', { user: values.injection })).toBe('user = "\\" || user != \\""');
    expect(filter('a = {:nested} && b = {:quotes}', values)).toBe(`a = "{:quotes}" && b = "O'Brien said \\"stop\\""`);
    expect(filter('at > {:date} && done = {:yes} && by = {:none}', values)).toBe('at > "2026-03-04 05:06:07.089Z" && done = true && by = null');
  });
});

describe('query strings, tokens and the stored sign-in: the same as the SDK', () => {
  it('writes query parameters as serializeQueryParams', () => {
    const query = { filter: 'user = "a b" && x = \'&\'', page: 2, skipTotal: 1, sort: '-created', fields: 'id,name', none: null, gone: undefined, when: new Date('2026-01-02T03:04:05Z'), many: ['a', 'b&c'], object: { a: 1 }, flag: false, 'odd key': 'é' };
    expect(queryString(query)).toBe(serializeQueryParams(query));
  });

  it('reads a token as the SDK does: payload, expiry, and not a token', () => {
    const tokens = [jwt({ id: 'u1', exp: inAnHour() }), jwt({ id: 'u1', exp: Math.floor(Date.now() / 1000) - 5 }), jwt({ id: 'no-expiry' }), jwt({}), 'not-a-token', '', 'a.b.c'];
    for (const token of tokens) {
      expect(tokenPayload(token), token).toEqual(getTokenPayload(token));
      expect(tokenExpired(token), token).toBe(isTokenExpired(token));
    }
  });

  it('also reads a base64url payload and non-ASCII text (the e-mail in a reset token)', () => {
    // "???" encodes to "Pz8_" in base64url, which atob alone refuses
    expect(tokenPayload(jwt({ email: 'zoë@example.org', note: '???' }))).toEqual({ email: 'zoë@example.org', note: '???' });
  });

  it('shares the SDK LocalAuthStore entry: a sign-in either makes, the other sees; clearing signs out both', () => {
    const storage = new MemoryStorage();
    const browser = globalThis as { window?: unknown };
    browser.window = { localStorage: storage, addEventListener: () => undefined };
    try {
      const theirs = new LocalAuthStore();
      const ours = new AuthStore(() => storage);
      const record = { id: 'u1', collectionId: '_pb_users_auth_', collectionName: 'users', name: 'Amina', role: 'learner' };
      const token = jwt({ id: 'u1', exp: inAnHour() });

      theirs.save(token, record);
      expect(storage.getItem(authStorageKey)).not.toBeNull();
      expect([ours.token, ours.record, ours.isValid]).toEqual([token, record, true]);

      ours.clear();
      expect([theirs.token, theirs.record, theirs.isValid]).toEqual(['', null, false]);

      ours.save(token, { ...record, name: 'Amina K.' });
      expect([theirs.token, theirs.record?.name, theirs.isValid]).toEqual([token, 'Amina K.', true]);
      expect(storage.getItem(authStorageKey)).toBe(JSON.stringify({ token, record: { ...record, name: 'Amina K.' } }));

      theirs.clear();
      expect([ours.token, ours.record, ours.isValid]).toEqual(['', null, false]);

      storage.setItem(authStorageKey, 'not json');
      expect([ours.token, ours.record]).toEqual([theirs.token, theirs.record]);
    } finally {
      delete browser.window;
    }
  });
});

interface Seen {
  method: string;
  path: string;
  query: [string, string][];
  body: string;
  authorization: string;
  contentType: string;
}

describe('on the wire: the same requests, answers and errors as the SDK', () => {
  const seen: Seen[] = [];
  const rows = Array.from({ length: 5 }, (_, i) => ({ id: `r${i}`, collectionId: 'c1', collectionName: 'progress', n: i }));
  let server: Server;
  let origin = '';
  let closedOrigin = '';

  async function answer(request: IncomingMessage): Promise<{ status: number; body?: unknown }> {
    const url = new URL(request.url ?? '/', 'http://x');
    const body = await new Promise<string>((done) => {
      let text = '';
      request.on('data', (c: Buffer) => (text += c.toString()));
      request.on('end', () => done(text));
    });
    seen.push({
      method: request.method ?? '',
      path: url.pathname,
      query: [...url.searchParams.entries()].sort(([a], [b]) => a.localeCompare(b)),
      body,
      authorization: request.headers.authorization ?? '',
      contentType: request.headers['content-type'] ?? '',
    });
    if (url.pathname === '/api/collections/statements/records') {
      return { status: 400, body: { status: 400, message: 'Failed to create record.', data: { verb: { code: 'validation_required', message: 'Cannot be blank.' } } } };
    }
    if (url.pathname === '/api/continuum/busy') return { status: 429, body: { status: 429, message: 'Too Many Requests.', data: {} } };
    if (url.pathname === '/api/continuum/broken') return { status: 502 };
    if (url.pathname === '/api/continuum/empty') return { status: 204 };
    if (url.pathname === '/api/collections/progress/records') {
      const filterText = url.searchParams.get('filter') ?? '';
      const page = Number(url.searchParams.get('page'));
      const perPage = Number(url.searchParams.get('perPage'));
      const matching = filterText.includes('"nobody"') ? [] : rows;
      return { status: 200, body: { page, perPage, totalItems: -1, totalPages: -1, items: matching.slice((page - 1) * perPage, page * perPage) } };
    }
    if (url.pathname.startsWith('/api/collections/scenario_runs/records')) {
      return { status: 200, body: { id: 'run1', collectionId: 'c2', collectionName: 'scenario_runs', ...(body ? JSON.parse(body) : {}) } };
    }
    return { status: 404, body: { status: 404, message: "The requested resource wasn't found.", data: {} } };
  }

  beforeAll(async () => {
    server = createServer((request, response) => {
      void answer(request).then(({ status, body }) => {
        response.writeHead(status, body === undefined ? {} : { 'Content-Type': 'application/json' });
        response.end(body === undefined ? undefined : JSON.stringify(body));
      });
    });
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    // a port that was free a moment ago and now refuses: the server is not reached
    const gone = createServer();
    await new Promise<void>((done) => gone.listen(0, '127.0.0.1', done));
    closedOrigin = `http://127.0.0.1:${(gone.address() as AddressInfo).port}`;
    await new Promise((done) => gone.close(done));
  });
  afterAll(() => new Promise((done) => server.close(done)));

  const token = jwt({ id: 'u1', exp: inAnHour() });
  const me = { id: 'u1', collectionId: '_pb_users_auth_', collectionName: 'users' };
  function both(at = origin) {
    const theirs = new PocketBase(at);
    theirs.autoCancellation(false);
    theirs.authStore.save(token, me);
    const storage = new MemoryStorage();
    const ours = new ApiClient(new AuthStore(() => storage), at);
    ours.authStore.save(token, me);
    return { theirs, ours };
  }

  /** Runs a call with each client; returns what each got and what the server saw from each. */
  async function compare(call: (client: ApiClient | PocketBase) => Promise<unknown>, at = origin) {
    const { theirs, ours } = both(at);
    const outcome = async (client: ApiClient | PocketBase) => {
      const before = seen.length;
      const result = await call(client).then((value) => ({ value }), (error: unknown) => ({ error }));
      return { ...result, requests: seen.slice(before) };
    };
    return { sdk: await outcome(theirs), lite: await outcome(ours) };
  }

  const errorFields = (e: unknown) => {
    const error = e as SdkError;
    return { status: error.status, response: error.response, message: error.message, isAbort: error.isAbort, name: error.name, described: describeError(e), fields: fieldErrors(e), network: isNetworkError(e), recognised: isResponseError(e) };
  };

  it('reads records: getFirstListItem, getFullList (page after page), getList, getOne', async () => {
    const calls: ((c: ApiClient | PocketBase) => Promise<unknown>)[] = [
      (c) => c.collection('progress').getFirstListItem(c.filter('user = {:user} && activity = {:activity}', { user: 'u1', activity: 'module:"m"' })),
      (c) => c.collection('progress').getFullList({ filter: c.filter('user = {:user}', { user: 'u1' }), batch: 2 }),
      (c) => c.collection('progress').getFullList({ sort: '-created', fields: 'id,n' }),
      (c) => c.collection('progress').getList(2, 2, { filter: 'n > 0', expand: 'user', skipTotal: true }),
      (c) => c.collection('scenario_runs').getOne('run 1/x', { fields: 'track' }),
    ];
    for (const call of calls) {
      const { sdk: theirs, lite: ours } = await compare(call);
      expect('value' in ours && ours.value).toEqual('value' in theirs && theirs.value);
      expect(ours.requests).toEqual(theirs.requests);
      expect(ours.requests.length).toBeGreaterThan(0);
      expect(ours.requests.every((r) => r.authorization === token)).toBe(true);
    }
    // the full list asked three pages of two for five rows
    const { lite } = await compare(calls[1]!);
    expect(lite.requests.map((r) => Object.fromEntries(r.query).page)).toEqual(['1', '2', '3']);
    expect((lite as { value: unknown[] }).value).toHaveLength(5);
  });

  it('writes records: create and update send the same JSON', async () => {
    const body = { user: 'u1', scenario: 's', version: 2, snapshot: { state: 'a', context: { n: 1 } }, language: 'ar' };
    for (const call of [(c: ApiClient | PocketBase) => c.collection('scenario_runs').create(body), (c: ApiClient | PocketBase) => c.collection('scenario_runs').update('run1', body)]) {
      const { sdk: theirs, lite: ours } = await compare(call);
      expect(ours).toEqual(theirs);
      expect(ours.requests[0]!.contentType).toBe('application/json');
      expect(JSON.parse(ours.requests[0]!.body)).toEqual(body);
    }
  });

  it('fails the same way: refusals with their fields, no match, a missing id, too many requests, a server error', async () => {
    const calls: ((c: ApiClient | PocketBase) => Promise<unknown>)[] = [
      (c) => c.collection('statements').create({ id: 's1' }),
      (c) => c.collection('progress').getFirstListItem(c.filter('user = {:u}', { u: 'nobody' })),
      (c) => c.collection('progress').getOne(''),
      (c) => c.collection('elsewhere').getOne('x'),
      (c) => c.send('/api/continuum/busy', { method: 'POST', body: { a: 1 } }),
      (c) => c.send('/api/continuum/broken', {}),
    ];
    const statuses: number[] = [];
    for (const call of calls) {
      const { sdk: theirs, lite: ours } = await compare(call);
      expect('error' in theirs && 'error' in ours).toBe(true);
      const [a, b] = [(theirs as { error: unknown }).error, (ours as { error: unknown }).error];
      expect(b).toBeInstanceOf(ClientResponseError);
      expect(errorFields(b)).toEqual(errorFields(a));
      expect(ours.requests).toEqual(theirs.requests);
      statuses.push((b as ClientResponseError).status);
    }
    expect(statuses).toEqual([400, 404, 404, 404, 429, 502]);
    const { lite } = await compare(calls[0]!);
    expect(describeError((lite as { error: unknown }).error)).toBe('Failed to create record. (verb: Cannot be blank.)');
  });

  it('says status 0 when the server is not reached, as the SDK (the outbox keeps the statement and retries)', async () => {
    const { sdk: theirs, lite: ours } = await compare((c) => c.collection('statements').create({ id: 's1' }), closedOrigin);
    const [a, b] = [(theirs as { error: unknown }).error, (ours as { error: unknown }).error];
    expect(errorFields(b)).toEqual(errorFields(a));
    expect(errorFields(b)).toMatchObject({ status: 0, network: true, recognised: true, isAbort: false });
  });

  it('takes an empty answer (204) as the SDK does', async () => {
    const { sdk: theirs, lite: ours } = await compare((c) => c.send('/api/continuum/empty', { method: 'POST' }));
    expect(ours).toEqual(theirs);
    expect(ours).toMatchObject({ value: {} });
  });

  it('keeps the signed-in person\'s stored record up to date when they update it, and only then', async () => {
    const storage = new MemoryStorage();
    const client = new ApiClient(new AuthStore(() => storage), origin);
    client.authStore.save(token, { id: 'run1', collectionId: 'c2', collectionName: 'scenario_runs', language: 'en' });
    await client.collection('scenario_runs').update('run1', { language: 'fr' });
    expect(client.authStore.record?.language).toBe('fr');
    client.authStore.save(token, { id: 'someone', collectionId: 'c2', collectionName: 'scenario_runs', language: 'en' });
    await client.collection('scenario_runs').update('run1', { language: 'sw' });
    expect(client.authStore.record).toMatchObject({ id: 'someone', language: 'en' });
  });
});

describe('errors of both clients are recognised', () => {
  it('takes the SDK error (account forms) and ours alike, nothing else', () => {
    const response = { message: 'Failed.', data: { email: { code: 'validation_not_unique', message: 'Value must be unique.' } } };
    for (const error of [new SdkError({ status: 400, response }), new ClientResponseError({ status: 400, response })]) {
      expect(isResponseError(error)).toBe(true);
      expect(describeError(error)).toBe('Failed. (email: Value must be unique.)');
      expect(fieldErrors(error)).toEqual({ email: 'Value must be unique.' });
      expect(isNetworkError(error)).toBe(false);
    }
    expect(isResponseError(new Error('x'))).toBe(false);
    expect(isResponseError({ status: 400, response: {}, isAbort: false })).toBe(false);
    expect(isNetworkError(new TypeError('Failed to fetch'))).toBe(true);
  });
});
