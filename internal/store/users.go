package store

import (
	"context"
	"database/sql"
	"fmt"

	"motcua/internal/fault"
	"motcua/internal/org"
	"motcua/internal/password"
)

func scanUser(sc interface{ Scan(...any) error }, extra ...any) (org.User, error) {
	var u org.User
	var roles string
	dest := append([]any{&u.ID, &u.Username, &u.FullName, &u.UnitCode, &u.UnitName, &roles, &u.Active}, extra...)
	if err := sc.Scan(dest...); err != nil {
		return u, err
	}
	u.Roles, _ = org.ParseRoles(roles)
	return u, nil
}

// Users lists every officer account.
func (s *Store) Users(ctx context.Context) ([]org.User, error) {
	rows, err := s.query(ctx, s.read, "UserList")
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []org.User
	for rows.Next() {
		u, err := scanUser(rows)
		if err != nil {
			return nil, fmt.Errorf("store: users: %w", err)
		}
		out = append(out, u)
	}
	return out, rows.Err()
}

// User returns the account with the username, or a fault.NotFound.
func (s *Store) User(ctx context.Context, username string) (org.User, error) {
	u, _, err := s.userWithHash(ctx, username)
	return u, err
}

func (s *Store) userWithHash(ctx context.Context, username string) (org.User, string, error) {
	row, err := s.queryRow(ctx, s.read, "UserByUsername", username)
	if err != nil {
		return org.User{}, "", err
	}
	var hash string
	u, err := scanUser(row, &hash)
	if err == sql.ErrNoRows {
		return org.User{}, "", fault.Newf(fault.NotFound, "Không tìm thấy tài khoản %q.", username)
	}
	if err != nil {
		return org.User{}, "", s.mapErr("UserByUsername", err)
	}
	return u, hash, nil
}

// CreateUser validates and inserts an officer with the password, hashed with argon2id.
func (s *Store) CreateUser(ctx context.Context, u org.User, plain string) (org.User, error) {
	errs := u.Valid()
	if msg := org.ValidPassword(plain); msg != "" {
		errs["password"] = msg
	}
	if len(errs) > 0 {
		return u, fault.WithFields("Thông tin tài khoản chưa hợp lệ.", errs)
	}
	hash, err := password.Hash(plain, password.Default)
	if err != nil {
		return u, err
	}
	now := s.Now()
	u.Active = true
	err = s.inTx(ctx, func(tx *sql.Tx) error {
		var unitID int64
		if err := s.row(ctx, tx, "", "UnitIDByCode", []any{u.UnitCode}, &unitID); err != nil {
			if fault.Is(err, fault.NotFound) {
				return fault.WithFields("Đơn vị không tồn tại.", map[string]string{"unit_code": "Không có đơn vị với mã này."})
			}
			return err
		}
		err := s.row(ctx, tx, "", "UserInsert", []any{u.Username, u.FullName, unitID, org.JoinRoles(u.Roles), hash, true, now, now}, &u.ID)
		if fault.Is(err, fault.Conflict) {
			return &fault.Error{Code: fault.Conflict, Message: "Tên đăng nhập đã tồn tại.",
				Fields: map[string]string{"username": "Tên đăng nhập đã tồn tại."}}
		}
		return err
	})
	return u, err
}

// UpdateUser changes an officer's full name, unit and roles (the username stays). The
// account's sessions and tokens go on: every request reads the account afresh (API
// tokens: verified within tokenTTL, and forgotten by this store at once), so the new
// roles and unit apply at once.
func (s *Store) UpdateUser(ctx context.Context, u org.User) (org.User, error) {
	defer s.tokens.forget()
	if errs := u.Valid(); len(errs) > 0 {
		return u, fault.WithFields("Thông tin tài khoản chưa hợp lệ.", errs)
	}
	if _, err := s.User(ctx, u.Username); err != nil {
		return u, err
	}
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		var unitID int64
		if err := s.row(ctx, tx, "", "UnitIDByCode", []any{u.UnitCode}, &unitID); err != nil {
			if fault.Is(err, fault.NotFound) {
				return fault.WithFields("Đơn vị không tồn tại.", map[string]string{"unit_code": "Không có đơn vị với mã này."})
			}
			return err
		}
		_, err := s.exec(ctx, tx, "UserUpdate", u.FullName, unitID, org.JoinRoles(u.Roles), s.Now(), u.Username)
		return err
	})
	if err != nil {
		return u, err
	}
	return s.User(ctx, u.Username)
}

// SetPassword replaces an officer's password, ends all of their sessions and revokes
// all of their API tokens: whoever held the old password loses access at once.
func (s *Store) SetPassword(ctx context.Context, username, plain string) error {
	defer s.tokens.forget()
	if msg := org.ValidPassword(plain); msg != "" {
		return fault.WithFields(msg, map[string]string{"password": msg})
	}
	u, err := s.User(ctx, username)
	if err != nil {
		return err
	}
	hash, err := password.Hash(plain, password.Default)
	if err != nil {
		return err
	}
	return s.inTx(ctx, func(tx *sql.Tx) error {
		if _, err := s.exec(ctx, tx, "UserSetPassword", hash, s.Now(), username); err != nil {
			return err
		}
		return s.endAccess(ctx, tx, u.ID)
	})
}

// SetActive enables or disables an officer's account; disabling also ends their sessions
// and revokes their API tokens.
func (s *Store) SetActive(ctx context.Context, username string, active bool) error {
	defer s.tokens.forget()
	u, err := s.User(ctx, username)
	if err != nil {
		return err
	}
	return s.inTx(ctx, func(tx *sql.Tx) error {
		if _, err := s.exec(ctx, tx, "UserSetActive", active, s.Now(), username); err != nil {
			return err
		}
		if active {
			return nil
		}
		return s.endAccess(ctx, tx, u.ID)
	})
}

// endAccess ends every session and revokes every API token of the officer.
func (s *Store) endAccess(ctx context.Context, tx *sql.Tx, userID int64) error {
	if _, err := s.exec(ctx, tx, "SessionDeleteUser", userID); err != nil {
		return err
	}
	_, err := s.exec(ctx, tx, "TokenRevokeUser", s.Now(), userID)
	return err
}

// Authenticate checks a username and password. Any failure, unknown user included, is the
// same fault.Unauthorized so that callers cannot probe for accounts.
func (s *Store) Authenticate(ctx context.Context, username, plain string) (org.User, error) {
	denied := fault.New(fault.Unauthorized, "Tên đăng nhập hoặc mật khẩu không đúng.")
	u, hash, err := s.userWithHash(ctx, username)
	if fault.Is(err, fault.NotFound) {
		// Spend the same time as a real check.
		password.Check(plain, dummyHash)
		return org.User{}, denied
	}
	if err != nil {
		return org.User{}, err
	}
	ok, err := password.Check(plain, hash)
	if err != nil || !ok || !u.Active {
		return org.User{}, denied
	}
	return u, nil
}

// dummyHash is checked against when the account does not exist.
const dummyHash = "$argon2id$v=19$m=32768,t=3,p=2$c2FsdHNhbHRzYWx0c2FsdA$K0CIHt+RlrYbkBl2NcKGLMgBEBKRCKH7V3ju0UGE0Hw"
