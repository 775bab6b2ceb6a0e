/**
 * The account rules as the forms use them: the same pure functions as the server
 * (src/accounts/), so a person hears about a weak password or a hidden character before
 * sending, and the server's answers (stable codes) in their own language afterwards.
 * The common-password list is loaded only when a password is checked.
 */
import { passwordProblem, type PasswordContext } from '../../accounts/password-rules.ts';
import { nameProblem } from '../../accounts/names.ts';
import { accountProblemMessage } from '../../accounts/messages.ts';
import { isResponseError, tokenPayload } from './api-client.ts';
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
  if (!isResponseError(error)) return {};
  const data = (error.response?.data ?? {}) as Record<string, { code?: string; message?: string }>;
  return Object.fromEntries(Object.entries(data).map(([field, detail]) => [field, translate(strings, detail?.code ?? '', detail?.message ?? '')]));
}

/** The status of a PocketBase error (0 when the server was not reached). */
export function statusOf(error: unknown): number {
  return isResponseError(error) ? error.status : -1;
}

/** The e-mail address inside a password-reset or invitation token (shown, not trusted). */
export function emailInToken(token: string): string {
  return String(tokenPayload(token).email ?? '');
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

/** The words a form needs to explain any failed request (UI strings "formErrors", with the accounts' codes). */
export type FailureStrings = ErrorStrings & { tooMany: string; serverProblem: string; notAccepted: string };

/**
 * What a form says when the server refused or failed, all in the person's language, never the
 * server's English: each field it names with its message, and one message for the whole form
 * (the fields' messages, else what the status means). Network errors are the caller's.
 */
export function explainFailure(error: unknown, accountErrors: ErrorStrings, strings: FailureStrings): { message: string; fields: Record<string, string> } {
  const table: ErrorStrings = { ...strings, ...accountErrors, other: strings.notAccepted };
  const fields = translatedFieldErrors(error, table);
  const status = statusOf(error);
  const message = Object.values(fields).join(' ') || (status === 429 ? strings.tooMany : status >= 500 || status === -1 ? strings.serverProblem : strings.notAccepted);
  return { message, fields };
}
