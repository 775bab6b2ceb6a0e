/// <reference path="../pb_data/types.d.ts" />
// Progress remembers whether a module's knowledge check was passed (a module is "passed" when
// every section is done and the check is passed at 80% or more).
migrate((app) => {
  const progress = app.findCollectionByNameOrId("progress");
  progress.fields.add(new BoolField({ name: "checkPassed" }));
  app.save(progress);
}, (app) => {
  const progress = app.findCollectionByNameOrId("progress");
  progress.fields.removeByName("checkPassed");
  app.save(progress);
});
