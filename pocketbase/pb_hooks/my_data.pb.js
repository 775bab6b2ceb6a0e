/// <reference path="../pb_data/types.d.ts" />
// "My data": a signed-in person downloads everything Continuum stores about them, with their
// learning record as xAPI statements. Deleting the account (DELETE on their own users record,
// allowed by the users rules) removes all of it: statements, progress, saved case simulations,
// assignments and certificates go with the account (cascade), nothing is kept anonymised.

routerAdd("GET", "/api/continuum/me/export", (e) => {
  const lib = require(`${__hooks}/_generated/learning-record.cjs`);
  const me = e.auth;
  const site = (e.request.tls ? "https://" : "http://") + e.request.host;
  const json = (record, name) => {
    try {
      return JSON.parse(record.getString(name) || "null");
    } catch (_) {
      return null;
    }
  };
  const date = (record, name) => {
    const value = record.getDateTime(name);
    return value.isZero() ? "" : value.string().replace(" ", "T");
  };
  const all = (collection, field, sort) => e.app.findRecordsByFilter(collection, `${field} = {:me}`, sort, 0, 0, { me: me.id });

  let supervisor = null;
  if (me.getString("supervisor")) {
    try {
      const s = e.app.findRecordById("users", me.getString("supervisor"));
      supervisor = { id: s.id, name: s.getString("name") };
    } catch (_) {
      supervisor = { id: me.getString("supervisor"), name: "" };
    }
  }
  const learner = { id: me.id, name: me.getString("name") };
  const statements = all("statements", "user", "timestamp,id").map((r) =>
    lib.toXapi(
      {
        id: r.id,
        user: me.id,
        verb: r.getString("verb"),
        object: r.getString("object"),
        result: json(r, "result"),
        context: json(r, "context"),
        language: r.getString("language"),
        timestamp: date(r, "timestamp"),
      },
      learner,
      site,
    ),
  );

  e.response.header().set("Cache-Control", "no-store");
  e.response.header().set("Content-Disposition", 'attachment; filename="continuum-my-data.json"');
  return e.json(200, {
    exportedAt: new DateTime().string().replace(" ", "T"),
    site: site,
    profile: {
      id: me.id,
      email: me.email(),
      name: me.getString("name"),
      role: me.getString("role"),
      track: me.getString("track"),
      country: me.getString("country"),
      preferredLanguage: me.getString("preferredLanguage"),
      supervisor: supervisor,
      created: date(me, "created"),
    },
    statements: statements,
    progress: all("progress", "user", "activity").map((r) => ({
      activity: r.getString("activity"),
      status: r.getString("status"),
      completedSections: json(r, "completedSections") || [],
      totalSections: r.getInt("totalSections"),
      percent: r.getInt("percent"),
      score: r.getFloat("score"),
      checkPassed: r.getBool("checkPassed"),
      language: r.getString("language"),
      lastActivityAt: date(r, "lastActivityAt"),
    })),
    scenarioRuns: all("scenario_runs", "user", "scenario").map((r) => ({
      scenario: r.getString("scenario"),
      version: r.getInt("version"),
      language: r.getString("language"),
      snapshot: json(r, "snapshot"),
      updated: date(r, "updated"),
    })),
    assignments: all("assignments", "learner", "path").map((r) => ({
      path: r.getString("path"),
      dueDate: date(r, "dueDate"),
      assignedBy: r.getString("assignedBy"),
      created: date(r, "created"),
    })),
    certificates: all("certificates", "user", "issuedAt").map((r) => ({
      path: r.getString("path"),
      code: r.getString("code"),
      learnerName: r.getString("learnerName"),
      issuedAt: date(r, "issuedAt"),
      revoked: r.getBool("revoked"),
    })),
  });
}, $apis.requireAuth("users"));
