/// <reference path="../pb_data/types.d.ts" />
// Due-date reminders, daily (07:00 UTC, or CONTINUUM_REMINDERS_CRON): to each learner a week
// before an assigned path is due, the day before and once when it is overdue; to each
// supervisor one digest a week of their learners' overdue and soon-due paths. Which reminder
// is due is decided by src/accounts/reminders.ts; what was sent is kept in `reminders_sent`, so
// each goes once however often the job runs. A superuser can run it at once:
// POST /api/crons/continuumReminders (PocketBase's cron API; the admin UI has a button too).

cronAdd("continuumReminders", $os.getenv("CONTINUUM_REMINDERS_CRON") || "0 7 * * *", () => {
  const lib = require(`${__hooks}/_generated/accounts.cjs`);
  const mail = require(`${__hooks}/lib/mail.js`);
  const app = $app;
  if (!mail.enabled(app)) {
    app.logger().info("Due-date reminders not sent: SMTP is not configured");
    return;
  }
  const now = new Date();
  const iso = (value) => value.string().replace(" ", "T");
  const sentKeys = {};
  for (const r of app.findAllRecords("reminders_sent")) sentKeys[r.getString("key")] = true;
  const complete = {};
  for (const c of app.findRecordsByFilter("certificates", "revoked = false", "", 0, 0)) complete[c.getString("user") + "|" + c.getString("path")] = true;
  const people = {};
  const person = (id) => {
    if (!id) return null;
    if (!(id in people)) {
      try {
        people[id] = app.findRecordById("users", id);
      } catch (_) {
        people[id] = null;
      }
    }
    return people[id];
  };
  const remember = (key, user, kind) => {
    const record = new Record(app.findCollectionByNameOrId("reminders_sent"));
    record.set("key", key);
    record.set("user", user);
    record.set("kind", kind);
    app.save(record);
    sentKeys[key] = true;
  };

  const digestRows = {}; // supervisor id -> rows
  let reminders = 0;
  for (const a of app.findRecordsByFilter("assignments", "dueDate != ''", "dueDate", 0, 0)) {
    const learner = person(a.getString("learner"));
    if (!learner || learner.getBool("deactivated")) continue;
    const path = a.getString("path");
    const due = { dueDate: iso(a.getDateTime("dueDate")), complete: !!complete[learner.id + "|" + path] };
    const supervisor = learner.getString("supervisor");
    if (supervisor) (digestRows[supervisor] = digestRows[supervisor] || []).push({ learnerName: learner.getString("name"), path: path, dueDate: due.dueDate, complete: due.complete });
    const sent = [];
    for (const kind of ["week-before", "day-before", "overdue"]) if (sentKeys[`assignment:${a.id}:${kind}`]) sent.push(kind);
    const kind = lib.reminderFor(due, now, sent);
    if (!kind) continue;
    const lang = lib.mailLanguage(learner.getString("preferredLanguage"));
    const message = lib.reminderMail({ kind: kind, lang: lang, name: learner.getString("name"), path: path, dueDate: due.dueDate, url: `${mail.siteURL(app)}/${lang}/onboarding/` });
    try {
      mail.send(app, learner.email(), message);
      remember(`assignment:${a.id}:${kind}`, learner.id, kind);
      reminders++;
    } catch (err) {
      app.logger().error("Could not send a due-date reminder", "assignment", a.id, "error", String(err));
    }
  }

  const week = lib.isoWeek(now);
  let digests = 0;
  for (const id of Object.keys(digestRows)) {
    const key = `digest:${id}:${week}`;
    const supervisor = person(id);
    if (sentKeys[key] || !supervisor || supervisor.getBool("deactivated")) continue;
    const lang = lib.mailLanguage(supervisor.getString("preferredLanguage"));
    const message = lib.digestMail({ lang: lang, name: supervisor.getString("name"), rows: digestRows[id], now: now, url: `${mail.siteURL(app)}/${lang}/supervise/` });
    if (!message) continue;
    try {
      mail.send(app, supervisor.email(), message);
      remember(key, supervisor.id, "digest");
      digests++;
    } catch (err) {
      app.logger().error("Could not send a supervisor digest", "supervisor", id, "error", String(err));
    }
  }
  app.logger().info("Due-date reminders sent", "reminders", reminders, "digests", digests);
});
