/// <reference path="../pb_data/types.d.ts" />
// Statements (the learning record). A device's statement is admitted by the rules in
// src/learning-record/admission.ts, then stored, folded into progress and checked for
// certificates in ONE transaction (progress.ts), with its place in the queue to an external
// LRS when forwarding is on (lib/lrs-forwarder.js): the learner is told "saved" only when all
// of it is. A statement resent with the same id by its owner is answered with the stored copy
// (looked for only when the statement is refused or its id is taken: a resend is rare, and this
// is the platform's busiest write, so it does one hook, one runtime and no lookup it can skip).

onRecordCreateRequest((e) => {
  // kept on the runtime: require() resolves its path with system calls on every call
  const store = globalThis.learningStore || (globalThis.learningStore = require(`${__hooks}/lib/learning-store.js`));
  const lib = store.library();
  const replayed = (id) => {
    const existing = id ? store.findById(e.app, "statements", id) : null;
    if (!existing) return null;
    if (e.auth && existing.getString("user") === e.auth.id) return existing;
    throw new BadRequestError("A statement with this id already exists. Generate a new id.", {
      id: new ValidationError("validation_not_unique", "id already used"),
    });
  };
  // per account, not per address: a classroom behind one address is never throttled for its numbers
  const rateKey = `statements-per-minute:${e.auth ? e.auth.id : ""}`;
  const counted = lib.countStatement(e.app.store().get(rateKey), Date.now());
  e.app.store().set(rateKey, counted.counter);
  if (!counted.allowed) throw new TooManyRequestsError("Too many statements from this account in a minute; they wait on the device and are sent again shortly.");

  const draft = lib.statementFromRecord(store.json(e.record));
  const verdict = lib.admitStatement(draft, store.facts(), store.readEvidence(e.app, lib.evidenceQuery(draft)), new Date());
  if (!verdict.ok) {
    const stored = replayed(e.record.id);
    if (stored) return e.json(200, stored);
    const fields = {};
    for (const p of verdict.problems) fields[p.field] = new ValidationError("validation_statement_rule", p.reason);
    throw new BadRequestError(`This statement cannot be stored: ${verdict.problems.map((p) => `${p.field}: ${p.reason}`).join("; ")}.`, fields);
  }
  // the server's reading replaces the device's (its own score, the section count)
  e.record.set("verb", verdict.statement.verb);
  e.record.set("result", verdict.statement.result || null);
  e.record.set("context", verdict.statement.context || null);
  if (verdict.clockSkew) e.record.set("clockSkew", verdict.clockSkew);
  let saved = false;
  const app = e.app;
  try {
    e.app.runInTransaction((txApp) => {
      e.app = txApp;
      e.next();
      saved = true;
      store.applyToProgress(txApp, verdict.statement);
      store.forwarder().enqueue(txApp, e.record.id);
    });
  } catch (err) {
    e.app = app; // (the transaction's app is closed)
    // a resend of a stored statement, or the same statement sent twice at once
    const twin = replayed(e.record.id);
    if (twin) return e.json(200, twin);
    // stored but not folded: the whole transaction is undone, and the device tries again later
    if (saved) throw new InternalServerError("The statement could not be added to progress, so it was not stored; it will be sent again.");
    throw err;
  }
}, "statements");
