/**
 * The outbox: statements are kept on the device first and sent to the server after, so a
 * learner never loses work to a weak connection. Sending the same statement twice is safe:
 * the server stores a statement id once.
 * Pure: storage and transport are injected (localStorage and fetch in the browser).
 */
import type { Statement } from './statements.ts';

export interface OutboxStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
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

export class Outbox {
  readonly #storage: OutboxStorage;
  readonly #key: string;

  constructor(storage: OutboxStorage, key = 'continuum-outbox') {
    this.#storage = storage;
    this.#key = key;
  }

  /** The statements waiting to be sent, oldest first. */
  pending(): Statement[] {
    try {
      const parsed = JSON.parse(this.#storage.getItem(this.#key) ?? '[]') as unknown;
      return Array.isArray(parsed) ? (parsed as Statement[]) : [];
    } catch {
      return [];
    }
  }

  #write(statements: Statement[]) {
    this.#storage.setItem(this.#key, JSON.stringify(statements));
  }

  /** Keeps a statement (once: a second add of the same id is ignored). */
  add(statement: Statement): void {
    const pending = this.pending();
    if (pending.some((s) => s.id === statement.id)) return;
    this.#write([...pending, statement]);
  }

  /** Sends what is waiting, in order; keeps what could not be sent. Only one user's statements. */
  async flush(send: Transport, user?: string): Promise<FlushReport> {
    const report: FlushReport = { stored: [], rejected: [], waiting: 0 };
    for (const statement of this.pending()) {
      if (user && statement.user !== user) continue;
      const outcome = await send(statement);
      if (outcome.kind === 'retry') break; // keep order; try again later
      // remove just this one (the list may have grown meanwhile)
      this.#write(this.pending().filter((s) => s.id !== statement.id));
      if (outcome.kind === 'stored') report.stored.push(statement.id);
      else report.rejected.push({ id: statement.id, reason: outcome.reason });
    }
    report.waiting = this.pending().filter((s) => !user || s.user === user).length;
    return report;
  }
}
