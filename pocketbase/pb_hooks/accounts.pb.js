/// <reference path="../pb_data/types.d.ts" />
// Accounts: the rules for names, passwords and e-mail addresses (src/accounts/, bundled to
// _generated/accounts.cjs), a uniform answer where an answer would tell whether an address has
// an account, no sorting or filtering by fields one cannot see, deactivation, and erasure that
// leaves nothing readable. Who may change which field is decided by the collection rules
// (pb_migrations/1764700000_accounts.js); these hooks check the values.
//
// Errors name the field, with a stable code the forms translate (src/accounts/messages.ts).
// (Each handler runs on its own: shared helpers live in pb_hooks/lib/, required inside.)

// Sign-up (and accounts made by a superuser): normalised e-mail and name, the password rule.
// An address that already has an account gets the same answer as a new one; its owner is told
// by e-mail instead (pb_hooks/mail.pb.js sends a verification mail to a new one, which takes
// about as long).
onRecordCreateRequest((e) => {
  const lib = require(`${__hooks}/_generated/accounts.cjs`);
  const account = require(`${__hooks}/lib/accounts.js`);
  const mail = require(`${__hooks}/lib/mail.js`);
  const body = e.requestInfo().body;
  const email = lib.normaliseEmail(e.record.email());
  const name = lib.normaliseName(e.record.getString("name"));
  e.record.setEmail(email);
  e.record.set("name", name);

  const problems = {};
  const nameProblem = lib.nameProblem(name);
  if (nameProblem) problems.name = nameProblem;
  const passwordProblem = lib.passwordProblem(String(body.password || ""), { email: email, name: name });
  if (passwordProblem) problems.password = passwordProblem;
  account.refuseProblems(problems);

  const superuser = e.hasSuperuserAuth();
  // demo accounts and people made by a superuser are verified unless said otherwise
  if (superuser && body.verified === undefined) e.record.setVerified(true);

  if (!superuser && lib.isEmailAddress(email)) {
    const existing = account.findByEmail(e.app, email);
    if (existing) {
      mail.sendAccountMail(e.app, existing, "accountExists", "reset", existing.newPasswordResetToken());
      // the answer a new account gets: the record as submitted, with a fresh id, never stored
      e.record.set("id", $security.randomStringWithAlphabet(15, "abcdefghijklmnopqrstuvwxyz0123456789"));
      e.record.set("role", "learner");
      e.record.setRaw("created", new DateTime());
      e.record.setRaw("updated", new DateTime());
      return e.json(200, e.record);
    }
  }
  e.next();
  if (!superuser && !e.record.verified()) {
    try {
      $mails.sendRecordVerification(e.app, e.record);
    } catch (err) {
      e.app.logger().warn("Could not send the verification e-mail after sign-up", "error", String(err));
    }
  }
}, "users");

// Profile changes: normalised values, the same rules; a name printed on a certificate is
// changed by an admin only; a new password needs the current one (even for an admin, whose
// manage access would otherwise skip it); nobody deactivates themselves.
onRecordUpdateRequest((e) => {
  const lib = require(`${__hooks}/_generated/accounts.cjs`);
  const account = require(`${__hooks}/lib/accounts.js`);
  const body = e.requestInfo().body;
  const superuser = e.hasSuperuserAuth();
  const auth = e.auth;
  const admin = account.isAdmin(e);
  const own = auth && auth.id === e.record.id;
  const original = e.record.original();
  const problems = {};

  if (body.email !== undefined) e.record.setEmail(lib.normaliseEmail(e.record.email()));
  const name = lib.normaliseName(e.record.getString("name"));
  e.record.set("name", name);
  if (name !== original.getString("name")) {
    const nameProblem = lib.nameProblem(name);
    if (nameProblem) problems.name = nameProblem;
    else if (!admin) {
      const held = e.app.findRecordsByFilter("certificates", "user = {:user} && revoked = false", "", 1, 0, { user: e.record.id });
      if (held.length) problems.name = "name-locked";
    }
  }
  if (body.password !== undefined && String(body.password) !== "") {
    const passwordProblem = lib.passwordProblem(String(body.password), { email: e.record.email(), name: name });
    if (passwordProblem) problems.password = passwordProblem;
    else if (!superuser && !original.validatePassword(String(body.oldPassword || ""))) problems.oldPassword = "old-password";
  }
  account.refuseProblems(problems);
  if (own && body.deactivated !== undefined && e.record.getBool("deactivated")) {
    throw new BadRequestError("You cannot deactivate your own account; another administrator can.", {
      deactivated: new ValidationError("validation_self_deactivation", "You cannot deactivate your own account."),
    });
  }
  e.next();
}, "users");

