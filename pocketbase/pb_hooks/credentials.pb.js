/// <reference path="../pb_data/types.d.ts" />
// Open Badges 3.0: every certificate is also a signed credential. What it says is decided by
// src/interop/open-badges.ts (bundled); the signature is made in Go with the key kept in the
// data directory ($credentials, pocketbase/credentials.go). Public, like the verify route: a
// 60-bit certificate code is the key to it, and the rate limit on /api/continuum/certificates/
// applies.
//   GET /api/continuum/issuer                       the issuer's profile
//   GET /api/continuum/issuer/jwks                  its public key (JWK Set); the key's "kid" is the
//                                                   absolute URL a credential's header names
//                                                   (<this URL>#<RFC 7638 thumbprint>)
//   GET /api/continuum/certificates/{code}/credential
//        → { status, credential, jwt }; ?format=jwt → the compact JWS alone (a download);
//          ?status=1 → the 1EdRevocationList the credential names (revoked or not)

// The ids in credentials are made on PUBLIC_URL when it is set (lib/public-site.js).
// (handlers run in runtimes of their own: nothing declared outside a handler reaches it)
routerAdd("GET", "/api/continuum/issuer", (e) => {
  const lib = require(`${__hooks}/_generated/hooks-library.cjs`);
  return e.json(200, lib.issuerProfile(require(`${__hooks}/lib/public-site.js`).publicSite(e)));
});

routerAdd("GET", "/api/continuum/issuer/jwks", (e) => {
  if (typeof $credentials === "undefined") {
    throw new ApiError(503, "This server cannot sign credentials: it was not built from pocketbase/ (see README, Open Badges).");
  }
  e.response.header().set("Cache-Control", "public, max-age=300");
  const jwk = JSON.parse($credentials.publicJwk());
  jwk.kid = `${require(`${__hooks}/lib/public-site.js`).publicSite(e)}/api/continuum/issuer/jwks#${jwk.kid}`;
  return e.json(200, { keys: [jwk] });
});

// {part} rather than a literal "credential": Go's router would see /certificates/{code}/credential
// and /certificates/verify/{code} as overlapping; this one is the more general of the two.
routerAdd("GET", "/api/continuum/certificates/{code}/{part}", (e) => {
  if (e.request.pathValue("part") !== "credential") throw new NotFoundError("Nothing here: ask for /api/continuum/certificates/{code}/credential.");
  const lib = require(`${__hooks}/_generated/hooks-library.cjs`);
  const facts = require(`${__hooks}/_generated/interop-facts.cjs`);
  e.response.header().set("Cache-Control", "no-store");
  const code = lib.normaliseCertificateCode(String(e.request.pathValue("code") || ""));
  if (!code) throw new BadRequestError("A certificate code has 12 letters and digits, like K7PQ-3MZX-9HTA. Check it and try again.");
  let certificate = null;
  try {
    certificate = e.app.findFirstRecordByFilter("certificates", "code = {:code}", { code: code });
  } catch (_) {
    certificate = null;
  }
  if (!certificate) throw new NotFoundError("No certificate has this code.");
  const site = require(`${__hooks}/lib/public-site.js`).publicSite(e);
  const revoked = certificate.getBool("revoked");
  const query = e.request.url.query();
  if (query.get("status")) return e.json(200, lib.revocationList(site, code, revoked));

  if (typeof $credentials === "undefined") {
    throw new ApiError(503, "This server cannot sign credentials: it was not built from pocketbase/ (see README, Open Badges).");
  }
  const path = certificate.getString("path");
  const fileAchievement = Object.prototype.hasOwnProperty.call(facts.achievements, path) ? facts.achievements[path] : null;
  if (!fileAchievement) throw new NotFoundError(`The path "${path}" of this certificate is no longer in the content, so no credential can describe it.`);
  // with the case simulations trainers had added to the path when the certificate was issued
  const issued = certificate.getDateTime("issuedAt").string();
  const achievement = require(`${__hooks}/lib/path-steps-store.js`).achievementAt(e.app, path, fileAchievement, issued);
  let email = "";
  try {
    email = e.app.findRecordById("users", certificate.getString("user")).email();
  } catch (_) {
    email = "";
  }
  const salt = certificate.id;
  const credential = lib.openBadgeCredential({
    site: site,
    code: code,
    path: path,
    achievement: achievement,
    learnerName: certificate.getString("learnerName"),
    emailHash: email ? $security.sha256(email.toLowerCase() + salt) : undefined,
    salt: email ? salt : undefined,
    issuedAt: issued.replace(" ", "T"),
  });
  const jwk = JSON.parse($credentials.publicJwk());
  const jwt = $credentials.sign(JSON.stringify(lib.credentialJwtPayload(credential)), `${site}/api/continuum/issuer/jwks#${jwk.kid}`);
  if (query.get("format") === "jwt") {
    e.response.header().set("Content-Disposition", `attachment; filename="continuum-credential-${code}.jwt"`);
    e.response.header().set("Content-Type", "application/vc+jwt");
    return e.string(200, jwt);
  }
  return e.json(200, { status: revoked ? "revoked" : "active", credential: credential, jwt: jwt });
});
