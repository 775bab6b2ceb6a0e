/// <reference path="../pb_data/types.d.ts" />
// Steps added to onboarding paths at run time (issue 9): a trainer or an admin puts a case
// simulation published in the studio into an existing path, after a step they choose ("" for the
// start), and learners, certificates, the cohort dashboard and assignments have it at once
// (src/learning-record/path-steps.ts mergePathSteps; pb_hooks/path_steps.pb.js).
// - Trainers and admins list, add and remove them; the hook checks the path, the scenario and
//   the place, and sets `addedBy`. Nobody changes one: remove it and add it again.
// - Learners and guests do not read the collection (it names who added what); they get the
//   merged paths from GET /api/continuum/path-steps, which names nobody.
migrate((app) => {
  const users = app.findCollectionByNameOrId("users");
  const TRAINERS = '(@request.auth.role = "trainer" || @request.auth.role = "admin")';
  const SLUG = "^[a-z0-9]+(-[a-z0-9]+)*$";

  const steps = new Collection({ type: "base", name: "path_steps" });
  [
    new TextField({ name: "path", required: true, max: 100, pattern: SLUG }),
    new TextField({ name: "scenario", required: true, max: 100, pattern: SLUG }),
    // the activity id of the step it follows, or empty for the start of the path
    new TextField({ name: "after", max: 120, pattern: "^((module|scenario):[a-z0-9]+(-[a-z0-9]+)*)?$" }),
    new RelationField({ name: "addedBy", collectionId: users.id, maxSelect: 1 }),
    new AutodateField({ name: "created", onCreate: true, onUpdate: false }),
    new AutodateField({ name: "updated", onCreate: true, onUpdate: true }),
  ].forEach((field) => steps.fields.add(field));
  steps.addIndex("idx_path_steps_path_scenario", true, "path, scenario", "");
  steps.listRule = TRAINERS;
  steps.viewRule = TRAINERS;
  steps.createRule = `${TRAINERS} && @request.body.addedBy:isset = false`;
  steps.updateRule = null; // the server moves the steps that followed a removed one (pb_hooks/path_steps.pb.js)
  steps.deleteRule = TRAINERS;
  app.save(steps);
}, (app) => {
  app.delete(app.findCollectionByNameOrId("path_steps"));
});
