/**
 * The e-mails Continuum sends, in the recipient's language (their preferred language, else
 * English): text from src/i18n/mail/<lang>.json, path names from the UI strings. Returns a
 * subject, a plain-text body and an HTML body in which everything that came from a person
 * (names, addresses) is escaped. Pure (goja runs it, through the accounts bundle).
 */
import { isLocale, localeInfo, type Locale } from '../i18n/locales.ts';
import { supervisorDigest, type DigestRow, type ReminderKind } from './reminders.ts';
import enMail from '../i18n/mail/en.json' with { type: 'json' };
import frMail from '../i18n/mail/fr.json' with { type: 'json' };
import ptMail from '../i18n/mail/pt.json' with { type: 'json' };
import esMail from '../i18n/mail/es.json' with { type: 'json' };
import swMail from '../i18n/mail/sw.json' with { type: 'json' };
import arMail from '../i18n/mail/ar.json' with { type: 'json' };
import enUi from '../i18n/ui/en.json' with { type: 'json' };
import frUi from '../i18n/ui/fr.json' with { type: 'json' };
import ptUi from '../i18n/ui/pt.json' with { type: 'json' };
import esUi from '../i18n/ui/es.json' with { type: 'json' };
import swUi from '../i18n/ui/sw.json' with { type: 'json' };
import arUi from '../i18n/ui/ar.json' with { type: 'json' };

export type MailStrings = typeof enMail;
export const mailStrings: Record<Locale, MailStrings> = { en: enMail, fr: frMail, pt: ptMail, es: esMail, sw: swMail, ar: arMail };
const uiStrings = { en: enUi, fr: frUi, pt: ptUi, es: esUi, sw: swUi, ar: arUi } as const;

/** The language of a person's e-mails. @example mailLanguage('sw') // 'sw' @example mailLanguage('') // 'en' */
export function mailLanguage(preferred: string | null | undefined): Locale {
  return isLocale(preferred) ? preferred : 'en';
}

export function escapeHtml(value: string): string {
  return String(value).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** Own keys only (goja has no Object.hasOwn; `constructor` is not a path). */
const own = (o: object, key: string) => Object.prototype.hasOwnProperty.call(o, key);

function fill(template: string, values: Record<string, string>): string {
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, key: string) => values[key] ?? '');
}

/**
 * A path's name in a language, as its page shows it.
 * @example pathTitle('fr', 'teacher') // 'Parcours : Enseignants'
 */
export function pathTitle(lang: Locale, path: string): string {
  const ui = uiStrings[lang];
  const names = ui.paths.names as Record<string, string>;
  if (own(names, path)) return names[path]!;
  const tracks = ui.tracks as Record<string, string>;
  return own(tracks, path) ? fill(ui.paths.pathFor, { track: tracks[path]! }) : path;
}

/** A date as YYYY-MM-DD (readable in every language, and no Intl in the hooks' runtime). */
export function mailDate(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : d.toISOString().slice(0, 10);
}

export interface Mail {
  subject: string;
  text: string;
  html: string;
}

interface Parts {
  lang: Locale;
  name: string;
  subject: string;
  paragraphs: string[];
  /** Lines listed under headings (the digest). */
  lists?: { heading: string; lines: string[] }[];
  action?: { label: string; url: string };
  notYou?: boolean;
}

