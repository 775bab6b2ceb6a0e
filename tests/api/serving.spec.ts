/**
 * How PocketBase serves the built site (pocketbase/site.go): compressed copies with
 * Content-Encoding and Vary (and the API's larger answers, gzip: api_compression.go), cache lifetimes by kind of file, the service worker never cached
 * without asking, and the pages' Content-Security-Policy, which blocks a script injected into a
 * page and reports it (pb_hooks/csp.pb.js logs it; the suite's teardown fails on any other).
 */
import { test, expect } from '@playwright/test';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import http from 'node:http';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { baseURL, superuserToken } from '../support/pb.ts';

const lesson = '/en/modules/children-on-the-move/';
const script = '/_astro/' + readdirSync('dist/_astro').find((f) => f.startsWith('ScenarioPage') && f.endsWith('.js'))!;

test('pages and scripts are sent compressed: Brotli when accepted, else gzip, else as they are', async ({ request }) => {
  const original = readFileSync(`dist${lesson}index.html`);
  const br = await request.get(lesson, { headers: { 'Accept-Encoding': 'gzip, deflate, br' } });
  expect(br.headers()['content-encoding']).toBe('br');
  expect(br.headers()['vary']).toMatch(/Accept-Encoding/);
  expect(br.headers()['content-type']).toBe('text/html; charset=utf-8');
  expect(Number(br.headers()['content-length'])).toBe(statSync(`dist${lesson}index.html.br`).size);
  expect(Number(br.headers()['content-length'])).toBeLessThan(original.length / 3);

  const gz = await request.get(lesson, { headers: { 'Accept-Encoding': 'gzip' } });
  expect(gz.headers()['content-encoding']).toBe('gzip');
  // br;q=0 refuses Brotli
  const refused = await request.get(lesson, { headers: { 'Accept-Encoding': 'br;q=0, gzip' } });
  expect(refused.headers()['content-encoding']).toBe('gzip');
  const plain = await request.get(lesson, { headers: { 'Accept-Encoding': 'identity' } });
  expect(plain.headers()['content-encoding']).toBeUndefined();
  expect((await plain.body()).equals(original)).toBe(true);

  // the bodies are the page (the request client decodes them as a browser does)
  expect((await br.body()).equals(original)).toBe(true);
  expect((await gz.body()).equals(original)).toBe(true);
  expect(brotliDecompressSync(readFileSync(`dist${lesson}index.html.br`)).equals(original)).toBe(true);
  expect(gunzipSync(readFileSync(`dist${lesson}index.html.gz`)).equals(original)).toBe(true);

  const js = await request.get(script, { headers: { 'Accept-Encoding': 'br' } });
  expect(js.headers()['content-encoding']).toBe('br');
  expect(js.headers()['content-type']).toMatch(/^text\/javascript/);
});

test("the API's answers of 1 KB or more are sent gzip-compressed when accepted; small ones and other clients get them as they are", async ({ request }) => {
  const headers = { Authorization: await superuserToken(request) };
  // a large answer: the collections' definitions
  const gz = await request.get('/api/collections?perPage=50', { headers: { ...headers, 'Accept-Encoding': 'gzip' } });
  expect(gz.status()).toBe(200);
  expect(gz.headers()['content-encoding']).toBe('gzip');
  expect(gz.headers()['vary']).toMatch(/Accept-Encoding/);
  const plain = await request.get('/api/collections?perPage=50', { headers: { ...headers, 'Accept-Encoding': 'identity' } });
  expect(plain.headers()['content-encoding']).toBeUndefined();
  const body = await plain.body();
  expect(body.length).toBeGreaterThan(1024);
  // the same answer, in a fraction of the bytes (the request client decodes it as a browser does)
  expect((await gz.json()).items.length).toBe((JSON.parse(body.toString()) as { items: unknown[] }).items.length);
  const sent = await new Promise<Buffer>((resolve, reject) => {
    http.get(`${baseURL}/api/collections?perPage=50`, { headers: { ...headers, 'Accept-Encoding': 'gzip' } }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk)).on('end', () => resolve(Buffer.concat(chunks))).on('error', reject);
    }).on('error', reject);
  });
  expect(sent.length).toBeLessThan(body.length / 3);
  expect(gunzipSync(sent).equals(body)).toBe(true);
  // a small answer goes as it is
  const small = await request.get('/api/health', { headers: { 'Accept-Encoding': 'gzip' } });
  expect(small.status()).toBe(200);
  expect(small.headers()['content-encoding']).toBeUndefined();
});

test('hashed scripts are kept a year, pages a minute, the service worker is always checked', async ({ request }) => {
  expect((await request.get(script)).headers()['cache-control']).toBe('public, max-age=31536000, immutable');
  expect((await request.get(lesson)).headers()['cache-control']).toBe('public, max-age=60');
  const worker = await request.get('/service-worker.js');
  expect(worker.status()).toBe(200);
  expect(worker.headers()['cache-control']).toBe('no-cache');
  expect(worker.headers()['content-type']).toMatch(/^text\/javascript/);
  const manifest = await request.get('/ar/manifest.webmanifest');
  expect(manifest.headers()['content-type']).toBe('application/manifest+json');
  expect((await manifest.json()).dir).toBe('rtl');
  // a page answered by its 304 when unchanged: nothing sent again
  const again = await request.get(lesson, { headers: { 'If-Modified-Since': (await request.get(lesson)).headers()['last-modified']! } });
  expect(again.status()).toBe(304);
  // a missing page is the site's 404 page, not kept
  const missing = await request.get('/en/no-such-page/');
  expect(missing.status()).toBe(404);
  expect(missing.headers()['cache-control']).toBe('no-cache');
  expect(missing.headers()['content-security-policy']).toContain("script-src 'self'");
});

test("pages carry the build's Content-Security-Policy; other files and the API do not need it", async ({ request }) => {
  const policy = readFileSync('dist/content-security-policy.txt', 'utf8').trim();
  const page = await request.get(lesson);
  expect(page.headers()['content-security-policy']).toBe(policy);
  expect(page.headers()['x-content-type-options']).toBe('nosniff');
  expect(page.headers()['referrer-policy']).toBe('same-origin');
  expect((await request.get(script)).headers()['content-security-policy']).toBeUndefined();
});

test('a script injected into a page is blocked by the policy and reported', async ({ page, request }) => {
  const violations: string[] = [];
  page.on('console', (m) => {
    if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
  });
  // "csp-probe" marks this page's deliberate violation for the suite's teardown check
  await page.goto('/en/glossary/?csp-probe');
  const ran = await page.evaluate(async () => {
    const injected = document.createElement('script');
    injected.textContent = 'window.__injected = true;';
    document.body.append(injected);
    await new Promise((r) => setTimeout(r, 100));
    return (window as unknown as { __injected?: boolean }).__injected === true;
  });
  expect(ran).toBe(false);
  expect(violations.length).toBeGreaterThan(0);
  // the report reached PocketBase's log (written every 3 seconds)
  const token = await superuserToken(request);
  await expect
    .poll(
      async () => {
        const logs = await request.get(`${baseURL}/api/logs`, { headers: { Authorization: token }, params: { filter: "message = 'csp violation'", perPage: 100 } });
        return ((await logs.json()).items as { data: { page?: string; directive?: string } }[]).filter((i) => i.data.page?.includes('csp-probe')).map((i) => i.data.directive);
      },
      { timeout: 30_000 },
    )
    .toEqual(expect.arrayContaining([expect.stringMatching(/^script-src/)]));
});
