package app

import (
	"context"
	"strings"
	"time"

	"motcua/internal/fault"
	"motcua/internal/notify"
	"motcua/internal/store"
)

const (
	// citizenTokenTTL is how long a verification or reset link stays valid.
	citizenTokenTTL = 24 * time.Hour
	// Password-reset requests, verification resends and registration notices: at most
	// mailLimitAccount mails per account and mailLimitAddress requests per client address
	// in mailWindow.
	mailLimitAccount = 3
	mailLimitAddress = 10
	mailWindow       = time.Hour
)

// errNoMailLinks answers a request for a mail with a link while the site's public
// address is not configured.
var errNoMailLinks = fault.New(fault.Conflict, "Hệ thống chưa được cấu hình địa chỉ trang công khai nên chưa gửi được thư "+
	"có liên kết (xác thực tài khoản, đặt lại mật khẩu). Vui lòng thử lại sau hoặc liên hệ đường dây nóng của cơ quan.")

// mailLinks reports whether mails with links can be built, warning the operator when not.
func (a *App) mailLinks(ctx context.Context, what string) error {
	if strings.TrimSpace(a.cfg.BaseURL) != "" {
		return nil
	}
	a.log.WarnContext(ctx, "mail with a link refused: the public address is not configured; set --base-url (MOTCUA_BASE_URL)", "mail", what)
	return errNoMailLinks
}

// accountKey is the throttling name of what a citizen typed as login: its normal form
// when it is one, else the lower-cased text.
func accountKey(login string) string {
	if norm, ok := store.NormaliseLogin(login); ok {
		return norm
	}
	return strings.ToLower(strings.TrimSpace(login))
}

// mailAllowed counts a mail-sending request for the account and the address and reports
// whether both are within their limits.
func (a *App) mailAllowed(ctx context.Context, kind, account, ip string) (bool, error) {
	counts, _, err := a.store.RecordAttempt(ctx, mailWindow, kind+":"+account, kind+"-ip:"+ip)
	if err != nil {
		return false, err
	}
	return counts[0] <= mailLimitAccount && counts[1] <= mailLimitAddress, nil
}

// RegisterCitizen creates an unverified citizen account (đăng ký tài khoản) and mails the
// verification link. The answer does not tell whether the login was already taken: then
// nothing is created and the owner of the account gets a notice instead (a few per hour
// at most). Invalid input is Invalid with field messages.
func (a *App) RegisterCitizen(ctx context.Context, in store.NewCitizen, o Origin) error {
	if err := a.mailLinks(ctx, "verification"); err != nil {
		return err
	}
	err := a.withHashSlot(ctx, func() error {
		_, err := a.store.RegisterCitizen(ctx, in, citizenTokenTTL, func(c store.Citizen, token string) store.OutboxMessage {
			m, _ := notify.Verification(a.cfg.BaseURL, c.FullName, token) // the base URL was checked above
			return store.OutboxMessage{Kind: store.MessageKindEmail, Recipient: c.Email, Subject: m.Subject, Body: m.Body}
		})
		return err
	})
	if !fault.Is(err, fault.Conflict) {
		return err
	}
	owner, err := a.store.CitizenByLogin(ctx, in.Login)
	if err != nil {
		return err
	}
	ok, err := a.mailAllowed(ctx, "register", owner.Login, o.IP)
	if err != nil || !ok {
		return err
	}
	m, err := notify.RegistrationAttempt(a.cfg.BaseURL, owner.FullName)
	if err != nil {
		return err
	}
	_, err = a.store.Enqueue(ctx, store.OutboxMessage{Kind: store.MessageKindEmail, Recipient: owner.Email, Subject: m.Subject, Body: m.Body})
	return err
}

// VerifyCitizen confirms the account behind a verification link.
func (a *App) VerifyCitizen(ctx context.Context, token string) (store.Citizen, error) {
	return a.store.VerifyCitizen(ctx, token)
}

// ResendVerification mails a new verification link (gửi lại thư xác thực) to the
// unverified account with the login, if there is one, with the limits of password
// resets: a few mails per hour per account and requests per address. Unknown logins,
// accounts already verified and throttled requests succeed silently, so that the answer
// never tells which accounts exist; only a site without a public address answers
// differently, for everyone. The new link replaces the account's earlier ones.
func (a *App) ResendVerification(ctx context.Context, login string, o Origin) error {
	if err := a.mailLinks(ctx, "verification"); err != nil {
		return err
	}
	ok, err := a.mailAllowed(ctx, "verify", accountKey(login), o.IP)
	if err != nil || !ok {
		return err
	}
	return a.store.ResendVerification(ctx, login, citizenTokenTTL, func(c store.Citizen, token string) store.OutboxMessage {
		m, _ := notify.Verification(a.cfg.BaseURL, c.FullName, token) // the base URL was checked above
		return store.OutboxMessage{Kind: store.MessageKindEmail, Recipient: c.Email, Subject: m.Subject, Body: m.Body}
	})
}

// LoginCitizen signs a citizen in (đăng nhập công dân) with the same throttling as
// officers and returns the account and the token of the new session.
func (a *App) LoginCitizen(ctx context.Context, login, password string, o Origin) (store.Citizen, string, error) {
	if strings.TrimSpace(login) == "" || password == "" {
		return store.Citizen{}, "", fault.New(fault.Invalid, "Vui lòng nhập thư điện tử hoặc số điện thoại và mật khẩu.")
	}
	at, err := a.startLogin(ctx, accountKey(login), o.IP)
	if err != nil {
		return store.Citizen{}, "", err
	}
	var c store.Citizen
	err = a.withHashSlot(ctx, func() error {
		var err error
		c, err = a.store.AuthenticateCitizen(ctx, login, password)
		return err
	})
	if fault.Is(err, fault.Unauthorized) {
		failed(ctx, at)
		return store.Citizen{}, "", err
	}
	if err != nil {
		return store.Citizen{}, "", err
	}
	a.succeeded(ctx, at)
	token, err := a.store.CreateCitizenSession(ctx, c.ID, a.cfg.SessionTTL)
	if err != nil {
		return store.Citizen{}, "", err
	}
	return c, token, nil
}

// RequestPasswordReset mails a reset link (quên mật khẩu) to the account with the login,
// if there is one, at most a few times per hour per account and per address. Unknown
// logins and throttled requests succeed silently, so that the answer never tells which
// accounts exist; only a site without a public address answers differently, for everyone.
func (a *App) RequestPasswordReset(ctx context.Context, login string, o Origin) error {
	if err := a.mailLinks(ctx, "password reset"); err != nil {
		return err
	}
	ok, err := a.mailAllowed(ctx, "reset", accountKey(login), o.IP)
	if err != nil || !ok {
		return err
	}
	return a.store.RequestPasswordReset(ctx, login, citizenTokenTTL, func(c store.Citizen, token string) store.OutboxMessage {
		m, _ := notify.PasswordReset(a.cfg.BaseURL, c.FullName, token) // the base URL was checked above
		return store.OutboxMessage{Kind: store.MessageKindEmail, Recipient: c.Email, Subject: m.Subject, Body: m.Body}
	})
}

// ResetCitizenPassword sets a new password with a reset link; the link and every older
// one of the account stop working, and every session of the account ends.
func (a *App) ResetCitizenPassword(ctx context.Context, token, password string) (store.Citizen, error) {
	var c store.Citizen
	err := a.withHashSlot(ctx, func() error {
		var err error
		c, err = a.store.ResetCitizenPassword(ctx, token, password)
		return err
	})
	return c, err
}
