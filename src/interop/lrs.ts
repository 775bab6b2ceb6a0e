/**
 * Forwarding statements to an external Learning Record Store: the rules the forwarder
 * (pb_hooks/lib/lrs-forwarder.js) follows. Each statement is sent with PUT
 * /statements?statementId=<its UUID>, which an LRS stores at most once (xAPI 1.0.3: a statement
 * id it already has changes nothing), so a resend after a crash never makes a second copy.
 * Pure: bundled for the hooks.
 */

/** The first retry waits this long; each failure in a row doubles it, up to an hour. */
export const firstRetryMs = 30_000;
export const longestRetryMs = 3_600_000;

/**
 * How long to wait after `failures` failures in a row.
 * @example backoffMs(1) // 30000
 * @example backoffMs(3) // 120000
 * @example backoffMs(20) // 3600000
 */
export function backoffMs(failures: number): number {
  if (failures <= 0) return 0;
  return Math.min(longestRetryMs, firstRetryMs * 2 ** Math.min(failures - 1, 20));
}

/**
 * The URL that stores one statement, from the LRS endpoint an admin gives (with or without
 * a trailing slash; "statements" is added).
 * @example statementUrl('https://lrs.example/xapi', 'a-b') // 'https://lrs.example/xapi/statements?statementId=a-b'
 */
export function statementUrl(endpoint: string, statementId: string): string {
  return `${endpoint.replace(/\/+$/, '').replace(/\/statements$/, '')}/statements?statementId=${encodeURIComponent(statementId)}`;
}

/** What an LRS's answer means for the queue. */
export type Delivery = 'stored' | 'refused' | 'retry';

/**
 * 204 (stored) and 409 (it has a statement with this id already) both mean the LRS has it;
 * 400 means the LRS will never take this statement (kept aside, shown to the admin, the rest go
 * on); anything else (401/403 until the key is fixed, 429, 5xx, no answer) is tried again later.
 * @example delivery(204) // 'stored'
 * @example delivery(409) // 'stored'
 * @example delivery(503) // 'retry'
 */
export function delivery(status: number): Delivery {
  if ((status >= 200 && status < 300) || status === 409) return 'stored';
  if (status === 400) return 'refused';
  return 'retry';
}

const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Base64 of a text's UTF-8 bytes (goja has no btoa). @example base64('key:secret') // 'a2V5OnNlY3JldA==' */
export function base64(text: string): string {
  const bytes = utf8(text);
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const [a, b, c] = [bytes[i]!, bytes[i + 1], bytes[i + 2]];
    const n = (a << 16) | ((b ?? 0) << 8) | (c ?? 0);
    out += alphabet[(n >> 18) & 63]! + alphabet[(n >> 12) & 63]! + (b === undefined ? '=' : alphabet[(n >> 6) & 63]!) + (c === undefined ? '=' : alphabet[n & 63]!);
  }
  return out;
}

/** UTF-8 bytes of a text, without TextEncoder (goja has none). */
function utf8(text: string): number[] {
  const out: number[] = [];
  for (const char of text) {
    const code = char.codePointAt(0)!;
    if (code < 0x80) out.push(code);
    else if (code < 0x800) out.push(0xc0 | (code >> 6), 0x80 | (code & 63));
    else if (code < 0x10000) out.push(0xe0 | (code >> 12), 0x80 | ((code >> 6) & 63), 0x80 | (code & 63));
    else out.push(0xf0 | (code >> 18), 0x80 | ((code >> 12) & 63), 0x80 | ((code >> 6) & 63), 0x80 | (code & 63));
  }
  return out;
}

/** The headers of a request to the LRS (xAPI 1.0.3, HTTP Basic with the key and secret). */
export function lrsHeaders(key: string, secret: string): Record<string, string> {
  return { 'Content-Type': 'application/json', 'X-Experience-API-Version': '1.0.3', Authorization: `Basic ${base64(`${key}:${secret}`)}` };
}

/**
 * Checks an endpoint an admin typed: an http(s) URL without credentials in it.
 * @example endpointProblem('ftp://x') // 'the endpoint must start with https:// or http://'
 */
export function endpointProblem(endpoint: string): string | null {
  if (!/^https?:\/\/[^\s/@]+(\/\S*)?$/.test(endpoint)) return 'the endpoint must start with https:// or http:// and name the LRS, e.g. https://lrs.example.org/xapi/';
  return null;
}
