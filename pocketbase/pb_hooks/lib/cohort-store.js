// The database side of the supervisor's dashboard (pb_hooks/cohort.pb.js): SQL that reads only
// the learners linked to the signed-in person (users.supervisor = me) and only what the page
// needs. The query and the rows are decided by src/learning-record/cohort.ts (bundled).

const learning = () => require(`${__hooks}/lib/learning-store.js`);
const library = () => learning().library();

/** The dashboard query of a request (path, filters, sort, page), or a 400 naming the parameter. */
function readQuery(e) {
  const q = e.request.url.query();
  const params = {};
  for (const name of ["path", "track", "country", "q", "sort", "direction", "page", "perPage"]) params[name] = q.get(name);
  const read = library().cohortQuery(params, learning().facts().paths);
  if (!read.ok) throw new BadRequestError(`${read.field}: ${read.reason}.`, { [read.field]: new ValidationError("validation_invalid_value", read.reason) });
  return read.query;
}

/** The page's language for the CSV words (one of ours, else English). */
function language(e) {
  const lang = String(e.request.url.query().get("lang") || "en");
  return ["en", "fr", "pt", "es", "sw", "ar"].indexOf(lang) >= 0 ? lang : "en";
}

/** The WHERE clause and parameters that pick the linked learners the filters keep. */
function scope(me, query) {
  const where = ["u.supervisor = {:me}"];
  const params = { me: me };
  if (query.track) {
    where.push("u.track = {:track}");
    params.track = query.track;
  }
  if (query.country) {
    where.push("u.country = {:country}");
    params.country = query.country;
  }
  if (query.search) {
    where.push("u.name LIKE {:search} ESCAPE '\\'");
    params.search = "%" + query.search.replace(/[\\%_]/g, (c) => "\\" + c) + "%";
  }
  query.path.steps.forEach((step, i) => (params["s" + i] = step));
  params.path = query.path.id;
  const steps = query.path.steps.map((_, i) => "{:s" + i + "}").join(", ") || "''";
  return { where: where.join(" AND "), params: params, steps: steps };
}

// (a learner's passed rows are one short range of the (user, status, activity) index; the unary
// "+" keeps SQLite from seeking once per step instead, about four times slower at 10,000 learners)
const doneOf = (steps) => `(SELECT COUNT(*) FROM progress p WHERE p.user = u.id AND p.status = 'passed' AND +p.activity IN (${steps}))`;

const orderBy = (query) => {
  const dir = query.direction === "descending" ? "DESC" : "ASC";
  if (query.sort === "progress") return `done ${dir}, u.name COLLATE NOCASE ASC`;
  // no due date last, either way
  if (query.sort === "due") return `(a.dueDate IS NULL OR a.dueDate = '') ASC, a.dueDate ${dir}, u.name COLLATE NOCASE ASC`;
  return `u.name COLLATE NOCASE ${dir}`;
};

function count(app, sql, params) {
  const row = new DynamicModel({ n: 0 });
  app.db().newQuery(sql).bind(params).one(row);
  return row.n;
}

/** Rows of learners (page or all) with what cohortRows needs. */
function readRows(app, me, query, limit, offset, now) {
  const lib = library();
  const s = scope(me, query);
  const rows = arrayOf(new DynamicModel({ id: "", name: "", email: "", track: "", country: "", assignment: "", dueDate: "", certificate: "", done: 0 }));
  app.db()
    .newQuery(
      `SELECT u.id AS id, u.name AS name, CASE WHEN u.emailVisibility THEN u.email ELSE '' END AS email, u.track AS track, u.country AS country,
        COALESCE(a.id, '') AS assignment, COALESCE(a.dueDate, '') AS dueDate, COALESCE(c.code, '') AS certificate, ${doneOf(s.steps)} AS done
       FROM users u
       LEFT JOIN assignments a ON a.learner = u.id AND a.path = {:path}
       LEFT JOIN certificates c ON c.user = u.id AND c.path = {:path}
       WHERE ${s.where}
       ORDER BY ${orderBy(query)}
       LIMIT {:limit} OFFSET {:offset}`,
    )
    .bind(Object.assign({}, s.params, { limit: limit, offset: offset }))
    .all(rows);
  const learners = rows.map((r) => ({ id: r.id, name: r.name || r.email, email: r.email, track: r.track, country: r.country }));
  const progress = [];
  if (learners.length) {
    const ids = {};
    learners.forEach((l, i) => (ids["u" + i] = l.id));
    const found = arrayOf(new DynamicModel({ user: "", activity: "", status: "" }));
    app.db()
      .newQuery(`SELECT user, activity, status FROM progress WHERE user IN (${learners.map((_, i) => "{:u" + i + "}").join(", ")}) AND activity IN (${s.steps})`)
      .bind(Object.assign({}, s.params, ids))
      .all(found);
    for (const p of found) progress.push({ user: p.user, activity: p.activity, status: p.status });
  }
  const assignments = rows.filter((r) => r.assignment).map((r) => ({ learner: r.id, path: query.path.id, dueDate: r.dueDate }));
  const certificates = rows.filter((r) => r.certificate).map((r) => ({ user: r.id, path: query.path.id, code: r.certificate }));
  return lib.cohortRows(query.path, learners, progress, assignments, certificates, now);
}

