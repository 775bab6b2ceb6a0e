/**
 * Progress on the module being read, shared by the progress bar and every section's
 * "mark as done" button on the page (one module instance per page, so one state).
 * A click records a statement through the learning record (outbox first, then sent); the
 * server folds it into the learner's progress, which is read back.
 */
import type { Locale } from '../../i18n/locales.ts';
import { activityId, parseActivity } from '../../learning-record/activities.ts';
import { sectionCompleted, type Statement } from '../../learning-record/statements.ts';
import { currentUser, describeError, isNetworkError } from './backend.ts';
import { keepSending, myProgress, onDevice, outboxEvent, record, sync, type RecordReport } from './learning-record.ts';

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
    window.addEventListener(outboxEvent, () => void this.#followOutbox());
    window.addEventListener('online', () => void this.#refresh());
    keepSending();
    void this.#readPending().then(() => this.#loadServerProgress());
  }

  async #readPending() {
    const { waiting } = await onDevice();
    const module = activityId.module(this.#moduleSlug);
    this.pendingDone = waiting
      .map((s) => parseActivity(s.object))
      .flatMap((p) => (p?.activity === module && p.kind === 'section' ? [p.section] : []));
    this.waiting = waiting.length;
  }

  /** The outbox changed: the waiting sections again, and the server's progress once something left the device. */
  async #followOutbox() {
    const before = this.waiting;
    await this.#readPending();
    // (every flush is announced, also one that had nothing to send; nothing sent, nothing new on the server)
    if (this.waiting < before) await this.#loadServerProgress();
  }

  async #refresh(report?: RecordReport) {
    this.#report(report ?? (await sync()));
    await this.#readPending();
    await this.#loadServerProgress();
  }

  #report(report: RecordReport) {
    if (report.refusedNow.length > 0) this.error = report.refusedNow.map((r) => r.reason).join(' ');
  }

  async #loadServerProgress() {
    try {
      const progress = await myProgress(activityId.module(this.#moduleSlug));
      this.serverDone = progress?.completedSections ?? [];
      this.checkPassed = progress?.checkPassed ?? false;
      this.bestScore = progress?.score ?? null;
    } catch (error) {
      if (!isNetworkError(error)) this.error = describeError(error);
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
  async record(statements: Statement[]): Promise<RecordReport | null> {
    if (!this.#userId) return null;
    const report = await record(statements);
    await this.#refresh(report);
    return report;
  }

  async markDone(sectionId: string): Promise<void> {
    if (!this.#userId || this.done.includes(sectionId)) return;
    this.error = '';
    this.saving = [...this.saving, sectionId];
    try {
      // kept on the device (IndexedDB) before anything is sent
      await this.record([sectionCompleted({ user: this.#userId, moduleSlug: this.#moduleSlug, sectionId, language: this.#lang })]);
    } finally {
      this.saving = this.saving.filter((id) => id !== sectionId);
    }
  }
}

export const moduleProgress = new ModuleProgress();
