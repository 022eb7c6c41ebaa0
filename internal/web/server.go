// Package web serves motcua over HTTP. It only assembles: each audience has its package
// with its own routes.go — public (home, catalogue, calendar, lookup), citizen (accounts,
// online submission, "Hồ sơ của tôi"), desk (the officers' reception, inbox and dossier
// pages), admin (administration) and api (the JSON API under /api/v1) — over the small
// shared toolkit in kit (rendering, errors, sessions, CSRF, limits). Handlers decode,
// call one use case of internal/app, and render; no rule lives here.
//
// Nothing imports web but cmd/motcua.
package web

import (
	"log/slog"
	"net/http"
	"net/netip"

	"motcua/internal/store"
	"motcua/internal/web/kit"
)

// Config holds what the web layer needs from the command line and environment.
type Config = kit.Config

// New returns the HTTP handler of motcua.
func New(cfg Config, st *store.Store, log *slog.Logger) (http.Handler, error) {
	k, err := kit.New(cfg, st, log)
	if err != nil {
		return nil, err
	}
	return routes(k), nil
}

// ParseTrustedProxies reads a comma-separated list of addresses and CIDR prefixes of
// reverse proxies (--trusted-proxies).
func ParseTrustedProxies(s string) ([]netip.Prefix, error) { return kit.ParseTrustedProxies(s) }
