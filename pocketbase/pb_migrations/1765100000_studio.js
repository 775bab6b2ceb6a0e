/// <reference path="../pb_data/types.d.ts" />
// The scenario studio (issue 9):
// - `scenario_drafts`: a trainer's work on one scenario (one draft per scenario id), saved as
//   they type; `revision` makes two people editing at once be told instead of overwriting
//   (pb_hooks/studio.pb.js). Trainers and admins only.
// - `scenario_versions`: published versions, immutable, public (learners and guests play them);
//   written only by the server when a second trainer or an admin approves a draft, or rolls back.
// - `scenario_reviews`: who submitted, approved, sent back or rolled back what, with comments.
migrate((app) => {
  const users = app.findCollectionByNameOrId("users");
  const TRAINERS = '(@request.auth.role = "trainer" || @request.auth.role = "admin")';
  const SLUG = "^[a-z0-9]+(-[a-z0-9]+)*$";
  const WORKFLOW_FIELDS_UNSET =
    "@request.body.status:isset = false && @request.body.submittedBy:isset = false && " +
    "@request.body.reviewComment:isset = false && @request.body.editedBy:isset = false";

  const drafts = new Collection({ type: "base", name: "scenario_drafts" });
  [
    new TextField({ name: "scenario", required: true, max: 100, pattern: SLUG }),
    new TextField({ name: "title", max: 200 }),
    new JSONField({ name: "document", required: true, maxSize: 2000000 }),
    new NumberField({ name: "baseVersion", min: 0, onlyInt: true }),
    new SelectField({ name: "status", values: ["draft", "in-review", "changes-requested", "published"], maxSelect: 1 }),
    new NumberField({ name: "revision", min: 0, onlyInt: true }),
    new RelationField({ name: "editedBy", collectionId: users.id, maxSelect: 1 }),
    new RelationField({ name: "submittedBy", collectionId: users.id, maxSelect: 1 }),
    new TextField({ name: "reviewComment", max: 2000 }),
    new AutodateField({ name: "created", onCreate: true, onUpdate: false }),
    new AutodateField({ name: "updated", onCreate: true, onUpdate: true }),
  ].forEach((field) => drafts.fields.add(field));
  drafts.addIndex("idx_scenario_drafts_scenario", true, "scenario", "");
  drafts.listRule = TRAINERS;
  drafts.viewRule = TRAINERS;
  drafts.createRule = `${TRAINERS} && ${WORKFLOW_FIELDS_UNSET}`;
  drafts.updateRule = `${TRAINERS} && ${WORKFLOW_FIELDS_UNSET} && @request.body.scenario:isset = false && @request.body.baseVersion:isset = false`;
  drafts.deleteRule = `${TRAINERS} && status != "in-review"`;
  app.save(drafts);

  const versions = new Collection({ type: "base", name: "scenario_versions" });
  [
    new TextField({ name: "scenario", required: true, max: 100, pattern: SLUG }),
    new NumberField({ name: "version", required: true, min: 1, onlyInt: true }),
    new JSONField({ name: "document", required: true, maxSize: 2000000 }),
    new RelationField({ name: "author", collectionId: users.id, maxSelect: 1 }),
    new RelationField({ name: "approvedBy", collectionId: users.id, maxSelect: 1 }),
    new NumberField({ name: "basedOn", min: 0, onlyInt: true }),
    // what the player needs in each language (texts as safe HTML, recommended path), made at publishing
    new JSONField({ name: "player", maxSize: 4000000 }),
    new TextField({ name: "comment", max: 2000 }),
    new AutodateField({ name: "created", onCreate: true, onUpdate: false }),
  ].forEach((field) => versions.fields.add(field));
  versions.addIndex("idx_scenario_versions_scenario_version", true, "scenario, version", "");
  versions.listRule = ""; // published content: anyone may play it
  versions.viewRule = "";
  versions.createRule = null; // approval and rollback go through pb_hooks/studio.pb.js
  versions.updateRule = null;
  versions.deleteRule = null;
  app.save(versions);

  const reviews = new Collection({ type: "base", name: "scenario_reviews" });
  [
    new TextField({ name: "scenario", required: true, max: 100, pattern: SLUG }),
    new NumberField({ name: "version", min: 0, onlyInt: true }),
    new RelationField({ name: "by", collectionId: users.id, maxSelect: 1 }),
    new SelectField({ name: "decision", values: ["submitted", "approved", "changes-requested", "rolled-back"], maxSelect: 1, required: true }),
    new TextField({ name: "comment", max: 2000 }),
    new AutodateField({ name: "created", onCreate: true, onUpdate: false }),
  ].forEach((field) => reviews.fields.add(field));
  reviews.addIndex("idx_scenario_reviews_scenario", false, "scenario, created", "");
  reviews.listRule = TRAINERS;
  reviews.viewRule = TRAINERS;
  reviews.createRule = null;
  reviews.updateRule = null;
  reviews.deleteRule = null;
  app.save(reviews);
}, (app) => {
  for (const name of ["scenario_reviews", "scenario_versions", "scenario_drafts"]) app.delete(app.findCollectionByNameOrId(name));
});
