/**
 * The browser's outbox (src/learning-record/outbox.ts) over IndexedDB: statements waiting to be
 * sent, and those the server refused (kept aside with the reason), live in database
 * "continuum", store "outbox", keyed by statement id. They survive a closed tab, a crash or a
 * phone that runs out of battery, and are sent on the next visit. One outbox per page, shared
 * by every island; one flush at a time across all the tabs of the device (Web Locks), so a
 * statement is never sent twice at once. Each change is announced as a `continuum:outbox`
 * event on window with the number of statements waiting and refused.
 *
 * Statements kept by earlier versions in localStorage ("continuum-outbox") are moved in once.
 * Where IndexedDB cannot be opened (some private modes), statements are kept in memory for
 * the page and the page says they are waiting.
 */
import { MemoryOutboxStore, Outbox, type FlushReport, type OutboxEntry, type OutboxStore, type Refusal, type Transport } from '../../learning-record/outbox.ts';
import type { Statement } from '../../learning-record/statements.ts';

const DB = 'continuum';
const STORE = 'outbox';
const LEGACY_KEY = 'continuum-outbox';
const LOCK = 'continuum-outbox-flush';

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

interface Row {
  id: string;
  seq: number;
  statement: Statement;
  refusal?: Refusal;
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

  async all(): Promise<OutboxEntry[]> {
    const { store } = this.#tx('readonly');
    const rows = (await request(store.getAll())) as Row[];
    return rows.sort((a, b) => a.seq - b.seq).map((r) => ({ statement: r.statement, refusal: r.refusal }));
  }

  async put(statement: Statement): Promise<void> {
    const { store, done } = this.#tx('readwrite');
    const existing = await request(store.get(statement.id));
    // seq keeps the order statements were made in (ids are random); a plain JSON copy, since
    // IndexedDB cannot clone the reactive proxies an island may have put in a statement
    if (!existing) store.put({ id: statement.id, seq: nextSeq(), statement: JSON.parse(JSON.stringify(statement)) as Statement } satisfies Row);
    await done;
  }

  async mark(id: string, refusal: Refusal | null): Promise<void> {
    const { store, done } = this.#tx('readwrite');
    const row = (await request(store.get(id))) as Row | undefined;
    if (row) {
      if (refusal) row.refusal = refusal;
      else delete row.refusal;
      store.put(row);
    }
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

export interface OutboxCounts {
  waiting: number;
  refused: number;
}

/** Tells every island on the page how many of the user's statements wait and were refused. */
export async function announce(user: string): Promise<OutboxCounts> {
  const outbox = await pageOutbox();
  const counts = { waiting: (await outbox.pending(user)).length, refused: (await outbox.refused(user)).length };
  window.dispatchEvent(new CustomEvent<OutboxCounts>(outboxEvent, { detail: counts }));
  return counts;
}

/**
 * Sends one user's waiting statements, one flush at a time across every tab of the device
 * (a tab that finds another flushing waits for it, then sends what is left).
 */
export async function flushOutbox(send: Transport, user: string): Promise<FlushReport> {
  const outbox = await pageOutbox();
  const run = () => outbox.flush(send, user);
  const locks = (navigator as Navigator & { locks?: LockManager }).locks;
  return locks ? locks.request(LOCK, run) : run();
}
