package app

import (
	"context"
	"runtime"
	"strings"
	"time"

	"motcua/internal/fault"
	"motcua/internal/org"
	"motcua/internal/store"
)

// Login throttling (chống dò mật khẩu): every attempt is counted, before the password is
// checked, under the account and under the client's address; past the limit within the
// window the attempt is refused without checking. Officers' pages, the API's token login
// and citizens' login share the counters, which live in the database so that several
// servers share them too.
const (
	loginLimitAccount = 5
	loginLimitAddress = 30
	loginWindow       = time.Minute
)

// UnknownAccount is the actor recorded in the audit log for a failed login whose username
// names no account: what was typed (perhaps a password) is never written down.
const UnknownAccount = "(tài khoản không tồn tại)"

// CLIActor is the actor recorded for changes made with the motcua command line.
const CLIActor = "(dòng lệnh)"

var errTooManyLogins = fault.New(fault.RateLimited, "Bạn đã nhập sai quá nhiều lần. Vui lòng thử lại sau 1 phút.")

// hashSlots is how many password hashes may run at once: argon2id takes tens of MiB
// each, so parallel logins must queue instead of exhausting memory.
func hashSlots() int { return 2 * runtime.GOMAXPROCS(0) }

// withHashSlot runs fn, which hashes or checks a password, once a hashing slot is free;
// it gives up when ctx ends first.
func (a *App) withHashSlot(ctx context.Context, fn func() error) error {
	select {
	case a.hashing <- struct{}{}:
	case <-ctx.Done():
		return ctx.Err()
	}
	defer func() { <-a.hashing }()
	return fn()
}

// loginAttempt is one counted login: the account's key and the address's attempt.
type loginAttempt struct {
	key       string
	addressID int64
	failures  int
}

// startLogin counts an attempt on the account and the address and refuses it when either
// is over its limit.
func (a *App) startLogin(ctx context.Context, account, ip string) (loginAttempt, error) {
	at := loginAttempt{key: "login:" + account}
	counts, ids, err := a.store.RecordAttempt(ctx, loginWindow, at.key, "ip:"+ip)
	if err != nil {
		return at, err
	}
	at.addressID, at.failures = ids[1], counts[0]
	if counts[0] > loginLimitAccount || counts[1] > loginLimitAddress {
		return at, errTooManyLogins
	}
	return at, nil
}

// succeeded forgets the attempts of the account, and this attempt of the address.
func (a *App) succeeded(ctx context.Context, at loginAttempt) {
	if err := a.store.ClearAttempts(ctx, at.key); err != nil {
		a.log.ErrorContext(ctx, "clear login attempts", "err", err)
	}
	if err := a.store.ForgetAttempts(ctx, at.addressID); err != nil {
		a.log.ErrorContext(ctx, "forget login attempt", "err", err)
	}
}

// failed slows the answer a little more after each failure of the account.
func failed(ctx context.Context, at loginAttempt) {
	t := time.NewTimer(min(time.Duration(at.failures)*100*time.Millisecond, time.Second))
	defer t.Stop()
	select {
	case <-t.C:
	case <-ctx.Done():
	}
}

// authenticateOfficer checks an officer's credentials with throttling and records a
// failure in the audit log.
func (a *App) authenticateOfficer(ctx context.Context, username, password string, o Origin) (org.User, error) {
	username = strings.TrimSpace(strings.ToLower(username))
	if username == "" || password == "" {
		return org.User{}, fault.WithFields("Vui lòng nhập tên đăng nhập và mật khẩu.", map[string]string{
			"username": "Bắt buộc.", "password": "Bắt buộc."})
	}
	at, err := a.startLogin(ctx, username, o.IP)
	if err != nil {
		return org.User{}, err
	}
	var u org.User
	err = a.withHashSlot(ctx, func() error {
		var err error
		u, err = a.store.Authenticate(ctx, username, password)
		return err
	})
	if fault.Is(err, fault.Unauthorized) {
		actor := UnknownAccount
		if _, err := a.store.User(ctx, username); err == nil {
			actor = username
		}
		a.audit(ctx, store.AuditEntry{Actor: actor, Action: "login.failed", Target: actor}, o)
		failed(ctx, at)
		return org.User{}, err
	}
	if err != nil {
		return org.User{}, err
	}
	a.succeeded(ctx, at)
	return u, nil
}

