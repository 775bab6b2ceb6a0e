/// <reference path="../pb_data/types.d.ts" />
// Forwarding to an external Learning Record Store (xAPI), set by an admin:
// - `lrs_settings`: one row (id "lrsforwarding00"): the endpoint, key and secret, whether it is
//   on, and the forwarder's state (sent so far, failures in a row, next attempt, last error,
//   the lease that keeps two forwarders from running at once). Superusers only: the secret never
//   leaves the server; admins use the routes of pb_hooks/lrs.pb.js.
// - `lrs_queue`: the statements waiting to be forwarded, in order (`seq`), written in the same
//   transaction as the statement (so a statement stored is a statement queued, even across a
//   crash), removed once the LRS has it; `refused` ones (the LRS said 400) are kept aside.
//   Superusers only. Deleting a statement (with its account) removes its queue entry.
migrate((app) => {
  const statements = app.findCollectionByNameOrId("statements");

  const settings = new Collection({ type: "base", name: "lrs_settings" });
  [
    new URLField({ name: "endpoint" }),
    new TextField({ name: "key", max: 500 }),
    new TextField({ name: "secret", max: 500, hidden: true }),
    new BoolField({ name: "enabled" }),
    new NumberField({ name: "sent", min: 0, onlyInt: true }),
    new NumberField({ name: "failures", min: 0, onlyInt: true }),
    new NumberField({ name: "nextAttemptAt", min: 0, onlyInt: true }),
    new NumberField({ name: "lastSentAt", min: 0, onlyInt: true }),
    new NumberField({ name: "leaseUntil", min: 0, onlyInt: true }),
    new TextField({ name: "lastError", max: 2000 }),
    new AutodateField({ name: "updated", onCreate: true, onUpdate: true }),
  ].forEach((field) => settings.fields.add(field));
  app.save(settings);

  const queue = new Collection({ type: "base", name: "lrs_queue" });
  [
    new RelationField({ name: "statement", collectionId: statements.id, maxSelect: 1, required: true, cascadeDelete: true }),
    new NumberField({ name: "seq", min: 0, onlyInt: true, required: true }),
    new BoolField({ name: "refused" }),
    new TextField({ name: "error", max: 2000 }),
    new AutodateField({ name: "created", onCreate: true, onUpdate: false }),
  ].forEach((field) => queue.fields.add(field));
  queue.addIndex("idx_lrs_queue_statement", true, "statement", "");
  queue.addIndex("idx_lrs_queue_seq", false, "refused, seq", "");
  app.save(queue);
}, (app) => {
  for (const name of ["lrs_queue", "lrs_settings"]) app.delete(app.findCollectionByNameOrId(name));
});
