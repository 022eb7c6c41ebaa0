package web

import (
	"context"
	"encoding/json"
	"strings"

	"motcua/internal/calendar"
	"motcua/internal/catalog"
	"motcua/internal/dossier"
	"motcua/internal/fault"
	"motcua/internal/org"
	"motcua/internal/store"
)

// dossierInput is the body of POST /api/v1/dossiers and what the reception page posts.
type dossierInput struct {
	ProcedureCode string                  `json:"procedure_code"`
	UnitCode      string                  `json:"unit_code"`
	Channel       string                  `json:"channel"`
	Applicant     dossier.Applicant       `json:"applicant"`
	Form          json.RawMessage         `json:"form"`
	Documents     []store.DossierDocument `json:"documents"`
	Sets          int                     `json:"sets"`
}

// newDossier resolves the procedure and the unit of the input for the officer and returns
// what the store needs: the unit is the officer's own unless an administrator names
// another; the procedure must exist (not_found) and be offered by the unit (invalid);
// the process, deadline and supplement rule are pinned from the catalogue.
func (s *Server) newDossier(ctx context.Context, u org.User, in dossierInput) (store.NewDossier, error) {
	unit := strings.TrimSpace(in.UnitCode)
	switch {
	case unit == "":
		unit = u.UnitCode
	case unit != u.UnitCode && !u.Has(org.Admin):
		return store.NewDossier{}, fault.New(fault.Forbidden, "Cán bộ chỉ tiếp nhận hồ sơ cho đơn vị của mình.")
	}
	if _, err := s.store.Unit(ctx, unit); err != nil {
		if fault.Is(err, fault.NotFound) {
			return store.NewDossier{}, fault.WithFields("Đơn vị tiếp nhận không tồn tại.",
				map[string]string{"unit_code": "Không có đơn vị với mã này."})
		}
		return store.NewDossier{}, err
	}
	channel := dossier.Channel(strings.TrimSpace(in.Channel))
	if channel == "" {
		channel = dossier.ChannelCounter
	}
	code := strings.TrimSpace(in.ProcedureCode)
	if code == "" {
		return store.NewDossier{}, fault.WithFields("Thông tin hồ sơ chưa hợp lệ.",
			map[string]string{"procedure_code": "Cần chọn thủ tục hành chính."})
	}
	proc, err := s.store.Procedure(ctx, code)
	if err != nil {
		if fault.Is(err, fault.NotFound) {
			return store.NewDossier{}, fault.Newf(fault.NotFound, "Không tìm thấy thủ tục hành chính có mã “%s”.", code)
		}
		return store.NewDossier{}, err
	}
	offered, err := s.store.OffersProcedure(ctx, unit, proc.Code)
	if err != nil {
		return store.NewDossier{}, err
	}
	if !offered {
		return store.NewDossier{}, fault.WithFields("Đơn vị không tiếp nhận thủ tục này.",
			map[string]string{"procedure_code": "Thủ tục không thuộc danh mục tiếp nhận của đơn vị."})
	}
	days := proc.DeadlineDays
	if channel == dossier.ChannelOnline {
		days = proc.EffectiveOnlineDeadline()
	}
	docs := in.Documents
	if len(docs) == 0 {
		docs = requiredDocuments(proc)
	}
	role := dossier.RoleOneStop
	if !u.Has(org.OneStop) && u.Has(org.Admin) {
		role = dossier.RoleAdmin
	}
	return store.NewDossier{
		UnitCode: unit, ProcedureCode: proc.Code, ProcedureName: proc.Name,
		Process:        pinProcess(proc.Process),
		Deadline:       calendar.Deadline{Days: days, CalendarDays: proc.DeadlineMode == catalog.DeadlineCalendar},
		SupplementRule: string(proc.SupplementRule),
		Channel:        channel, Applicant: in.Applicant, Form: in.Form, Documents: docs,
		Sets: in.Sets, FeeVND: proc.FeeVND,
		Actor: u.Username, Role: role, ActorUnit: u.UnitCode,
	}, nil
}

// pinProcess copies the catalogue's process version into the dossier's own steps.
func pinProcess(p catalog.Process) dossier.Process {
	out := dossier.Process{Version: p.Version, Steps: make([]dossier.Step, len(p.Steps))}
	for i, st := range p.Steps {
		out.Steps[i] = dossier.Step{Name: st.Name, Role: dossier.Role(st.Role), Days: st.Days}
	}
	return out
}

// requiredDocuments lists the documents a procedure asks to be handed in (not those only
// shown), with the catalogue's counts: what a dossier holds when the caller does not say.
func requiredDocuments(p catalog.Procedure) []store.DossierDocument {
	var out []store.DossierDocument
	for _, d := range p.Documents {
		if d.ShowOnly {
			continue
		}
		out = append(out, store.DossierDocument{Name: d.Name, Originals: d.Originals, Certified: d.Certified, Copies: d.Copies})
	}
	return out
}
