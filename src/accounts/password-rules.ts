/**
 * What makes a password acceptable, in one place for the sign-up and profile forms and for the
 * server (pocketbase/pb_hooks/accounts.pb.js, through the accounts bundle). Pure: no DOM, no
 * Node built-ins, no async (goja runs it).
 *
 * A password is refused when it is shorter than 10 characters, is one of the commonest
 * passwords (src/accounts/common-passwords.ts), repeats itself (`aaaaaaaaaa`, `abcabcabca`,
 * `1212121212`), is a plain run of letters or digits (`abcdefghij`, `9876543210`), uses fewer
 * than 4 different characters, or is the person's own e-mail address or name.
 */
export const minPasswordLength = 10;
/** bcrypt reads at most 72 bytes; PocketBase's password field allows 71. */
export const maxPasswordLength = 71;

export type PasswordProblem = 'too-short' | 'too-long' | 'common' | 'repetitive' | 'sequence' | 'like-identity';

export interface PasswordContext {
  email?: string;
  name?: string;
}

/**
 * The smallest p such that the text repeats itself every p characters (its period).
 * @example period('abcabcab') // 3
 * @example period('abcd') // 4
 */
export function period(chars: readonly string[]): number {
  for (let p = 1; p < chars.length; p++) {
    let repeats = true;
    for (let i = p; i < chars.length && repeats; i++) repeats = chars[i] === chars[i - p];
    if (repeats) return p;
  }
  return chars.length;
}

/** Whether every character is the one before it plus (or minus) one: `abcdef`, `98765`. */
function isRun(chars: readonly string[]): boolean {
  if (chars.length < 3) return false;
  const step = chars[1]!.codePointAt(0)! - chars[0]!.codePointAt(0)!;
  if (step !== 1 && step !== -1) return false;
  for (let i = 2; i < chars.length; i++) {
    if (chars[i]!.codePointAt(0)! - chars[i - 1]!.codePointAt(0)! !== step) return false;
  }
  return true;
}

const squeeze = (value: string) => value.toLowerCase().replace(/[\s._-]+/g, '');

/**
 * Why a password is refused, or null when it is acceptable. `common` is the list of common
 * passwords (lower case); the forms load it on demand, the server has it in its bundle.
 * @example passwordProblem('aaaaaaaaaa', {}, []) // 'repetitive'
 * @example passwordProblem('short', {}, []) // 'too-short'
 * @example passwordProblem('qwertyuiop', {}, ['qwertyuiop']) // 'common'
 * @example passwordProblem('river-lantern-41', {}, []) // null
 */
export function passwordProblem(password: string, context: PasswordContext, common: readonly string[] | ReadonlySet<string>): PasswordProblem | null {
  const chars = [...password];
  if (chars.length < minPasswordLength) return 'too-short';
  if (chars.length > maxPasswordLength) return 'too-long';
  const lower = password.toLowerCase();
  const isCommon = 'has' in common ? common.has(lower) : common.includes(lower);
  if (isCommon) return 'common';
  const lowerChars = [...lower];
  if (period(lowerChars) <= lowerChars.length / 2 || new Set(lowerChars).size < 4) return 'repetitive';
  if (isRun(lowerChars)) return 'sequence';
  const email = (context.email ?? '').trim().toLowerCase();
  const identities = [email, email.split('@')[0] ?? '', context.name ?? ''].map(squeeze).filter((s) => s.length >= 4);
  if (identities.includes(squeeze(password))) return 'like-identity';
  return null;
}
