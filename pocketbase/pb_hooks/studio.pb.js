/// <reference path="../pb_data/types.d.ts" />
// The scenario studio's server side. Who may do what is in the collection rules
// (pb_migrations/1765100000_studio.js); what a draft, a submission or a review may be is decided
// by src/simulation/workflow.ts and document.ts (bundled). Published versions are immutable and
// reach learners at once: publishing bumps the scenario generation the statements hook reads.

// Every save of a draft, whoever makes it (a trainer's autosave, the review routes, a superuser),
// stores the draft's language coverage with it: the studio's list reads that, not the documents.
// Whatever a client sends for `coverage` is replaced.
onRecordCreate((e) => {
  e.record.set("coverage", require(`${__hooks}/lib/studio-store.js`).draftCoverage(e.app, e.record));
  e.next();
}, "scenario_drafts");

onRecordUpdate((e) => {
  e.record.set("coverage", require(`${__hooks}/lib/studio-store.js`).draftCoverage(e.app, e.record));
  e.next();
}, "scenario_drafts");

onRecordCreateRequest((e) => {
  e.record.set("status", "draft");
  e.record.set("revision", 1);
  e.record.set("editedBy", e.auth ? e.auth.id : "");
  e.next();
}, "scenario_drafts");

// A save says which revision it edits; if someone saved in between, it is refused with who and when.
onRecordUpdateRequest((e) => {
  const store = require(`${__hooks}/lib/learning-store.js`);
  const lib = store.library();
  const sent = (e.requestInfo().body || {}).revision;
  e.app.runInTransaction((txApp) => {
    const fresh = txApp.findRecordById("scenario_drafts", e.record.id);
    const editor = store.findFirst(txApp, "users", "id = {:id}", { id: fresh.getString("editedBy") });
    const conflict = lib.saveConflict(
      { revision: fresh.getInt("revision"), editedByName: editor ? editor.getString("name") : "", updated: store.json(fresh).updated },
      sent,
    );
    if (conflict && conflict.status === 409) throw new ApiError(409, conflict.reason, { revision: new ValidationError("validation_conflict", conflict.reason) });
    if (conflict) throw new BadRequestError(conflict.reason, { revision: new ValidationError("validation_required", conflict.reason) });
    e.app = txApp;
    e.record.set("revision", fresh.getInt("revision") + 1);
    e.record.set("editedBy", e.auth.id);
    e.record.set("status", lib.statusAfterEdit(fresh.getString("status")));
    e.next();
  });
}, "scenario_drafts");

routerAdd("POST", "/api/continuum/studio/drafts/{id}/submit", (e) => {
  const studio = require(`${__hooks}/lib/studio-store.js`);
  studio.requireTrainer(e);
  const draft = e.app.findRecordById("scenario_drafts", e.request.pathValue("id"));
  const lib = studio.library();
  const problems = studio.documentProblems(draft);
  const refused = studio.refusal(lib.submitProblem({ status: draft.getString("status") }, problems), problems);
  if (refused) return e.json(refused.status, refused.body);
  draft.set("status", "in-review");
  draft.set("submittedBy", e.auth.id);
  draft.set("reviewComment", "");
  e.app.save(draft);
  studio.logReview(e.app, draft.getString("scenario"), draft.getInt("baseVersion"), e.auth.id, "submitted", "");
  return e.json(200, studio.draftView(draft));
}, $apis.requireAuth("users"));

routerAdd("POST", "/api/continuum/studio/drafts/{id}/review", (e) => {
  const studio = require(`${__hooks}/lib/studio-store.js`);
  studio.requireTrainer(e);
  const lib = studio.library();
  const body = e.requestInfo().body || {};
  const draft = e.app.findRecordById("scenario_drafts", e.request.pathValue("id"));
  const notYours = studio.refusal(lib.reviewProblem({ status: draft.getString("status"), submittedBy: draft.getString("submittedBy") }, { id: e.auth.id, role: e.auth.getString("role") }));
  if (notYours) return e.json(notYours.status, notYours.body);
  const comment = String(body.comment || "").slice(0, 2000);
  if (body.decision === "changes") {
    if (!comment.trim()) throw new BadRequestError("Say what should change.", { comment: new ValidationError("validation_required", "a comment is required to send a draft back") });
    draft.set("status", "changes-requested");
    draft.set("reviewComment", comment);
    e.app.save(draft);
    studio.logReview(e.app, draft.getString("scenario"), draft.getInt("baseVersion"), e.auth.id, "changes-requested", comment);
    return e.json(200, studio.draftView(draft));
  }
  if (body.decision !== "approve") throw new BadRequestError("decision must be approve or changes.");
  const problems = studio.documentProblems(draft);
  const broken = studio.refusal(problems.length ? { status: 400, reason: "the checks find problems in this draft" } : null, problems);
  if (broken) return e.json(broken.status, broken.body);
  const version = studio.publish(e.app, {
    scenario: draft.getString("scenario"),
    document: studio.json(draft).document,
    author: draft.getString("submittedBy"),
    approvedBy: e.auth.id,
    basedOn: draft.getInt("baseVersion"),
    comment: comment,
  });
  draft.set("status", "published");
  draft.set("baseVersion", version);
  e.app.save(draft);
  studio.logReview(e.app, draft.getString("scenario"), version, e.auth.id, "approved", comment);
  return e.json(200, Object.assign(studio.draftView(draft), { published: version }));
}, $apis.requireAuth("users"));

// Rolling back publishes an earlier version again, as a new version (history is never rewritten).
routerAdd("POST", "/api/continuum/studio/scenarios/{scenario}/rollback", (e) => {
  const studio = require(`${__hooks}/lib/studio-store.js`);
  studio.requireTrainer(e);
  const body = e.requestInfo().body || {};
  const scenario = e.request.pathValue("scenario");
  let earlier = null;
  try {
    earlier = e.app.findFirstRecordByFilter("scenario_versions", "scenario = {:s} && version = {:v}", { s: scenario, v: Number(body.version) });
  } catch (_) {
    throw new NotFoundError(`Scenario "${scenario}" has no published version ${body.version}.`);
  }
  const comment = String(body.comment || "").slice(0, 2000);
  const version = studio.publish(e.app, {
    scenario: scenario,
    document: studio.json(earlier).document,
    author: earlier.getString("author"),
    approvedBy: e.auth.id,
    basedOn: earlier.getInt("version"),
    comment: comment || `rolled back to version ${earlier.getInt("version")}`,
  });
  studio.logReview(e.app, scenario, version, e.auth.id, "rolled-back", comment);
  return e.json(200, { scenario: scenario, published: version, basedOn: earlier.getInt("version") });
}, $apis.requireAuth("users"));

// What learners can play that the site was not built with: the latest published version of each.
routerAdd("GET", "/api/continuum/scenarios", (e) => {
  const studio = require(`${__hooks}/lib/studio-store.js`);
  e.response.header().set("Cache-Control", "no-cache");
  return e.json(200, { items: studio.latestPublished(e.app) });
});

routerAdd("GET", "/api/continuum/scenarios/{scenario}", (e) => {
  const studio = require(`${__hooks}/lib/studio-store.js`);
  const version = e.request.url.query().get("version");
  const lang = e.request.url.query().get("lang");
  const found = studio.publishedVersion(e.app, e.request.pathValue("scenario"), version ? Number(version) : null, lang);
  if (!found) throw new NotFoundError("No published version of this scenario.");
  e.response.header().set("Cache-Control", "no-cache");
  return e.json(200, found);
});
