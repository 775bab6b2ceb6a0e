/**
 * On every page (src/layouts/Base.astro): registers the service worker once the page has
 * loaded and is idle (so its precache does not compete with the page), offers a new version
 * when one is waiting (it starts only when the learner accepts), and says when the page is a
 * copy saved on the device. Workbox's workbox-window runs the worker's life cycle.
 *
 * The learner's waiting statements live in IndexedDB, which an update does not touch: after
 * the reload the new version's outbox finds them and sends them.
 */
import { Workbox } from 'workbox-window';
import { messages, savedAtMeta } from './protocol.ts';

/** Set before the reload that follows an accepted update; the next page asks the worker to refresh saved pages. */
const refreshFlag = 'continuum-refresh-saved-pages';

function fillDate(template: string, iso: string): string {
  const lang = document.documentElement.lang || 'en';
  const date = new Date(iso);
  const text = Number.isNaN(date.getTime()) ? iso : new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeStyle: 'short' }).format(date);
  return template.replace(/\{\{\s*date\s*\}\}/g, text);
}

/** A page the worker answered from the device says so, and offers a reload when online again. */
function showSavedCopy(): void {
  const savedAt = document.querySelector<HTMLMetaElement>(`meta[name="${savedAtMeta}"]`)?.content;
  const notice = document.querySelector<HTMLElement>('[data-saved-copy]');
  if (!savedAt || !notice) return;
  const text = notice.querySelector<HTMLElement>('[data-text]')!;
  const reload = notice.querySelector<HTMLButtonElement>('button')!;
  const render = () => {
    const online = navigator.onLine;
    text.textContent = online ? (notice.dataset.back ?? '') : fillDate(notice.dataset.template ?? '', savedAt);
    reload.hidden = !online;
  };
  reload.addEventListener('click', () => window.location.reload());
  window.addEventListener('online', render);
  window.addEventListener('offline', render);
  render();
  notice.hidden = false;
  document.documentElement.dataset.savedCopyAt = savedAt;
}

function askToRefreshSavedPages(): void {
  const send = () => {
    const controller = navigator.serviceWorker.controller;
    if (!controller || !navigator.onLine) return;
    controller.postMessage({ type: messages.refreshSavedPages });
    localStorage.removeItem(refreshFlag);
    window.removeEventListener('online', send);
  };
  if (localStorage.getItem(refreshFlag) !== '1') return;
  window.addEventListener('online', send);
  send();
}

function registerWorker(): void {
  // the worker is written by the build; `astro dev` has none
  if (!('serviceWorker' in navigator) || import.meta.env.DEV) return;
  const wb = new Workbox('/service-worker.js', { scope: '/' });
  const offer = document.querySelector<HTMLElement>('[data-update-offer]');
  const button = offer?.querySelector<HTMLButtonElement>('button');
  const text = offer?.querySelector<HTMLElement>('[data-text]');
  let accepted = false;
  let offered = false;

  wb.addEventListener('waiting', () => {
    if (!offer || !button) return;
    offered = true;
    offer.hidden = false;
    document.documentElement.dataset.updateWaiting = 'true';
    button.onclick = () => {
      accepted = true;
      button.disabled = true;
      wb.messageSkipWaiting();
    };
  });
  // (not event.isUpdate: a page first opened without a worker sees its first update as none)
  wb.addEventListener('controlling', () => {
    if (!offered) return; // the first worker taking this page: nothing changes for it
    if (accepted) {
      localStorage.setItem(refreshFlag, '1');
      window.location.reload();
      return;
    }
    // accepted in another tab: this one still runs the previous version's scripts
    if (!offer || !button || !text) return;
    text.textContent = offer.dataset.elsewhere ?? '';
    button.textContent = offer.dataset.reload ?? '';
    button.disabled = false;
    button.onclick = () => window.location.reload();
    offer.hidden = false;
  });

  void wb.register().then(() => {
    document.documentElement.dataset.worker = 'registered';
    askToRefreshSavedPages();
  });
}

function whenIdle(run: () => void): void {
  const idle = () => ('requestIdleCallback' in window ? window.requestIdleCallback(run, { timeout: 3000 }) : setTimeout(run, 200));
  if (document.readyState === 'complete') idle();
  else window.addEventListener('load', idle, { once: true });
}

showSavedCopy();
whenIdle(registerWorker);
