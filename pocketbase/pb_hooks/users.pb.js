/// <reference path="../pb_data/types.d.ts" />
// Users: a new account without a role is a learner. Who may set a role is decided by the
// collection rules (pb_migrations/1763800000_users_profile.js): admins and superusers only.
onRecordCreate((e) => {
  if (!e.record.getString("role")) {
    e.record.set("role", "learner");
  }
  e.next();
}, "users");
