/**
 * The browser's outbox: statements waiting to be sent live in IndexedDB (database
 * "continuum", store "outbox", keyed by statement id), so they survive a closed tab, a crash
 * or a phone that runs out of battery, and are sent on the next visit. One outbox per page,
 * shared by every island; each change is announced as a `continuum:outbox` event on window
 * with the number of statements waiting.
 *
 * Statements kept by earlier versions in localStorage ("continuum-outbox") are moved in once.
 * Where IndexedDB cannot be opened (some private modes), statements are kept in memory for
 * the page and the page says they are waiting.
 */
import { MemoryOutboxStore, Outbox, type FlushReport, type OutboxStore } from '../../learning-record/outbox.ts';
import type { Statement } from '../../learning-record/statements.ts';
import { currentUser, sendStatement } from './backend.ts';

const DB = 'continuum';
const STORE = 'outbox';
const LEGACY_KEY = 'continuum-outbox';

function request<T>(r: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error);
  });
}

let lastSeq = 0;
/** Increasing order numbers, even for statements made in the same millisecond. */
function nextSeq(): number {
  lastSeq = Math.max(Date.now() * 1000, lastSeq + 1);
  return lastSeq;
}

class IndexedDbOutboxStore implements OutboxStore {
  readonly #db: IDBDatabase;
  constructor(db: IDBDatabase) {
    this.#db = db;
  }

  #tx(mode: IDBTransactionMode): { store: IDBObjectStore; done: Promise<void> } {
    const tx = this.#db.transaction(STORE, mode);
    const done = new Promise<void>((resolve, reject) => {
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
      tx.onabort = () => reject(tx.error);
    });
    return { store: tx.objectStore(STORE), done };
  }

  async all(): Promise<Statement[]> {
    const { store } = this.#tx('readonly');
    const rows = (await request(store.getAll())) as { statement: Statement; seq: number }[];
    return rows.sort((a, b) => a.seq - b.seq).map((r) => r.statement);
  }

  async put(statement: Statement): Promise<void> {
    const { store, done } = this.#tx('readwrite');
    const existing = await request(store.get(statement.id));
    // seq keeps the order statements were made in (ids are random); a plain JSON copy, since
    // IndexedDB cannot clone the reactive proxies an island may have put in a statement
    if (!existing) store.put({ id: statement.id, seq: nextSeq(), statement: JSON.parse(JSON.stringify(statement)) as Statement });
    await done;
  }

  async remove(id: string): Promise<void> {
    const { store, done } = this.#tx('readwrite');
    store.delete(id);
    await done;
  }
}

async function openStore(): Promise<OutboxStore> {
  try {
    if (!('indexedDB' in window)) throw new Error('no IndexedDB');
    const open = indexedDB.open(DB, 1);
    open.onupgradeneeded = () => {
      if (!open.result.objectStoreNames.contains(STORE)) open.result.createObjectStore(STORE, { keyPath: 'id' });
    };
    const store = new IndexedDbOutboxStore(await request(open));
    await moveLegacyStatements(store);
    return store;
  } catch {
    return new MemoryOutboxStore();
  }
}

/** Statements an earlier version left in localStorage go into IndexedDB, then the key is removed. */
async function moveLegacyStatements(store: OutboxStore): Promise<void> {
  let raw: string | null = null;
  try {
    raw = window.localStorage.getItem(LEGACY_KEY);
  } catch {
    return;
  }
  if (!raw) return;
  try {
    const parsed = JSON.parse(raw) as unknown;
    if (Array.isArray(parsed)) for (const s of parsed as Statement[]) if (s && typeof s.id === 'string') await store.put(s);
  } catch {
    // unreadable: nothing to move
  }
  window.localStorage.removeItem(LEGACY_KEY);
}

let shared: Promise<Outbox> | undefined;

/** The page's one outbox. */
export function pageOutbox(): Promise<Outbox> {
  shared ??= openStore().then((store) => new Outbox(store));
  return shared;
}

export const outboxEvent = 'continuum:outbox';

async function announce(outbox: Outbox, user: string): Promise<number> {
  const waiting = (await outbox.pending(user)).length;
  window.dispatchEvent(new CustomEvent(outboxEvent, { detail: { waiting } }));
  return waiting;
}

/** How many of the signed-in learner's statements are waiting to be sent. */
export async function waitingCount(): Promise<number> {
  const user = currentUser();
  if (!user) return 0;
  return (await (await pageOutbox()).pending(user.id)).length;
}

/** The statements of the signed-in learner still waiting (to show their effect at once). */
export async function waitingStatements(): Promise<Statement[]> {
  const user = currentUser();
  if (!user) return [];
  return (await pageOutbox()).pending(user.id);
}

/** Keeps statements on the device (announced), then tries to send everything waiting. */
export async function recordAndSend(statements: readonly Statement[]): Promise<FlushReport> {
  const outbox = await pageOutbox();
  for (const s of statements) await outbox.add(s);
  const user = currentUser();
  if (user) await announce(outbox, user.id);
  return sendWaiting();
}

/** Sends the signed-in learner's waiting statements; announces what is left. */
export async function sendWaiting(): Promise<FlushReport> {
  const user = currentUser();
  if (!user) return { stored: [], rejected: [], waiting: 0 };
  const outbox = await pageOutbox();
  const report = await outbox.flush(sendStatement, user.id);
  await announce(outbox, user.id);
  return report;
}

let watching = false;

/**
 * Sends what is waiting now, when the connection comes back, when the tab is shown again,
 * and every 30 seconds while anything waits. Safe to call from every island.
 */
export function keepSending(): void {
  if (watching) return;
  watching = true;
  const retry = () => void sendWaiting().catch(() => undefined);
  window.addEventListener('online', retry);
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible') retry();
  });
  window.setInterval(() => {
    if (navigator.onLine) void waitingCount().then((n) => n > 0 && retry());
  }, 30_000);
  retry();
}

/** After an account is deleted: its waiting statements go; other people's on this device stay. */
export async function forgetUser(user: string): Promise<void> {
  await (await pageOutbox()).forget(user);
}
