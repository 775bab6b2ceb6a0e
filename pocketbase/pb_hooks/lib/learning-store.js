// Reads and writes of the learning record, shared by the hook files (required, not a hook).
// Every decision is made by the bundled TypeScript (_generated/hooks-library.cjs); this file
// only moves records in and out of the database.

// Each runtime of the hooks pool loads a module once; resolving a require() path costs system
// calls every time, so the modules this file uses are kept after the first call.
const once = (path) => {
  let loaded = null;
  return () => loaded || (loaded = require(path));
};

const library = once(`${__hooks}/_generated/hooks-library.cjs`);

/** What the server knows of the content in content/ (at start). */
const fileFacts = once(`${__hooks}/_generated/learning-facts.cjs`);

/** The queue to an external LRS (lib/lrs-forwarder.js). */
const forwarder = once(`${__hooks}/lib/lrs-forwarder.js`);

// Published studio versions and the steps added to paths (path_steps) join the file facts.
// Each runtime keeps its copy until the generation in the app's shared store changes (a
// publish, a rollback, a step added to or removed from a path bumps it).
let cached = { generation: null, facts: null };

/**
 * What the server knows of the content: content/ plus every published studio version, and the
 * paths with the steps trainers added (path-steps.ts mergePathSteps).
 */
function facts() {
  const generation = String($app.store().get("scenario-generation") || "0");
  if (cached.generation === generation) return cached.facts;
  const lib = library();
  let known = fileFacts();
  const published = [];
  for (const v of $app.findRecordsByFilter("scenario_versions", "id != ''", "scenario,version", 0, 0)) {
    known = lib.withScenarioVersion(known, lib.scenarioStructure(json(v).document.scenario));
    published.push(v.getString("scenario"));
  }
  known = lib.withPathSteps(known, pathSteps($app), published);
  cached = { generation: generation, facts: known };
  return known;
}

/** The steps added to paths, in the order they were added. */
function pathSteps(app) {
  return app.findRecordsByFilter("path_steps", "id != ''", "created,id", 0, 0).map((r) => ({
    id: r.id, path: r.getString("path"), scenario: r.getString("scenario"), after: r.getString("after"),
  }));
}

/** Tells every runtime to read the published versions and the added steps again. */
function scenariosChanged() {
  $app.store().set("scenario-generation", String(Date.now()) + Math.random());
}

/** A record as the JSON the API would send (the codecs in records.ts read this). */
const json = (record) => JSON.parse(JSON.stringify(record));

const findFirst = (app, collection, filter, params) => {
  try {
    return app.findFirstRecordByFilter(collection, filter, params);
  } catch (_) {
    return null;
  }
};

const findById = (app, collection, id) => {
  try {
    return app.findRecordById(collection, id);
  } catch (_) {
    return null;
  }
};

/** The learner's statements a decision rests on (admission.ts evidenceQuery). */
function readEvidence(app, query) {
  if (!query) return [];
  const lib = library();
  return app.findRecordsByFilter("statements", query.filter, query.sort, 0, 0, query.params).map((r) => lib.statementFromRecord(json(r)));
}

/**
 * The learner's progress on one activity, read directly, with the id of its row (null when there
 * is none yet).
 */
function readProgress(app, user, activity) {
  const shape = { id: "", activity: "", activityType: "", status: "", completedSections: "", totalSections: 0, percent: 0, score: 0, checkPassed: false, language: "", lastActivityAt: "" };
  const row = new DynamicModel(shape);
  try {
    app.db()
      .newQuery(`SELECT ${Object.keys(shape).join(", ")} FROM progress WHERE user = {:user} AND activity = {:activity} LIMIT 1`)
      .bind({ user: user, activity: activity })
      .one(row);
  } catch (_) {
    return null; // no row
  }
  const read = {};
  for (const name of Object.keys(shape)) read[name] = row[name];
  return { id: read.id, progress: library().progressFromColumns(read) };
}

/**
 * Writes the learner's progress on one activity: an update of the row `id` when the caller has
 * just read it in the same transaction, otherwise an insert, or an update of the row of that
 * activity when there is one.
 */
