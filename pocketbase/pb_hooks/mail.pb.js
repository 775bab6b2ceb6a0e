/// <reference path="../pb_data/types.d.ts" />
// E-mail: PocketBase's own messages (verification, password reset, e-mail change) rewritten in
// the person's language with links to the site's pages; invitations by an admin; and a plain
// "is e-mail set up?" for the pages that depend on it. Without SMTP (settings.pb.js reads it from
// the environment) nothing is sent and everything else works: the admin page says so.

// Without SMTP, PocketBase would fall back to the machine's sendmail: never do that.
onMailerSend((e) => {
  if (!e.app.settings().smtp.enabled) {
    e.app.logger().info("E-mail not sent: SMTP is not configured", "subject", e.message.subject);
    return;
  }
  e.next();
});

onMailerRecordVerificationSend((e) => {
  require(`${__hooks}/lib/mail.js`).localise(e, "verification", "verify", e.meta.token);
  e.next();
}, "users");

onMailerRecordPasswordResetSend((e) => {
  // a deactivated person gets no reset link (the answer to the request stays the same)
  if (e.record.getBool("deactivated")) return;
  require(`${__hooks}/lib/mail.js`).localise(e, "passwordReset", "reset", e.meta.token);
  e.next();
}, "users");

onMailerRecordEmailChangeSend((e) => {
  require(`${__hooks}/lib/mail.js`).localise(e, "emailChange", "email", e.meta.token);
  e.next();
}, "users");

routerAdd("GET", "/api/continuum/mail/status", (e) => {
  e.response.header().set("Cache-Control", "no-store");
  return e.json(200, { enabled: !!e.app.settings().smtp.enabled });
});

// Invitations: an admin (or a superuser) pastes one address or a list; each new address gets an
// account (learner, supervisor or trainer; never admin) and an e-mail with a link, valid 7 days,
// to choose a password. Addresses that already have an account are reported, not changed.
routerAdd("POST", "/api/continuum/invitations", (e) => {
  const lib = require(`${__hooks}/_generated/accounts.cjs`);
  const mail = require(`${__hooks}/lib/mail.js`);
  const account = require(`${__hooks}/lib/accounts.js`);
  const inviter = account.requireInviter(e);
  const body = e.requestInfo().body;
  const role = String(body.role || "learner");
  if (!lib.isInvitableRole(role)) {
    throw new BadRequestError(`An invitation gives the role learner, supervisor or trainer, not "${role}". Make someone an administrator afterwards, on People and roles.`, {
      role: new ValidationError("validation_invalid_role", "An invitation cannot make an administrator."),
    });
  }
  const users = e.app.findCollectionByNameOrId("users");
  const fields = {};
  for (const name of ["track", "preferredLanguage"]) {
    const value = String(body[name] || "");
    const allowed = users.fields.getByName(name).values;
    if (value && allowed.indexOf(value) < 0) {
      throw new BadRequestError(`${name} must be one of: ${allowed.join(", ")}.`, { [name]: new ValidationError("validation_invalid_value", "Unknown value.") });
    }
    fields[name] = value;
  }
  fields.country = String(body.country || "").trim().slice(0, 80);
  const supervisor = String(body.supervisor || "");
  if (supervisor) {
    let found = null;
    try {
      found = e.app.findRecordById("users", supervisor);
    } catch (_) {
      found = null;
    }
    if (!found || ["supervisor", "admin"].indexOf(found.getString("role")) < 0) {
      throw new BadRequestError("The supervisor must be a person with the role supervisor or administrator.", {
        supervisor: new ValidationError("validation_invalid_supervisor", "Not a supervisor."),
      });
    }
  }
  const list = lib.parseInvitationList(String(body.emails || ""));
  if (!list.invitees.length) {
    throw new BadRequestError("No e-mail address was found. Paste one address per line, such as amina@example.org or Amina Yusuf <amina@example.org>.", {
      emails: new ValidationError("validation_no_addresses", "No address found."),
    });
  }
  if (list.invitees.length > lib.maxInvitationsAtOnce) {
    throw new BadRequestError(`At most ${lib.maxInvitationsAtOnce} people can be invited at once; this list has ${list.invitees.length}. Split it.`);
  }
  const results = [];
  for (const invitee of list.invitees) {
    const existing = account.findByEmail(e.app, invitee.email);
    if (existing) {
      results.push({ email: invitee.email, status: "exists", id: existing.id });
      continue;
    }
    const record = new Record(users);
    record.setEmail(invitee.email);
    // the person gives their own name when they join; until then, the one given or the address
    const name = lib.normaliseName(invitee.name) || invitee.email.split("@")[0];
    record.set("name", lib.nameProblem(name) ? invitee.email.split("@")[0] : name);
    record.setPassword($security.randomString(40));
    record.setVerified(false); // verified when they choose their password from the e-mail
    record.set("role", role);
    record.set("track", fields.track);
    record.set("country", fields.country);
    record.set("preferredLanguage", fields.preferredLanguage);
    record.set("supervisor", supervisor);
    record.set("invitedAt", new DateTime());
    if (!e.hasSuperuserAuth()) record.set("invitedBy", e.auth.id);
    try {
      e.app.save(record);
    } catch (err) {
      results.push({ email: invitee.email, status: "failed", message: String(err) });
      continue;
    }
    const sent = mail.sendAccountMail(e.app, record, "invitation", "join", mail.invitationToken(record), { inviter: inviter });
    results.push({ email: invitee.email, status: sent ? "invited" : "not-sent", id: record.id });
  }
  return e.json(200, { results: results, invalid: list.invalid });
}, $apis.requireAuth());

// Sends an invitation again (a new 7-day link) to someone invited who has not joined yet.
routerAdd("POST", "/api/continuum/invitations/{id}/resend", (e) => {
  const mail = require(`${__hooks}/lib/mail.js`);
  const inviter = require(`${__hooks}/lib/accounts.js`).requireInviter(e);
  let record = null;
  try {
    record = e.app.findRecordById("users", e.request.pathValue("id"));
  } catch (_) {
    record = null;
  }
  if (!record || record.getDateTime("invitedAt").isZero() || record.verified()) {
    throw new NotFoundError("There is no pending invitation for this person (they may have joined already).");
  }
  const sent = mail.sendAccountMail(e.app, record, "invitation", "join", mail.invitationToken(record), { inviter: inviter });
  return e.json(200, { email: record.email(), status: sent ? "invited" : "not-sent" });
}, $apis.requireAuth());
