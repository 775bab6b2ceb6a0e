/// <reference path="../pb_data/types.d.ts" />
// People and roles (the admin page): one page of accounts, searched by name or e-mail and counted
// on the server. A route, not the users list API, because PocketBase lets only superusers filter
// on the e-mail of accounts that do not show it, and admins are not superusers.

routerAdd("GET", "/api/continuum/admin/people", (e) => {
  const account = require(`${__hooks}/lib/accounts.js`);
  if (!account.isAdmin(e)) throw new ForbiddenError("Only administrators can list people.");
  const query = e.request.url.query();
  const perPage = Math.min(200, Math.max(1, Number(query.get("perPage")) || 50));
  const page = Math.max(1, Math.floor(Number(query.get("page")) || 1));
  const text = String(query.get("q") || "").trim().slice(0, 120);
  const like = "%" + text.replace(/[\\%_]/g, (c) => "\\" + c) + "%";
  const where = text ? "WHERE name LIKE {:q} ESCAPE '\\' OR email LIKE {:q} ESCAPE '\\'" : "";
  const counted = new DynamicModel({ n: 0 });
  e.app.db().newQuery(`SELECT COUNT(*) AS n FROM users ${where}`).bind({ q: like }).one(counted);
  const rows = arrayOf(new DynamicModel({ id: "", name: "", email: "", role: "", supervisor: "", track: "", country: "", deactivated: 0, invitedAt: "", verified: 0 }));
  e.app.db()
    .newQuery(`SELECT id, name, email, role, supervisor, track, country, deactivated, invitedAt, verified FROM users ${where} ORDER BY name COLLATE NOCASE, id LIMIT {:limit} OFFSET {:offset}`)
    .bind({ q: like, limit: perPage, offset: (page - 1) * perPage })
    .all(rows);
  const totalItems = counted.n;
  return e.json(200, {
    page: page,
    perPage: perPage,
    totalItems: totalItems,
    totalPages: Math.max(1, Math.ceil(totalItems / perPage)),
    items: rows.map((r) => ({
      id: r.id, name: r.name, email: r.email, role: r.role, supervisor: r.supervisor, track: r.track, country: r.country,
      deactivated: !!r.deactivated, pending: !!r.invitedAt && !r.verified,
    })),
  });
}, $apis.requireAuth("users", "_superusers"));
