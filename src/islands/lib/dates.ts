/**
 * Dates as people read them, in the page's language. PocketBase sends "2026-12-31 00:00:00.000Z".
 * @example formatDate('2026-12-31 00:00:00.000Z', 'en') // 'December 31, 2026'
 */
export function formatDate(value: string, lang: string): string {
  const date = new Date(value.replace(' ', 'T'));
  if (Number.isNaN(date.getTime())) return value;
  return new Intl.DateTimeFormat(lang, { dateStyle: 'long', timeZone: 'UTC' }).format(date);
}

/** The date part (YYYY-MM-DD) of a PocketBase date, for <input type="date">. */
export function dateInputValue(value: string): string {
  return /^\d{4}-\d{2}-\d{2}/.test(value) ? value.slice(0, 10) : '';
}

/**
 * A moment as people read it, in the page's language (date and time, the device's time zone).
 * @example formatDateTime('2026-12-04T10:30:00.000Z', 'en') // 'December 4, 2026 at 10:30 AM' (in UTC)
 */
export function formatDateTime(value: string, lang: string): string {
  const date = new Date(value.replace(' ', 'T'));
  if (Number.isNaN(date.getTime())) return value;
  return new Intl.DateTimeFormat(lang, { dateStyle: 'long', timeStyle: 'short' }).format(date);
}
