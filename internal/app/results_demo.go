package app

import (
	"context"

	"motcua/internal/org"
	"motcua/internal/store"
)

// AddDemoResult gives a dossier of the demo history, finished without an electronic
// result, one made from its procedure's template and signed with its unit's (test)
// certificate at the dossier's finish, as if its leader had approved it in motcua. A
// dossier that has one already is left alone. It reports whether it signed.
func (a *App) AddDemoResult(ctx context.Context, code string) (bool, error) {
	if has, err := a.HasElectronicResult(ctx, code); err != nil || has {
		return false, err
	}
	d, err := a.store.Dossier(ctx, code)
	if err != nil {
		return false, err
	}
	at := d.State.FinishedAt
	if at.IsZero() {
		at = a.now()
	}
	body, err := a.resultDocument(ctx, d, at, Origin{})
	if err != nil {
		return false, err
	}
	leader, err := a.unitLeader(ctx, d.State.Unit)
	if err != nil {
		return false, err
	}
	signed, err := a.signResult(ctx, d, body, leader.FullName, at)
	if err != nil {
		return false, err
	}
	signed.DossierCode, signed.UploadedBy = code, leader.Username
	return true, a.store.ImportAttachments(ctx, []store.Attachment{signed})
}

// unitLeader is the first active leader of the unit by username, or a stand-in named
// "Lãnh đạo đơn vị" when it has none.
func (a *App) unitLeader(ctx context.Context, unit string) (org.User, error) {
	users, err := a.store.Users(ctx)
	if err != nil {
		return org.User{}, err
	}
	best := org.User{Username: "demo", FullName: "Lãnh đạo đơn vị"}
	for _, u := range users {
		if u.UnitCode == unit && u.Active && u.Has(org.Leader) && (best.Username == "demo" || u.Username < best.Username) {
			best = u
		}
	}
	return best, nil
}
