/// <reference path="../pb_data/types.d.ts" />
// Onboarding and supervision:
// - `assignments`: a path given to a learner, with a due date, by their supervisor (or an admin).
// - `certificates`: issued by the server (pb_hooks/statements.pb.js) when every step of a path
//   is passed; never created or changed by a learner. Admins may only revoke one.
// - rate limits on sign-in, sign-up and certificate verification;
// - indexes for what the cohort dashboard asks.
migrate((app) => {
  const users = app.findCollectionByNameOrId("users");
  // a name is printed on certificates (and shown to supervisors): every account needs one
  users.fields.getByName("name").required = true;
  app.save(users);
  // the learner themselves, their supervisor, or an admin
  const linked = (field) =>
    `${field} = @request.auth.id || (@request.auth.id != "" && ${field}.supervisor = @request.auth.id) || @request.auth.role = "admin"`;

  const assignments = new Collection({ type: "base", name: "assignments" });
  [
    new RelationField({ name: "learner", collectionId: users.id, maxSelect: 1, required: true, cascadeDelete: true }),
    new TextField({ name: "path", required: true, max: 100, pattern: "^[a-z0-9]+(-[a-z0-9]+)*$" }),
    new DateField({ name: "dueDate" }),
    // not required: the assignment stays when the supervisor who made it leaves
    new RelationField({ name: "assignedBy", collectionId: users.id, maxSelect: 1, required: false, cascadeDelete: false }),
    new AutodateField({ name: "created", onCreate: true, onUpdate: false }),
    new AutodateField({ name: "updated", onCreate: true, onUpdate: true }),
  ].forEach((field) => assignments.fields.add(field));
  assignments.addIndex("idx_assignments_learner_path", true, "learner, path", "");
  assignments.listRule = linked("learner");
  assignments.viewRule = linked("learner");
  // a supervisor assigns to the learners linked to them, an admin to anyone; always in their own name
  assignments.createRule =
    '@request.auth.id != "" && @request.body.assignedBy = @request.auth.id && ' +
    '(@request.body.learner.supervisor = @request.auth.id || @request.auth.role = "admin")';
  // the due date may change; who it is for and who assigned it may not
  assignments.updateRule =
    '@request.auth.id != "" && (learner.supervisor = @request.auth.id || @request.auth.role = "admin") && ' +
    '@request.body.learner:isset = false && @request.body.assignedBy:isset = false && @request.body.path:isset = false';
  assignments.deleteRule = '@request.auth.id != "" && (learner.supervisor = @request.auth.id || @request.auth.role = "admin")';
  app.save(assignments);

  const certificates = new Collection({ type: "base", name: "certificates" });
  [
    new RelationField({ name: "user", collectionId: users.id, maxSelect: 1, required: true, cascadeDelete: true }),
    new TextField({ name: "path", required: true, max: 100 }),
    new TextField({ name: "code", required: true, min: 14, max: 14, pattern: "^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$" }),
    new TextField({ name: "learnerName", max: 200 }),
    new DateField({ name: "issuedAt", required: true }),
    new BoolField({ name: "revoked" }),
    new AutodateField({ name: "created", onCreate: true, onUpdate: false }),
    new AutodateField({ name: "updated", onCreate: true, onUpdate: true }),
  ].forEach((field) => certificates.fields.add(field));
  certificates.addIndex("idx_certificates_code", true, "code", "");
  certificates.addIndex("idx_certificates_user_path", true, "user, path", "");
  certificates.listRule = linked("user");
  certificates.viewRule = linked("user");
  certificates.createRule = null; // issued by the server only
  certificates.updateRule =
    '@request.auth.role = "admin" && @request.body.user:isset = false && @request.body.path:isset = false && ' +
    '@request.body.code:isset = false && @request.body.issuedAt:isset = false && @request.body.learnerName:isset = false';
  certificates.deleteRule = null;
  app.save(certificates);

  // the dashboard reads progress and statements of a supervisor's learners
  const progress = app.findCollectionByNameOrId("progress");
  progress.addIndex("idx_progress_activity_status", false, "activity, status", "");
  app.save(progress);
  const statements = app.findCollectionByNameOrId("statements");
  statements.addIndex("idx_statements_object", false, "object", "");
  app.save(statements);

  // Rate limits per client address (PocketBase's RealIP: behind a reverse proxy, set the
  // trusted proxy headers in the admin UI, Settings > Application, or everyone shares one
  // address). Sign-in lets a classroom behind one address sign in together, but not a
  // password-guessing run; creates are capped well above what an outbox sends after a week
  // offline (a 429 is simply retried later); these rules replace PocketBase's defaults.
  const settings = app.settings();
  settings.rateLimits.enabled = true;
  settings.rateLimits.rules = [
    { label: "_superusers:auth", maxRequests: 10, duration: 60, audience: "" },
    { label: "*:auth", maxRequests: 30, duration: 60, audience: "" },
    { label: "users:create", maxRequests: 30, duration: 60, audience: "" },
    { label: "*:requestPasswordReset", maxRequests: 5, duration: 60, audience: "" },
    { label: "*:create", maxRequests: 600, duration: 60, audience: "" },
    { label: "/api/continuum/certificates/", maxRequests: 30, duration: 60, audience: "" },
    { label: "/api/", maxRequests: 3000, duration: 60, audience: "" },
  ];
  app.save(settings);
}, (app) => {
  const users = app.findCollectionByNameOrId("users");
  users.fields.getByName("name").required = false;
  app.save(users);
  app.delete(app.findCollectionByNameOrId("certificates"));
  app.delete(app.findCollectionByNameOrId("assignments"));
  const progress = app.findCollectionByNameOrId("progress");
  progress.removeIndex("idx_progress_activity_status");
  app.save(progress);
  const statements = app.findCollectionByNameOrId("statements");
  statements.removeIndex("idx_statements_object");
  app.save(statements);
  const settings = app.settings();
  settings.rateLimits.enabled = false;
  app.save(settings);
});
