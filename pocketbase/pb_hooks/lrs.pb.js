/// <reference path="../pb_data/types.d.ts" />
// Forwarding the learning record to an external Learning Record Store (xAPI 1.0.3), for admins:
//   GET  /api/continuum/lrs        settings (never the secret) and the queue: backlog, refused, sent, last error
//   PUT  /api/continuum/lrs        { endpoint, key, secret?, enabled }; turning it on queues what is stored already
//   POST /api/continuum/lrs/send   send now (does not wait for the back-off)
// Statements are queued in the transaction that stores them (onRecordCreateExecute runs inside
// it) and sent every minute by the cron job below; see pb_hooks/lib/lrs-forwarder.js.

// (handlers run in runtimes of their own: shared code is in lib/lrs-forwarder.js)
onRecordCreateExecute((e) => {
  e.next();
  require(`${__hooks}/lib/lrs-forwarder.js`).enqueue(e.app, e.record.id);
}, "statements");

cronAdd("lrsForward", "* * * * *", () => {
  require(`${__hooks}/lib/lrs-forwarder.js`).forward($app, false);
});

routerAdd("GET", "/api/continuum/lrs", (e) => {
  require(`${__hooks}/lib/lrs-forwarder.js`).requireAdmin(e);
  e.response.header().set("Cache-Control", "no-store");
  return e.json(200, require(`${__hooks}/lib/lrs-forwarder.js`).status(e.app));
}, $apis.requireAuth());

routerAdd("PUT", "/api/continuum/lrs", (e) => {
  const forwarder = require(`${__hooks}/lib/lrs-forwarder.js`);
  forwarder.requireAdmin(e);
  const lib = require(`${__hooks}/_generated/hooks-library.cjs`);
  const body = e.requestInfo().body || {};
  const endpoint = String(body.endpoint || "").trim();
  const enabled = body.enabled === true;
  if (enabled || endpoint) {
    const problem = lib.endpointProblem(endpoint);
    if (problem) throw new BadRequestError(problem, { endpoint: new ValidationError("validation_endpoint", problem) });
  }
  const row = forwarder.settings(e.app);
  const wasOn = row.getBool("enabled");
  row.set("endpoint", endpoint);
  row.set("key", String(body.key || "").trim());
  if (typeof body.secret === "string" && body.secret !== "") row.set("secret", body.secret);
  row.set("enabled", enabled);
  row.set("failures", 0);
  row.set("nextAttemptAt", 0);
  e.app.save(row);
  if (enabled && !wasOn) forwarder.backfill(e.app);
  return e.json(200, forwarder.status(e.app));
}, $apis.requireAuth());

routerAdd("POST", "/api/continuum/lrs/send", (e) => {
  const forwarder = require(`${__hooks}/lib/lrs-forwarder.js`);
  forwarder.requireAdmin(e);
  const done = forwarder.forward(e.app, true);
  return e.json(200, Object.assign({ result: done }, forwarder.status(e.app)));
}, $apis.requireAuth());
