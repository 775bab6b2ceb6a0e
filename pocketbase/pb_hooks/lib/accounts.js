// Helpers shared by the account hooks (required inside each handler: goja runs every handler on
// its own, without the file's other functions).

/** Whether the request comes from a superuser or from a person with the role admin. */
function isAdmin(e) {
  const auth = e.auth;
  return e.hasSuperuserAuth() || !!(auth && auth.collection().name === "users" && auth.getString("role") === "admin");
}

/** Throws a 400 naming each field's problem, if there are any. */
function refuseProblems(problems) {
  const lib = require(`${__hooks}/_generated/accounts.cjs`);
  const fields = Object.keys(problems);
  if (!fields.length) return;
  const data = {};
  const messages = [];
  for (const field of fields) {
    const answer = lib.accountProblemMessage(problems[field]);
    data[field] = new ValidationError(answer.code, answer.message);
    messages.push(answer.message);
  }
  throw new BadRequestError(messages.join(" "), data);
}

/** The users record with this address (case-insensitive, through the NOCASE index), or null. */
function findByEmail(app, email) {
  if (!email) return null;
  try {
    return app.findAuthRecordByEmail("users", email);
  } catch (_) {
    return null;
  }
}

/** For the invitation routes: an admin or a superuser, on a server that can send e-mail. */
function requireInviter(e) {
  if (!isAdmin(e)) throw new ForbiddenError("Only administrators can invite people.");
  if (!e.app.settings().smtp.enabled) {
    throw new BadRequestError("E-mail is not set up on this server, so invitations cannot be sent. Set SMTP_HOST and MAIL_FROM (see the README) and restart.");
  }
  // the name the invitation gives as its sender
  return e.hasSuperuserAuth() ? "Continuum" : e.auth.getString("name") || "Continuum";
}

module.exports = { isAdmin, refuseProblems, findByEmail, requireInviter };
