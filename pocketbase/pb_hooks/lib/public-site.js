// The site's public address for the ids in credentials (required by pb_hooks/credentials.pb.js,
// not a hook): PUBLIC_URL when the environment sets it (behind a reverse proxy that terminates
// HTTPS, the request itself says http://), else the address the request came to.

/** e.g. "https://learn.example.org" (no trailing slash). */
function publicSite(e) {
  const configured = String($os.getenv("PUBLIC_URL") || "").trim().replace(/\/+$/, "");
  if (configured) return configured;
  return (e.request.tls ? "https://" : "http://") + e.request.host;
}

module.exports = { publicSite };
