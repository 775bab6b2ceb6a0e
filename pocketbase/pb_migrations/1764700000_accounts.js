/// <reference path="../pb_data/types.d.ts" />
// Accounts (issues 13 and 15):
// - `deactivated` (an admin's switch: the person cannot sign in, their record stays for the
//   supervisor), `invitedAt` and `invitedBy` (set by the invitation route only);
// - e-mail addresses in lower case, unique without regard to case (the email index gets
//   COLLATE NOCASE, which PocketBase also uses for sign-in and e-mail change look-ups);
// - credentials change only by their owner or through the reset flow: an admin manages roles,
//   supervisor links and deactivation, never another person's e-mail, password or verification;
// - `reminders_sent`: which due-date reminders and weekly digests went out (each goes once);
// - a rate limit on e-mail change like sign-up's, and request logs kept 3 days.
migrate((app) => {
  const users = app.findCollectionByNameOrId("users");

  // 1. addresses that differ only by case cannot both stay: say which, before changing anything
  const rows = app.findAllRecords("users");
  const byLower = {};
  for (const r of rows) {
    const lower = r.email().trim().toLowerCase();
    if (!lower) continue;
    (byLower[lower] = byLower[lower] || []).push(r);
  }
  const clashes = Object.keys(byLower).filter((k) => byLower[k].length > 1);
  if (clashes.length) {
    throw new Error(
      "These accounts have e-mail addresses that differ only by capital letters, which Continuum now treats as one address: " +
        clashes.map((k) => byLower[k].map((r) => `${r.email()} (id ${r.id})`).join(" and ")).join("; ") +
        ". Change or delete one of each pair in the PocketBase admin UI (/_/) with the previous version, then start again.",
    );
  }
  for (const r of rows) {
    const lower = r.email().trim().toLowerCase();
    if (lower !== r.email()) {
      r.setEmail(lower);
      app.unsafeWithoutHooks().save(r);
    }
  }

  // 2. case-insensitive uniqueness (replaces PocketBase's own email index)
  users.indexes = users.indexes.filter((sql) => !/\(\s*`?email`?\s*(COLLATE\s+\w+\s*)?\)/i.test(sql));
  users.indexes.push("CREATE UNIQUE INDEX `idx_email_" + users.id + "` ON `users` (`email` COLLATE NOCASE) WHERE `email` != ''");

  // 3. fields
  users.fields.add(new BoolField({ name: "deactivated" }));
  users.fields.add(new DateField({ name: "invitedAt" }));
  users.fields.add(new RelationField({ name: "invitedBy", collectionId: users.id, maxSelect: 1, cascadeDelete: false }));

  // 4. rules
  const unset = (names) => names.map((n) => `@request.body.${n}:isset = false`).join(" && ");
  const privileges = ["role", "supervisor", "deactivated", "invitedAt", "invitedBy", "verified"];
  const credentials = ["email", "password", "passwordConfirm", "oldPassword", "verified", "emailVisibility"];
  // anyone may sign up as a learner (an admin too, like anyone); invitations go through
  // /api/continuum/invitations, which sets role and supervisor on the server
  users.createRule = unset(privileges);
  users.updateRule =
    `(id = @request.auth.id && ${unset(privileges)}) || ` +
    `(@request.auth.role = "admin" && ${unset(credentials.concat(["invitedAt", "invitedBy"]))})`;
  // a deactivated person cannot sign in, by any method, nor refresh a session (their tokens are
  // also invalidated when they are deactivated: pb_hooks/accounts.pb.js)
  users.authRule = "deactivated = false";
  app.save(users);

  // 5. what was sent, so that each reminder goes once (superusers only; erased with the person)
  const sent = new Collection({ type: "base", name: "reminders_sent" });
  [
    new TextField({ name: "key", required: true, max: 200 }),
    new RelationField({ name: "user", collectionId: users.id, maxSelect: 1, required: true, cascadeDelete: true }),
    new TextField({ name: "kind", required: true, max: 40 }),
    new AutodateField({ name: "created", onCreate: true, onUpdate: false }),
  ].forEach((field) => sent.fields.add(field));
  sent.addIndex("idx_reminders_sent_key", true, "key", "");
  sent.addIndex("idx_reminders_sent_user", false, "user", "");
  sent.listRule = null;
  sent.viewRule = null;
  sent.createRule = null;
  sent.updateRule = null;
  sent.deleteRule = null;
  app.save(sent);

  // 6. settings
  const settings = app.settings();
  const rules = settings.rateLimits.rules.filter((r) => r.label !== "/api/collections/users/request-email-change" && r.label !== "*:requestVerification");
  // (more specific labels first is not required: PocketBase picks the best match)
  rules.unshift(
    { label: "/api/collections/users/request-email-change", maxRequests: 30, duration: 60, audience: "" },
    { label: "*:requestVerification", maxRequests: 10, duration: 60, audience: "" },
  );
  settings.rateLimits.rules = rules;
  settings.logs.maxDays = 3;
  app.save(settings);
}, (app) => {
  app.delete(app.findCollectionByNameOrId("reminders_sent"));
  const users = app.findCollectionByNameOrId("users");
  for (const name of ["deactivated", "invitedAt", "invitedBy"]) users.fields.removeByName(name);
  users.indexes = users.indexes.filter((sql) => !/\(\s*`?email`?\s*(COLLATE\s+\w+\s*)?\)/i.test(sql));
  const noPrivilegeFields = "@request.body.role:isset = false && @request.body.supervisor:isset = false";
  users.createRule = `(${noPrivilegeFields}) || @request.auth.role = "admin"`;
  users.updateRule = `(id = @request.auth.id && ${noPrivilegeFields}) || @request.auth.role = "admin"`;
  users.authRule = "";
  app.save(users);
  const settings = app.settings();
  settings.rateLimits.rules = settings.rateLimits.rules.filter((r) => r.label !== "/api/collections/users/request-email-change" && r.label !== "*:requestVerification");
  settings.logs.maxDays = 5;
  app.save(settings);
});
