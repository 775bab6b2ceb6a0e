// Serving the built site (the --publicDir) for phones on weak connections:
//   - files precompressed at build time (name.br, name.gz beside name, made by
//     scripts/lib/precompress.ts) are sent with Content-Encoding when the browser accepts them,
//     always with Vary: Accept-Encoding;
//   - hashed assets (/_astro/*) are cached for a year (immutable), pages for a minute, the
//     service worker never without asking (no-cache), anything else for an hour;
//   - pages carry the Content-Security-Policy that the build wrote to
//     content-security-policy.txt (the hashes of Astro's inline island loaders), re-read
//     whenever that file changes, so a new build brings its own policy.
//
// Everything else (directory redirects, traversal checks, 304s) is PocketBase's apis.Static.
package main

import (
	"errors"
	"io"
	"io/fs"
	"mime"
	"net/http"
	"path"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/pocketbase/pocketbase/apis"
	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tools/router"
)

// policyFile is written by the build (scripts/lib/csp.ts) into the site's root.
const policyFile = "content-security-policy.txt"

// skipActivityLog is the request-event key apis.Static sets so that successful static file
// responses do not flood PocketBase's request log; the precompressed path sets it too.
const skipActivityLog = "__skipSuccessActivityLogger"

var encodings = []struct{ name, ext string }{{"br", ".br"}, {"gzip", ".gz"}}

var compressible = map[string]bool{
	".html": true, ".js": true, ".mjs": true, ".css": true, ".json": true, ".svg": true,
	".webmanifest": true, ".txt": true, ".xml": true,
}

func init() {
	// not in Go's built-in table; the manifest must be served with its own type
	_ = mime.AddExtensionType(".webmanifest", "application/manifest+json")
}

type site struct {
	fsys   fs.FS
	static func(*core.RequestEvent) error

	mu        sync.Mutex
	policy    string
	policyMod time.Time
	policyLen int64
}

func newSite(fsys fs.FS) *site {
	return &site{fsys: fsys, static: apis.Static(fsys, false)}
}

// serve answers GET /{path...} from the site.
func (s *site) serve(re *core.RequestEvent) error {
	urlPath := re.Request.URL.Path
	name := filepath.ToSlash(filepath.Clean(strings.TrimPrefix(re.Request.PathValue(apis.StaticWildcardParam), "/")))
	target, canonical := s.resolve(name, urlPath)

	header := re.Response.Header()
	if target != "" {
		header.Set("Cache-Control", cacheControl(target))
		if strings.HasSuffix(target, ".html") {
			s.pageHeaders(header)
		}
		if compressible[path.Ext(target)] {
			header.Add("Vary", "Accept-Encoding")
			if canonical {
				if served, err := s.serveEncoded(re, target); served || err != nil {
					return err
				}
			}
		}
	}

	err := s.static(re)
	if err != nil && errors.Is(err, router.ErrFileNotFound) {
		return s.notFound(re)
	}
	return err
}

// resolve names the file a request path maps to ("" when there is none), and whether the
// path is the canonical one (apis.Static redirects the others: a directory without its
// trailing slash, a file with one, ".../index.html").
func (s *site) resolve(name, urlPath string) (string, bool) {
	if name == "." || strings.HasPrefix(name, "../") || name == ".." {
		return "", false
	}
	info, err := fs.Stat(s.fsys, name)
	if err != nil {
		return "", false
	}
	if info.IsDir() {
		index := path.Join(name, "index.html")
		if _, err := fs.Stat(s.fsys, index); err != nil {
			return "", false
		}
		return index, strings.HasSuffix(urlPath, "/")
	}
	return name, !strings.HasSuffix(urlPath, "/") && !strings.HasSuffix(urlPath, "/index.html")
}

