/// <reference path="../pb_data/types.d.ts" />
// Users: the profile a learning platform needs (role, track, country, language, supervisor)
// and API rules that keep each person to their own record.
//
// Nobody can set or change their own role or supervisor: only an admin (role "admin") or a
// superuser can. A supervisor can read the users whose `supervisor` is them.

migrate((app) => {
  const LOCALES = ["en", "fr", "pt", "es", "sw", "ar"];
  const users = app.findCollectionByNameOrId("users");

  users.fields.add(new SelectField({
    name: "role",
    values: ["learner", "supervisor", "trainer", "admin"],
    maxSelect: 1,
    required: false, // empty is filled with "learner" by pb_hooks/users.pb.js
  }));
  users.fields.add(new SelectField({
    name: "track",
    values: ["border-officer", "teacher", "social-worker", "coordinator"],
    maxSelect: 1,
  }));
  users.fields.add(new TextField({ name: "country", max: 80 }));
  users.fields.add(new SelectField({ name: "preferredLanguage", values: LOCALES, maxSelect: 1 }));
  users.fields.add(new RelationField({
    name: "supervisor",
    collectionId: users.id,
    maxSelect: 1,
    cascadeDelete: false,
  }));

  const ownOrSupervisedOrAdmin =
    'id = @request.auth.id || (@request.auth.id != "" && supervisor = @request.auth.id) || @request.auth.role = "admin"';
  const noPrivilegeFields = '@request.body.role:isset = false && @request.body.supervisor:isset = false';

  users.listRule = ownOrSupervisedOrAdmin;
  users.viewRule = ownOrSupervisedOrAdmin;
  // Anyone may sign up as a learner; nobody may choose their own role or supervisor.
  users.createRule = `(${noPrivilegeFields}) || @request.auth.role = "admin"`;
  users.updateRule = `(id = @request.auth.id && ${noPrivilegeFields}) || @request.auth.role = "admin"`;
  users.deleteRule = 'id = @request.auth.id || @request.auth.role = "admin"';
  users.manageRule = '@request.auth.role = "admin"';

  users.addIndex("idx_users_supervisor", false, "supervisor", "");
  users.addIndex("idx_users_track_country", false, "track, country", "");

  // Passwords of at least 10 characters (the sign-up form says so too).
  users.fields.getByName("password").min = 10;

  // No login-alert emails: demo and test servers have no mail transport, and learners on
  // shared office computers would get one at every sign-in.
  users.authAlert.enabled = false;

  app.save(users);
}, (app) => {
  const users = app.findCollectionByNameOrId("users");
  for (const name of ["role", "track", "country", "preferredLanguage", "supervisor"]) {
    users.fields.removeByName(name);
  }
  users.removeIndex("idx_users_supervisor");
  users.removeIndex("idx_users_track_country");
  users.listRule = "id = @request.auth.id";
  users.viewRule = "id = @request.auth.id";
  users.createRule = "";
  users.updateRule = "id = @request.auth.id";
  users.deleteRule = "id = @request.auth.id";
  users.manageRule = null;
  app.save(users);
});
