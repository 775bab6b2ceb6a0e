/**
 * Reads the mail that the test SMTP server received (tests/support/mail-server.ts), as a person
 * reads their inbox: the messages to one address, and the link in one of them.
 */
import { expect } from '@playwright/test';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import type { StoredMail } from './mail-server.ts';

const dir = () => {
  const value = process.env.CONTINUUM_TEST_MAILDIR;
  if (!value) throw new Error('CONTINUUM_TEST_MAILDIR is not set: the tests run through playwright.config.ts, whose global setup starts the mail server.');
  return value;
};

/** Every message received so far for an address, oldest first. */
export function inbox(address: string): StoredMail[] {
  const to = address.toLowerCase();
  return readdirSync(dir())
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => JSON.parse(readFileSync(path.join(dir(), f), 'utf8')) as StoredMail)
    .filter((m) => m.to.includes(to));
}

/** Waits for a message to an address whose subject matches, and returns it. */
export async function waitForMail(address: string, subject: RegExp | string, timeout = 15_000): Promise<StoredMail> {
  let found: StoredMail | undefined;
  await expect
    .poll(() => {
      found = inbox(address).find((m) => (typeof subject === 'string' ? m.subject.includes(subject) : subject.test(m.subject)));
      return !!found;
    }, { timeout, message: `an e-mail to ${address} with the subject ${subject}` })
    .toBe(true);
  return found!;
}

/** The first link to the site in a message's text (the action link, with its token). */
export function linkIn(mail: StoredMail, base: string): string {
  const match = mail.text.match(new RegExp(`${base.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}[^\\s)]+`));
  if (!match) throw new Error(`No link to ${base} in the e-mail "${mail.subject}":\n${mail.text}`);
  return match[0];
}
