/// <reference path="../pb_data/types.d.ts" />
// Each studio draft carries its language coverage (`coverage`: per overlay language, its status
// and the texts missing or out of date; src/simulation/coverage.ts languageCoverage), so that the
// studio's list shows it without downloading every draft's document. The server writes it at
// every create and update of a draft (pb_hooks/studio.pb.js); whatever a client sends for it is
// replaced.
// Drafts saved before this migration get it here, once, from the same function (the studio
// library bundled for the hooks: every script bundles it before PocketBase starts). Only the
// `coverage` column is written (plain SQL: `updated`, `revision` and the document stay as they
// were). A draft whose coverage cannot be worked out keeps none, with a warning in the log; its
// next save writes it. Down removes the field: nothing but the summary is lost.
migrate((app) => {
  const drafts = app.findCollectionByNameOrId("scenario_drafts");
  drafts.fields.add(new JSONField({ name: "coverage", maxSize: 20000 }));
  app.save(drafts);

  const batch = 50; // documents may weigh up to 2 MB: a few at a time
  let after = "";
  let library = null;
  for (;;) {
    const rows = arrayOf(new DynamicModel({ id: "", document: "" }));
    app.db()
      .newQuery("SELECT id, document FROM scenario_drafts WHERE id > {:after} ORDER BY id LIMIT {:batch}")
      .bind({ after: after, batch: batch })
      .all(rows);
    if (rows.length === 0) break;
    if (!library) library = require(`${__hooks}/_generated/studio-library.cjs`);
    for (const row of rows) {
      after = row.id;
      try {
        const coverage = library.languageCoverage(JSON.parse(row.document));
        app.db()
          .newQuery("UPDATE scenario_drafts SET coverage = {:coverage} WHERE id = {:id}")
          .bind({ coverage: JSON.stringify(coverage), id: row.id })
          .execute();
      } catch (error) {
        app.logger().warn("draft coverage not worked out; its next save writes it", "draft", row.id, "error", String(error));
      }
    }
  }
}, (app) => {
  const drafts = app.findCollectionByNameOrId("scenario_drafts");
  drafts.fields.removeByName("coverage");
  app.save(drafts);
});
