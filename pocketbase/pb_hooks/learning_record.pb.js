/// <reference path="../pb_data/types.d.ts" />
// The learning record: a statement replayed with the same id is stored once, and each new
// statement is folded into the learner's `progress` row for its activity. The folding code is
// src/learning-record/progress.ts, bundled to _generated/learning-record.cjs by
// scripts/lib/hooks-bundle.ts before PocketBase starts.

// A retry of a statement already stored (same id, same learner) answers with the stored copy
// instead of an error, so an outbox can resend without fear of duplicates.
onRecordCreateRequest((e) => {
  const id = e.record.id;
  if (id) {
    let existing = null;
    try {
      existing = e.app.findRecordById("statements", id);
    } catch (_) {
      existing = null;
    }
    if (existing) {
      if (e.auth && existing.getString("user") === e.auth.id) {
        return e.json(200, existing);
      }
      throw new BadRequestError("A statement with this id already exists. Generate a new id.", {
        id: new ValidationError("validation_not_unique", "id already used"),
      });
    }
  }
  // A statement may be recorded offline and sent later, but not dated in the future.
  const timestamp = e.record.getDateTime("timestamp");
  if (!timestamp.isZero() && timestamp.unix() > new DateTime().unix() + 300) {
    throw new BadRequestError("timestamp is in the future; send the time the learner acted.", {
      timestamp: new ValidationError("validation_future_date", "timestamp is in the future"),
    });
  }
  e.next();
}, "statements");

onRecordAfterCreateSuccess((e) => {
  const learningRecord = require(`${__hooks}/_generated/learning-record.cjs`);
  const record = e.record;
  const parseJson = (name) => {
    const raw = record.getString(name);
    if (!raw) return null;
    try {
      return JSON.parse(raw);
    } catch (_) {
      return null;
    }
  };
  const statement = {
    id: record.id,
    user: record.getString("user"),
    verb: record.getString("verb"),
    object: record.getString("object"),
    result: parseJson("result"),
    context: parseJson("context"),
    language: record.getString("language"),
    timestamp: record.getDateTime("timestamp").string().replace(" ", "T"),
  };
  const parsed = learningRecord.parseObject(statement.object);
  if (!parsed) {
    e.next();
    return;
  }

  try {
    e.app.runInTransaction((txApp) => {
      let row = null;
      try {
        row = txApp.findFirstRecordByFilter("progress", "user = {:user} && activity = {:activity}", {
          user: statement.user,
          activity: parsed.activity,
        });
      } catch (_) {
        row = null;
      }
      const previous = row
        ? {
            activity: row.getString("activity"),
            activityType: row.getString("activityType"),
            status: row.getString("status"),
            completedSections: JSON.parse(row.getString("completedSections") || "[]"),
            totalSections: row.getInt("totalSections"),
            percent: row.getInt("percent"),
            score: row.getFloat("score") > 0 ? row.getFloat("score") : null,
            checkPassed: row.getBool("checkPassed"),
            language: row.getString("language"),
            lastActivityAt: row.getDateTime("lastActivityAt").string().replace(" ", "T"),
          }
        : null;
      const next = learningRecord.foldStatement(previous, statement);
      if (!next) return;
      if (!row) {
        row = new Record(txApp.findCollectionByNameOrId("progress"));
        row.set("user", statement.user);
        row.set("activity", next.activity);
      }
      row.set("activityType", next.activityType);
      row.set("status", next.status);
      row.set("completedSections", next.completedSections);
      row.set("totalSections", next.totalSections);
      row.set("percent", next.percent);
      if (next.score !== null) row.set("score", next.score);
      row.set("checkPassed", next.checkPassed);
      row.set("language", next.language);
      row.set("lastActivityAt", next.lastActivityAt);
      txApp.save(row);
    });
  } catch (err) {
    // The statement is stored; progress can be refolded from statements. Log and go on.
    e.app.logger().error("progress fold failed", "statement", statement.id, "error", String(err));
  }
  e.next();
}, "statements");
