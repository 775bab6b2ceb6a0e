/// <reference path="../pb_data/types.d.ts" />
// Rebuild progress (and certificates) from the statements: for every learner, or one.
// POST /api/continuum/admin/refold  { "user": "<id>" (optional), "dryRun": true|false }
// Admins and superusers only. Answers with how many rows differed and the first differences.
routerAdd("POST", "/api/continuum/admin/refold", (e) => {
  const isAdmin = e.auth && (e.auth.isSuperuser() || e.auth.getString("role") === "admin");
  if (!isAdmin) throw new ForbiddenError("Only an administrator can rebuild progress.");
  const store = require(`${__hooks}/lib/learning-store.js`);
  const body = e.requestInfo().body || {};
  const dryRun = body.dryRun === true;
  const users = body.user
    ? [String(body.user)]
    : e.app.findRecordsByFilter("users", "id != ''", "id", 0, 0).map((u) => u.id);
  let changed = 0;
  const differences = [];
  for (const user of users) {
    const found = store.refoldLearner(e.app, user, dryRun);
    if (found.length) changed += 1;
    for (const d of found) if (differences.length < 100) differences.push(Object.assign({ user: user }, d));
  }
  return e.json(200, { learners: users.length, learnersChanged: changed, dryRun: dryRun, differences: differences });
}, $apis.requireAuth("users", "_superusers"));
