/// <reference path="../pb_data/types.d.ts" />
// Content-Security-Policy violation reports: the pages' policy (written by the build,
// scripts/lib/csp.ts; sent by pocketbase/site.go) names this route as its report-uri. A report is
// logged as a warning "csp violation" with the page, the directive and what was blocked, so a
// policy that breaks a page shows in the logs (the end-to-end suite checks that there are none).
// Nothing else is stored; the body is read up to 16 KB; anyone may report (browsers send no
// credentials), and the API's rate limits apply.
routerAdd("POST", "/api/continuum/csp-report", (e) => {
  let report = {};
  try {
    const body = JSON.parse(toString(e.request.body, 16 * 1024) || "{}");
    report = body["csp-report"] || body || {};
  } catch (_) {
    report = {};
  }
  const text = (value) => String(value || "").slice(0, 300);
  e.app.logger().warn(
    "csp violation",
    "page", text(report["document-uri"]),
    "directive", text(report["violated-directive"] || report["effective-directive"]),
    "blocked", text(report["blocked-uri"]),
    "source", text(report["source-file"]) + ":" + text(report["line-number"]),
    "sample", text(report["script-sample"]),
  );
  return e.noContent(204);
});
