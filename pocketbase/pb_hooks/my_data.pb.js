/// <reference path="../pb_data/types.d.ts" />
// "My data": a signed-in person downloads everything Continuum stores about them, with their
// learning record as xAPI statements (records read by the codecs of src/learning-record/).
// Deleting the account (DELETE on their own users record) removes all of it by cascade.

routerAdd("GET", "/api/continuum/me/export", (e) => {
  const store = require(`${__hooks}/lib/learning-store.js`);
  const lib = store.library();
  const me = e.auth;
  const site = (e.request.tls ? "https://" : "http://") + e.request.host;
  const mine = (collection, field, sort) => e.app.findRecordsByFilter(collection, `${field} = {:me}`, sort, 0, 0, { me: me.id }).map(store.json);
  const supervisorId = me.getString("supervisor");
  const supervisor = supervisorId ? store.findFirst(e.app, "users", "id = {:id}", { id: supervisorId }) : null;
  const learner = { id: me.id, name: me.getString("name") };
  // activity names per language, for the xAPI activity definitions
  const names = require(`${__hooks}/_generated/interop-facts.cjs`).names;

  e.response.header().set("Cache-Control", "no-store");
  e.response.header().set("Content-Disposition", 'attachment; filename="continuum-my-data.json"');
  return e.json(200, {
    exportedAt: new Date().toISOString(),
    site: site,
    profile: {
      id: me.id,
      email: me.email(),
      name: me.getString("name"),
      role: me.getString("role"),
      track: me.getString("track"),
      country: me.getString("country"),
      preferredLanguage: me.getString("preferredLanguage"),
      supervisor: supervisorId ? { id: supervisorId, name: supervisor ? supervisor.getString("name") : "" } : null,
      created: store.json(me).created,
    },
    statements: mine("statements", "user", "timestamp,id").map((r) => lib.toXapi(lib.statementFromRecord(r), learner, site, names)),
    progress: mine("progress", "user", "activity").map(lib.progressFromRecord),
    scenarioRuns: mine("scenario_runs", "user", "scenario").map((r) => ({ scenario: r.scenario, version: r.version, language: r.language, snapshot: r.snapshot, updated: r.updated })),
    assignments: mine("assignments", "learner", "path").map(lib.assignmentFromRecord),
    certificates: mine("certificates", "user", "issuedAt").map(lib.certificateFromRecord),
  });
}, $apis.requireAuth("users"));
