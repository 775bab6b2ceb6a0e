/**
 * What the service worker and the pages say to each other: the messages a page sends to the
 * worker, and the meta element the worker adds to a page it answers from the device. A leaf
 * module, so that the registration on every page carries nothing else.
 */
export const messages = { skipWaiting: 'SKIP_WAITING', refreshSavedPages: 'REFRESH_SAVED_PAGES' } as const;

/** `<meta name="continuum-saved-at" content="<ISO time>">` on a page answered from the device. */
export const savedAtMeta = 'continuum-saved-at';
