package app

import (
	"context"
	"encoding/json"
	"strings"

	"motcua/internal/catalog"
	"motcua/internal/dossier"
	"motcua/internal/fault"
	"motcua/internal/org"
	"motcua/internal/store"
)

// ReceiveInput is a dossier received by an officer: at the counter, by post, or entered
// for an online channel through the API (POST /api/v1/dossiers).
type ReceiveInput struct {
	ProcedureCode string                  `json:"procedure_code"`
	UnitCode      string                  `json:"unit_code"`
	Channel       string                  `json:"channel"`
	Applicant     dossier.Applicant       `json:"applicant"`
	Form          json.RawMessage         `json:"form"`
	Documents     []store.DossierDocument `json:"documents"`
	Sets          int                     `json:"sets"`
}

// Receive opens a dossier received by the officer (tiếp nhận hồ sơ). Only one-stop
// officers and administrators receive; the unit is the officer's own unless an
// administrator names another; the procedure must exist (not_found) and be offered by
// the unit (invalid); the process, deadline and supplement rule are pinned from the
// catalogue. The dossier, its first event and the audit line are written together.
func (a *App) Receive(ctx context.Context, u org.User, in ReceiveInput, o Origin) (store.StoredDossier, error) {
	if err := requireRole(u, org.OneStop, org.Admin); err != nil {
		return store.StoredDossier{}, fault.New(fault.Forbidden, "Chỉ cán bộ Một cửa tiếp nhận hồ sơ.")
	}
	unit := strings.TrimSpace(in.UnitCode)
	switch {
	case unit == "":
		unit = u.UnitCode
	case unit != u.UnitCode && !u.Has(org.Admin):
		return store.StoredDossier{}, fault.New(fault.Forbidden, "Cán bộ chỉ tiếp nhận hồ sơ cho đơn vị của mình.")
	}
	channel := dossier.Channel(strings.TrimSpace(in.Channel))
	if channel == "" {
		channel = dossier.ChannelCounter
	}
	proc, err := a.offeredProcedure(ctx, unit, in.ProcedureCode)
	if err != nil {
		// An unknown unit offers nothing: the unit is then what is wrong. It is looked
		// up only here, so that a good intake does not read the unit's row.
		if _, uerr := a.store.Unit(ctx, unit); uerr != nil {
			if fault.Is(uerr, fault.NotFound) {
				return store.StoredDossier{}, fault.WithFields("Đơn vị tiếp nhận không tồn tại.",
					map[string]string{"unit_code": "Không có đơn vị với mã này."})
			}
			return store.StoredDossier{}, uerr
		}
		return store.StoredDossier{}, err
	}
	n := NewDossierFor(proc, unit, channel)
	n.Applicant, n.Form, n.Documents, n.Sets = in.Applicant, in.Form, in.Documents, in.Sets
	if len(n.Documents) == 0 {
		n.Documents = RequiredDocuments(proc)
	}
	n.Actor, n.ActorUnit, n.Role = u.Username, u.UnitCode, dossier.RoleOneStop
	if !u.Has(org.OneStop) {
		n.Role = dossier.RoleAdmin
	}
	action := dossier.ActionReceive
	if channel == dossier.ChannelOnline {
		action = dossier.ActionSubmit
	}
	return a.store.CreateDossier(ctx, n, store.Write{
		Audit:  officerAudit(u, o, "dossier."+string(action), "", proc.Code),
		Notice: a.notice(),
	})
}

// offeredProcedure returns the procedure with the code if the unit offers it.
func (a *App) offeredProcedure(ctx context.Context, unit, code string) (proc catalog.Procedure, err error) {
	code = strings.TrimSpace(code)
	if code == "" {
		return proc, fault.WithFields("Thông tin hồ sơ chưa hợp lệ.",
			map[string]string{"procedure_code": "Cần chọn thủ tục hành chính."})
	}
	// The usual case in one read; when it fails, the two reads below say what is wrong.
	if proc, err = a.store.OfferedProcedure(ctx, unit, code); err == nil || !fault.Is(err, fault.NotFound) {
		return proc, err
	}
	proc, err = a.store.Procedure(ctx, code)
	if err != nil {
		if fault.Is(err, fault.NotFound) {
			return proc, fault.Newf(fault.NotFound, "Không tìm thấy thủ tục hành chính có mã “%s”.", code)
		}
		return proc, err
	}
	offered, err := a.store.OffersProcedure(ctx, unit, proc.Code)
	if err != nil {
		return proc, err
	}
	if !offered {
		return proc, fault.WithFields("Đơn vị không tiếp nhận thủ tục này.",
			map[string]string{"procedure_code": "Thủ tục không thuộc danh mục tiếp nhận của đơn vị."})
	}
	return proc, nil
}
