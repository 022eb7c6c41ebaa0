package app

import (
	"context"
	"net/url"
	"path"
	"slices"
	"strings"

	"motcua/internal/fault"
	"motcua/internal/feedback"
	"motcua/internal/store"
)

// RateByLookup records the applicant's rating of a dossier from the public lookup (page
// or API), proved by the lookup key printed on the receipt. An unknown code and a wrong
// key give the same fault.NotFound as the lookup; a dossier whose result was not
// returned, or that was already rated, fault.Conflict; a bad input fault.Invalid.
func (a *App) RateByLookup(ctx context.Context, code, key string, in feedback.RatingInput) (feedback.Rating, error) {
	d, err := a.LookupDossier(ctx, code, key)
	if err != nil {
		return feedback.Rating{}, err
	}
	return a.rate(ctx, d, in, feedback.RatedAtLookup)
}

// RateByCitizen records the rating of a dossier that the citizen submitted from their
// account ("Hồ sơ của tôi"); any other dossier is not found. Errors as RateByLookup.
func (a *App) RateByCitizen(ctx context.Context, c store.Citizen, code string, in feedback.RatingInput) (feedback.Rating, error) {
	d, err := a.CitizenDossier(ctx, c, code)
	if err != nil {
		return feedback.Rating{}, err
	}
	return a.rate(ctx, d, in, feedback.RatedByCitizen)
}

// RateAtKiosk records a rating given on the tablet of a unit's desk (máy đánh giá tại
// quầy): the dossier is found as by the lookup and must belong to the kiosk's unit or
// a unit below it (fault.NotFound otherwise, with a message saying so). Errors as
// RateByLookup.
func (a *App) RateAtKiosk(ctx context.Context, unit, code, key string, in feedback.RatingInput) (feedback.Rating, error) {
	d, err := a.KioskDossier(ctx, unit, code, key)
	if err != nil {
		return feedback.Rating{}, err
	}
	return a.rate(ctx, d, in, feedback.RatedAtKiosk)
}

// KioskDossier finds the dossier that a citizen scanned or typed at the kiosk of the
// unit: the code and key are checked as by the lookup, the dossier must belong to the
// unit or a unit below it, and it must be ready to rate (returned, not yet rated:
// fault.Conflict otherwise).
func (a *App) KioskDossier(ctx context.Context, unit, code, key string) (store.StoredDossier, error) {
	if _, err := a.store.Unit(ctx, unit); err != nil {
		return store.StoredDossier{}, err
	}
	d, err := a.LookupDossier(ctx, code, key)
	if err != nil {
		return d, err
	}
	if d.Record.UnitCode != unit {
		below, err := a.store.UnitDescendants(ctx, unit)
		if err != nil {
			return store.StoredDossier{}, err
		}
		if !slices.Contains(below, d.Record.UnitCode) {
			return store.StoredDossier{}, fault.New(fault.NotFound, "Hồ sơ này không do đơn vị tiếp nhận; vui lòng đánh giá trên trang tra cứu hồ sơ.")
		}
	}
	rated, err := a.rated(ctx, d.Record.Code)
	if err != nil {
		return store.StoredDossier{}, err
	}
	return d, feedback.CanRate(d.State, rated)
}

// DossierRating returns the rating of a dossier and true, or false when it has none.
// The caller has already shown that it may see the dossier (OfficerDossier,
// CitizenDossier, or the lookup with its key).
func (a *App) DossierRating(ctx context.Context, code string) (feedback.Rating, bool, error) {
	r, err := a.store.DossierRating(ctx, code)
	if fault.Is(err, fault.NotFound) {
		return feedback.Rating{}, false, nil
	}
	return r, err == nil, err
}

// CanRate reports whether the dossier may be rated now (returned and not yet rated).
func (a *App) CanRate(ctx context.Context, d store.StoredDossier) (bool, error) {
	rated, err := a.rated(ctx, d.Record.Code)
	if err != nil {
		return false, err
	}
	return feedback.CanRate(d.State, rated) == nil, nil
}

// ParseScan reads what a handheld scanner typed from the QR code of a receipt — the
// lookup address {base}/tra-cuu/{code}?key={key} — or a dossier code typed by hand
// (then key is ""). It reports false for an address that is not a lookup address.
func ParseScan(s string) (code, key string, ok bool) {
	s = strings.TrimSpace(s)
	if s == "" || len(s) > 500 {
		return "", "", false
	}
	if !strings.Contains(s, "/") {
		return strings.ToUpper(s), "", true
	}
	u, err := url.Parse(s)
	if err != nil {
		return "", "", false
	}
	dir, last := path.Split(u.Path)
	if !strings.HasSuffix(dir, "/tra-cuu/") || last == "" {
		return "", "", false
	}
	return last, u.Query().Get("key"), true
}

// LookupDossier returns the dossier behind a public lookup by code and key, with the
// lookup's answer (fault.NotFound) for an unknown code or a wrong key. It holds personal
// data: callers show only what the public lookup shows.
func (a *App) LookupDossier(ctx context.Context, code, key string) (store.StoredDossier, error) {
	code = strings.ToUpper(strings.TrimSpace(code))
	if _, err := a.store.Lookup(ctx, code, key); err != nil {
		return store.StoredDossier{}, err
	}
	return a.store.Dossier(ctx, code)
}

func (a *App) rated(ctx context.Context, code string) (bool, error) {
	_, ok, err := a.DossierRating(ctx, code)
	return ok, err
}

// rate makes the rating by the domain rule and stores it.
func (a *App) rate(ctx context.Context, d store.StoredDossier, in feedback.RatingInput, ch feedback.RatingChannel) (feedback.Rating, error) {
	rated, err := a.rated(ctx, d.Record.Code)
	if err != nil {
		return feedback.Rating{}, err
	}
	r, err := feedback.NewRating(d.Dossier, d.State, rated, in, ch, a.now())
	if err != nil {
		return r, err
	}
	if err := a.store.AddRating(ctx, r); err != nil {
		return feedback.Rating{}, err
	}
	return r, nil
}
