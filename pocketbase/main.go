// Continuum's PocketBase: upstream examples/base/main.go (jsvm + migratecmd) serving the
// static site from --publicDir on the same origin (site.go: precompressed files, cache
// lifetimes, the pages' Content-Security-Policy, the site's 404.html for missing pages).
// The learning platform itself lives in pb_migrations/ and pb_hooks/, except the signing of
// Open Badges credentials (credentials.go: goja has no WebCrypto). So the official release
// binary of the same version (PB_BIN) runs the same platform, with three differences: it serves
// the site and the API's answers (api_compression.go) without compression and the site without
// those headers, it does not open SQLite with secure_delete
// (erased accounts then linger in free pages until a VACUUM), and it answers the credential
// route with 503.
// The GitHub self-update plugin is left out: this binary is built from source.
package main

import (
	"log"
	"net/http"
	"os"
	"path/filepath"

	"github.com/pocketbase/dbx"
	"github.com/pocketbase/pocketbase"
	"github.com/pocketbase/pocketbase/apis"
	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/plugins/jsvm"
	"github.com/pocketbase/pocketbase/plugins/migratecmd"
	"github.com/pocketbase/pocketbase/tools/hook"
	"github.com/pocketbase/pocketbase/tools/osutils"
)

func main() {
	app := pocketbase.NewWithConfig(pocketbase.Config{
		DefaultDev: osutils.IsProbablyGoRun(), // as pocketbase.New(); the scripts pass --dev=false
		DBConnect:  secureDeleteDBConnect,
	})

	var hooksDir string
	app.RootCmd.PersistentFlags().StringVar(&hooksDir, "hooksDir", "", "the directory with the JS app hooks")

	var hooksWatch bool
	app.RootCmd.PersistentFlags().BoolVar(&hooksWatch, "hooksWatch", true,
		"auto restart the app on pb_hooks file change; it has no effect on Windows")

	// Every request that reaches a JS hook (each statement, every list) holds one runtime until it
	// is answered; past the pool, each request builds a throwaway runtime and loads the hooks'
	// libraries again (at 40 learners at once that costs each statement about twice its CPU; the
	// bench measured 6.7 ms with 15, 3.6 ms with 50). Upstream's default is 15.
	var hooksPool int
	app.RootCmd.PersistentFlags().IntVar(&hooksPool, "hooksPool", 50,
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
			e.Router.Bind(apiCompression())
			if !e.Router.HasRoute(http.MethodGet, "/{path...}") {
				if indexFallback {
					e.Router.GET("/{path...}", apis.Static(os.DirFS(publicDir), true))
				} else {
					e.Router.GET("/{path...}", newSite(os.DirFS(publicDir)).serve)
				}
			}

			return e.Next()
		},
		Priority: 999, // as late as possible so that hooks can define their own routes
	})

	if err := app.Start(); err != nil {
		log.Fatal(err)
	}
}

// secureDeleteDBConnect opens SQLite with PocketBase's default pragmas (core.DefaultDBConnect)
// plus secure_delete, which overwrites deleted content with zeros: after an account is erased
// its data does not stay readable in the database file's free pages.
func secureDeleteDBConnect(dbPath string) (*dbx.DB, error) {
	pragmas := "?_pragma=busy_timeout(10000)&_pragma=journal_mode(WAL)&_pragma=journal_size_limit(200000000)" +
		"&_pragma=synchronous(NORMAL)&_pragma=foreign_keys(ON)&_pragma=temp_store(MEMORY)&_pragma=cache_size(-32000)" +
		"&_pragma=secure_delete(ON)"
	return dbx.Open("sqlite", dbPath+pragmas)
}

// the default pb_public dir location is relative to the executable
func defaultPublicDir() string {
	if osutils.IsProbablyGoRun() {
		return "./pb_public"
	}
	return filepath.Join(os.Args[0], "../pb_public")
}
