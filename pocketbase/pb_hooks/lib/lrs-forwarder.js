// Forwarding statements to an external Learning Record Store (required by pb_hooks/lrs.pb.js,
// not a hook). The rules are src/interop/lrs.ts (bundled); this file moves records and sends.
// One forwarder at a time (a lease in lrs_settings); statements leave in queue order, each
// removed from the queue only once the LRS has it.

const SETTINGS_ID = "lrsforwarding00";
const LEASE_MS = 120000;
const BATCH = 200;

const library = () => require(`${__hooks}/_generated/hooks-library.cjs`);
const json = (record) => JSON.parse(JSON.stringify(record));

/** The settings row, made on first use. */
function settings(app) {
  try {
    return app.findRecordById("lrs_settings", SETTINGS_ID);
  } catch (_) {
    const row = new Record(app.findCollectionByNameOrId("lrs_settings"));
    row.set("id", SETTINGS_ID);
    app.save(row);
    return row;
  }
}

/** The next place in the queue (the app is the statement's transaction: one writer at a time). */
function nextSeq(app) {
  const row = new DynamicModel({ seq: 0 });
  app.db().newQuery("SELECT COALESCE(MAX(seq), 0) + 1 AS seq FROM lrs_queue").one(row);
  return row.seq;
}

/** Whether forwarding is on, read directly: every statement asks (no settings row yet: off). */
function enabled(app) {
  const row = new DynamicModel({ enabled: false });
  try {
    app.db().newQuery("SELECT enabled FROM lrs_settings WHERE id = {:id}").bind({ id: SETTINGS_ID }).one(row);
  } catch (_) {
    return false;
  }
  return row.enabled;
}

/** Queues a statement just stored, when forwarding is on (in the statement's transaction). */
function enqueue(app, statementId) {
  if (!enabled(app)) return;
  const entry = new Record(app.findCollectionByNameOrId("lrs_queue"));
  entry.set("statement", statementId);
  entry.set("seq", nextSeq(app));
  app.save(entry);
}

/** Queues every stored statement not queued yet, in the order they were stored (when forwarding is turned on). */
function backfill(app) {
  app.runInTransaction((txApp) => {
    const start = nextSeq(txApp);
    txApp.db().newQuery(
      "INSERT INTO lrs_queue (id, statement, seq, refused, error, created) " +
      "SELECT substr(lower(hex(randomblob(8))), 1, 15), s.id, {:start} + ROW_NUMBER() OVER (ORDER BY s.created, s.rowid) - 1, FALSE, '', strftime('%Y-%m-%d %H:%M:%fZ') " +
      "FROM statements s WHERE NOT EXISTS (SELECT 1 FROM lrs_queue q WHERE q.statement = s.id)"
    ).bind({ start: start }).execute();
  });
}

/** Takes the lease, or says someone else holds it. */
function lease(app, now) {
  settings(app);
  const result = app.db().newQuery("UPDATE lrs_settings SET leaseUntil = {:until} WHERE id = {:id} AND leaseUntil < {:now}")
    .bind({ until: now + LEASE_MS, id: SETTINGS_ID, now: now }).execute();
  return result.rowsAffected() === 1;
}

function release(app) {
  app.db().newQuery("UPDATE lrs_settings SET leaseUntil = 0 WHERE id = {:id}").bind({ id: SETTINGS_ID }).execute();
}

/** Counts for the admin page. */
function status(app) {
  applyEnvironment(app);
  const row = settings(app);
  const count = (filter) => app.countRecords("lrs_queue", $dbx.exp(filter));
  return {
    endpoint: row.getString("endpoint"),
    key: row.getString("key"),
    hasSecret: row.getString("secret") !== "",
    enabled: row.getBool("enabled"),
    backlog: count("refused = FALSE"),
    refused: count("refused = TRUE"),
    sent: row.getInt("sent"),
    failures: row.getInt("failures"),
    nextAttemptAt: row.getInt("nextAttemptAt") ? new Date(row.getInt("nextAttemptAt")).toISOString() : null,
    lastSentAt: row.getInt("lastSentAt") ? new Date(row.getInt("lastSentAt")).toISOString() : null,
    lastError: row.getString("lastError"),
    fromEnvironment: fromEnvironment() !== null,
  };
}

/** The site the statements' IRIs are made on: the Application URL of PocketBase's settings. */
function siteUrl(app) {
  return String(app.settings().meta.appURL || "http://localhost:8090").replace(/\/+$/, "");
}

/**
 * Sends waiting statements in order until the queue is empty, the batch is done or the LRS
 * fails (then the next attempt waits: backoffMs). `force` (an admin's "send now") does not
 * wait for the next attempt. Returns what it did.
 */
