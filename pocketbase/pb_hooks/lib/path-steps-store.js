// Reads and writes of the steps added to paths (pb_hooks/path_steps.pb.js; required, not a hook).
// Where a step goes and what may be added is decided by src/learning-record/path-steps.ts
// (bundled); this file moves records in and out of the database.

const learning = () => require(`${__hooks}/lib/learning-store.js`);
const library = () => learning().library();

/** The step a request adds, as path-steps.ts reads it. */
function additionOf(record) {
  return { id: record.id, path: record.getString("path"), scenario: record.getString("scenario"), after: record.getString("after") };
}

/** Refuses a step that cannot be added (unknown path, scenario not published, already there, unknown place), naming the field. */
function check(app, record) {
  const addition = additionOf(record);
  const published = learning().findFirst(app, "scenario_versions", "scenario = {:s}", { s: addition.scenario }) ? [addition.scenario] : [];
  const problem = library().pathStepProblem(learning().facts().paths, addition, published);
  if (problem) throw new BadRequestError(problem.reason, { [problem.field]: new ValidationError(`validation_${problem.code}`, problem.reason) });
}

/** The steps that followed a removed one follow what it followed (path-steps.ts reanchored). */
function reanchor(app, record) {
  for (const change of library().reanchored(learning().pathSteps(app), additionOf(record))) {
    const follower = app.findRecordById("path_steps", change.id);
    follower.set("after", change.after);
    app.save(follower);
  }
}

/**
 * After a step is removed from a path, learners who have now passed every step of it get their
 * certificate at once (they might never record anything again). Certificates held stay held.
 */
function certifyPath(app, pathId) {
  const path = learning().facts().paths.find((p) => p.id === pathId);
  if (!path || path.steps.length === 0) return;
  const params = { path: path.id, count: path.steps.length };
  path.steps.forEach((step, i) => (params["s" + i] = step));
  const users = arrayOf(new DynamicModel({ user: "" }));
  app.db()
    .newQuery(
      `SELECT p.user AS user FROM progress p
       WHERE p.status = 'passed' AND p.activity IN (${path.steps.map((_, i) => "{:s" + i + "}").join(", ")})
         AND p.user NOT IN (SELECT c.user FROM certificates c WHERE c.path = {:path})
       GROUP BY p.user HAVING COUNT(*) = {:count}`,
    )
    .bind(params)
    .all(users);
  for (const row of users) learning().issueCertificates(app, row.user);
}

/**
 * An added case simulation as its latest published version describes it: its titles and minutes,
 * and whether the site was built with it; null when it has no published version.
 */
function describeAdded(app, scenario) {
  const latest = app.findRecordsByFilter("scenario_versions", "scenario = {:s}", "-version", 1, 0, { s: scenario })[0];
  if (!latest) return null;
  const lib = library();
  const summary = lib.publishedSummary(learning().json(latest));
  return { titles: summary.titles, minutes: summary.minutes, builtIn: !!lib.own(learning().fileFacts().scenarios, scenario) };
}

// the answer of GET /api/continuum/path-steps, kept per runtime until the generation changes
let cached = { generation: null, body: null };

/**
 * What learners' pages need (public, no personal data): the paths whose steps differ from the
 * site's, and each added case simulation's titles, minutes and whether the site was built with it.
 */
function served(app) {
  const generation = String(app.store().get("scenario-generation") || "0");
  if (cached.generation === generation) return cached.body;
  const lib = library();
  const site = learning().fileFacts();
  const paths = lib.changedPaths(site.paths, learning().facts().paths);
  const scenarios = {};
  for (const id of Object.keys(paths)) {
    const own = (site.paths.find((p) => p.id === id) || { steps: [] }).steps;
    for (const activity of paths[id]) {
      const parsed = lib.parseActivity(activity);
      if (!parsed || parsed.kind !== "scenario" || own.indexOf(activity) >= 0 || scenarios[parsed.slug]) continue;
      const described = describeAdded(app, parsed.slug);
      if (described) scenarios[parsed.slug] = described;
    }
  }
  cached = { generation: generation, body: { paths: paths, scenarios: scenarios } };
  return cached.body;
}

/** Each added case simulation's title in one language (the cohort CSV's column names). */
function addedTitles(app, lang) {
  const titles = {};
  const described = served(app).scenarios;
  for (const id of Object.keys(described)) titles["scenario:" + id] = described[id].titles[lang] || described[id].titles.en || id;
  return titles;
}

/**
 * A path's Open Badges achievement as it was when a certificate was issued at `issuedAt`: with
 * the case simulations added to the path by then (open-badges.ts withAddedSteps).
 */
function achievementAt(app, pathId, achievement, issuedAt) {
  const additions = app.findRecordsByFilter("path_steps", "path = {:path} && created <= {:issued}", "created,id", 0, 0, { path: pathId, issued: issuedAt })
    .map(additionOf);
  if (additions.length === 0) return achievement;
  const published = {};
  for (const addition of additions) {
    const described = describeAdded(app, addition.scenario);
    if (described) published[addition.scenario] = { title: described.titles.en || addition.scenario, builtIn: described.builtIn };
  }
  return library().withAddedSteps(pathId, achievement, additions, published);
}

module.exports = { check, reanchor, certifyPath, served, addedTitles, achievementAt };
