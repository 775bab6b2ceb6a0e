/// <reference path="../pb_data/types.d.ts" />
// Certificate verification, for anyone holding a code (an employer, a partner agency): it tells
// only the name on the certificate, the path, the date and whether it is valid. Nothing else
// about the learner. Certificates are issued in learning_record.pb.js.

routerAdd("GET", "/api/continuum/certificates/verify/{code}", (e) => {
  const lib = require(`${__hooks}/_generated/learning-record.cjs`);
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
