package app

import (
	"context"

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
	signer := a.unitHead(ctx, d.State.Unit)
	if signer == "" {
		signer = "Lãnh đạo đơn vị"
	}
	signed, err := a.signResult(ctx, d, body, signer, at)
	if err != nil {
		return false, err
	}
	signed.DossierCode, signed.UploadedBy = code, "demo"
	return true, a.store.ImportAttachments(ctx, []store.Attachment{signed})
}
