/// <reference path="../pb_data/types.d.ts" />
// Backups for the operator's script (npm run backup), through PocketBase's own backup code (a
// consistent copy: writes wait while it is taken; npm run restore unpacks one). Only from this
// machine (loopback) and only with the token that the script gave the process
// (CONTINUUM_LOCAL_TOKEN): no account, superuser or not, can call it.

routerAdd("POST", "/api/continuum/local/backup", (e) => {
  const token = String($os.getenv("CONTINUUM_LOCAL_TOKEN") || "");
  const given = String(e.request.header.get("X-Continuum-Local-Token") || "");
  const remote = String(e.remoteIP());
  if (!token || !(remote === "::1" || remote.indexOf("127.") === 0) || !$security.equal(token, given)) {
    throw new NotFoundError();
  }
  const name = String(e.requestInfo().body.name || "");
  if (!/^[a-z0-9_-]+\.zip$/.test(name)) throw new BadRequestError("name must look like continuum_20270101_030000.zip");
  e.app.createBackup(e.request.context(), name);
  return e.json(200, { name: name, path: `${e.app.dataDir()}/backups/${name}` });
});
