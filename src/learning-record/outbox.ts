/**
 * The outbox: statements are kept on the device first and sent to the server after, so a
 * learner never loses work to a weak connection or a closed tab. Sending the same statement
 * twice is safe: the server stores a statement id once and answers a replay with its copy.
 * Pure: the store (IndexedDB in the browser, see src/islands/lib/outbox-store.ts) and the
 * transport are injected.
 */
import type { Statement } from './statements.ts';

/** Where waiting statements live. Every method is async (IndexedDB is). */
export interface OutboxStore {
  /** Every waiting statement, oldest first. */
  all(): Promise<Statement[]>;
  /** Keeps a statement; a second put of the same id changes nothing. */
  put(statement: Statement): Promise<void>;
  remove(id: string): Promise<void>;
}

/** What happened when a statement was sent. */
export type SendOutcome =
  | { kind: 'stored' } // the server has it (new, or already there)
  | { kind: 'retry'; reason: string } // network or server trouble: keep it and try later
  | { kind: 'rejected'; reason: string }; // the server refused it for good: drop it, say why

export type Transport = (statement: Statement) => Promise<SendOutcome>;

export interface FlushReport {
  stored: string[];
  rejected: { id: string; reason: string }[];
  waiting: number;
}

/** An in-memory store (tests, and the fallback where a browser offers no IndexedDB). */
export class MemoryOutboxStore implements OutboxStore {
  readonly #items: Statement[] = [];
  async all(): Promise<Statement[]> {
    return [...this.#items];
  }
  async put(statement: Statement): Promise<void> {
    if (!this.#items.some((s) => s.id === statement.id)) this.#items.push(statement);
  }
  async remove(id: string): Promise<void> {
    const index = this.#items.findIndex((s) => s.id === id);
    if (index >= 0) this.#items.splice(index, 1);
  }
}

export class Outbox {
  readonly #store: OutboxStore;
  /** One flush at a time: islands on the same page share one outbox. */
  #flushing: Promise<FlushReport> | null = null;

  constructor(store: OutboxStore) {
    this.#store = store;
  }

  /** The statements waiting to be sent, oldest first (only one user's, if given). */
  async pending(user?: string): Promise<Statement[]> {
    const all = await this.#store.all();
    return user ? all.filter((s) => s.user === user) : all;
  }

  /** Keeps a statement (once: a second add of the same id is ignored). */
  async add(statement: Statement): Promise<void> {
    await this.#store.put(statement);
  }

  /** Drops every waiting statement of one user (their account is gone); others' stay. */
  async forget(user: string): Promise<number> {
    const theirs = await this.pending(user);
    for (const s of theirs) await this.#store.remove(s.id);
    return theirs.length;
  }

  /**
   * Sends what is waiting, oldest first; stops at the first one that must wait (keeping the
   * order), drops the ones the server refuses for good. Only one user's statements, if given.
   * A flush asked for while one runs waits for it, then runs again.
   */
  async flush(send: Transport, user?: string): Promise<FlushReport> {
    while (this.#flushing) await this.#flushing.catch(() => undefined);
    this.#flushing = this.#flushOnce(send, user);
    try {
      return await this.#flushing;
    } finally {
      this.#flushing = null;
    }
  }

  async #flushOnce(send: Transport, user?: string): Promise<FlushReport> {
    const report: FlushReport = { stored: [], rejected: [], waiting: 0 };
    for (const statement of await this.pending(user)) {
      const outcome = await send(statement);
      if (outcome.kind === 'retry') break; // keep order; try again later
      await this.#store.remove(statement.id);
      if (outcome.kind === 'stored') report.stored.push(statement.id);
      else report.rejected.push({ id: statement.id, reason: outcome.reason });
    }
    report.waiting = (await this.pending(user)).length;
    return report;
  }
}