/** One page of the dashboard: rows, completion per step, overdue, and the filters' choices. */
function page(app, me, query, now) {
  const s = scope(me, query);
  const total = count(app, `SELECT COUNT(*) AS n FROM users u WHERE ${s.where}`, s.params);
  // each step's passed count in one pass over the linked learners' passed rows (an index read)
  const passed = new DynamicModel(Object.fromEntries(query.path.steps.map((_, i) => ["s" + i, 0])));
  if (query.path.steps.length) {
    app.db()
      .newQuery(
        `SELECT ${query.path.steps.map((_, i) => `COALESCE(SUM(p.activity = {:s${i}}), 0) AS s${i}`).join(", ")}
         FROM users u JOIN progress p ON p.user = u.id AND p.status = 'passed' AND +p.activity IN (${s.steps})
         WHERE ${s.where}`,
      )
      .bind(s.params)
      .one(passed);
  }
  const completion = query.path.steps.map((_, i) => {
    const done = passed["s" + i];
    return { done: done, total: total, percent: total ? Math.round((100 * done) / total) : 0 };
  });
  const today = now.toISOString().slice(0, 10);
  // from the path's assignments with a due date passed (few), not from every linked learner
  const overdue = count(
    app,
    `SELECT COUNT(*) AS n FROM assignments a CROSS JOIN users u
     WHERE a.path = {:path} AND a.dueDate != '' AND substr(a.dueDate, 1, 10) < {:today} AND u.id = a.learner AND ${s.where} AND ${doneOf(s.steps)} < {:stepCount}`,
    Object.assign({}, s.params, { today: today, stepCount: query.path.steps.length }),
  );
  const facet = (field) => {
    const values = arrayOf(new DynamicModel({ value: "" }));
    app.db().newQuery(`SELECT DISTINCT ${field} AS value FROM users WHERE supervisor = {:me} AND ${field} != '' ORDER BY ${field}`).bind({ me: me }).all(values);
    return values.map((v) => v.value);
  };
  return {
    path: query.path.id,
    total: total,
    linked: count(app, "SELECT COUNT(*) AS n FROM users WHERE supervisor = {:me}", { me: me }),
    page: query.page,
    perPage: query.perPage,
    totalPages: Math.max(1, Math.ceil(total / query.perPage)),
    completion: completion,
    overdue: overdue,
    tracks: facet("track"),
    countries: facet("country"),
    rows: readRows(app, me, query, query.perPage, (query.page - 1) * query.perPage, now),
  };
}

/** The CSV of every row the filters keep, written 500 learners at a time. */
function writeCsv(app, me, query, lang, now, write) {
  const lib = library();
  const built = require(`${__hooks}/_generated/cohort-labels.cjs`)[lang];
  // the case simulations trainers added to paths are named by their published titles
  const added = require(`${__hooks}/lib/path-steps-store.js`).addedTitles(app, lang);
  const labels = Object.assign({}, built, { steps: Object.assign({}, built.steps, added) });
  write("\ufeff" + lib.cohortCsvHeader(query.path, labels) + "\r\n");
  for (let offset = 0; ; offset += 500) {
    const rows = readRows(app, me, query, 500, offset, now);
    for (const row of rows) write(lib.cohortCsvLine(query.path, row, labels) + "\r\n");
    if (rows.length < 500) break;
  }
}

/** Every statement of every learner the filters keep, as xAPI, one learner at a time. */
function writeXapi(app, me, query, site, write) {
  const lib = library();
  const json = learning().json;
  const s = scope(me, query);
  const learners = arrayOf(new DynamicModel({ id: "", name: "" }));
  app.db().newQuery(`SELECT u.id AS id, u.name AS name FROM users u WHERE ${s.where} ORDER BY u.name COLLATE NOCASE`).bind(s.params).all(learners);
  // activity definitions named in each statement's language (the same names as "my data")
  const names = require(`${__hooks}/_generated/interop-facts.cjs`).names;
  write("[");
  let first = true;
  for (const learner of learners) {
    const statements = app.findRecordsByFilter("statements", "user = {:user}", "timestamp,id", 0, 0, { user: learner.id });
    for (const r of statements) {
      write((first ? "\n" : ",\n") + JSON.stringify(lib.toXapi(lib.statementFromRecord(json(r)), { id: learner.id, name: learner.name }, site, names)));
      first = false;
    }
  }
  write("\n]\n");
}