function forward(app, force) {
  const lib = library();
  const now = Date.now();
  applyEnvironment(app);
  const row = settings(app);
  if (!row.getBool("enabled") || !row.getString("endpoint")) return { sent: 0, skipped: "off" };
  if (!force && row.getInt("nextAttemptAt") > now) return { sent: 0, skipped: "waiting" };
  if (!lease(app, now)) return { sent: 0, skipped: "busy" };
  let sent = 0;
  try {
    const names = require(`${__hooks}/_generated/interop-facts.cjs`).names;
    const site = siteUrl(app);
    const headers = lib.lrsHeaders(row.getString("key"), row.getString("secret"));
    for (let i = 0; i < BATCH; i++) {
      const entries = app.findRecordsByFilter("lrs_queue", "refused = false", "seq", 1, 0);
      if (entries.length === 0) break;
      const entry = entries[0];
      let statement = null;
      try {
        statement = app.findRecordById("statements", entry.getString("statement"));
      } catch (_) {
        app.delete(entry); // gone with its account
        continue;
      }
      const xapi = lib.toXapi(lib.statementFromRecord(json(statement)), { id: statement.getString("user") }, site, names);
      let answer = null;
      let problem = "";
      try {
        answer = $http.send({ url: lib.statementUrl(row.getString("endpoint"), xapi.id), method: "PUT", body: JSON.stringify(xapi), headers: headers, timeout: 15 });
      } catch (err) {
        problem = `no answer from the LRS: ${err}`;
      }
      const verdict = answer ? lib.delivery(answer.statusCode) : "retry";
      if (answer && verdict !== "stored") problem = `the LRS answered ${answer.statusCode}: ${toString(answer.body || []).slice(0, 500)}`;
      if (verdict === "stored") {
        app.delete(entry);
        sent++;
        row.set("sent", row.getInt("sent") + 1);
        row.set("failures", 0);
        row.set("nextAttemptAt", 0);
        row.set("lastSentAt", Date.now());
        row.set("lastError", "");
        continue;
      }
      if (verdict === "refused") {
        entry.set("refused", true);
        entry.set("error", problem);
        app.save(entry);
        row.set("lastError", problem);
        continue;
      }
      const failures = row.getInt("failures") + 1;
      row.set("failures", failures);
      row.set("nextAttemptAt", Date.now() + lib.backoffMs(failures));
      row.set("lastError", problem);
      break;
    }
  } finally {
    row.set("leaseUntil", 0);
    app.save(row);
  }
  return { sent: sent };
}

/**
 * The settings the server's environment gives (LRS_ENDPOINT, LRS_KEY, LRS_SECRET, and
 * LRS_ENABLED=false to pause), or null when LRS_ENDPOINT is not set.
 */
function fromEnvironment() {
  const env = (name) => String($os.getenv(name) || "").trim();
  if (!env("LRS_ENDPOINT")) return null;
  return { endpoint: env("LRS_ENDPOINT"), key: env("LRS_KEY"), secret: env("LRS_SECRET"), enabled: env("LRS_ENABLED") !== "false" };
}

/**
 * Writes settings (an admin's or the environment's); turning forwarding on queues every
 * statement stored before. A secret left empty keeps the one saved. Throws on a bad endpoint.
 */
function configure(app, wanted) {
  if (wanted.enabled || wanted.endpoint) {
    const problem = library().endpointProblem(wanted.endpoint);
    if (problem) throw new BadRequestError(problem, { endpoint: new ValidationError("validation_endpoint", problem) });
  }
  const row = settings(app);
  const wasOn = row.getBool("enabled");
  const changed = row.getString("endpoint") !== wanted.endpoint || row.getString("key") !== wanted.key || wasOn !== wanted.enabled ||
    (wanted.secret !== "" && wanted.secret !== row.getString("secret"));
  row.set("endpoint", wanted.endpoint);
  row.set("key", wanted.key);
  if (wanted.secret) row.set("secret", wanted.secret);
  row.set("enabled", wanted.enabled);
  if (changed) {
    row.set("failures", 0);
    row.set("nextAttemptAt", 0);
  }
  app.save(row);
  if (wanted.enabled && !wasOn) backfill(app);
}

/**
 * Makes the stored settings what the environment says, if it says anything and they differ
 * (turning forwarding on queues what was stored before, in order). A bad LRS_ENDPOINT is logged
 * and leaves the settings as they were.
 */
function applyEnvironment(app) {
  const wanted = fromEnvironment();
  if (!wanted) return;
  const row = settings(app);
  const same = row.getString("endpoint") === wanted.endpoint && row.getString("key") === wanted.key &&
    row.getBool("enabled") === wanted.enabled && (wanted.secret === "" || row.getString("secret") === wanted.secret);
  if (same) return;
  try {
    configure(app, wanted);
  } catch (err) {
    app.logger().error("LRS_ENDPOINT is not usable: forwarding left as it was", "error", String(err));
  }
}

/** Admins (role "admin") and superusers only. */
function requireAdmin(e) {
  if (e.auth && e.auth.collection().name === "_superusers") return;
  if (!e.auth || e.auth.getString("role") !== "admin") throw new ForbiddenError("Only administrators can set up forwarding to a Learning Record Store.");
}

module.exports = { requireAdmin, fromEnvironment, configure, settings, enqueue, backfill, forward, status, release };
