/// <reference path="../pb_data/types.d.ts" />
// Certificate verification, for anyone holding a code (an employer, a partner agency): it tells
// only the name on the certificate, the path, the date and whether it is valid. Nothing else
// about the learner. Certificates are issued by the statements hook when a path is complete
// (lib/learning-store.js), or here when the learner's e-mail address becomes verified.

routerAdd("GET", "/api/continuum/certificates/verify/{code}", (e) => {
  const lib = require(`${__hooks}/_generated/hooks-library.cjs`);
  const code = lib.normaliseCertificateCode(String(e.request.pathValue("code") || ""));
  e.response.header().set("Cache-Control", "no-store");
  if (!code) {
    throw new BadRequestError("A certificate code has 12 letters and digits, like K7PQ-3MZX-9HTA. Check it and try again.");
  }
  let certificate = null;
  try {
    certificate = e.app.findFirstRecordByFilter("certificates", "code = {:code}", { code: code });
  } catch (_) {
    certificate = null;
  }
  if (!certificate) {
    throw new NotFoundError("No certificate has this code.");
  }
  return e.json(200, {
    code: code,
    name: certificate.getString("learnerName"),
    path: certificate.getString("path"),
    issuedAt: certificate.getDateTime("issuedAt").string().replace(" ", "T"),
    valid: !certificate.getBool("revoked"),
  });
});

// A learner who completed a path before verifying their address gets the certificate on verification.
onRecordAfterUpdateSuccess((e) => {
  if (e.record.getBool("verified") && !e.record.original().getBool("verified")) {
    require(`${__hooks}/lib/learning-store.js`).issueCertificates(e.app, e.record.id);
  }
  e.next();
}, "users");
