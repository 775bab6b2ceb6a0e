/**
 * Sorting or filtering a list by a field the requester cannot see is an oracle: a supervisor
 * who sorts their learners by `email`, or filters statements by `user.email ~ "a%"`, learns the
 * hidden addresses one comparison at a time. The request hook in
 * pocketbase/pb_hooks/accounts.pb.js refuses such a list request for anyone but an admin or a
 * superuser. Pure (goja runs it).
 */
export const hiddenUserFields = ['email', 'emailVisibility', 'verified', 'tokenKey', 'password', 'lastResetSentAt', 'lastVerificationSentAt'];

/** The text outside quoted strings ('…' and "…", with backslash escapes). */
function outsideStrings(expression: string): string {
  return expression.replace(/'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*"/g, '""');
}

/**
 * The first hidden field that a filter or sort expression reads, or null. A reference to the
 * requester's own (`@request.auth.email`) is allowed.
 * @example hiddenFieldInQuery('name ~ "email"', '-created') // null
 * @example hiddenFieldInQuery('', '-email') // 'email'
 * @example hiddenFieldInQuery('user.email ~ "a%"', '') // 'user.email'
 */
export function hiddenFieldInQuery(filter: string | null | undefined, sort: string | null | undefined): string | null {
  for (const expression of [filter ?? '', sort ?? '']) {
    const code = outsideStrings(expression);
    const identifiers = code.match(/@?[A-Za-z_][\w]*(?:\.[A-Za-z_@][\w]*)*(?::\w+)?/g) ?? [];
    for (const identifier of identifiers) {
      if (identifier.startsWith('@request.auth.')) continue;
      const parts = identifier.replace(/:\w+$/, '').split('.');
      if (parts.some((part) => hiddenUserFields.includes(part))) return identifier.replace(/:\w+$/, '');
    }
  }
  return null;
}
