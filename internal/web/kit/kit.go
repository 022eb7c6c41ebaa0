// Package kit is the small toolkit that motcua's web packages share: configuration,
// rendering of the embedded html/template pages and static files, the one mapping of
// fault codes to HTTP statuses and Vietnamese messages, sessions and CSRF, client
// addresses behind trusted proxies, security headers, request IDs, limits on bodies,
// Uploads and rates, and JSON helpers. It holds no page and no rule: handlers live in
// the packages of their audience (public, citizen, desk, admin, api) and the rules in
// internal/app.
package kit

import (
	"html/template"
	"log/slog"
	"motcua/internal/files"
	"motcua/internal/metrics"
	"net/netip"
	"time"

	"motcua/internal/app"
	"motcua/internal/store"
)

// Config holds what the web layer needs from the command line and environment.
type Config struct {
	// Version is printed in the footer and /healthz.
	Version string
	// Files is where attachments are kept; DataDir/files when nil.
	Files *files.Store
	// Metrics, when set, counts every request by route pattern (served apart, on the
	// operator's address).
	Metrics *metrics.Registry
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
	// InboxExportRows is the most rows one Excel export of the inbox holds within a
	// request; 10,000 when zero.
	InboxExportRows int
	// BookVolumeRows is the row cap of one volume of the dossier book; 1,000 when zero.
	BookVolumeRows int
	// Payment configures online payment (MOTCUA_PAYMENT and MOTCUA_VNPAY_*), resolved by
	// app.ResolvePaymentConfig; off when its Mode is empty.
	Payment app.PaymentConfig
}

// Kit carries the dependencies that every handler shares: the configuration, the use
// cases, the store for read-only views, the log, the parsed pages and the clock. Each
// audience's package embeds it in its own Server type.
type Kit struct {
	Cfg   Config
	App   *app.App
	Store *store.Store
	Log   *slog.Logger
	Now   func() time.Time
	// Lookups limits the public lookups (pages and API share the count), per address.
	Lookups *RateLimiter
	pages   map[string]*template.Template
}

// New applies the configuration's defaults and returns the kit.
func New(cfg Config, st *store.Store, log *slog.Logger) (*Kit, error) {
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
	k := &Kit{Cfg: cfg, Store: st, Log: log, pages: pages, Now: st.Now, Lookups: NewRateLimiter(60, time.Minute)}
	if st.Dialect() == store.Postgres {
		// Several servers may share the database: the public lookup's limit holds across them.
		k.Lookups = NewSharedRateLimiter(st, "lookup", 60, time.Minute, func(err error) {
			log.Warn("rate limit: counting failed, request let through", "err", err)
		})
	}
	k.App = app.New(app.Config{BaseURL: cfg.BaseURL, DataDir: cfg.DataDir, Files: cfg.Files, FileLimit: cfg.FileLimit,
		DossierFileLimit: cfg.DossierFileLimit, CitizenQuota: cfg.CitizenQuota,
		SessionTTL: cfg.SessionTTL, TokenTTL: cfg.TokenTTL, Payment: cfg.Payment, BookVolumeRows: cfg.BookVolumeRows,
		InboxExportRows: cfg.InboxExportRows}, st, log)
	return k, nil
}