/** Assigns a path (with a due date) to one linked learner, or to all linked learners of a track or country. */
function assign(app, me, body) {
  const paths = learning().facts().paths.map((p) => p.id);
  const path = String(body.path || "");
  if (paths.indexOf(path) < 0) throw new BadRequestError(`There is no path "${path}". Choose one of: ${paths.join(", ")}.`, { path: new ValidationError("validation_unknown_path", "unknown path") });
  const dueDate = String(body.dueDate || "");
  if (dueDate && !/^\d{4}-\d{2}-\d{2}$/.test(dueDate)) throw new BadRequestError("dueDate must be a day such as 2027-01-31.", { dueDate: new ValidationError("validation_invalid_date", "not a day") });
  const filter = ["supervisor = {:me}"];
  const params = { me: me };
  if (body.learner) {
    filter.push("id = {:learner}");
    params.learner = String(body.learner);
  } else if (body.track) {
    filter.push("track = {:track}");
    params.track = String(body.track);
  } else if (body.country) {
    filter.push("country = {:country}");
    params.country = String(body.country);
  } else {
    throw new BadRequestError("Say whom to assign to: a learner, a track or a country.");
  }
  const learners = app.findRecordsByFilter("users", filter.join(" && "), "", 0, 0, params);
  let created = 0;
  let updated = 0;
  app.runInTransaction((txApp) => {
    for (const learner of learners) {
      let row = learning().findFirst(txApp, "assignments", "learner = {:l} && path = {:p}", { l: learner.id, p: path });
      if (row) updated += 1;
      else {
        row = new Record(txApp.findCollectionByNameOrId("assignments"));
        row.set("learner", learner.id);
        row.set("path", path);
        row.set("assignedBy", me);
        created += 1;
      }
      row.set("dueDate", dueDate ? dueDate + " 00:00:00.000Z" : "");
      txApp.save(row);
    }
  });
  return { learners: learners.length, created: created, updated: updated };
}

/** Counts of choices and endings of a case simulation among the linked learners. */
function insight(app, me, scenario, version) {
  const lib = library();
  if (!lib.own(learning().facts().scenarios, scenario)) throw new NotFoundError(`There is no case simulation "${scenario}".`);
  const bind = { me: me, whole: lib.activityId.scenario(scenario), choices: lib.activityId.scenario(scenario) + "/choice:%", v: version || 0 };
  const mine = `FROM statements s JOIN users u ON u.id = s.user
       WHERE u.supervisor = {:me} AND (s.object = {:whole} OR s.object LIKE {:choices})`;
  const rows = arrayOf(new DynamicModel({ verb: "", object: "", response: "", n: 0 }));
  app.db()
    .newQuery(
      `SELECT s.verb AS verb, s.object AS object, COALESCE(json_extract(s.result, '$.response'), '') AS response, COUNT(*) AS n
       ${mine} AND ({:v} = 0 OR json_extract(s.context, '$.version') = {:v})
       GROUP BY s.verb, s.object, response`,
    )
    .bind(bind)
    .all(rows);
  // the versions my learners played, newest first, so the supervisor can read one at a time
  const played = arrayOf(new DynamicModel({ version: 0 }));
  app.db()
    .newQuery(`SELECT DISTINCT CAST(json_extract(s.context, '$.version') AS INTEGER) AS version ${mine} AND json_extract(s.context, '$.version') IS NOT NULL ORDER BY version DESC`)
    .bind(bind)
    .all(played);
  const counts = lib.scenarioInsight(scenario, rows.map((r) => ({ verb: r.verb, object: r.object, response: r.response, n: r.n })));
  return { choices: counts.choices, endings: counts.endings, plays: counts.plays, version: version || null, versions: played.map((r) => r.version) };
}

/** Up to 20 linked learners whose name contains the text. */
function findLearners(app, me, text) {
  const found = arrayOf(new DynamicModel({ id: "", name: "", track: "", country: "" }));
  app.db()
    .newQuery("SELECT id, name, track, country FROM users WHERE supervisor = {:me} AND name LIKE {:q} ESCAPE '\\' ORDER BY name COLLATE NOCASE LIMIT 20")
    .bind({ me: me, q: "%" + text.slice(0, 80).replace(/[\\%_]/g, (c) => "\\" + c) + "%" })
    .all(found);
  return found.map((r) => ({ id: r.id, name: r.name, track: r.track, country: r.country }));
}

module.exports = { readQuery, language, page, writeCsv, writeXapi, assign, insight, findLearners };