// cacheControl is how long a browser (or a proxy) may keep a file without asking again.
func cacheControl(target string) string {
	switch {
	case strings.HasPrefix(target, "_astro/"):
		// file names carry a hash of their content: a new build makes new names
		return "public, max-age=31536000, immutable"
	case target == "service-worker.js":
		// the browser must see a new worker as soon as it is deployed
		return "no-cache"
	case strings.HasSuffix(target, ".html"):
		return "public, max-age=60"
	default:
		return "public, max-age=3600"
	}
}

// pageHeaders: what every page is sent with.
func (s *site) pageHeaders(header http.Header) {
	if policy := s.currentPolicy(); policy != "" {
		header.Set("Content-Security-Policy", policy)
	}
	header.Set("X-Content-Type-Options", "nosniff")
	header.Set("Referrer-Policy", "same-origin")
}

// currentPolicy reads the build's policy, again only when the file changed.
func (s *site) currentPolicy() string {
	info, err := fs.Stat(s.fsys, policyFile)
	if err != nil {
		return ""
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if !info.ModTime().Equal(s.policyMod) || info.Size() != s.policyLen {
		body, err := fs.ReadFile(s.fsys, policyFile)
		if err != nil {
			return s.policy
		}
		s.policy = strings.TrimSpace(string(body))
		s.policyMod = info.ModTime()
		s.policyLen = info.Size()
	}
	return s.policy
}

// serveEncoded sends target's precompressed variant when the browser accepts one and it
// exists. It reports whether it answered.
func (s *site) serveEncoded(re *core.RequestEvent, target string) (bool, error) {
	accepted := acceptedEncodings(re.Request.Header.Get("Accept-Encoding"))
	for _, enc := range encodings {
		if !accepted[enc.name] {
			continue
		}
		f, err := s.fsys.Open(target + enc.ext)
		if err != nil {
			continue
		}
		defer f.Close()
		info, err := f.Stat()
		seeker, ok := f.(io.ReadSeeker)
		if err != nil || !ok || info.IsDir() {
			continue
		}
		contentType := mime.TypeByExtension(path.Ext(target))
		if contentType == "" {
			contentType = "application/octet-stream"
		}
		re.Set(skipActivityLog, true)
		header := re.Response.Header()
		header.Set("Content-Type", contentType)
		header.Set("Content-Encoding", enc.name)
		if re.Request.Header.Get("Range") == "" {
			// ServeContent leaves the length out when an encoding is set; it is known here
			header.Set("Content-Length", strconv.FormatInt(info.Size(), 10))
		}
		http.ServeContent(re.Response, re.Request, target, info.ModTime(), seeker)
		return true, nil
	}
	return false, nil
}

// acceptedEncodings reads an Accept-Encoding header: the codings with a quality above zero.
func acceptedEncodings(header string) map[string]bool {
	accepted := map[string]bool{}
	for _, part := range strings.Split(header, ",") {
		fields := strings.Split(part, ";")
		coding := strings.ToLower(strings.TrimSpace(fields[0]))
		if coding == "" {
			continue
		}
		quality := 1.0
		for _, param := range fields[1:] {
			key, value, found := strings.Cut(strings.TrimSpace(param), "=")
			if found && strings.EqualFold(strings.TrimSpace(key), "q") {
				if q, err := strconv.ParseFloat(strings.TrimSpace(value), 64); err == nil {
					quality = q
				}
			}
		}
		accepted[coding] = quality > 0
	}
	return accepted
}

// notFound answers a missing path with the site's 404.html, when it has one.
func (s *site) notFound(re *core.RequestEvent) error {
	body, err := fs.ReadFile(s.fsys, "404.html")
	if err != nil {
		return router.ErrFileNotFound
	}
	header := re.Response.Header()
	header.Set("Content-Type", "text/html; charset=utf-8")
	header.Set("Cache-Control", "no-cache")
	s.pageHeaders(header)
	re.Response.WriteHeader(http.StatusNotFound)
	_, err = re.Response.Write(body)
	return err
}
