/**
 * Requests to the test PocketBase from a chosen loopback address (127.0.0.2, .3, ...), so that a
 * test that signs in or trips a rate limit uses its own allowance and not the suite's (rate
 * limits count per client address).
 */
import http from 'node:http';

export interface Reply {
  status: number;
  body: Record<string, unknown>;
}

export function requestFrom(localAddress: string, method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<Reply> {
  const port = Number(process.env.CONTINUUM_TEST_PORT);
  return new Promise((resolve, reject) => {
    const data = body === undefined ? '' : JSON.stringify(body);
    const req = http.request(
      { host: '127.0.0.1', port, path, method, localAddress, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(data), ...headers } },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () => {
          let parsed: Record<string, unknown> = {};
          try {
            parsed = text ? JSON.parse(text) : {};
          } catch {
            parsed = { text };
          }
          resolve({ status: res.statusCode ?? 0, body: parsed });
        });
      },
    );
    req.on('error', reject);
    req.end(data);
  });
}

/** Signs in from a given loopback address; resolves with the status and (on success) the token. */
export async function signInFrom(localAddress: string, email: string, password: string): Promise<{ status: number; token: string }> {
  const reply = await requestFrom(localAddress, 'POST', '/api/collections/users/auth-with-password', { identity: email, password });
  return { status: reply.status, token: String(reply.body.token ?? '') };
}
