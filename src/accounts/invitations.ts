/**
 * Invitations: an admin pastes one address or a list (one per line, or separated by commas or
 * semicolons; a name may stand before an address, as in `Amina Yusuf <amina@example.org>` or a
 * row copied from a spreadsheet). Pure (goja runs it, through the accounts bundle).
 */
import { isEmailAddress, normaliseEmail } from './emails.ts';
import { normaliseName } from './names.ts';

/** Roles an invitation may give: never admin (an admin is made by another admin, afterwards). */
export const invitableRoles = ['learner', 'supervisor', 'trainer'] as const;
export type InvitableRole = (typeof invitableRoles)[number];

export const maxInvitationsAtOnce = 200;

export interface Invitee {
  email: string;
  /** The name given beside the address, or '' (the person gives it when they join). */
  name: string;
}

export interface InvitationList {
  invitees: Invitee[];
  /** Pieces of the text that hold no usable address, as typed, to show back to the admin. */
  invalid: string[];
}

const emailLike = /[^\s<>(),;:"'\[\]]+@[^\s<>(),;:"'\[\]]+/g;

/**
 * @example parseInvitationList('Amina Yusuf <Amina@example.org>\nb@example.org, c@example.org')
 * // { invitees: [{ email: 'amina@example.org', name: 'Amina Yusuf' }, { email: 'b@example.org', name: '' },
 * //   { email: 'c@example.org', name: '' }], invalid: [] }
 */
export function parseInvitationList(text: string): InvitationList {
  const invitees: Invitee[] = [];
  const invalid: string[] = [];
  const seen = new Set<string>();
  for (const line of String(text ?? '').split(/\r?\n/)) {
    if (!line.trim()) continue;
    const found = line.match(emailLike) ?? [];
    if (found.length === 0) {
      invalid.push(line.trim());
      continue;
    }
    // a name only when the line holds one address: "Name <address>", "Name, address", "address<TAB>Name"
    const name = found.length === 1 ? normaliseName(line.replace(found[0]!, ' ').replace(/[<>"',;\t]+/g, ' ')) : '';
    for (const raw of found) {
      const email = normaliseEmail(raw);
      if (!isEmailAddress(email)) {
        invalid.push(raw);
        continue;
      }
      if (seen.has(email)) continue;
      seen.add(email);
      invitees.push({ email, name });
    }
  }
  return { invitees, invalid };
}

export function isInvitableRole(value: unknown): value is InvitableRole {
  return typeof value === 'string' && (invitableRoles as readonly string[]).includes(value);
}
