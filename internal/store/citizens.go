package store

import (
	"context"
	"database/sql"
	"net/mail"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"motcua/internal/fault"
	"motcua/internal/org"
	"motcua/internal/password"
)

// Token purposes of citizen_tokens.
const (
	// PurposeVerify confirms the e-mail address of a new account (xác thực tài khoản).
	PurposeVerify = "verify"
	// PurposeReset lets a citizen choose a new password (đặt lại mật khẩu).
	PurposeReset = "reset"
)

// citizenActorPrefix starts the Actor of events taken by a citizen's account.
const citizenActorPrefix = "citizen:"

// Citizen is a tài khoản công dân: a person or a business representative who submits
// dossiers online. Login is the normalised e-mail address or phone number used to sign in;
// Email receives verification, password reset and dossier notices.
type Citizen struct {
	ID         int64
	Login      string
	FullName   string
	Email      string
	Phone      string
	VerifiedAt time.Time
	CreatedAt  time.Time
}

// Verified reports whether the citizen has confirmed the e-mail address.
func (c Citizen) Verified() bool { return !c.VerifiedAt.IsZero() }

// Actor is the name under which the citizen's actions appear in dossier events.
func (c Citizen) Actor() string { return CitizenActor(c.ID) }

// IsCitizenActor reports whether an event Actor is a citizen's account ("citizen:42")
// rather than an officer's username.
func IsCitizenActor(actor string) bool { return strings.HasPrefix(actor, citizenActorPrefix) }

// CitizenActor is the event Actor of the citizen with the id ("citizen:42").
func CitizenActor(id int64) string { return citizenActorPrefix + strconv.FormatInt(id, 10) }

// CitizenOfActor returns the citizen id of an event Actor, or false for an officer.
func CitizenOfActor(actor string) (int64, bool) {
	rest, ok := strings.CutPrefix(actor, citizenActorPrefix)
	if !ok {
		return 0, false
	}
	id, err := strconv.ParseInt(rest, 10, 64)
	return id, err == nil && id > 0
}

// NewCitizen is what a citizen enters to register (đăng ký tài khoản).
type NewCitizen struct {
	// Login is an e-mail address or a Vietnamese phone number.
	Login    string
	FullName string
	// Email is required when Login is a phone number; it defaults to Login otherwise.
	Email    string
	Password string
}

// NormaliseLogin returns the canonical form of an e-mail address (lower case) or a phone
// number (digits, +84 turned into 0), and false when s is neither.
func NormaliseLogin(s string) (string, bool) {
	s = strings.TrimSpace(s)
	if strings.Contains(s, "@") {
		a, err := mail.ParseAddress(s)
		if err != nil || a.Address != s || utf8.RuneCountInString(s) > 200 {
			return "", false
		}
		return strings.ToLower(s), true
	}
	p := strings.NewReplacer(" ", "", ".", "", "-", "").Replace(s)
	if rest, ok := strings.CutPrefix(p, "+84"); ok {
		p = "0" + rest
	}
	if len(p) < 10 || len(p) > 11 || p[0] != '0' {
		return "", false
	}
	for _, r := range p {
		if r < '0' || r > '9' {
			return "", false
		}
	}
	return p, true
}

// valid normalises the input and returns the field errors, keyed by form field name.
func (n *NewCitizen) valid() error {
	f := map[string]string{}
	n.FullName = strings.Join(strings.Fields(n.FullName), " ")
	switch {
	case n.FullName == "":
		f["full_name"] = "Cần nhập họ và tên."
	case utf8.RuneCountInString(n.FullName) > 200:
		f["full_name"] = "Họ và tên không được dài quá 200 ký tự."
	}
	login, ok := NormaliseLogin(n.Login)
	if !ok {
		f["login"] = "Nhập địa chỉ thư điện tử hoặc số điện thoại di động hợp lệ."
	}
	n.Login = login
	n.Email = strings.TrimSpace(n.Email)
	if n.Email == "" && strings.Contains(login, "@") {
		n.Email = login
	}
	if email, ok := NormaliseLogin(n.Email); !ok || !strings.Contains(email, "@") {
		f["email"] = "Cần địa chỉ thư điện tử hợp lệ để nhận thư xác thực và thông báo."
	} else {
		n.Email = email
	}
	if msg := org.ValidPassword(n.Password); msg != "" {
		f["password"] = msg
	}
	if len(f) > 0 {
		return fault.WithFields("Thông tin đăng ký chưa hợp lệ.", f)
	}
	return nil
}

