/**
 * Entry point bundled for the PocketBase hooks (CommonJS, run by goja) by
 * scripts/lib/hooks-bundle.ts into pb_hooks/_generated/accounts.cjs. Keep it free of
 * anything goja lacks: no async, no DOM, no Node built-ins.
 */
import { commonPasswords } from './common-passwords.ts';
import { passwordProblem as checkPassword, type PasswordContext } from './password-rules.ts';

const common = new Set(commonPasswords);

/** The password rule with the common-password list (see password-rules.ts). */
export function passwordProblem(password: string, context: PasswordContext) {
  return checkPassword(password, context, common);
}

export { minPasswordLength } from './password-rules.ts';
export { nameProblem, normaliseName } from './names.ts';
export { isEmailAddress, normaliseEmail } from './emails.ts';
export { invitableRoles, isInvitableRole, maxInvitationsAtOnce, parseInvitationList } from './invitations.ts';
export { isoWeek, reminderFor } from './reminders.ts';
export { accountMail, digestMail, mailLanguage, reminderMail } from './mail.ts';
export { hiddenFieldInQuery } from './query-guard.ts';
export { accountProblemMessage } from './messages.ts';
