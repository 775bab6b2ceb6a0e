package main

import (
	"strings"

	"github.com/pocketbase/pocketbase/apis"
	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tools/hook"
)

// apiCompression sends the API's answers of 1 KB or more gzip-compressed when the client accepts
// it (PocketBase's own gzip middleware): a published case simulation, a page of the cohort or an
// export crosses a phone's weak connection in a fraction of the bytes. Smaller answers (a stored
// statement) go as they are. The site's files are compressed ahead of time (site.go); the
// realtime stream and stored files (ranges) are left alone.
func apiCompression() *hook.Handler[*core.RequestEvent] {
	gzip := apis.GzipWithConfig(apis.GzipConfig{MinLength: 1024})
	return &hook.Handler[*core.RequestEvent]{
		Id: "continuumApiCompression",
		Func: func(e *core.RequestEvent) error {
			path := e.Request.URL.Path
			if !strings.HasPrefix(path, "/api/") || strings.HasPrefix(path, "/api/realtime") || strings.HasPrefix(path, "/api/files/") {
				return e.Next()
			}
			return gzip.Func(e)
		},
	}
}