// RegisterCitizen creates an unverified account and, in the same transaction, a
// verification token (valid for ttl) and the message that carries it, built by mail from
// the new account and the token. A login already taken is a Conflict.
func (s *Store) RegisterCitizen(ctx context.Context, n NewCitizen, ttl time.Duration, mail func(Citizen, string) OutboxMessage) (Citizen, error) {
	if err := n.valid(); err != nil {
		return Citizen{}, err
	}
	hash, err := password.Hash(n.Password, password.Default)
	if err != nil {
		return Citizen{}, err
	}
	now := s.Now()
	c := Citizen{Login: n.Login, FullName: n.FullName, Email: n.Email, CreatedAt: now}
	if !strings.Contains(n.Login, "@") {
		c.Phone = n.Login
	}
	err = s.inTx(ctx, func(tx *sql.Tx) error {
		err := s.row(ctx, tx, "", "CitizenInsert", []any{c.Login, c.FullName, c.Email, c.Phone, hash, now}, &c.ID)
		if fault.Is(err, fault.Conflict) {
			return &fault.Error{Code: fault.Conflict, Message: "Tài khoản với thông tin đăng nhập này đã tồn tại.",
				Fields: map[string]string{"login": "Đã có tài khoản với địa chỉ hoặc số điện thoại này."}}
		}
		if err != nil {
			return err
		}
		return s.issueCitizenToken(ctx, tx, c, PurposeVerify, ttl, mail)
	})
	return c, err
}

// issueCitizenToken makes a one-time token of the purpose for the citizen, spending the
// earlier unused ones of that purpose (only the latest link works), and enqueues the
// message built by mail.
func (s *Store) issueCitizenToken(ctx context.Context, tx *sql.Tx, c Citizen, purpose string, ttl time.Duration, mail func(Citizen, string) OutboxMessage) error {
	token, hash, err := newSecret()
	if err != nil {
		return err
	}
	now := s.Now()
	if _, err := s.exec(ctx, tx, "CitizenTokenSpendAll", now, c.ID, purpose); err != nil {
		return err
	}
	if _, err := s.exec(ctx, tx, "CitizenTokenInsert", hash, purpose, c.ID, now, now.Add(ttl)); err != nil {
		return err
	}
	_, err = s.EnqueueTx(ctx, tx, mail(c, token))
	return err
}

// useCitizenToken spends a one-time token of the purpose, and with it every other unused
// token of that purpose for the same account, and returns its citizen; an unknown, used
// or expired token is Invalid.
func (s *Store) useCitizenToken(ctx context.Context, tx *sql.Tx, token, purpose string) (int64, error) {
	var id int64
	now := s.Now()
	err := s.row(ctx, tx, "", "CitizenTokenUse", []any{now, hashSecret(token), purpose, now}, &id)
	if fault.Is(err, fault.NotFound) {
		return 0, fault.New(fault.Invalid, "Liên kết không hợp lệ, đã được sử dụng hoặc đã hết hạn.")
	}
	if err != nil {
		return 0, err
	}
	_, err = s.exec(ctx, tx, "CitizenTokenSpendAll", now, id, purpose)
	return id, err
}

// VerifyCitizen confirms the account behind a verification token.
func (s *Store) VerifyCitizen(ctx context.Context, token string) (Citizen, error) {
	var id int64
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		var err error
		if id, err = s.useCitizenToken(ctx, tx, token, PurposeVerify); err != nil {
			return err
		}
		_, err = s.exec(ctx, tx, "CitizenVerify", s.Now(), id)
		return err
	})
	if err != nil {
		return Citizen{}, err
	}
	return s.CitizenByID(ctx, id)
}

// RequestPasswordReset issues a reset token for the account with the login and enqueues
// the message built by mail. An unknown login does nothing and is not an error, so that
// the answer does not tell which accounts exist.
func (s *Store) RequestPasswordReset(ctx context.Context, login string, ttl time.Duration, mail func(Citizen, string) OutboxMessage) error {
	norm, ok := NormaliseLogin(login)
	if !ok {
		return nil
	}
	c, _, err := s.citizenWithHash(ctx, s.write, "CitizenByLogin", norm)
	if fault.Is(err, fault.NotFound) {
		return nil
	}
	if err != nil {
		return err
	}
	return s.inTx(ctx, func(tx *sql.Tx) error {
		return s.issueCitizenToken(ctx, tx, c, PurposeReset, ttl, mail)
	})
}

// ResendVerification issues a new verification token for the unverified account with the
// login and enqueues the message built by mail; the account's earlier verification links
// stop working. An unknown login or an account already verified does nothing and is not
// an error, so that the answer does not tell which accounts exist.
func (s *Store) ResendVerification(ctx context.Context, login string, ttl time.Duration, mail func(Citizen, string) OutboxMessage) error {
	norm, ok := NormaliseLogin(login)
	if !ok {
		return nil
	}
	c, _, err := s.citizenWithHash(ctx, s.write, "CitizenByLogin", norm)
	if fault.Is(err, fault.NotFound) {
		return nil
	}
	if err != nil {
		return err
	}
	if c.Verified() {
		return nil
	}
	return s.inTx(ctx, func(tx *sql.Tx) error {
		return s.issueCitizenToken(ctx, tx, c, PurposeVerify, ttl, mail)
	})
}

