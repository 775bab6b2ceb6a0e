/// <reference path="../pb_data/types.d.ts" />
// Statements are limited per account (pb_hooks/statements.pb.js, src/learning-record/limits.ts),
// so the limits per address can let a classroom behind one address work at full pace:
// record creations 600 -> 4000 a minute, all API requests 3000 -> 8000 a minute.
migrate((app) => {
  const raised = { "*:create": 4000, "/api/": 8000 };
  const settings = app.settings();
  settings.rateLimits.rules = settings.rateLimits.rules.map((r) => ({
    label: r.label,
    maxRequests: raised[r.label] || r.maxRequests,
    duration: r.duration,
    audience: r.audience,
  }));
  app.save(settings);
}, (app) => {
  const lowered = { "*:create": 600, "/api/": 3000 };
  const settings = app.settings();
  settings.rateLimits.rules = settings.rateLimits.rules.map((r) => ({
    label: r.label,
    maxRequests: lowered[r.label] || r.maxRequests,
    duration: r.duration,
    audience: r.audience,
  }));
  app.save(settings);
});
