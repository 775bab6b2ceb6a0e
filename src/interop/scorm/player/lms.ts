/**
 * The SCORM 1.2 run-time API as the package uses it: found the standard way (window.API in
 * this window's parents, then in the opener's), started once, and finished when the page
 * goes. Without an LMS the player still works and says that nothing is recorded.
 */
import { cmiTimespan, interactionElements, type Interaction } from '../session.ts';

export interface Scorm12Api {
  LMSInitialize(arg: ''): string;
  LMSFinish(arg: ''): string;
  LMSGetValue(element: string): string;
  LMSSetValue(element: string, value: string): string;
  LMSCommit(arg: ''): string;
  LMSGetLastError(): string;
  LMSGetErrorString(code: string): string;
}

type WithApi = Window & { API?: Scorm12Api };

/** Looks for window.API in `win` and its parents (at most 7 levels, as ADL's sample does). */
function findIn(win: Window): Scorm12Api | null {
  let current: WithApi = win as WithApi;
  for (let depth = 0; depth <= 7; depth++) {
    try {
      if (current.API) return current.API;
    } catch {
      return null; // a parent from another origin: no API there
    }
    if (!current.parent || current.parent === current) break;
    current = current.parent as WithApi;
  }
  return null;
}

export function findApi(win: Window): Scorm12Api | null {
  return findIn(win) ?? (win.opener ? findIn(win.opener as Window) : null);
}

export class Lms {
  readonly api: Scorm12Api | null;
  private started = Date.now();
  private finished = false;
  /** The last error code the LMS reported for a write, if any. */
  lastError = '';

  constructor(api: Scorm12Api | null) {
    this.api = api;
    if (api && api.LMSInitialize('') !== 'true') this.lastError = api.LMSGetLastError();
  }

  get connected(): boolean {
    return this.api !== null;
  }

  get(element: string): string {
    return this.api ? String(this.api.LMSGetValue(element) ?? '') : '';
  }

  set(element: string, value: string): boolean {
    if (!this.api || this.finished) return false;
    const ok = this.api.LMSSetValue(element, value) === 'true';
    if (!ok) this.lastError = this.api.LMSGetLastError();
    return ok;
  }

  /** Adds one interaction after those already recorded (cmi.interactions._count). */
  addInteraction(interaction: Interaction): boolean {
    const n = Number(this.get('cmi.interactions._count')) || 0;
    return interactionElements(n, interaction).every(([element, value]) => this.set(element, value));
  }

  commit(): void {
    if (this.api && !this.finished) this.api.LMSCommit('');
  }

  /** Reports the session time and ends the session (once). */
  finish(): void {
    if (!this.api || this.finished) return;
    this.set('cmi.core.session_time', cmiTimespan(Date.now() - this.started));
    this.api.LMSCommit('');
    this.api.LMSFinish('');
    this.finished = true;
  }
}
