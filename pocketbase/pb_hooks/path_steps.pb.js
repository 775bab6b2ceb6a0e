/// <reference path="../pb_data/types.d.ts" />
// Steps added to onboarding paths in the studio (pb_migrations/1765300000_path_steps.js): a case
// simulation published in the studio joins an existing path, after a step the trainer chooses.
// Who may add or remove one is in the collection's rules; what may be added and where it goes is
// src/learning-record/path-steps.ts (bundled). Adding or removing one bumps the generation the
// learning facts are read at (lib/learning-store.js), so certificates, the cohort dashboard,
// assignments and learners' pages have the new path at once, with no rebuild and no restart.

onRecordCreateRequest((e) => {
  require(`${__hooks}/lib/path-steps-store.js`).check(e.app, e.record);
  e.record.set("addedBy", e.auth ? e.auth.id : "");
  e.next();
}, "path_steps");

onRecordAfterCreateSuccess((e) => {
  require(`${__hooks}/lib/learning-store.js`).scenariosChanged();
  e.next();
}, "path_steps");

// the steps that followed the removed one keep their place, in the same transaction
onRecordDeleteRequest((e) => {
  e.app.runInTransaction((txApp) => {
    require(`${__hooks}/lib/path-steps-store.js`).reanchor(txApp, e.record);
    e.app = txApp;
    e.next();
  });
}, "path_steps");

onRecordAfterDeleteSuccess((e) => {
  require(`${__hooks}/lib/learning-store.js`).scenariosChanged();
  require(`${__hooks}/lib/path-steps-store.js`).certifyPath(e.app, e.record.getString("path"));
  e.next();
}, "path_steps");

// The paths as learners follow them, for pages built before a step was added (public: it names
// nobody). { paths: { <path>: [activity ids] }, scenarios: { <id>: { titles, minutes, builtIn } } }
routerAdd("GET", "/api/continuum/path-steps", (e) => {
  e.response.header().set("Cache-Control", "no-cache");
  return e.json(200, require(`${__hooks}/lib/path-steps-store.js`).served(e.app));
});
