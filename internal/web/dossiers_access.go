package web

import (
	"context"
	"net/http"
	"slices"
	"sync"
	"time"

	"motcua/internal/dossier"
	"motcua/internal/fault"
	"motcua/internal/org"
	"motcua/internal/store"
)

// dossierRoles maps an officer's account roles to the roles of the dossier rules, in the
// order they are tried. The inspector only reads, so it has no dossier role.
func dossierRoles(u org.User) []dossier.Role {
	var out []dossier.Role
	for _, r := range u.Roles {
		switch r {
		case org.Admin:
			out = append(out, dossier.RoleAdmin)
		case org.OneStop:
			out = append(out, dossier.RoleOneStop)
		case org.Specialist:
			out = append(out, dossier.RoleSpecialist)
		case org.Leader:
			out = append(out, dossier.RoleLeader)
		}
	}
	return out
}

// actingRole picks the role in which the officer takes the action: the first of the
// officer's roles that the rules allow, else the first role (so that the rules' refusal
// names the right reason), else "" for an account with no dossier role.
func actingRole(d dossier.Dossier, st dossier.State, u org.User, a dossier.Action) dossier.Role {
	roles := dossierRoles(u)
	for _, r := range roles {
		if dossier.Can(d, st, a, r, u.UnitCode) == nil {
			return r
		}
	}
	if len(roles) > 0 {
		return roles[0]
	}
	return ""
}

// availableActions lists the actions the officer may take now, whatever role allows them.
func availableActions(d dossier.Dossier, st dossier.State, u org.User) []dossier.Action {
	var out []dossier.Action
	for _, r := range dossierRoles(u) {
		for _, a := range dossier.Available(d, st, r, u.UnitCode) {
			if !slices.Contains(out, a) {
				out = append(out, a)
			}
		}
	}
	// Keep the order of dossier.Actions.
	var ordered []dossier.Action
	for _, a := range dossier.Actions() {
		if slices.Contains(out, a) {
			ordered = append(ordered, a)
		}
	}
	return ordered
}

// canSeeUnit reports whether the officer may see the dossiers of a unit: administrators
// everywhere, other officers in their own unit and in the units below it.
func (s *Server) canSeeUnit(ctx context.Context, u org.User, units ...string) (bool, error) {
	if u.Has(org.Admin) {
		return true, nil
	}
	if slices.Contains(units, u.UnitCode) {
		return true, nil
	}
	below, err := s.store.UnitDescendants(ctx, u.UnitCode)
	if err != nil {
		return false, err
	}
	for _, c := range units {
		if slices.Contains(below, c) {
			return true, nil
		}
	}
	return false, nil
}

// officerDossier loads a dossier the officer of the request may see: the receiving unit's
// and the current step's officers, officers of the units above, administrators.
func (s *Server) officerDossier(r *http.Request, code string) (store.StoredDossier, org.User, error) {
	u, _ := currentUser(r)
	d, err := s.store.Dossier(r.Context(), code)
	if err != nil {
		return d, u, err
	}
	ok, err := s.canSeeUnit(r.Context(), u, d.Record.UnitCode, d.State.Unit)
	if err != nil {
		return d, u, err
	}
	if !ok {
		return d, u, fault.New(fault.Forbidden, "Hồ sơ thuộc đơn vị khác; bạn không có quyền xem.")
	}
	return d, u, nil
}

// rateLimiter counts requests per client address in fixed windows. It lives as long as
// the handler that uses it.
type rateLimiter struct {
	limit  int
	window time.Duration
	mu     sync.Mutex
	hits   map[string]rateWindow
}

type rateWindow struct {
	start time.Time
	n     int
}

func newRateLimiter(limit int, window time.Duration) *rateLimiter {
	return &rateLimiter{limit: limit, window: window, hits: map[string]rateWindow{}}
}

// allow counts one request from key at now and reports whether it is within the limit.
func (l *rateLimiter) allow(key string, now time.Time) bool {
	l.mu.Lock()
	defer l.mu.Unlock()
	if len(l.hits) > 50000 {
		for k, w := range l.hits {
			if now.Sub(w.start) >= l.window {
				delete(l.hits, k)
			}
		}
	}
	w := l.hits[key]
	if now.Sub(w.start) >= l.window {
		w = rateWindow{start: now}
	}
	w.n++
	l.hits[key] = w
	return w.n <= l.limit
}

// limited wraps a handler with the limiter, answering rate_limited past the limit.
func (s *Server) limited(l *rateLimiter, h http.HandlerFunc) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		if !l.allow(clientIP(r), time.Now()) {
			w.Header().Set("Retry-After", "60")
			err := fault.New(fault.RateLimited, "Bạn tra cứu quá nhiều lần. Vui lòng thử lại sau 1 phút.")
			if isAPI(r) {
				s.apiError(w, r, err)
			} else {
				s.pageError(w, r, err)
			}
			return
		}
		h(w, r)
	}
}
