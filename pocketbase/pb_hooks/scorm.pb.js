/// <reference path="../pb_data/types.d.ts" />
// SCORM 1.2 packages for supervisors, trainers and admins: GET /api/continuum/scorm/{kind}/{id}?lang=xx
// (kind: module or scenario). The package is made by the same exporter as `npm run export:scorm`
// (scripts/export-scorm.ts, run with the project's Node), once per content version: packages
// are kept in <dataDir>/scorm/<stamp>/, where the stamp changes whenever the server's facts
// about the content are rewritten (every start), so a package never outlives its content.

routerAdd("GET", "/api/continuum/scorm/{kind}/{id}", (e) => {
  const role = e.auth ? e.auth.getString("role") : "";
  if (e.auth && e.auth.collection().name === "_superusers") {
    // superusers may download too
  } else if (!["supervisor", "trainer", "admin"].includes(role)) {
    throw new ForbiddenError("Only supervisors, trainers and administrators can download SCORM packages.");
  }
  const kind = e.request.pathValue("kind");
  const id = e.request.pathValue("id");
  const lang = e.request.url.query().get("lang") || "en";
  const lib = require(`${__hooks}/_generated/hooks-library.cjs`);
  const facts = require(`${__hooks}/_generated/learning-facts.cjs`);
  if (kind !== "module" && kind !== "scenario") throw new BadRequestError('The kind is "module" or "scenario".');
  const known = kind === "module" ? lib.own(facts.modules, id) : lib.own(facts.scenarios, id);
  if (!known) throw new NotFoundError(`No ${kind} has the id "${id}".`);
  if (!lib.isLocale(lang)) throw new BadRequestError("The language is one of en, fr, pt, es, sw, ar.");

  const root = `${__hooks}/../..`;
  const stamp = String($os.stat(`${__hooks}/_generated/learning-facts.cjs`).modTime().unixMilli());
  const dir = `${e.app.dataDir()}/scorm/${stamp}`;
  const name = `continuum-${kind}-${id}-${lang}.zip`;
  let bytes = null;
  try {
    bytes = $os.readFile(`${dir}/${name}`);
  } catch (_) {
    const tmp = `${e.app.dataDir()}/scorm-build-${$security.randomString(12)}`;
    $os.mkdirAll(tmp, 0o700);
    try {
      const cmd = $os.cmd(`${root}/node_modules/.bin/node`, `${root}/scripts/export-scorm.ts`, "--out", tmp, "--lang", lang, "--only", `${kind}:${id}`, "--quiet");
      cmd.dir = root;
      const output = toString(cmd.combinedOutput());
      bytes = $os.readFile(`${tmp}/${name}`);
      $os.mkdirAll(dir, 0o755);
      // packages of earlier content go
      for (const entry of $os.readDir(`${e.app.dataDir()}/scorm`)) {
        if (entry.name() !== stamp) $os.removeAll(`${e.app.dataDir()}/scorm/${entry.name()}`);
      }
      $os.rename(`${tmp}/${name}`, `${dir}/${name}`);
      if (output.trim()) e.app.logger().info("SCORM export", "output", output);
    } catch (err) {
      e.app.logger().error("SCORM export failed", "error", String(err));
      throw new ApiError(500, "The package could not be made. The server log says why.");
    } finally {
      $os.removeAll(tmp);
    }
  }
  e.response.header().set("Content-Type", "application/zip");
  e.response.header().set("Content-Disposition", `attachment; filename="${name}"`);
  e.response.header().set("Cache-Control", "no-store");
  return e.blob(200, "application/zip", bytes);
}, $apis.requireAuth());
