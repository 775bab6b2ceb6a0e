/**
 * E-mail addresses are kept in lower case, and compared without regard to case: `Amina@X.org`
 * and `amina@x.org` are one person. Applied at sign-up, sign-in, e-mail change and invitation
 * (pocketbase/pb_hooks/accounts.pb.js), and once to existing rows (migration 1764700000).
 */

/**
 * @example normaliseEmail('  Amina.Yusuf@Example.ORG ') // 'amina.yusuf@example.org'
 */
export function normaliseEmail(raw: string): string {
  return String(raw ?? '').trim().toLowerCase();
}

// One address, as people type them: no spaces, one @, a dot in the domain (a forgiving check;
// the server's own validation and the e-mail that must arrive are the real test).
const address = /^[^\s@<>(),;:"\[\]]+@[^\s@<>(),;:"\[\]]+\.[^\s@<>(),;:"\[\]]{2,}$/;

/**
 * @example isEmailAddress('amina@example.org') // true
 * @example isEmailAddress('amina@example') // false
 */
export function isEmailAddress(value: string): boolean {
  return value.length <= 254 && address.test(value);
}
