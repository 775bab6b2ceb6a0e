// What erasing an account does after the rows are deleted (required by accounts.pb.js).
// The ids of people erased in the last 10 minutes are kept in memory only, so that the request
// log lines naming them (the deletion request's own line is written a few seconds after the
// answer) are removed by the next runs of the continuumScrubLogs job.
const key = "continuum.erasedIds";
const keepMs = 10 * 60 * 1000;

function pending(app) {
  try {
    return JSON.parse(String(app.store().get(key) || "[]"));
  } catch (_) {
    return [];
  }
}

function remember(app, id) {
  const list = pending(app);
  list.push({ id: id, until: Date.now() + keepMs });
  app.store().set(key, JSON.stringify(list));
}

function scrub(app) {
  const list = pending(app).filter((item) => item.until > Date.now());
  app.store().set(key, JSON.stringify(list));
  if (!list.length) return;
  for (const item of list) {
    app.auxNonconcurrentDB().newQuery("DELETE FROM {{_logs}} WHERE [[data]] LIKE {:pattern}").bind({ pattern: "%" + item.id + "%" }).execute();
  }
  // the deleted rows leave the write-ahead logs too (secure_delete has zeroed them in the files)
  for (const db of [app.nonconcurrentDB(), app.auxNonconcurrentDB()]) {
    try {
      db.newQuery("PRAGMA wal_checkpoint(TRUNCATE)").execute();
    } catch (err) {
      app.logger().warn("WAL checkpoint after an erasure did not complete", "error", String(err));
    }
  }
}

module.exports = { remember, scrub };
