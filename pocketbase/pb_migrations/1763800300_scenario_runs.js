/// <reference path="../pb_data/types.d.ts" />
// Scenario runs: where a learner is in a case simulation (the persisted XState snapshot and the
// scenario version it belongs to), so they can leave and resume on another device.
// One row per learner and scenario; only the learner reads or writes it.
migrate((app) => {
  const users = app.findCollectionByNameOrId("users");
  const runs = new Collection({ type: "base", name: "scenario_runs" });
  [
    new RelationField({ name: "user", collectionId: users.id, maxSelect: 1, required: true, cascadeDelete: true }),
    new TextField({ name: "scenario", required: true, max: 100, pattern: "^[a-z0-9]+(-[a-z0-9]+)*$" }),
    new NumberField({ name: "version", required: true, min: 1, onlyInt: true }),
    new JSONField({ name: "snapshot", required: true, maxSize: 200000 }),
    new SelectField({ name: "language", values: ["en", "fr", "pt", "es", "sw", "ar"], maxSelect: 1 }),
    new AutodateField({ name: "created", onCreate: true, onUpdate: false }),
    new AutodateField({ name: "updated", onCreate: true, onUpdate: true }),
  ].forEach((field) => runs.fields.add(field));
  runs.addIndex("idx_scenario_runs_user_scenario", true, "user, scenario", "");
  runs.listRule = "user = @request.auth.id";
  runs.viewRule = "user = @request.auth.id";
  runs.createRule = '@request.auth.id != "" && @request.body.user = @request.auth.id';
  runs.updateRule = "user = @request.auth.id && (@request.body.user:isset = false || @request.body.user = @request.auth.id)";
  runs.deleteRule = "user = @request.auth.id";
  app.save(runs);
}, (app) => {
  app.delete(app.findCollectionByNameOrId("scenario_runs"));
});
