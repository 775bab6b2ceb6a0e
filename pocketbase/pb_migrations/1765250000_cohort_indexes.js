/// <reference path="../pb_data/types.d.ts" />
// Indexes for the supervisor's dashboard at country scale (pb_hooks/lib/cohort-store.js):
// - users (supervisor, name without case): the first page by name reads 50 rows in order
//   instead of sorting every linked learner;
// - progress (user, status, activity): counting a learner's passed steps (sort by progress,
//   overdue, each page's rows, each step's count) is read from the index alone;
// - assignments (path, dueDate): overdue starts from the path's assignments past their date.
migrate((app) => {
  const users = app.findCollectionByNameOrId("users");
  users.indexes.push("CREATE INDEX `idx_users_supervisor_name` ON `users` (`supervisor`, `name` COLLATE NOCASE)");
  app.save(users);
  const progress = app.findCollectionByNameOrId("progress");
  progress.addIndex("idx_progress_user_status_activity", false, "user, status, activity", "");
  app.save(progress);
  const assignments = app.findCollectionByNameOrId("assignments");
  assignments.addIndex("idx_assignments_path_due", false, "path, dueDate", "");
  app.save(assignments);
}, (app) => {
  const assignments = app.findCollectionByNameOrId("assignments");
  assignments.removeIndex("idx_assignments_path_due");
  app.save(assignments);
  const users = app.findCollectionByNameOrId("users");
  users.removeIndex("idx_users_supervisor_name");
  app.save(users);
  const progress = app.findCollectionByNameOrId("progress");
  progress.removeIndex("idx_progress_user_status_activity");
  app.save(progress);
});
