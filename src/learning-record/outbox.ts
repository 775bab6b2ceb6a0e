/**
 * The outbox: statements are kept on the device first and sent to the server after, so a
 * learner never loses work to a weak connection or a closed tab. Sending the same statement
 * twice is safe: the server stores a statement id once and answers a replay with its copy.
 * A statement the server refuses for good is not dropped: it is kept aside with the reason,
 * shown to the learner, who may send it again or discard it.
 * Pure: the store (IndexedDB in the browser, see src/islands/lib/outbox-store.ts) and the
 * transport are injected.
 */
import type { Statement } from './statements.ts';

/** Why the server refused a statement, and when. */
export interface Refusal {
  reason: string;
  at: string;
}

/** A statement on the device: waiting to be sent, or refused and kept aside. */
export interface OutboxEntry {
  statement: Statement;
  refusal?: Refusal | undefined;
}

/** Where statements live on the device. Every method is async (IndexedDB is). */
export interface OutboxStore {
  /** Every entry, oldest first. */
  all(): Promise<OutboxEntry[]>;
  /** Keeps a statement; a second put of the same id changes nothing. */
  put(statement: Statement): Promise<void>;
  /** Sets (or, with null, clears) the refusal of a kept statement. */
  mark(id: string, refusal: Refusal | null): Promise<void>;
  remove(id: string): Promise<void>;
}

/** What happened when a statement was sent. */
export type SendOutcome =
  | { kind: 'stored' } // the server has it (new, or already there)
  | { kind: 'retry'; reason: string } // network or server trouble: keep it and try later
  | { kind: 'rejected'; reason: string }; // the server refused it for good: keep it aside, say why

export type Transport = (statement: Statement) => Promise<SendOutcome>;

export interface FlushReport {
  stored: string[];
  /** Refused in this flush (kept aside on the device). */
  rejected: { id: string; reason: string }[];
  waiting: number;
}

/** An in-memory store (tests, and the fallback where a browser offers no IndexedDB). */
export class MemoryOutboxStore implements OutboxStore {
  readonly #items: OutboxEntry[] = [];
  async all(): Promise<OutboxEntry[]> {
    return this.#items.map((e) => ({ ...e }));
  }
  async put(statement: Statement): Promise<void> {
    if (!this.#items.some((e) => e.statement.id === statement.id)) this.#items.push({ statement });
  }
  async mark(id: string, refusal: Refusal | null): Promise<void> {
    const entry = this.#items.find((e) => e.statement.id === id);
    if (entry) entry.refusal = refusal ?? undefined;
  }
  async remove(id: string): Promise<void> {
    const index = this.#items.findIndex((e) => e.statement.id === id);
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

  async #entries(user?: string): Promise<OutboxEntry[]> {
    const all = await this.#store.all();
    return user ? all.filter((e) => e.statement.user === user) : all;
  }

  /** The statements waiting to be sent, oldest first (only one user's, if given). */
  async pending(user?: string): Promise<Statement[]> {
    return (await this.#entries(user)).filter((e) => !e.refusal).map((e) => e.statement);
  }

  /** The statements the server refused, kept aside with the reason (only one user's, if given). */
  async refused(user?: string): Promise<{ statement: Statement; refusal: Refusal }[]> {
    return (await this.#entries(user)).filter((e): e is { statement: Statement; refusal: Refusal } => Boolean(e.refusal));
  }

  /** Keeps a statement (once: a second add of the same id is ignored). */
  async add(statement: Statement): Promise<void> {
    await this.#store.put(statement);
  }

  /** Puts a refused statement back in line, to be sent with the next flush. */
  async retry(id: string): Promise<void> {
    await this.#store.mark(id, null);
  }

  /** Drops a refused statement the learner chose to discard. */
  async discard(id: string): Promise<void> {
    await this.#store.remove(id);
  }

  /** Drops everything one user left on the device (their account is gone); others' stay. */
  async forget(user: string): Promise<number> {
    const theirs = await this.#entries(user);
    for (const e of theirs) await this.#store.remove(e.statement.id);
    return theirs.length;
  }

  /**
   * Sends what is waiting, oldest first; stops at the first one that must wait (keeping the
   * order), keeps aside the ones the server refuses for good. Only one user's statements, if
   * given. A flush asked for while one runs waits for it, then runs again.
   */
  async flush(send: Transport, user?: string, now: () => Date = () => new Date()): Promise<FlushReport> {
    while (this.#flushing) await this.#flushing.catch(() => undefined);
    this.#flushing = this.#flushOnce(send, user, now);
    try {
      return await this.#flushing;
    } finally {
      this.#flushing = null;
    }
  }

  async #flushOnce(send: Transport, user: string | undefined, now: () => Date): Promise<FlushReport> {
    const report: FlushReport = { stored: [], rejected: [], waiting: 0 };
    for (const statement of await this.pending(user)) {
      const outcome = await send(statement);
      if (outcome.kind === 'retry') break; // keep order; try again later
      if (outcome.kind === 'stored') {
        await this.#store.remove(statement.id);
        report.stored.push(statement.id);
      } else {
        await this.#store.mark(statement.id, { reason: outcome.reason, at: now().toISOString() });
        report.rejected.push({ id: statement.id, reason: outcome.reason });
      }
    }
    report.waiting = (await this.pending(user)).length;
    return report;
  }
}