function writeProgress(app, user, progress, id) {
  const columns = library().progressColumns(user, progress);
  const names = Object.keys(columns);
  const changing = names.filter((n) => n !== "user" && n !== "activity");
  const params = { id: id || $security.randomStringWithAlphabet(15, "abcdefghijklmnopqrstuvwxyz0123456789"), now: new Date().toISOString().replace("T", " ") };
  names.forEach((name, i) => (params["c" + i] = columns[name]));
  const quoted = (name) => "`" + name + "`";
  const value = (name) => "{:c" + names.indexOf(name) + "}";
  const sql = id
    ? `UPDATE progress SET ${changing.map((n) => `${quoted(n)} = ${value(n)}`).join(", ")}, updated = {:now} WHERE id = {:id}`
    : `INSERT INTO progress (id, ${names.map(quoted).join(", ")}, created, updated) VALUES ({:id}, ${names.map(value).join(", ")}, {:now}, {:now})
       ON CONFLICT (user, activity) DO UPDATE SET ${changing.map((n) => `${quoted(n)} = excluded.${quoted(n)}`).join(", ")}, updated = excluded.updated`;
  app.db().newQuery(sql).bind(params).execute();
}

/**
 * Folds an admitted statement into the learner's progress, and issues the certificates it
 * completes (progress.ts). Runs inside the transaction that stores the statement; reads and
 * writes the row directly (no record hooks are bound to progress, and this is the hot path).
 */
function applyToProgress(app, statement) {
  const lib = library();
  const activity = lib.progressActivity(statement);
  if (!activity) return;
  const stored = readProgress(app, statement.user, activity);
  const next = lib.applyStatement(stored ? stored.progress : null, statement, facts());
  if (!next) return;
  writeProgress(app, statement.user, next, stored ? stored.id : null);
  if (next.status === "passed") issueCertificates(app, statement.user);
}

/** Issues every certificate the learner is due (progress.ts certificatesDue). */
function issueCertificates(app, user) {
  const lib = library();
  const rows = app.findRecordsByFilter("progress", "user = {:user}", "", 0, 0, { user: user }).map((r) => lib.progressFromRecord(json(r)));
  const held = app.findRecordsByFilter("certificates", "user = {:user}", "", 0, 0, { user: user }).map((r) => r.getString("path"));
  const learner = app.findRecordById("users", user);
  const decision = lib.certificatesDue(facts().paths, rows, held, { verified: learner.getBool("verified") });
  for (const path of decision.issue) {
    const certificate = new Record(app.findCollectionByNameOrId("certificates"));
    certificate.set("user", user);
    certificate.set("path", path);
    certificate.set("code", lib.normaliseCertificateCode($security.randomStringWithAlphabet(lib.certificateCodeLength, lib.certificateAlphabet)));
    // the name at issue time is kept on the certificate
    certificate.set("learnerName", learner.getString("name"));
    certificate.set("issuedAt", new DateTime());
    app.save(certificate);
    app.logger().info("certificate issued", "user", user, "path", path);
  }
  for (const held of decision.withheld) app.logger().info("certificate withheld", "user", user, "path", held.path, "reason", held.reason);
}

/**
 * Rebuilds one learner's progress from their statements (progress.ts refold) and, unless it is a
 * dry run, writes it and issues any certificate it earns, in one transaction. Returns the differences.
 */
function refoldLearner(app, user, dryRun) {
  const lib = library();
  const statements = app.findRecordsByFilter("statements", "user = {:user}", "timestamp,id", 0, 0, { user: user }).map((r) => lib.statementFromRecord(json(r)));
  const stored = app.findRecordsByFilter("progress", "user = {:user}", "", 0, 0, { user: user });
  const result = lib.refold(statements, stored.map((r) => lib.progressFromRecord(json(r))), facts());
  if (dryRun || result.differences.length === 0) return result.differences;
  app.runInTransaction((txApp) => {
    for (const difference of result.differences) {
      if (difference.change === "removed") txApp.delete(stored.find((r) => r.getString("activity") === difference.activity));
      else writeProgress(txApp, user, result.rows.find((p) => p.activity === difference.activity));
    }
    issueCertificates(txApp, user);
  });
  return result.differences;
}

module.exports = { library, facts, fileFacts, forwarder, pathSteps, scenariosChanged, json, findFirst, findById, readEvidence, applyToProgress, issueCertificates, refoldLearner };
