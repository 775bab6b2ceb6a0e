/// <reference path="../pb_data/types.d.ts" />
// Settings from the environment, applied at every start (the environment wins over the admin
// UI for what it sets; what it leaves unset stays as configured in the admin UI):
//   PUBLIC_URL                 the site's address, used in e-mail links (settings.meta.appURL)
//   SMTP_HOST, SMTP_PORT (587), SMTP_USER, SMTP_PASSWORD, SMTP_TLS=true (implicit TLS, port 465)
//   MAIL_FROM, MAIL_FROM_NAME (Continuum)   the sender of every e-mail
//   TRUSTED_PROXY_HEADERS      e.g. X-Forwarded-For, behind a reverse proxy (and
//                              TRUSTED_PROXY_LEFTMOST=true when the proxy appends to the header)
//   CONTINUUM_BACKUPS_CRON, CONTINUUM_BACKUPS_KEEP   scheduled backups (npm run serve: daily, keep 7)
// Set by scripts/serve.ts from the same variables; the test setup points SMTP at its own server.
onBootstrap((e) => {
  e.next();
  const env = (name) => String($os.getenv(name) || "").trim();
  const settings = e.app.settings();
  let changed = false;
  const set = (object, key, value) => {
    if (object[key] !== value) {
      object[key] = value;
      changed = true;
    }
  };
  if (settings.meta.appName === "Acme") set(settings.meta, "appName", "Continuum");
  if (env("PUBLIC_URL")) set(settings.meta, "appURL", env("PUBLIC_URL").replace(/\/+$/, ""));
  if (env("SMTP_HOST")) {
    set(settings.smtp, "enabled", true);
    set(settings.smtp, "host", env("SMTP_HOST"));
    set(settings.smtp, "port", Number(env("SMTP_PORT") || 587));
    set(settings.smtp, "username", env("SMTP_USER"));
    set(settings.smtp, "password", env("SMTP_PASSWORD"));
    set(settings.smtp, "tls", env("SMTP_TLS") === "true");
  }
  if (env("MAIL_FROM")) set(settings.meta, "senderAddress", env("MAIL_FROM"));
  if (env("MAIL_FROM_NAME") || settings.meta.senderName === "Support") set(settings.meta, "senderName", env("MAIL_FROM_NAME") || "Continuum");
  if (env("TRUSTED_PROXY_HEADERS")) {
    const headers = env("TRUSTED_PROXY_HEADERS").split(",").map((h) => h.trim()).filter(Boolean);
    if (JSON.stringify(settings.trustedProxy.headers) !== JSON.stringify(headers)) {
      settings.trustedProxy.headers = headers;
      changed = true;
    }
    set(settings.trustedProxy, "useLeftmostIP", env("TRUSTED_PROXY_LEFTMOST") === "true");
  }
  if (env("CONTINUUM_BACKUPS_CRON")) {
    set(settings.backups, "cron", env("CONTINUUM_BACKUPS_CRON"));
    set(settings.backups, "cronMaxKeep", Number(env("CONTINUUM_BACKUPS_KEEP") || 7));
  }
  if (changed) e.app.save(settings);
});
