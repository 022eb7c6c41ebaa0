// Package web serves motcua over HTTP: the Vietnamese HTML pages (html/template, static
// files embedded in the binary, htmx, no JS framework), the JSON API under /api/v1 and
// the health check. Every route is listed once, in routes.go.
//
// HTML and JSON have separate handlers over the same store and domain calls. Users never
// see err.Error(): errors.go maps fault codes to HTTP statuses and Vietnamese messages.
// The package imports store and the domain packages; nothing imports it but cmd/motcua.
package web

import (
	"html/template"
	"log/slog"
	"net/http"
	"net/netip"
	"time"

	"motcua/internal/app"
	"motcua/internal/store"
)

// Config holds what the web layer needs from the command line and environment.
type Config struct {
	// Version is printed in the footer and /healthz.
	Version string
	// SessionTTL is how long a login lasts; 12 hours when zero.
	SessionTTL time.Duration
	// TokenTTL is how long an API token lasts; 24 hours when zero.
	TokenTTL time.Duration
	// MaxBody is the largest request body accepted on ordinary routes; 1 MiB when zero.
	MaxBody int64
	// BaseURL is the public address of the site. E-mailed links are built from it only,
	// and are not sent while it is empty; QR codes fall back to the request's address.
	// An https:// address makes every response HTTPS: Secure cookies and HSTS.
	BaseURL string
	// TrustedProxies are the reverse proxies whose X-Forwarded-For header is believed
	// (proxy.go); empty means the peer address is the client.
	TrustedProxies []netip.Prefix
	// DataDir is the data directory; attachments are kept under DataDir/files. "data"
	// when empty.
	DataDir string
	// FileLimit is the largest attachment accepted, per file; 20 MiB when zero.
	FileLimit int64
	// DossierFileLimit is the largest total of the attachments of one dossier; 100 MiB
	// when zero.
	DossierFileLimit int64
	// CitizenQuota is the storage of one citizen's account across all of its drafts and
	// dossiers; 200 MiB when zero.
	CitizenQuota int64
}

// Server carries the dependencies of every handler.
type Server struct {
	cfg   Config
	app   *app.App
	store *store.Store
	log   *slog.Logger
	pages map[string]*template.Template
	now   func() time.Time
}

// New returns the HTTP handler of motcua.
func New(cfg Config, st *store.Store, log *slog.Logger) (http.Handler, error) {
	if cfg.SessionTTL == 0 {
		cfg.SessionTTL = 12 * time.Hour
	}
	if cfg.TokenTTL == 0 {
		cfg.TokenTTL = 24 * time.Hour
	}
	if cfg.MaxBody == 0 {
		cfg.MaxBody = 1 << 20
	}
	if cfg.DataDir == "" {
		cfg.DataDir = "data"
	}
	if cfg.FileLimit <= 0 {
		cfg.FileLimit = 20 << 20
	}
	if cfg.DossierFileLimit <= 0 {
		cfg.DossierFileLimit = 100 << 20
	}
	pages, err := parsePages()
	if err != nil {
		return nil, err
	}
	s := &Server{cfg: cfg, store: st, log: log, pages: pages, now: st.Now}
	s.app = app.New(app.Config{BaseURL: cfg.BaseURL, DataDir: cfg.DataDir, FileLimit: cfg.FileLimit,
		DossierFileLimit: cfg.DossierFileLimit, CitizenQuota: cfg.CitizenQuota,
		SessionTTL: cfg.SessionTTL, TokenTTL: cfg.TokenTTL}, st, log)
	return s.routes(), nil
}
