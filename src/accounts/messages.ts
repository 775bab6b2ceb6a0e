/**
 * The server's answer for a refused name or password: a stable code (the forms translate it
 * into the person's language, see `accounts.errors` in the UI strings) and an English message
 * for API users. Pure.
 */
import type { NameProblem } from './names.ts';
import type { PasswordProblem } from './password-rules.ts';

export type AccountProblem = PasswordProblem | NameProblem | 'name-locked' | 'old-password';

const messages: Record<AccountProblem, string> = {
  'too-short': 'The password is too short: use at least 10 characters.',
  'too-long': 'The password is too long: use at most 71 characters.',
  common: 'This password is one of the most common ones, which are tried first by anyone guessing. Choose another.',
  repetitive: 'This password repeats itself (like aaaaaaaaaa or abcabcabca). Choose one that does not.',
  sequence: 'This password is a plain run of letters or digits (like abcdefghij). Choose another.',
  'like-identity': 'This password is your e-mail address or your name. Choose another.',
  'name-required': 'Enter your name.',
  'name-too-long': 'The name is too long: use at most 120 characters.',
  'invisible-characters': 'The name holds invisible characters (direction or zero-width marks). Type it again without them.',
  'name-locked': 'Your name is printed on a certificate you hold, so it can only be changed by an administrator. Ask them.',
  'old-password': 'To change the password, give the current one (oldPassword).',
};

const codes: Record<AccountProblem, string> = {
  'too-short': 'validation_password_too_short',
  'too-long': 'validation_password_too_long',
  common: 'validation_password_common',
  repetitive: 'validation_password_repetitive',
  sequence: 'validation_password_sequence',
  'like-identity': 'validation_password_like_identity',
  'name-required': 'validation_name_required',
  'name-too-long': 'validation_name_too_long',
  'invisible-characters': 'validation_name_invisible_characters',
  'name-locked': 'validation_name_locked',
  'old-password': 'validation_old_password_required',
};

/** @example accountProblemMessage('repetitive').code // 'validation_password_repetitive' */
export function accountProblemMessage(problem: AccountProblem): { code: string; message: string } {
  return { code: codes[problem], message: messages[problem] };
}
