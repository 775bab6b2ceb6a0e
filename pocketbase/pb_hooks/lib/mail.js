// Sending Continuum's own e-mails (required by the hooks; not a hook file itself).
// The texts come from src/accounts/mail.ts (bundled to _generated/accounts.cjs), in the
// recipient's preferred language; links point at the site's pages (PUBLIC_URL, settings.meta.appURL)
// and carry their token after "#", so that it never reaches a request log.

/** The site's address without a trailing slash. */
function siteURL(app) {
  return String(app.settings().meta.appURL || "").replace(/\/+$/, "");
}

/** Whether e-mail can be sent (SMTP configured); without it nothing is sent and nothing fails. */
function enabled(app) {
  return !!app.settings().smtp.enabled;
}

/** Sends one message ({ subject, text, html }) to one address; false when not configured. */
function send(app, to, message) {
  if (!enabled(app)) {
    app.logger().info("E-mail not sent: SMTP is not configured", "subject", message.subject);
    return false;
  }
  const meta = app.settings().meta;
  app.newMailClient().send(new MailerMessage({
    from: { address: meta.senderAddress, name: meta.senderName },
    to: [{ address: to }],
    subject: message.subject,
    html: message.html,
    text: message.text,
  }));
  return true;
}

/** A link to one of the account pages, in the person's language, with a token after "#". */
function accountLink(app, lang, page, token) {
  return `${siteURL(app)}/${lang}/account/${page}/` + (token ? `#token=${encodeURIComponent(token)}` : "");
}

/**
 * Sends an account e-mail (verification, passwordReset, emailChange, invitation, accountExists,
 * emailInUse) to a users record, in their language. `page` is the account page the link opens
 * (verify, reset, email, join) or "" for a message without a link. Errors are logged, not thrown:
 * the request that asked for it must answer the same either way.
 */
function sendAccountMail(app, record, kind, page, token, extra) {
  const lib = require(`${__hooks}/_generated/accounts.cjs`);
  const lang = lib.mailLanguage(record.getString("preferredLanguage"));
  const message = lib.accountMail({
    kind: kind,
    lang: lang,
    name: record.getString("name"),
    url: page ? accountLink(app, lang, page, token) : "",
    inviter: (extra && extra.inviter) || "",
  });
  try {
    return send(app, record.email(), message);
  } catch (err) {
    app.logger().error("Could not send an account e-mail", "kind", kind, "error", String(err));
    return false;
  }
}

/**
 * A password-reset token that lasts 7 days, for an invitation (PocketBase's own lasts 30
 * minutes); PocketBase's confirm-password-reset accepts it like its own, since it is signed the
 * same way, and marks the address verified when it is used.
 */
function invitationToken(record) {
  const collection = record.collection();
  return $security.createJWT(
    { id: record.id, type: "passwordReset", collectionId: collection.id, email: record.email() },
    record.tokenKey() + collection.passwordResetToken.secret,
    7 * 24 * 3600,
  );
}

/** Replaces a PocketBase message with Continuum's, in the record's language. */
function localise(e, kind, page, token) {
  const lib = require(`${__hooks}/_generated/accounts.cjs`);
  const lang = lib.mailLanguage(e.record.getString("preferredLanguage"));
  const message = lib.accountMail({ kind: kind, lang: lang, name: e.record.getString("name"), url: accountLink(e.app, lang, page, token) });
  e.message.subject = message.subject;
  e.message.html = message.html;
  e.message.text = message.text;
}

module.exports = { siteURL, enabled, send, accountLink, sendAccountMail, invitationToken, localise };
