// Reads and writes of the scenario studio, shared by pb_hooks/studio.pb.js (required, not a hook).
// Decisions are the bundled TypeScript's (src/simulation/workflow.ts, document.ts).

const learning = () => require(`${__hooks}/lib/learning-store.js`);
const library = () => learning().library();
const json = (record) => JSON.parse(JSON.stringify(record));

/** Trainers and admins only (the routes; the collections have their own rules). */
function requireTrainer(e) {
  const role = e.auth ? e.auth.getString("role") : "";
  if (role !== "trainer" && role !== "admin") throw new ForbiddenError("Only trainers and admins use the scenario studio.");
}

/**
 * A workflow problem (workflow.ts) as an API answer, with the check problems listed in
 * `problems` (file, where, reason, fix), or null when there is none.
 */
function refusal(problem, problems) {
  if (!problem) return null;
  return { status: problem.status, body: { status: problem.status, message: problem.reason, data: {}, problems: problems || [] } };
}

/** The checks of a draft's document, as check:scenarios would report them. */
function documentProblems(draft) {
  const facts = learning().facts();
  return require(`${__hooks}/_generated/studio-library.cjs`).documentProblems(json(draft).document, Object.keys(facts.modules));
}

/**
 * A draft's language coverage (src/simulation/coverage.ts languageCoverage, bundled), stored with
 * it so that the studio's list needs no documents; null, with a warning in the log, when it
 * cannot be worked out (the save goes on: the list then says to open the draft).
 */
function draftCoverage(app, draft) {
  try {
    return require(`${__hooks}/_generated/studio-library.cjs`).languageCoverage(json(draft).document);
  } catch (error) {
    app.logger().warn("draft coverage not worked out", "scenario", draft.getString("scenario"), "error", String(error));
    return null;
  }
}

function logReview(app, scenario, version, by, decision, comment) {
  const review = new Record(app.findCollectionByNameOrId("scenario_reviews"));
  review.set("scenario", scenario);
  review.set("version", version || 0);
  review.set("by", by);
  review.set("decision", decision);
  review.set("comment", comment || "");
  app.save(review);
}

/** Publishes a document as the next version of its scenario; learners get it at once. */
function publish(app, args) {
  const lib = library();
  const checks = require(`${__hooks}/_generated/studio-library.cjs`);
  const published = app.findRecordsByFilter("scenario_versions", "scenario = {:s}", "-version", 0, 0, { s: args.scenario }).map((r) => r.getInt("version"));
  const builtIn = learning().fileFacts().scenarios[args.scenario];
  const version = lib.nextVersion(published, builtIn ? builtIn.latest : 0);
  const record = new Record(app.findCollectionByNameOrId("scenario_versions"));
  record.set("scenario", args.scenario);
  record.set("version", version);
  const ready = checks.publishable(lib.withVersion(args.document, version), ["en"]);
  if (!ready) throw new BadRequestError("The checks find problems in this version; it cannot be published.");
  record.set("document", ready.document);
  record.set("player", ready.player);
  record.set("author", args.author || "");
  record.set("approvedBy", args.approvedBy);
  record.set("basedOn", args.basedOn || 0);
  record.set("comment", args.comment || "");
  app.save(record);
  learning().scenariosChanged();
  app.logger().info("scenario published", "scenario", args.scenario, "version", version, "approvedBy", args.approvedBy);
  return version;
}

function draftView(draft) {
  const view = json(draft);
  delete view.document;
  return view;
}

/** The latest published version of each scenario, for the listing (titles in every language). */
function latestPublished(app) {
  const latest = {};
  for (const r of app.findRecordsByFilter("scenario_versions", "id != ''", "scenario,-version", 0, 0)) {
    const scenario = r.getString("scenario");
    if (!latest[scenario]) latest[scenario] = json(r);
  }
  return Object.keys(latest).map((id) => library().publishedSummary(latest[id]));
}

/**
 * One published version (the latest when none is named): with `lang`, what the player needs in
 * that language; without, the whole record (document and player data in every language).
 */
function publishedVersion(app, scenario, version, lang) {
  let r = null;
  try {
    const filter = version ? "scenario = {:s} && version = {:v}" : "scenario = {:s}";
    r = app.findRecordsByFilter("scenario_versions", filter, "-version", 1, 0, { s: scenario, v: version || 0 })[0];
  } catch (_) {
    r = null;
  }
  if (!r) return null;
  const record = json(r);
  if (!lang) return record;
  const checks = require(`${__hooks}/_generated/studio-library.cjs`);
  if (checks.locales.indexOf(lang) < 0) lang = "en";
  const player = record.player || {};
  if (!Object.prototype.hasOwnProperty.call(player, lang)) {
    // made when a learner first asks for this language, then kept with the version
    player[lang] = checks.publishedPlayerData(record.document, lang);
    r.set("player", player);
    app.save(r);
  }
  return { scenario: record.scenario, version: record.version, published: record.created, data: player[lang] };
}

module.exports = { library, json, requireTrainer, refusal, documentProblems, draftCoverage, logReview, publish, draftView, latestPublished, publishedVersion };