// LoginOfficer signs an officer in on the pages (đăng nhập cán bộ) and returns the
// account and the token of the new session. Wrong credentials are Unauthorized; too many
// attempts for the account or the address are RateLimited.
func (a *App) LoginOfficer(ctx context.Context, username, password string, o Origin) (org.User, string, error) {
	u, err := a.authenticateOfficer(ctx, username, password, o)
	if err != nil {
		return org.User{}, "", err
	}
	token, err := a.store.CreateSession(ctx, u.ID, a.cfg.SessionTTL)
	if err != nil {
		return org.User{}, "", err
	}
	a.audit(ctx, store.AuditEntry{Actor: u.Username, UnitCode: u.UnitCode, Action: "login", Target: u.Username}, o)
	return u, token, nil
}

// IssueToken checks an officer's credentials like LoginOfficer and issues an API bearer
// token, returning it with its expiry.
func (a *App) IssueToken(ctx context.Context, username, password string, o Origin) (org.User, string, time.Time, error) {
	u, err := a.authenticateOfficer(ctx, username, password, o)
	if err != nil {
		return org.User{}, "", time.Time{}, err
	}
	token, exp, err := a.store.CreateToken(ctx, u.ID, a.cfg.TokenTTL)
	if err != nil {
		return org.User{}, "", time.Time{}, err
	}
	a.audit(ctx, store.AuditEntry{Actor: u.Username, UnitCode: u.UnitCode, Action: "token.issue", Target: u.Username}, o)
	return u, token, exp, nil
}

// SessionTTL is how long a login session lasts, for the cookie that carries it.
func (a *App) SessionTTL() time.Duration { return a.cfg.SessionTTL }

// ChangeOfficerPassword sets an officer's password (đổi mật khẩu) on behalf of actor
// (CLIActor for the command line; administrators use ResetOfficerPassword). Every
// session and API token of the account ends with it.
func (a *App) ChangeOfficerPassword(ctx context.Context, actor, username, password string, o Origin) error {
	return a.setOfficerPassword(ctx, store.AuditEntry{Actor: actor}, username, password, o)
}

// setOfficerPassword sets the password and writes the audit line e with its action.
func (a *App) setOfficerPassword(ctx context.Context, e store.AuditEntry, username, password string, o Origin) error {
	err := a.withHashSlot(ctx, func() error { return a.store.SetPassword(ctx, username, password) })
	if err != nil {
		return err
	}
	e.Action, e.Target = "user.password", username
	a.audit(ctx, e, o)
	return nil
}

// audit writes an entry with the origin; a failure to write is logged, not returned: the
// action it records has already happened.
func (a *App) audit(ctx context.Context, e store.AuditEntry, o Origin) {
	e.IP, e.RequestID = o.IP, o.RequestID
	if err := a.store.Audit(ctx, e); err != nil {
		a.log.ErrorContext(ctx, "audit write failed", "err", err, "request_id", o.RequestID)
	}
}

// LogoutOfficer ends an officer's page session (đăng xuất); u is the signed-in officer,
// if any, for the audit line.
func (a *App) LogoutOfficer(ctx context.Context, u *org.User, token string, o Origin) error {
	if err := a.store.DeleteSession(ctx, token); err != nil {
		return err
	}
	if u != nil {
		a.audit(ctx, store.AuditEntry{Actor: u.Username, UnitCode: u.UnitCode, Action: "logout", Target: u.Username}, o)
	}
	return nil
}

// RevokeToken revokes the officer's API bearer token.
func (a *App) RevokeToken(ctx context.Context, u org.User, token string, o Origin) error {
	if err := a.store.RevokeToken(ctx, token); err != nil {
		return err
	}
	a.audit(ctx, store.AuditEntry{Actor: u.Username, UnitCode: u.UnitCode, Action: "token.revoke", Target: u.Username}, o)
	return nil
}

// LogoutCitizen ends a citizen's session.
func (a *App) LogoutCitizen(ctx context.Context, token string) error {
	return a.store.DeleteCitizenSession(ctx, token)
}

// CreateOfficer creates an officer's account (tạo tài khoản cán bộ) on behalf of actor
// (CLIActor for the command line; administrators use AddOfficer), with its audit line.
func (a *App) CreateOfficer(ctx context.Context, actor string, u org.User, password string, o Origin) (org.User, error) {
	return a.createOfficer(ctx, store.AuditEntry{Actor: actor}, u, password, o)
}

// createOfficer creates the account and writes the audit line e with its action.
func (a *App) createOfficer(ctx context.Context, e store.AuditEntry, u org.User, password string, o Origin) (org.User, error) {
	var created org.User
	err := a.withHashSlot(ctx, func() error {
		var err error
		created, err = a.store.CreateUser(ctx, u, password)
		return err
	})
	if err != nil {
		return created, err
	}
	e.Action, e.Target = "user.create", created.Username
	e.Detail = created.UnitCode + " " + org.JoinRoles(created.Roles)
	a.audit(ctx, e, o)
	return created, nil
}
