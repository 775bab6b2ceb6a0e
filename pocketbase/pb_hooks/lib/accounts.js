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

module.exports = { isAdmin, refuseProblems };