// ResetCitizenPassword sets a new password with a reset token, verifies the e-mail address
// (the token reached it) and ends every session of the account.
func (s *Store) ResetCitizenPassword(ctx context.Context, token, plain string) (Citizen, error) {
	if msg := org.ValidPassword(plain); msg != "" {
		return Citizen{}, fault.WithFields(msg, map[string]string{"password": msg})
	}
	hash, err := password.Hash(plain, password.Default)
	if err != nil {
		return Citizen{}, err
	}
	var id int64
	err = s.inTx(ctx, func(tx *sql.Tx) error {
		var err error
		if id, err = s.useCitizenToken(ctx, tx, token, PurposeReset); err != nil {
			return err
		}
		if _, err := s.exec(ctx, tx, "CitizenSetPassword", hash, id); err != nil {
			return err
		}
		if _, err := s.exec(ctx, tx, "CitizenVerify", s.Now(), id); err != nil {
			return err
		}
		_, err = s.exec(ctx, tx, "CitizenSessionDeleteAll", id)
		return err
	})
	if err != nil {
		return Citizen{}, err
	}
	return s.CitizenByID(ctx, id)
}

// AuthenticateCitizen checks a login and password. Any failure is the same
// fault.Unauthorized; a correct password on an unverified account is Forbidden with a
// message asking to open the verification link.
func (s *Store) AuthenticateCitizen(ctx context.Context, login, plain string) (Citizen, error) {
	denied := fault.New(fault.Unauthorized, "Thông tin đăng nhập hoặc mật khẩu không đúng.")
	norm, ok := NormaliseLogin(login)
	if !ok {
		password.Check(plain, dummyHash)
		return Citizen{}, denied
	}
	c, hash, err := s.citizenWithHash(ctx, s.read, "CitizenByLogin", norm)
	if fault.Is(err, fault.NotFound) {
		password.Check(plain, dummyHash)
		return Citizen{}, denied
	}
	if err != nil {
		return Citizen{}, err
	}
	if ok, err := password.Check(plain, hash); err != nil || !ok {
		return Citizen{}, denied
	}
	if !c.Verified() {
		return Citizen{}, fault.New(fault.Forbidden, "Tài khoản chưa được xác thực. Vui lòng mở liên kết trong thư điện tử đã gửi đến bạn, "+
			"hoặc chọn “Gửi lại thư xác thực” để nhận thư mới.")
	}
	return c, nil
}

// CitizenByLogin returns the account with the login (any form NormaliseLogin accepts),
// or fault.NotFound.
func (s *Store) CitizenByLogin(ctx context.Context, login string) (Citizen, error) {
	norm, ok := NormaliseLogin(login)
	if !ok {
		return Citizen{}, fault.New(fault.NotFound, "Không tìm thấy tài khoản.")
	}
	c, _, err := s.citizenWithHash(ctx, s.write, "CitizenByLogin", norm)
	return c, err
}

// CitizenByID returns the account with the id, or fault.NotFound.
func (s *Store) CitizenByID(ctx context.Context, id int64) (Citizen, error) {
	c, _, err := s.citizenWithHash(ctx, s.write, "CitizenByID", id)
	return c, err
}

func (s *Store) citizenWithHash(ctx context.Context, db querier, query string, arg any) (Citizen, string, error) {
	var c Citizen
	var hash string
	var verified sql.NullTime
	err := s.row(ctx, db, "Không tìm thấy tài khoản.", query, []any{arg},
		&c.ID, &c.Login, &c.FullName, &c.Email, &c.Phone, &hash, &verified, &c.CreatedAt)
	c.VerifiedAt = timeOf(verified)
	c.CreatedAt = c.CreatedAt.UTC()
	return c, hash, err
}

// CreateCitizenSession starts a login session for the citizen and returns its token.
func (s *Store) CreateCitizenSession(ctx context.Context, citizenID int64, ttl time.Duration) (string, error) {
	token, hash, err := newSecret()
	if err != nil {
		return "", err
	}
	now := s.Now()
	_, err = s.exec(ctx, s.write, "CitizenSessionInsert", hash, citizenID, now, now.Add(ttl))
	return token, err
}

// SessionCitizen returns the citizen behind a live session token, or fault.Unauthorized.
func (s *Store) SessionCitizen(ctx context.Context, token string) (Citizen, error) {
	var c Citizen
	var hash string
	var verified sql.NullTime
	err := s.row(ctx, s.read, "Phiên đăng nhập đã hết hạn hoặc không hợp lệ.", "CitizenBySession",
		[]any{hashSecret(token), s.Now()},
		&c.ID, &c.Login, &c.FullName, &c.Email, &c.Phone, &hash, &verified, &c.CreatedAt)
	if fault.Is(err, fault.NotFound) {
		return Citizen{}, fault.New(fault.Unauthorized, "Phiên đăng nhập đã hết hạn hoặc không hợp lệ.")
	}
	c.VerifiedAt = timeOf(verified)
	return c, err
}

// DeleteCitizenSession ends a citizen's session (đăng xuất).
func (s *Store) DeleteCitizenSession(ctx context.Context, token string) error {
	_, err := s.exec(ctx, s.write, "CitizenSessionDelete", hashSecret(token))
	return err
}
