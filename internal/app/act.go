package app

import (
	"context"
	"strings"
	"time"

	"motcua/internal/calendar"
	"motcua/internal/dossier"
	"motcua/internal/fault"
	"motcua/internal/org"
	"motcua/internal/store"
)

// ActInput is an officer's action on a dossier, as the page's buttons and
// POST /api/v1/dossiers/{code}/actions send it.
type ActInput struct {
	Action string `json:"action"`
	Note   string `json:"note"`
	Reason string `json:"reason"`
	// NewDue is the new appointment of an extension: RFC 3339, or YYYY-MM-DD meaning the
	// end of that working day, or YYYY-MM-DDTHH:MM in UTC+7.
	NewDue     string  `json:"new_due"`
	ToUnit     string  `json:"to_unit"`
	StepBudget float64 `json:"step_budget"`
	Assignee   string  `json:"assignee"`
	// Documents lists, for request_supplement, the missing documents with the numbers
	// of copies wanted (printed on Mẫu 02); optional.
	Documents []dossier.MissingDocument `json:"documents,omitempty"`
	// Version is the dossier version the officer saw; when it is no longer current the
	// action is refused with fault.Conflict. Zero when not sent.
	Version int `json:"version"`
}

// Act takes an officer's action on a dossier (xử lý hồ sơ): the officer must see the
// dossier, the version they saw must be current, a transfer must name another real
// unit and an assignment an active officer of the unit holding the dossier; then the
// dossier rules decide (Conflict for the status, Forbidden for the role or unit), and the
// event, the new state, the applicant's message and the audit line are written together.
func (a *App) Act(ctx context.Context, u org.User, code string, in ActInput, o Origin) (store.StoredDossier, error) {
	d, _, err := a.OfficerDossier(ctx, u, code)
	if err != nil {
		return d, err
	}
	if in.Version < 0 {
		return d, fault.WithFields("Thông tin thao tác chưa hợp lệ.", map[string]string{"version": "Phiên bản hồ sơ không hợp lệ."})
	}
	if in.Version != 0 && in.Version != d.Dossier.Version() {
		return d, fault.New(fault.Conflict, "Hồ sơ vừa được người khác cập nhật. Vui lòng tải lại trang và thử lại.")
	}
	action := dossier.Action(strings.TrimSpace(in.Action))
	if _, err := dossier.ParseAction(string(action)); err != nil {
		return d, fault.WithFields("Thông tin thao tác chưa hợp lệ.", map[string]string{"action": "Thao tác không hợp lệ."})
	}
	due, err := ParseNewDue(in.NewDue)
	if err != nil {
		return d, err
	}
	cmd := dossier.Command{
		Action: action, Actor: u.Username, Role: actingRole(d.Dossier, d.State, u, action), Unit: u.UnitCode,
		Note: in.Note, Reason: in.Reason, NewDue: due, ToUnit: strings.TrimSpace(in.ToUnit), StepBudget: in.StepBudget,
		Assignee: strings.TrimSpace(in.Assignee), Documents: in.Documents,
	}
	if cmd.Role == "" {
		return d, fault.New(fault.Forbidden, "Tài khoản không có vai trò xử lý hồ sơ.")
	}
	if err := dossier.Can(d.Dossier, d.State, action, cmd.Role, u.UnitCode); err != nil {
		return d, err
	}
	if err := a.checkTarget(ctx, d, cmd); err != nil {
		return d, err
	}
	if err := a.feeGate(ctx, d, action); err != nil {
		return d, err
	}
	// The approval that finishes the last step signs the prepared electronic result.
	attach, err := a.signOnApproval(ctx, u, d, action)
	if err != nil {
		return d, err
	}
	detail := ""
	switch action {
	case dossier.ActionTransfer:
		detail = cmd.ToUnit
	case dossier.ActionAssign:
		detail = cmd.Assignee
	}
	return a.store.ActOnDossier(ctx, code, cmd, time.Time{}, store.Write{
		Audit:   officerAudit(u, o, "dossier."+string(action), "", detail),
		Notice:  a.notice(),
		Version: in.Version,
		Attach:  attach,
	})
}

// checkTarget checks the unit of a transfer (liên thông) and the officer of an
// assignment: both must exist, and the assignee must be an active officer of the unit
// that holds the dossier, with a role that processes dossiers.
func (a *App) checkTarget(ctx context.Context, d store.StoredDossier, cmd dossier.Command) error {
	switch cmd.Action {
	case dossier.ActionTransfer:
		if cmd.ToUnit == "" {
			return nil // the rules' own message
		}
		if _, err := a.store.Unit(ctx, cmd.ToUnit); err != nil {
			if fault.Is(err, fault.NotFound) {
				return fault.WithFields("Thông tin thao tác chưa hợp lệ.",
					map[string]string{"to_unit": "Không có đơn vị nhận liên thông với mã này."})
			}
			return err
		}
	case dossier.ActionAssign:
		if cmd.Assignee == "" {
			return nil
		}
		who, err := a.store.User(ctx, cmd.Assignee)
		if err != nil && !fault.Is(err, fault.NotFound) {
			return err
		}
		if err != nil || !assignable(who, d.State.Unit) {
			return fault.WithFields("Thông tin thao tác chưa hợp lệ.",
				map[string]string{"assignee": "Người được phân công phải là cán bộ xử lý hồ sơ của đơn vị đang giữ hồ sơ."})
		}
	}
	return nil
}

// assignable reports whether a dossier held by the unit may be assigned to the officer:
// an active officer of that unit with a role that processes dossiers.
func assignable(who org.User, unit string) bool {
	return who.Active && who.UnitCode == unit && who.HasAny(org.Specialist, org.Leader, org.OneStop)
}

// Assignees lists, by username, the officers to whom the dossier may be assigned: the
// same rule as the check of an assignment in Act.
func (a *App) Assignees(ctx context.Context, d store.StoredDossier) ([]org.User, error) {
	users, err := a.store.Users(ctx)
	if err != nil {
		return nil, err
	}
	out := []org.User{}
	for _, who := range users {
		if assignable(who, d.State.Unit) {
			out = append(out, who)
		}
	}
	return out, nil
}

// TransferUnits lists the units to which the dossier may be transferred (liên thông):
// every unit but the one that received it and the one holding it.
func (a *App) TransferUnits(ctx context.Context, d store.StoredDossier) ([]org.Unit, error) {
	units, err := a.store.Units(ctx)
	if err != nil {
		return nil, err
	}
	out := []org.Unit{}
	for _, un := range units {
		if un.Code != d.State.Unit && un.Code != d.Record.UnitCode {
			out = append(out, un)
		}
	}
	return out, nil
}

// ParseNewDue reads a new appointment: an RFC 3339 instant, a date (YYYY-MM-DD) meaning
// the end of that working day (17:00 in UTC+7), or YYYY-MM-DDTHH:MM in UTC+7; zero for "".
func ParseNewDue(s string) (time.Time, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return time.Time{}, nil
	}
	if t, err := time.Parse(time.RFC3339, s); err == nil {
		return t, nil
	}
	if d, err := calendar.ParseDate(s); err == nil {
		return d.Start().Add(17 * time.Hour), nil
	}
	if t, err := time.ParseInLocation("2006-01-02T15:04", s, calendar.Zone()); err == nil {
		return t, nil
	}
	return time.Time{}, fault.WithFields("Thông tin thao tác chưa hợp lệ.",
		map[string]string{"new_due": "Ngày hẹn mới phải có dạng YYYY-MM-DD hoặc RFC 3339."})
}
