// Continuum's PocketBase: upstream examples/base/main.go (jsvm + migratecmd) serving the
// static site from --publicDir on the same origin, with the site's 404.html for missing pages.
// Everything Continuum-specific lives in pb_migrations/ and pb_hooks/, except the signing of
// Open Badges credentials (credentials.go: goja has no WebCrypto); the official release binary
// of the same version (PB_BIN) runs the same platform and answers the credential route with 503.
// The GitHub self-update plugin is left out: this binary is built from source.
package main

import (
	"errors"
	"io/fs"
	"log"
	"net/http"
	"os"
	"path/filepath"

	"github.com/pocketbase/pocketbase"
	"github.com/pocketbase/pocketbase/apis"
	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/plugins/jsvm"
	"github.com/pocketbase/pocketbase/plugins/migratecmd"
	"github.com/pocketbase/pocketbase/tools/hook"
	"github.com/pocketbase/pocketbase/tools/osutils"
	"github.com/pocketbase/pocketbase/tools/router"
)

func main() {
	app := pocketbase.New()

	var hooksDir string
	app.RootCmd.PersistentFlags().StringVar(&hooksDir, "hooksDir", "", "the directory with the JS app hooks")

	var hooksWatch bool
	app.RootCmd.PersistentFlags().BoolVar(&hooksWatch, "hooksWatch", true,
		"auto restart the app on pb_hooks file change; it has no effect on Windows")

	var hooksPool int
	app.RootCmd.PersistentFlags().IntVar(&hooksPool, "hooksPool", 15,
		"the total prewarm goja.Runtime instances for the JS app hooks execution")

	var migrationsDir string
	app.RootCmd.PersistentFlags().StringVar(&migrationsDir, "migrationsDir", "",
		"the directory with the user defined migrations")

	var automigrate bool
	app.RootCmd.PersistentFlags().BoolVar(&automigrate, "automigrate", false,
		"enable/disable auto migrations (off: migrations are written by hand)")

	var indexFallback bool
	app.RootCmd.PersistentFlags().BoolVar(&indexFallback, "indexFallback", false,
		"fallback the request to index.html on missing static path (off: the site's 404.html is served)")

	var publicDir string
	app.RootCmd.PersistentFlags().StringVar(&publicDir, "publicDir", defaultPublicDir(),
		"the directory to serve static files (the built Continuum site)")

	app.RootCmd.ParseFlags(os.Args[1:])

	jsvm.MustRegister(app, jsvm.Config{
		// $credentials: signing Open Badges 3.0 credentials with the key kept in the data dir (credentials.go)
		OnInit:        bindCredentials(&issuerKeys{app: app}),
		MigrationsDir: migrationsDir,
		HooksDir:      hooksDir,
		HooksWatch:    hooksWatch,
		HooksPoolSize: hooksPool,
	})

	migratecmd.MustRegister(app, app.RootCmd, migratecmd.Config{
		TemplateLang: migratecmd.TemplateLangJS,
		Automigrate:  automigrate,
		Dir:          migrationsDir,
	})

	app.OnServe().Bind(&hook.Handler[*core.ServeEvent]{
		Func: func(e *core.ServeEvent) error {
			site := os.DirFS(publicDir)

			if !e.Router.HasRoute(http.MethodGet, "/{path...}") {
				static := apis.Static(site, indexFallback)
				e.Router.GET("/{path...}", func(re *core.RequestEvent) error {
					err := static(re)
					if err != nil && errors.Is(err, router.ErrFileNotFound) {
						return notFoundPage(re, site)
					}
					return err
				})
			}

			return e.Next()
		},
		Priority: 999, // as late as possible so that hooks can define their own routes
	})

	if err := app.Start(); err != nil {
		log.Fatal(err)
	}
}

// notFoundPage answers a missing static path with the site's 404.html, when it has one.
func notFoundPage(re *core.RequestEvent, site fs.FS) error {
	body, err := fs.ReadFile(site, "404.html")
	if err != nil {
		return router.ErrFileNotFound
	}
	re.Response.Header().Set("Content-Type", "text/html; charset=utf-8")
	re.Response.WriteHeader(http.StatusNotFound)
	_, err = re.Response.Write(body)
	return err
}

// the default pb_public dir location is relative to the executable
func defaultPublicDir() string {
	if osutils.IsProbablyGoRun() {
		return "./pb_public"
	}
	return filepath.Join(os.Args[0], "../pb_public")
}
