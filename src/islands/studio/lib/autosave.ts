/**
 * Saving a draft as the trainer types: a change is saved after a pause (debounced), one save
 * at a time, always the latest text, each save naming the revision it edits. When someone else
 * saved in between (409), saving stops and says so: the text stays in the page, nothing is
 * overwritten, until the trainer decides. A failed connection is tried again later.
 * No DOM and no PocketBase here: the island passes the save function (unit-tested with fakes).
 */
export type SaveState =
  | { kind: 'saved'; revision: number }
  | { kind: 'pending' }
  | { kind: 'saving' }
  | { kind: 'conflict'; reason: string }
  | { kind: 'retrying'; reason: string; inSeconds: number }
  | { kind: 'refused'; reason: string };

export type SaveOutcome =
  | { ok: true; revision: number }
  | { ok: false; conflict: true; reason: string }
  | { ok: false; conflict?: false; retry: boolean; reason: string };

export interface AutosaveOptions<T> {
  revision: number;
  save: (value: T, revision: number) => Promise<SaveOutcome>;
  onState: (state: SaveState) => void;
  /** Pause after the last change before saving, in ms. */
  delay?: number;
  /** Waits before trying a failed save again, in ms (the last one repeats). */
  retryDelays?: number[];
  setTimer?: (f: () => void, ms: number) => unknown;
  clearTimer?: (timer: unknown) => void;
}

export class Autosave<T> {
  revision: number;
  private latest: { value: T } | null = null;
  private timer: unknown = null;
  private saving: Promise<void> | null = null;
  private stopped: SaveState | null = null;
  private failures = 0;
  private readonly o: Required<AutosaveOptions<T>>;

  constructor(options: AutosaveOptions<T>) {
    this.o = {
      delay: 1000,
      retryDelays: [3000, 10_000, 30_000],
      setTimer: (f, ms) => setTimeout(f, ms),
      clearTimer: (t) => clearTimeout(t as ReturnType<typeof setTimeout>),
      ...options,
    };
    this.revision = options.revision;
  }

  /** Whether there is text not saved yet. */
  get unsaved(): boolean {
    return this.latest !== null || this.saving !== null;
  }

  /** A change: saved after the pause (or kept, if saving is stopped by a conflict). */
  change(value: T): void {
    this.latest = { value };
    if (this.stopped?.kind === 'conflict') return;
    this.o.onState({ kind: 'pending' });
    this.schedule(this.o.delay);
  }

  /** Saves now what waits (e.g. before leaving the page or submitting). */
  async flush(): Promise<void> {
    if (this.timer !== null) this.o.clearTimer(this.timer);
    this.timer = null;
    await this.run();
  }

  /**
   * After a conflict: carry on from another revision (the trainer chose to save theirs over the
   * other one's, or loaded the other one's). Saves what waits, if anything.
   */
  async resume(revision: number): Promise<void> {
    this.revision = revision;
    this.stopped = null;
    this.failures = 0;
    if (this.latest) await this.flush();
    else this.o.onState({ kind: 'saved', revision });
  }

  /** Forgets unsaved changes (the trainer loaded the saved version instead). */
  discard(revision: number): void {
    this.latest = null;
    this.revision = revision;
    this.stopped = null;
    if (this.timer !== null) this.o.clearTimer(this.timer);
    this.timer = null;
    this.o.onState({ kind: 'saved', revision });
  }

  private schedule(ms: number) {
    if (this.timer !== null) this.o.clearTimer(this.timer);
    this.timer = this.o.setTimer(() => {
      this.timer = null;
      void this.run();
    }, ms);
  }

  private async run(): Promise<void> {
    if (this.saving) {
      await this.saving; // the latest change is saved by the loop below
      return;
    }
    this.saving = this.loop();
    try {
      await this.saving;
    } finally {
      this.saving = null;
    }
  }

  private async loop(): Promise<void> {
    while (this.latest && !this.stopped) {
      const { value } = this.latest;
      this.latest = null;
      this.o.onState({ kind: 'saving' });
      let outcome: SaveOutcome;
      try {
        outcome = await this.o.save(value, this.revision);
      } catch (error) {
        outcome = { ok: false, retry: true, reason: error instanceof Error ? error.message : String(error) };
      }
      if (outcome.ok) {
        this.revision = outcome.revision;
        this.failures = 0;
        if (!this.latest) this.o.onState({ kind: 'saved', revision: this.revision });
        continue;
      }
      this.latest ??= { value }; // nothing typed is lost: the newest text waits for the next save
      if (outcome.conflict) {
        this.stopped = { kind: 'conflict', reason: outcome.reason };
        this.o.onState(this.stopped);
        return;
      }
      if (!outcome.retry) {
        this.o.onState({ kind: 'refused', reason: outcome.reason });
        return; // the next change tries again
      }
      const wait = this.o.retryDelays[Math.min(this.failures, this.o.retryDelays.length - 1)]!;
      this.failures += 1;
      this.o.onState({ kind: 'retrying', reason: outcome.reason, inSeconds: Math.round(wait / 1000) });
      this.schedule(wait);
      return;
    }
  }
}
