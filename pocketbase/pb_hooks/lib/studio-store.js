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

/** Throws a workflow problem (workflow.ts) as the matching API error, with the check problems if any. */
function refuse(problem, problems) {
  if (!problem) return;
  const data = { problems: problems || [] };
  if (problem.status === 403) throw new ForbiddenError(problem.reason, data);
  if (problem.status === 409) throw new ApiError(409, problem.reason, data);
  throw new BadRequestError(problem.reason, data);
}

/** The checks of a draft's document, as check:scenarios would report them. */
function documentProblems(draft) {
  const facts = learning().facts();
  return require(`${__hooks}/_generated/studio-library.cjs`).documentProblems(json(draft).document, Object.keys(facts.modules));
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
  const published = app.findRecordsByFilter("scenario_versions", "scenario = {:s}", "-version", 0, 0, { s: args.scenario }).map((r) => r.getInt("version"));
  const builtIn = learning().fileFacts().scenarios[args.scenario];
  const version = lib.nextVersion(published, builtIn ? builtIn.latest : 0);
  const record = new Record(app.findCollectionByNameOrId("scenario_versions"));
  record.set("scenario", args.scenario);
  record.set("version", version);
  record.set("document", lib.withVersion(args.document, version));
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

/** One published version (the latest when none is named), with its document. */
function publishedVersion(app, scenario, version) {
  try {
    const filter = version ? "scenario = {:s} && version = {:v}" : "scenario = {:s}";
    const r = app.findRecordsByFilter("scenario_versions", filter, "-version", 1, 0, { s: scenario, v: version || 0 })[0];
    return r ? json(r) : null;
  } catch (_) {
    return null;
  }
}

module.exports = { library, json, requireTrainer, refuse, documentProblems, logReview, publish, draftView, latestPublished, publishedVersion };
