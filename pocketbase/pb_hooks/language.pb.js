/// <reference path="../pb_data/types.d.ts" />
// Languages: "/" sends the visitor to their stored choice or the best language of their
// browser (Accept-Language), else English; the language switcher's links go through
// /api/continuum/language so that the choice is remembered without JavaScript on the page.
// The choosing code is src/i18n/locales.ts, bundled to _generated/hooks-library.cjs.

routerAdd("GET", "/{$}", (e) => {
  const lib = require(`${__hooks}/_generated/hooks-library.cjs`);
  let stored = "";
  try {
    const cookie = e.request.cookie(lib.languageCookie);
    stored = cookie ? cookie.value : "";
  } catch (_) {
    stored = "";
  }
  const lang = lib.preferredLocale(stored, e.request.header.get("Accept-Language"));
  e.response.header().set("Vary", "Accept-Language, Cookie");
  e.response.header().set("Cache-Control", "no-store");
  return e.redirect(302, "/" + lang + "/");
});

routerAdd("GET", "/api/continuum/language", (e) => {
  const lib = require(`${__hooks}/_generated/hooks-library.cjs`);
  const lang = String(e.request.url.query().get("lang") || "").toLowerCase();
  if (!lib.isLocale(lang)) {
    throw new BadRequestError("lang must be one of: en, fr, pt, es, sw, ar (for example ?lang=fr).");
  }
  e.setCookie(new Cookie({
    name: lib.languageCookie,
    value: lang,
    path: "/",
    maxAge: 365 * 24 * 3600,
    sameSite: 2, // http.SameSiteLaxMode
  }));
  e.response.header().set("Cache-Control", "no-store");
  return e.redirect(303, lib.safeRedirectPath(e.request.url.query().get("next"), lang));
});
