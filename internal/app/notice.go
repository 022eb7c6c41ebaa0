package app

import (
	"motcua/internal/dossier"
	"motcua/internal/notify"
	"motcua/internal/store"
)

// notice is the composer of the owner's messages about dossier events, with links to
// the configured public address.
func (a *App) notice() store.Notice {
	base := a.cfg.BaseURL
	return func(rec store.DossierRecord, e dossier.Event, st dossier.State, owner string) (string, string, bool) {
		return notify.DossierEvent(base, notify.DossierFacts{Code: rec.Code, ProcedureName: rec.ProcedureName,
			LookupKey: rec.LookupKey, OwnerName: owner}, e, st)
	}
}
