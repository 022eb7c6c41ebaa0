package app

import (
	"context"

	"motcua/internal/fault"
	"motcua/internal/org"
)

// The staff accounts (tài khoản cán bộ) as administrators manage them on the pages: each
// call requires the administrator role and writes its audit line. The command line uses
// CreateOfficer and ChangeOfficerPassword (auth.go) with CLIActor.

// AddOfficer creates an officer's account with an initial password.
func (a *App) AddOfficer(ctx context.Context, admin org.User, u org.User, password string, o Origin) (org.User, error) {
	if err := requireRole(admin, org.Admin); err != nil {
		return u, err
	}
	return a.createOfficer(ctx, officerAudit(admin, o, "", "", ""), u, password, o)
}

// UpdateOfficer changes an officer's full name, unit and roles; u.Username names the
// account. An administrator cannot take the administrator role from their own account,
// so that the site always keeps one.
func (a *App) UpdateOfficer(ctx context.Context, admin org.User, u org.User, o Origin) (org.User, error) {
	if err := requireRole(admin, org.Admin); err != nil {
		return u, err
	}
	if u.Username == admin.Username && !u.Has(org.Admin) {
		return u, fault.WithFields("Bạn không thể tự bỏ vai trò quản trị của chính mình.",
			map[string]string{"roles": "Giữ vai trò Quản trị cho tài khoản đang đăng nhập."})
	}
	saved, err := a.store.UpdateUser(ctx, u)
	if err != nil {
		return saved, err
	}
	a.audit(ctx, officerAudit(admin, o, "user.update", saved.Username,
		saved.FullName+", "+saved.UnitCode+" "+org.JoinRoles(saved.Roles)), o)
	return saved, nil
}

// ResetOfficerPassword sets a new password for an officer (đặt lại mật khẩu); every
// session and API token of the account ends with it.
func (a *App) ResetOfficerPassword(ctx context.Context, admin org.User, username, password string, o Origin) error {
	if err := requireRole(admin, org.Admin); err != nil {
		return err
	}
	return a.setOfficerPassword(ctx, officerAudit(admin, o, "", "", ""), username, password, o)
}

// SetOfficerActive disables (khóa) or re-enables (mở khóa) an officer's account.
// Disabling ends every session and API token of the account, and a disabled account
// cannot sign in. An administrator cannot disable their own account.
func (a *App) SetOfficerActive(ctx context.Context, admin org.User, username string, active bool, o Origin) error {
	if err := requireRole(admin, org.Admin); err != nil {
		return err
	}
	if !active && username == admin.Username {
		return fault.New(fault.Invalid, "Bạn không thể tự khóa tài khoản đang đăng nhập.")
	}
	if err := a.store.SetActive(ctx, username, active); err != nil {
		return err
	}
	action := "user.enable"
	if !active {
		action = "user.disable"
	}
	a.audit(ctx, officerAudit(admin, o, action, username, ""), o)
	return nil
}

// Officers lists every officer account, for administrators.
func (a *App) Officers(ctx context.Context, admin org.User) ([]org.User, error) {
	if err := requireRole(admin, org.Admin); err != nil {
		return nil, err
	}
	return a.store.Users(ctx)
}

// Officer returns one officer account, for administrators.
func (a *App) Officer(ctx context.Context, admin org.User, username string) (org.User, error) {
	if err := requireRole(admin, org.Admin); err != nil {
		return org.User{}, err
	}
	return a.store.User(ctx, username)
}
