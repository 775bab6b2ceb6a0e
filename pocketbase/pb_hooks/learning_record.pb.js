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
  // What a device may say about itself (src/learning-record/statement-rules.ts): no path or
  // whole lesson marked done by the client, scenario endings that exist, quiz scores in range.
  const learningRecord = require(`${__hooks}/_generated/learning-record.cjs`);
  const catalogue = require(`${__hooks}/_generated/catalogue.cjs`);
  let result = null;
  try {
    result = JSON.parse(e.record.getString("result") || "null");
  } catch (_) {
    result = null;
  }
  // (an object or verb that is not even well-formed is left to the field validation, which
  // names every bad field at once)
  const wellFormed = learningRecord.parseObject(e.record.getString("object")) !== null;
  const problem = wellFormed && learningRecord.statementProblem(
    { verb: e.record.getString("verb"), object: e.record.getString("object"), result: result },
    catalogue,
  );
  if (problem) {
    throw new BadRequestError(`This statement cannot be stored: ${problem.field}: ${problem.reason}.`, {
      [problem.field]: new ValidationError("validation_statement_rule", problem.reason),
    });
  }
  // A knowledge check is scored by the server from the answers recorded before it (the outbox
  // sends them first): the claimed score is replaced, and a "passed" that the answers do not
  // support is refused.
  const quiz = /^module:([a-z0-9-]+)\/quiz:knowledge-check$/.exec(e.record.getString("object"));
  const verb = e.record.getString("verb");
  if (quiz && (verb === "passed" || verb === "failed") && catalogue.modules[quiz[1]]) {
    const lesson = catalogue.modules[quiz[1]];
    const recorded = e.app.findRecordsByFilter(
      "statements",
      "user = {:user} && verb = 'answered' && object ~ {:prefix} && timestamp <= {:timestamp}",
      "-timestamp,-created",
      0,
      0,
      { user: e.record.getString("user"), prefix: `module:${quiz[1]}/question:%`, timestamp: e.record.getString("timestamp") },
    );
    const answers = {};
    for (const answer of recorded) {
      const question = answer.getString("object").split("/question:")[1];
      if (answers[question] !== undefined) continue; // the latest answer of each question counts
      let response = "";
      try {
        response = String((JSON.parse(answer.getString("result") || "{}") || {}).response || "");
      } catch (_) {
        response = "";
      }
      answers[question] = response;
    }
    const scaled = learningRecord.gradeKnowledgeCheck(lesson.questions, answers);
    if (verb === "passed" && scaled < lesson.passThreshold - 1e-6) {
      const reason = `the answers recorded for this knowledge check score ${Math.round(scaled * 100)}%; it is passed at ${Math.round(lesson.passThreshold * 100)}%`;
      throw new BadRequestError(`This statement cannot be stored: result: ${reason}.`, {
        result: new ValidationError("validation_statement_rule", reason),
      });
    }
    const claimed = result && typeof result === "object" ? result : {};
    e.record.set("result", Object.assign({}, claimed, { score: { scaled: scaled }, success: scaled >= lesson.passThreshold - 1e-6 }));
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
  const catalogue = require(`${__hooks}/_generated/catalogue.cjs`);
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
  // a lesson has as many sections as its content says, whatever the device declared
  const lesson = parsed.activityType === "module" ? catalogue.modules[parsed.slug] : null;
  if (lesson) statement.context = Object.assign({}, statement.context || {}, { totalSections: lesson.sections.length });

  let nowPassed = false; // did this statement leave its activity passed?
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
      nowPassed = Boolean(next && next.status === "passed");
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

  // A certificate for every path whose steps are now all passed (once per learner and path;
  // the unique index on (user, path) keeps a race from issuing two). Only a statement that left
  // its activity passed can complete a path, so the others skip the check.
  if (nowPassed) {
    try {
      const rows = e.app.findRecordsByFilter("progress", "user = {:user}", "", 0, 0, { user: statement.user });
      const done = learningRecord.completedPaths(
        catalogue.paths,
        rows.map((r) => ({ activity: r.getString("activity"), status: r.getString("status") })),
      );
      for (const pathId of done) {
        let existing = null;
        try {
          existing = e.app.findFirstRecordByFilter("certificates", "user = {:user} && path = {:path}", { user: statement.user, path: pathId });
        } catch (_) {
          existing = null;
        }
        if (existing) continue;
        const learner = e.app.findRecordById("users", statement.user);
        const certificate = new Record(e.app.findCollectionByNameOrId("certificates"));
        certificate.set("user", statement.user);
        certificate.set("path", pathId);
        // 12 characters from an alphabet without 0/O and 1/I (60 bits), shown as XXXX-XXXX-XXXX
        const raw = $security.randomStringWithAlphabet(12, "ABCDEFGHJKLMNPQRSTUVWXYZ23456789");
        certificate.set("code", learningRecord.normaliseCertificateCode(raw));
        // the name the person gave (required on every account); never their email, which the
        // public verification page would otherwise show
        certificate.set("learnerName", learner.getString("name"));
        certificate.set("issuedAt", new DateTime());
        e.app.save(certificate);
        e.app.logger().info("certificate issued", "user", statement.user, "path", pathId);
      }
    } catch (err) {
      e.app.logger().error("certificate check failed", "statement", statement.id, "error", String(err));
    }
  }
  e.next();
}, "statements");
