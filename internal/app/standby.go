package app

import (
	"context"

	"motcua/internal/fault"
	"motcua/internal/store"
)

// onStandby runs fn, the body of a read-only use case that tolerates the standby's lag
// (a public lookup, reports and statistics, published results and rankings), with the
// use cases over the standby (store.Standby) when one is configured and answering, and
// again with those over the primary when there is none or it could not answer
// (store.StandbyFailed: down, refusing, not a standby, or lagging behind a row the
// primary has). fn must only read: writes of the standby's use cases go to the primary
// anyway, but a write would then be done twice on a fallback.
func onStandby[T any](ctx context.Context, a *App, fn func(*App) (T, error)) (T, error) {
	if a.standby != nil && a.store.Standby() != nil {
		v, err := fn(a.standby)
		if !a.store.StandbyFailed(ctx, err) {
			return v, err
		}
		if c := fault.CodeOf(err); c == fault.Unavailable || c == fault.Internal {
			a.log.Warn("standby read failed; reading from the primary", "err", err)
		}
	}
	return fn(a)
}

// PublicLookup is the public lookup (tra cứu hồ sơ) by code and key: what anyone holding
// the dossier's receipt may see, without personal data. An unknown code and a wrong key
// give the same fault.NotFound. It reads from the standby when there is one.
func (a *App) PublicLookup(ctx context.Context, code, key string) (store.PublicDossier, error) {
	return onStandby(ctx, a, func(a *App) (store.PublicDossier, error) { return a.store.Lookup(ctx, code, key) })
}
