/// <reference path="../pb_data/types.d.ts" />
// The learning record's stricter rules (src/learning-record/activities.ts and runs.ts):
// - a statement's object is exactly one of the activity shapes the platform knows, with at
//   most one part (the pattern is statementObjectPattern; a unit test holds them together);
// - `clockSkew`: seconds a device's clock ran ahead when it sent the statement (flagged, not refused);
// - a saved case-simulation run is at most 32 KB (a real run is far smaller).
migrate((app) => {
  const OBJECT_PATTERN = "^(module:[a-z0-9]+(?:-[a-z0-9]+)*(/(section|question):[a-z0-9]+(?:-[a-z0-9]+)*|/quiz:knowledge-check)?|scenario:[a-z0-9]+(?:-[a-z0-9]+)*(/choice:[a-z0-9]+(?:-[a-z0-9]+)*)?)$";
  const statements = app.findCollectionByNameOrId("statements");
  statements.fields.getByName("object").pattern = OBJECT_PATTERN;
  statements.fields.add(new NumberField({ name: "clockSkew", onlyInt: true }));
  app.save(statements);

  const runs = app.findCollectionByNameOrId("scenario_runs");
  runs.fields.getByName("snapshot").maxSize = 32000;
  app.save(runs);
}, (app) => {
  const statements = app.findCollectionByNameOrId("statements");
  statements.fields.getByName("object").pattern = "^(module|scenario|path|quiz):[a-z0-9]+(-[a-z0-9]+)*(/[a-z]+:[a-z0-9]+(-[a-z0-9]+)*)*$";
  statements.fields.removeByName("clockSkew");
  app.save(statements);
  const runs = app.findCollectionByNameOrId("scenario_runs");
  runs.fields.getByName("snapshot").maxSize = 200000;
  app.save(runs);
});