function render(p: Parts): Mail {
  const m = mailStrings[p.lang];
  const greeting = p.name ? fill(m.greeting, { name: p.name }) : m.greetingNoName;
  const text = [
    greeting,
    ...p.paragraphs,
    ...(p.lists ?? []).map((l) => [l.heading, ...l.lines.map((line) => `- ${line}`)].join('\n')),
    ...(p.action ? [`${p.action.label}: ${p.action.url}`] : []),
    ...(p.notYou ? [m.notYou] : []),
    `-- \n${m.signature}`,
  ].join('\n\n');
  const dir = localeInfo[p.lang].dir;
  const para = (s: string) => `<p>${escapeHtml(s)}</p>`;
  const html = [
    `<!doctype html><html lang="${p.lang}" dir="${dir}"><head><meta charset="utf-8"><title>${escapeHtml(p.subject)}</title></head>`,
    `<body style="font-family:system-ui,sans-serif;line-height:1.5;max-width:36rem;margin:auto;padding:1rem;color:#1d232a">`,
    para(greeting),
    ...p.paragraphs.map(para),
    ...(p.lists ?? []).map((l) => `<h2 style="font-size:1.05rem">${escapeHtml(l.heading)}</h2><ul>${l.lines.map((line) => `<li>${escapeHtml(line)}</li>`).join('')}</ul>`),
    ...(p.action
      ? [
          `<p><a href="${escapeHtml(p.action.url)}" style="display:inline-block;padding:.6rem 1rem;background:#0b5c7a;color:#fff;border-radius:6px;text-decoration:none;font-weight:600">${escapeHtml(p.action.label)}</a></p>`,
          `<p style="font-size:.9rem">${escapeHtml(m.linkHelp)}<br><a href="${escapeHtml(p.action.url)}">${escapeHtml(p.action.url)}</a></p>`,
        ]
      : []),
    ...(p.notYou ? [para(m.notYou)] : []),
    `<p style="font-size:.85rem;color:#555">${escapeHtml(m.signature)}</p></body></html>`,
  ].join('\n');
  return { subject: p.subject, text, html };
}

export type AccountMailKind = 'verification' | 'passwordReset' | 'emailChange' | 'invitation' | 'accountExists' | 'emailInUse';

export interface AccountMailInput {
  kind: AccountMailKind;
  lang: Locale;
  /** The recipient's name ('' when not known yet). */
  name: string;
  /** The link to act on (with its token); '' for a message without one (emailInUse). */
  url: string;
  /** Who invited them (invitations). */
  inviter?: string;
}

/** Verification, password reset, e-mail change, invitation; "this address has an account" (at sign-up and e-mail change). */
export function accountMail(input: AccountMailInput): Mail {
  const strings: { subject: string; body: string; action?: string } = mailStrings[input.lang][input.kind];
  const values = { inviter: input.inviter ?? '' };
  return render({
    lang: input.lang,
    name: input.name,
    subject: fill(strings.subject, values),
    paragraphs: [fill(strings.body, values)],
    ...(strings.action && input.url ? { action: { label: strings.action, url: input.url } } : {}),
    notYou: input.kind !== 'invitation' && input.kind !== 'emailInUse',
  });
}

export interface ReminderMailInput {
  kind: ReminderKind;
  lang: Locale;
  name: string;
  path: string;
  dueDate: string;
  /** The learner's onboarding page. */
  url: string;
}

export function reminderMail(input: ReminderMailInput): Mail {
  const m = mailStrings[input.lang].reminder;
  const values = { path: pathTitle(input.lang, input.path), date: mailDate(input.dueDate) };
  return render({
    lang: input.lang,
    name: input.name,
    subject: fill(m[input.kind].subject, values),
    paragraphs: [fill(m[input.kind].body, values)],
    action: { label: m.action, url: input.url },
  });
}

export interface DigestMailInput {
  lang: Locale;
  name: string;
  rows: readonly DigestRow[];
  now: Date;
  /** The supervisor's "My learners" page. */
  url: string;
}

/** The weekly digest to a supervisor, or null when none of their learners is overdue or due soon. */
export function digestMail(input: DigestMailInput): Mail | null {
  const digest = supervisorDigest(input.rows, input.now);
  if (!digest) return null;
  const m = mailStrings[input.lang].digest;
  const line = (r: DigestRow) => fill(m.line, { name: r.learnerName, path: pathTitle(input.lang, r.path), date: mailDate(r.dueDate) });
  const lists = [
    { heading: m.overdue, lines: digest.overdue.map(line) },
    { heading: m.dueSoon, lines: digest.dueSoon.map(line) },
  ].filter((l) => l.lines.length > 0);
  return render({ lang: input.lang, name: input.name, subject: m.subject, paragraphs: [m.intro], lists, action: { label: m.action, url: input.url } });
}
