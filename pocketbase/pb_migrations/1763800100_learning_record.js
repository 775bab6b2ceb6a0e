/// <reference path="../pb_data/types.d.ts" />
// The learning record: `statements` (what a learner did, xAPI-shaped, append-only, with a
// client-generated id so that a retry is a no-op) and `progress` (one row per learner and
// activity, written only by pb_hooks/learning_record.pb.js, never by a client).

// (constants live inside the callbacks: goja runs each migration callback on its own)
migrate((app) => {
  const LOCALES = ["en", "fr", "pt", "es", "sw", "ar"];
  const VERBS = ["experienced", "completed", "answered", "passed", "failed", "attempted", "progressed", "chose", "resumed"];
  // a learner's own records, those of learners assigned to a supervisor, and everything for admins
  const READ_RULE =
    'user = @request.auth.id || (@request.auth.id != "" && user.supervisor = @request.auth.id) || @request.auth.role = "admin"';

  const users = app.findCollectionByNameOrId("users");

  // Fields, rules and indexes are set after construction: Field objects given to the
  // Collection constructor are dropped without an error (and the rules naming them with them).
  const statements = new Collection({ type: "base", name: "statements" });
  [
      new RelationField({ name: "user", collectionId: users.id, maxSelect: 1, required: true, cascadeDelete: true }),
      new SelectField({ name: "verb", values: VERBS, maxSelect: 1, required: true }),
      new TextField({
        name: "object",
        required: true,
        max: 200,
        // e.g. module:children-on-the-move/section:who-they-are
        pattern: "^(module|scenario|path|quiz):[a-z0-9]+(-[a-z0-9]+)*(/[a-z]+:[a-z0-9]+(-[a-z0-9]+)*)*$",
      }),
      new JSONField({ name: "result", maxSize: 4000 }),
      new JSONField({ name: "context", maxSize: 4000 }),
      new SelectField({ name: "language", values: LOCALES, maxSelect: 1, required: true }),
      new DateField({ name: "timestamp", required: true }),
      new AutodateField({ name: "created", onCreate: true, onUpdate: false }),
  ].forEach((field) => statements.fields.add(field));
  statements.addIndex("idx_statements_user_object", false, "user, object", "");
  statements.addIndex("idx_statements_user_timestamp", false, "user, timestamp", "");
  statements.listRule = READ_RULE;
  statements.viewRule = READ_RULE;
  // a signed-in learner records statements about themselves only
  statements.createRule = '@request.auth.id != "" && @request.body.user = @request.auth.id';
  statements.updateRule = null; // append-only
  statements.deleteRule = null;
  app.save(statements);

  const progress = new Collection({ type: "base", name: "progress" });
  [
      new RelationField({ name: "user", collectionId: users.id, maxSelect: 1, required: true, cascadeDelete: true }),
      new TextField({ name: "activity", required: true, max: 200 }),
      new SelectField({ name: "activityType", values: ["module", "scenario", "quiz", "path"], maxSelect: 1, required: true }),
      new SelectField({ name: "status", values: ["in-progress", "completed", "passed", "failed"], maxSelect: 1, required: true }),
      new JSONField({ name: "completedSections", maxSize: 4000 }),
      new NumberField({ name: "totalSections", min: 0, onlyInt: true }),
      new NumberField({ name: "percent", min: 0, max: 100, onlyInt: true }),
      new NumberField({ name: "score", min: 0, max: 1 }),
      new SelectField({ name: "language", values: LOCALES, maxSelect: 1 }),
      new DateField({ name: "lastActivityAt" }),
      new AutodateField({ name: "created", onCreate: true, onUpdate: false }),
      new AutodateField({ name: "updated", onCreate: true, onUpdate: true }),
  ].forEach((field) => progress.fields.add(field));
  progress.addIndex("idx_progress_user_activity", true, "user, activity", "");
  progress.listRule = READ_RULE;
  progress.viewRule = READ_RULE;
  progress.createRule = null; // written by the server from statements only
  progress.updateRule = null;
  progress.deleteRule = null;
  app.save(progress);
}, (app) => {
  app.delete(app.findCollectionByNameOrId("progress"));
  app.delete(app.findCollectionByNameOrId("statements"));
});
