package app

import (
	"context"
	"strings"
	"time"

	"motcua/internal/dossier"
	"motcua/internal/fault"
	"motcua/internal/store"
)

// CitizenDossier returns a dossier that the citizen submitted; any other is not found, so
// that codes of other people's dossiers cannot be probed.
func (a *App) CitizenDossier(ctx context.Context, c store.Citizen, code string) (store.StoredDossier, error) {
	owner, err := a.store.DossierOwner(ctx, code)
	if err != nil || owner != c.ID {
		if err != nil && !fault.Is(err, fault.NotFound) {
			return store.StoredDossier{}, err
		}
		return store.StoredDossier{}, fault.New(fault.NotFound, "Không tìm thấy hồ sơ trong tài khoản của bạn.")
	}
	return a.store.Dossier(ctx, code)
}

// CanWithdraw reports whether the applicant may withdraw the dossier now.
func CanWithdraw(d store.StoredDossier) bool {
	return dossier.Can(d.Dossier, d.State, dossier.ActionWithdraw, dossier.RoleApplicant, d.Record.UnitCode) == nil
}

// Withdraw withdraws the citizen's own dossier at their request (rút hồ sơ); the reason
// is optional.
func (a *App) Withdraw(ctx context.Context, c store.Citizen, code, reason string) (store.StoredDossier, error) {
	d, err := a.CitizenDossier(ctx, c, code)
	if err != nil {
		return d, err
	}
	cmd := dossier.Command{Action: dossier.ActionWithdraw, Actor: c.Actor(), Role: dossier.RoleApplicant,
		Reason: strings.TrimSpace(reason)}
	if f := cmd.Valid(); f != nil {
		return d, fault.WithFields("Lý do rút hồ sơ tối đa 2000 ký tự.", f)
	}
	return a.store.ActOnDossier(ctx, d.Record.Code, cmd, time.Time{}, store.Write{Notice: a.notice()})
}

// Supplement stores the files the applicant sends for a dossier waiting for them and
// records the supplement (supplement_received, as the applicant).
func (a *App) Supplement(ctx context.Context, c store.Citizen, code, note string, ups []Upload) (store.StoredDossier, error) {
	d, err := a.CitizenDossier(ctx, c, code)
	if err != nil {
		return d, err
	}
	if d.State.Status != dossier.StatusSupplementRequested {
		return d, fault.New(fault.Conflict, "Hồ sơ hiện không ở trạng thái chờ bổ sung.")
	}
	if err := checkUploads(ups); err != nil {
		return d, err
	}
	cmd := dossier.Command{Action: dossier.ActionSupplementReceived, Actor: c.Actor(), Role: dossier.RoleApplicant,
		Note: strings.TrimSpace(note)}
	if f := cmd.Valid(); f != nil {
		return d, fault.WithFields("Ghi chú quá dài (tối đa 2000 ký tự).", f)
	}
	for _, up := range ups {
		if _, err := a.saveUpload(ctx, up, store.Attachment{DossierCode: d.Record.Code, DocIndex: -1, DocName: "Hồ sơ bổ sung",
			UploadedKind: store.UploaderCitizen, UploadedBy: c.Actor()}, nil); err != nil {
			return d, err
		}
	}
	return a.store.ActOnDossier(ctx, d.Record.Code, cmd, time.Time{}, store.Write{Notice: a.notice()})
}
