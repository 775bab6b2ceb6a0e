/**
 * Progress on the module being read, shared by the progress bar and every section's
 * "mark as done" button on the page (one module instance per page, so one state).
 * A click records a statement in the outbox first, then sends it; the server folds it
 * into the learner's progress, which is read back.
 */
import type { Locale } from '../../i18n/locales.ts';
import { parseObject, sectionCompleted, type Statement } from '../../learning-record/statements.ts';
import { backend, currentUser, describeError, isNetworkError } from './backend.ts';
import { keepSending, outboxEvent, recordAndSend, sendWaiting, waitingStatements } from './outbox-store.ts';

type Phase = 'loading' | 'signed-out' | 'ready';

class ModuleProgress {
  phase = $state<Phase>('loading');
  serverDone = $state<string[]>([]);
  pendingDone = $state<string[]>([]);
  saving = $state<string[]>([]);
  waiting = $state(0);
  error = $state('');
  total = $state(0);
  checkPassed = $state(false);
  bestScore = $state<number | null>(null);
  done = $derived([...new Set([...this.serverDone, ...this.pendingDone])]);

  #started = false;
  #moduleSlug = '';
  #lang: Locale = 'en';
  #userId = '';

  start(moduleSlug: string, total: number, lang: Locale): void {
    if (this.#started) return;
    this.#started = true;
    this.#moduleSlug = moduleSlug;
    this.#lang = lang;
    this.total = total;
    const user = currentUser();
    if (!user) {
      this.phase = 'signed-out';
      return;
    }
    this.#userId = user.id;
    this.phase = 'ready';
    // whatever island sends, the waiting count and the sections shown follow the outbox
    window.addEventListener(outboxEvent, () => void this.#readPending());
    window.addEventListener('online', () => void this.sync());
    keepSending();
    void this.#readPending().then(() => this.sync());
  }

  async #readPending() {
    const mine = await waitingStatements();
    this.pendingDone = mine
      .map((s) => parseObject(s.object))
      .filter((p) => p?.activity === `module:${this.#moduleSlug}` && p.part?.kind === 'section')
      .map((p) => p!.part!.id);
    this.waiting = mine.length;
  }

  /** Sends waiting statements, then reads progress back from the server. */
  async sync(): Promise<void> {
    if (!this.#userId) return;
    this.#report(await sendWaiting());
    await this.#readPending();
    await this.#loadServerProgress();
  }

  #report(report: { rejected: { reason: string }[] }) {
    if (report.rejected.length > 0) this.error = report.rejected.map((r) => r.reason).join(' ');
  }

  async #loadServerProgress() {
    const pb = backend();
    try {
      const row = await pb
        .collection('progress')
        .getFirstListItem(pb.filter('user = {:user} && activity = {:activity}', { user: this.#userId, activity: `module:${this.#moduleSlug}` }));
      this.serverDone = Array.isArray(row.completedSections) ? (row.completedSections as string[]) : [];
      this.checkPassed = Boolean(row.checkPassed);
      this.bestScore = typeof row.score === 'number' && row.score > 0 ? row.score : null;
    } catch (error) {
      const status = (error as { status?: number }).status;
      if (status === 404) this.serverDone = [];
      else if (!isNetworkError(error)) this.error = describeError(error);
    }
  }

  /** The signed-in learner's id, or '' when signed out. */
  get userId(): string {
    return this.#userId;
  }

  get language(): Locale {
    return this.#lang;
  }

  /** Records statements (outbox first, then sent) and reads progress back. */
  async record(statements: Statement[]): Promise<void> {
    if (!this.#userId) return;
    this.#report(await recordAndSend(statements));
    await this.#readPending();
    await this.#loadServerProgress();
  }

  async markDone(sectionId: string): Promise<void> {
    if (!this.#userId || this.done.includes(sectionId)) return;
    this.error = '';
    this.saving = [...this.saving, sectionId];
    const statement = sectionCompleted({
      user: this.#userId,
      moduleSlug: this.#moduleSlug,
      sectionId,
      totalSections: this.total,
      language: this.#lang,
    });
    try {
      // kept on the device (IndexedDB) before anything is sent
      this.#report(await recordAndSend([statement]));
      await this.#readPending();
      await this.#loadServerProgress();
    } finally {
      this.saving = this.saving.filter((id) => id !== sectionId);
    }
  }
}

export const moduleProgress = new ModuleProgress();
