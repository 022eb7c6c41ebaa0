package app

import (
	"context"
	"slices"

	"motcua/internal/dossier"
	"motcua/internal/fault"
	"motcua/internal/org"
	"motcua/internal/store"
)

// dossierRoles maps an officer's account roles to the roles of the dossier rules, in the
// order they are tried. The inspector (thanh tra) only reads, so it has no dossier role.
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

// AvailableActions lists the actions the officer may take on the dossier now, whatever
// role allows them, in the order of dossier.Actions.
func AvailableActions(d store.StoredDossier, u org.User) []dossier.Action {
	var out []dossier.Action
	for _, r := range dossierRoles(u) {
		for _, a := range dossier.Available(d.Dossier, d.State, r, u.UnitCode) {
			if !slices.Contains(out, a) {
				out = append(out, a)
			}
		}
	}
	var ordered []dossier.Action
	for _, a := range dossier.Actions() {
		if slices.Contains(out, a) {
			ordered = append(ordered, a)
		}
	}
	return ordered
}

// CanAttach reports whether the officer may add files (scans of paper documents) to the
// dossier: anyone who processes dossiers, not a read-only inspector, and only while the
// dossier is open.
func CanAttach(d store.StoredDossier, u org.User) bool {
	return u.HasAny(org.OneStop, org.Specialist, org.Leader, org.Admin) && !d.State.Status.Final()
}

// canSeeUnit reports whether the officer may see the dossiers of one of the units:
// administrators everywhere, other officers in their own unit and the units below it.
func (a *App) canSeeUnit(ctx context.Context, u org.User, units ...string) (bool, error) {
	if u.Has(org.Admin) {
		return true, nil
	}
	if slices.Contains(units, u.UnitCode) {
		return true, nil
	}
	below, err := a.store.UnitDescendants(ctx, u.UnitCode)
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

// SeeUnit answers fault.Forbidden unless the officer may see the unit's dossiers.
func (a *App) SeeUnit(ctx context.Context, u org.User, unit string) error {
	ok, err := a.canSeeUnit(ctx, u, unit)
	if err != nil {
		return err
	}
	if !ok {
		return fault.New(fault.Forbidden, "Bạn không có quyền xem hồ sơ của đơn vị này.")
	}
	return nil
}

// OfficerDossier returns a dossier the officer may see — the receiving unit's and the
// current step's officers, officers of the units above, administrators — with the
// actions the officer may take on it now.
func (a *App) OfficerDossier(ctx context.Context, u org.User, code string) (store.StoredDossier, []dossier.Action, error) {
	d, err := a.store.Dossier(ctx, code)
	if err != nil {
		return d, nil, err
	}
	ok, err := a.canSeeUnit(ctx, u, d.Record.UnitCode, d.State.Unit)
	if err != nil {
		return d, nil, err
	}
	if !ok {
		return store.StoredDossier{}, nil, fault.New(fault.Forbidden, "Hồ sơ thuộc đơn vị khác; bạn không có quyền xem.")
	}
	return d, AvailableActions(d, u), nil
}

// requireRole answers fault.Forbidden unless the officer holds one of the roles.
func requireRole(u org.User, roles ...org.Role) error {
	if u.HasAny(roles...) {
		return nil
	}
	return fault.New(fault.Forbidden, "Tài khoản của bạn không có quyền thực hiện thao tác này.")
}

// officerAudit is the audit line of an officer's action.
func officerAudit(u org.User, o Origin, action, target, detail string) store.AuditEntry {
	return store.AuditEntry{Actor: u.Username, UnitCode: u.UnitCode, Action: action, Target: target,
		Detail: detail, IP: o.IP, RequestID: o.RequestID}
}
