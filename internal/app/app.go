// Package app holds motcua's use cases (nghiệp vụ): one call per thing a person does —
// receive a dossier at the counter, submit one online, act on a dossier, attach a file,
// issue a form, register a citizen, reset a password, edit the catalogue. Each call takes
// the actor, the input and the time as parameters, decides access (role, unit scope,
// dossier state), runs the domain rule and makes the one store call that writes the
// change together with its audit line and outbox message.
//
// Pages, the JSON API, Open311 and the command line are thin adapters over this package:
// no access rule or business rule lives in a handler. app imports the domain packages,
// store and notify; it never imports net/http or the web packages.
package app

import (
	"log/slog"
	"time"

	"motcua/internal/files"
	"motcua/internal/store"
)

// Config holds what the use cases need from the command line and environment.
type Config struct {
	// BaseURL is the public address of the site (https://…), used in e-mailed links and
	// QR codes. Mails with links are refused while it is empty: links are never built
	// from request headers.
	BaseURL string
	// DataDir is the data directory; attachments are kept under DataDir/files unless
	// Files says otherwise.
	DataDir string
	// Files is where attachments are kept (files.NewS3 for an object store shared by
	// several servers); the data directory's when nil.
	Files *files.Store
	// FileLimit is the largest attachment accepted, per file; 20 MiB when zero.
	FileLimit int64
	// DossierFileLimit is the largest total of one dossier's attachments; 100 MiB when zero.
	DossierFileLimit int64
	// CitizenQuota is the storage of one citizen's account across all of its drafts and
	// dossiers; store.DefaultCitizenQuota (200 MiB) when zero.
	CitizenQuota int64
	// SessionTTL is how long a login lasts; 12 hours when zero.
	SessionTTL time.Duration
	// TokenTTL is how long an API token lasts; 24 hours when zero.
	TokenTTL time.Duration
	// Payment configures online payment of fees (payments.go); off when its Mode is empty.
	Payment PaymentConfig
	// InboxExportRows is the most rows one Excel export of the inbox holds; a larger list
	// is refused with a message to narrow the filter. 10,000 when zero.
	InboxExportRows int
	// BookVolumeRows is the row cap of one volume of the dossier book; BookVolumeRows
	// (1,000) when zero.
	BookVolumeRows int
	// ExportTTL is how long the file of a finished export job is kept; 7 days when zero.
	ExportTTL time.Duration
	// ExportHeartbeat is how often a worker making an export renews its claim and looks
	// whether the job was cancelled; 2 s when zero.
	ExportHeartbeat time.Duration
	// OnExportStep, when set, is called by the worker after each step of an export job
	// is recorded (a volume of the book, a chunk of a list), before the next one starts:
	// a place to observe the progress (tests, metrics).
	OnExportStep func(id int64, done, total int)
}

// App carries the dependencies of every use case.
type App struct {
	cfg   Config
	store *store.Store
	// files keeps the attachments (Config.Files).
	files *files.Store
	log   *slog.Logger
	now   func() time.Time
	// hashing holds one slot per password hash under way (auth.go).
	hashing chan struct{}
	// exports limits the heavy exports running at once (book.go).
	exports exportGate
	// standby is the same use cases over the store's standby view (standby.go), nil
	// without a standby.
	standby *App
}

// New returns the use cases over the store. The time of each action comes from the
// store's clock unless a caller passes one.
func New(cfg Config, st *store.Store, log *slog.Logger) *App {
	if cfg.DataDir == "" {
		cfg.DataDir = "data"
	}
	if cfg.FileLimit <= 0 {
		cfg.FileLimit = 20 << 20
	}
	if cfg.DossierFileLimit <= 0 {
		cfg.DossierFileLimit = 100 << 20
	}
	if cfg.SessionTTL <= 0 {
		cfg.SessionTTL = 12 * time.Hour
	}
	if cfg.TokenTTL <= 0 {
		cfg.TokenTTL = 24 * time.Hour
	}
	if cfg.Files == nil {
		cfg.Files = files.New(cfg.DataDir)
	}
	st.SetCitizenQuota(cfg.CitizenQuota)
	a := &App{cfg: cfg, store: st, files: cfg.Files, log: log, now: st.Now, hashing: make(chan struct{}, hashSlots())}
	if sb := st.Standby(); sb != nil {
		a.standby = &App{cfg: cfg, store: sb, files: cfg.Files, log: log, now: st.Now, hashing: a.hashing}
	}
	return a
}

// Store is the store under the use cases, for the read-only views that adapters render
// directly (lists, pages) until each has its own query call here.
func (a *App) Store() *store.Store { return a.store }

// Now is the application's clock.
func (a *App) Now() time.Time { return a.now() }

// Origin says where a request came from; it is recorded in the audit log with the action.
type Origin struct {
	IP        string
	RequestID string
	// BaseURL is the public address of the site for QR codes on printed forms: the
	// configured one, else the one the request came to. E-mailed links never use it.
	BaseURL string
}
