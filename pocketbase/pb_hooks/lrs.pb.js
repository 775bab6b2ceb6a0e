/// <reference path="../pb_data/types.d.ts" />
// Forwarding the learning record to an external Learning Record Store (xAPI 1.0.3), for admins:
//   GET  /api/continuum/lrs        settings (never the secret) and the queue: backlog, refused, sent, last error
//   PUT  /api/continuum/lrs        { endpoint, key, secret?, enabled }; turning it on queues what is stored already
//                                  (409 when the server's environment sets forwarding)
//   POST /api/continuum/lrs/send   send now (does not wait for the back-off)
// Statements are queued in the transaction that stores them (pb_hooks/statements.pb.js) and sent
// every minute by the cron job below; see pb_hooks/lib/lrs-forwarder.js.
// The environment may set forwarding instead (LRS_ENDPOINT, LRS_KEY, LRS_SECRET, LRS_ENABLED=false
// to pause): the forwarder applies it before it sends (the cron job's first minute after a start)
// and whenever the admin page asks; the admin page then shows it and cannot change it. (The JS
// hooks have no onServe, and onBootstrap runs before the migrations.)
// (handlers run in runtimes of their own: shared code is in lib/lrs-forwarder.js)

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
  if (forwarder.fromEnvironment()) {
    throw new ApiError(409, "Forwarding is set by the server's environment (LRS_ENDPOINT, LRS_KEY, LRS_SECRET, LRS_ENABLED): change it there and restart the server.");
  }
  const body = e.requestInfo().body || {};
  forwarder.configure(e.app, {
    endpoint: String(body.endpoint || "").trim(),
    key: String(body.key || "").trim(),
    secret: typeof body.secret === "string" ? body.secret : "",
    enabled: body.enabled === true,
  });
  return e.json(200, forwarder.status(e.app));
}, $apis.requireAuth());

routerAdd("POST", "/api/continuum/lrs/send", (e) => {
  const forwarder = require(`${__hooks}/lib/lrs-forwarder.js`);
  forwarder.requireAdmin(e);
  const done = forwarder.forward(e.app, true);
  return e.json(200, Object.assign({ result: done }, forwarder.status(e.app)));
}, $apis.requireAuth());