// Deactivation ends every session at once: a new token key invalidates the tokens already
// given out (signing in again is refused by the collection's auth rule).
onRecordUpdate((e) => {
  if (e.record.getBool("deactivated") && !e.record.original().getBool("deactivated")) {
    e.record.refreshTokenKey();
  }
  e.next();
}, "users");

// E-mail change (replaces PocketBase's own route for users: a literal path wins over its
// {collection} pattern). The new address is kept in lower case; an address that has an account
// answers like any other (204), and tells the owner of that address instead of asking them to
// confirm (PocketBase's handler would say "invalid new email"). The rate limit on this path
// counts both. (A route, not a middleware on every request: a JS middleware holds a runtime of
// the hooks pool for the whole of each request.)
routerAdd("POST", "/api/collections/users/request-email-change", (e) => {
  const lib = require(`${__hooks}/_generated/accounts.cjs`);
  const email = lib.normaliseEmail(String(e.requestInfo().body.newEmail || ""));
  const invalid = (code, message) => {
    throw new BadRequestError("An error occurred while validating the submitted data.", { newEmail: new ValidationError(code, message) });
  };
  if (!email) invalid("validation_required", "Cannot be blank.");
  if (!lib.isEmailAddress(email)) invalid("validation_is_email", "Must be a valid email address.");
  if (email === lib.normaliseEmail(e.auth.email())) invalid("validation_not_in_invalid", "Must be a different address from the current one.");
  const owner = require(`${__hooks}/lib/accounts.js`).findByEmail(e.app, email);
  if (owner && owner.id !== e.auth.id) require(`${__hooks}/lib/mail.js`).sendAccountMail(e.app, owner, "emailInUse", "", "");
  else $mails.sendRecordChangeEmail(e.app, e.auth, email);
  return e.noContent(204);
}, $apis.requireAuth("users"));

// Lists may not be filtered or sorted by fields the requester cannot see (an oracle: sorting
// learners by their hidden e-mail, or filtering statements by user.email ~ "a%"). Admins and
// superusers see those fields anyway.
onRecordsListRequest((e) => {
  const account = require(`${__hooks}/lib/accounts.js`);
  if (!account.isAdmin(e)) {
    const lib = require(`${__hooks}/_generated/accounts.cjs`);
    const query = e.requestInfo().query;
    const field = lib.hiddenFieldInQuery(query.filter, query.sort);
    if (field) {
      throw new BadRequestError(`Lists cannot be filtered or sorted by "${field}": that field is not shown to you. Remove it from filter and sort.`);
    }
  }
  e.next();
});

// Erasure: once an account is deleted (its learning record goes with it, by cascade), the WAL
// is checkpointed so that the deleted rows do not stay in it (the database itself overwrites
// deleted content: secure_delete, pocketbase/main.go), and the request log loses every line
// naming the person's id, now and for the next minutes (the log of the deletion request itself
// is written a few seconds after it; see the continuumScrubLogs job below).
onRecordAfterDeleteSuccess((e) => {
  e.next();
  const erasure = require(`${__hooks}/lib/erasure.js`);
  erasure.remember(e.app, e.record.id);
  erasure.scrub(e.app);
}, "users");

cronAdd("continuumScrubLogs", "* * * * *", () => {
  const erasure = require(`${__hooks}/lib/erasure.js`);
  erasure.scrub($app);
});

// The same for realtime subscriptions, whose options may carry a filter (events for records
// matching `email ~ "a%"` would tell the same thing, one change at a time).
onRealtimeSubscribeRequest((e) => {
  const account = require(`${__hooks}/lib/accounts.js`);
  if (!account.isAdmin(e)) {
    const lib = require(`${__hooks}/_generated/accounts.cjs`);
    for (const subscription of e.subscriptions) {
      const at = subscription.indexOf("?options=");
      if (at < 0) continue;
      let query = {};
      try {
        query = JSON.parse(decodeURIComponent(subscription.slice(at + 9))).query || {};
      } catch (_) {
        throw new BadRequestError("A subscription's options must be JSON.");
      }
      const field = lib.hiddenFieldInQuery(query.filter, query.sort);
      if (field) {
        throw new BadRequestError(`Subscriptions cannot be filtered by "${field}": that field is not shown to you. Remove it from the filter.`);
      }
    }
  }
  e.next();
});
