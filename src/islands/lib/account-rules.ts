/**
 * The account rules as the forms use them: the same pure functions as the server
 * (src/accounts/), so a person hears about a weak password or a hidden character before
 * sending, and the server's answers (stable codes) in their own language afterwards.
 * The common-password list is loaded only when a password is checked.
 */
import { ClientResponseError } from 'pocketbase';
import { passwordProblem, type PasswordContext } from '../../accounts/password-rules.ts';
import { nameProblem } from '../../accounts/names.ts';
import { accountProblemMessage } from '../../accounts/messages.ts';
import { fill } from './format.ts';

export type ErrorStrings = Record<string, string>;

/** The code of the rule a password breaks, or null. */
export async function passwordCode(password: string, context: PasswordContext): Promise<string | null> {
  const { commonPasswords } = await import('../../accounts/common-passwords.ts');
  const problem = passwordProblem(password, context, commonPasswords);
  return problem ? accountProblemMessage(problem).code : null;
}

/** The code of the rule a name breaks, or null. */
export function nameCode(name: string): string | null {
  const problem = nameProblem(name);
  return problem ? accountProblemMessage(problem).code : null;
}

/** A code in the person's language (the server's English message when the code is unknown). */
export function translate(strings: ErrorStrings, code: string, message = ''): string {
  return strings[code] ?? fill(strings.other ?? '{{message}}', { message: message || code });
}

/** The fields a PocketBase error names, each with its message in the person's language. */
export function translatedFieldErrors(error: unknown, strings: ErrorStrings): Record<string, string> {
  if (!(error instanceof ClientResponseError)) return {};
  const data = (error.response?.data ?? {}) as Record<string, { code?: string; message?: string }>;
  return Object.fromEntries(Object.entries(data).map(([field, detail]) => [field, translate(strings, detail?.code ?? '', detail?.message ?? '')]));
}

/** The status of a PocketBase error (0 when the server was not reached). */
export function statusOf(error: unknown): number {
  return error instanceof ClientResponseError ? error.status : -1;
}

/** The e-mail address inside a password-reset or invitation token (shown, not trusted). */
export function emailInToken(token: string): string {
  try {
    const payload = token.split('.')[1] ?? '';
    const json = atob(payload.replace(/-/g, '+').replace(/_/g, '/').padEnd(Math.ceil(payload.length / 4) * 4, '='));
    return String((JSON.parse(json) as { email?: string }).email ?? '');
  } catch {
    return '';
  }
}

/** Whether this server can send e-mail (GET /api/continuum/mail/status). */
export async function mailEnabled(): Promise<boolean> {
  try {
    const response = await fetch('/api/continuum/mail/status');
    return response.ok && Boolean(((await response.json()) as { enabled?: boolean }).enabled);
  } catch {
    return false;
  }
}
