/// <reference path="../pb_data/types.d.ts" />
// The supervisor's dashboard, computed on the server: one page of rows and the totals of the
// learners linked to the signed-in person (users.supervisor = me, the same people the
// collection rules let them read), whatever the size of the cohort. The query and the rows are
// decided by src/learning-record/cohort.ts; lib/cohort-store.js holds the SQL.

routerAdd("GET", "/api/continuum/cohort", (e) => {
  const cohort = require(`${__hooks}/lib/cohort-store.js`);
  const query = cohort.readQuery(e);
  const page = cohort.page(e.app, e.auth.id, query, new Date());
  e.response.header().set("Cache-Control", "no-store");
  return e.json(200, page);
}, $apis.requireAuth("users"));

// The CSV of every row the filters keep, in the supervisor's language, written as it is read.
routerAdd("GET", "/api/continuum/cohort/export.csv", (e) => {
  const cohort = require(`${__hooks}/lib/cohort-store.js`);
  const query = cohort.readQuery(e);
  const lang = cohort.language(e);
  e.response.header().set("Content-Type", "text/csv; charset=utf-8");
  e.response.header().set("Content-Disposition", `attachment; filename="continuum-${query.path.id}.csv"`);
  e.response.header().set("Cache-Control", "no-store");
  e.response.writeHeader(200);
  cohort.writeCsv(e.app, e.auth.id, query, lang, new Date(), (text) => e.response.write(text));
  return null;
}, $apis.requireAuth("users"));

// The xAPI statements of every learner the filters keep, as one JSON array written learner by learner.
routerAdd("GET", "/api/continuum/cohort/export.xapi", (e) => {
  const cohort = require(`${__hooks}/lib/cohort-store.js`);
  const query = cohort.readQuery(e);
  const site = (e.request.tls ? "https://" : "http://") + e.request.host;
  e.response.header().set("Content-Type", "application/json; charset=utf-8");
  e.response.header().set("Content-Disposition", `attachment; filename="continuum-${query.path.id}-xapi.json"`);
  e.response.header().set("Cache-Control", "no-store");
  e.response.writeHeader(200);
  cohort.writeXapi(e.app, e.auth.id, query, site, (text) => e.response.write(text));
  return null;
}, $apis.requireAuth("users"));

// Assign a path to one linked learner, or to every linked learner of a track or a country.
routerAdd("POST", "/api/continuum/cohort/assign", (e) => {
  const cohort = require(`${__hooks}/lib/cohort-store.js`);
  const body = e.requestInfo().body || {};
  return e.json(200, cohort.assign(e.app, e.auth.id, body));
}, $apis.requireAuth("users"));

// Where the linked learners go in a case simulation: counts of choices and endings.
routerAdd("GET", "/api/continuum/cohort/insight", (e) => {
  const cohort = require(`${__hooks}/lib/cohort-store.js`);
  const scenario = String(e.request.url.query().get("scenario") || "");
  return e.json(200, cohort.insight(e.app, e.auth.id, scenario));
}, $apis.requireAuth("users"));

// Linked learners whose name matches, for choosing one to assign to.
routerAdd("GET", "/api/continuum/cohort/learners", (e) => {
  const cohort = require(`${__hooks}/lib/cohort-store.js`);
  return e.json(200, { items: cohort.findLearners(e.app, e.auth.id, String(e.request.url.query().get("q") || "")) });
}, $apis.requireAuth("users"));
