package store

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"database/sql"
	"encoding/base64"
	"encoding/hex"
	"fmt"
	"time"

	"motcua/internal/fault"
	"motcua/internal/org"
)

// newSecret returns a random URL-safe token and the hex SHA-256 under which it is
// stored: the database never holds a usable token.
func newSecret() (token, hash string, err error) {
	b := make([]byte, 32)
	if _, err := rand.Read(b); err != nil {
		return "", "", fmt.Errorf("store: random token: %w", err)
	}
	token = base64.RawURLEncoding.EncodeToString(b)
	return token, hashSecret(token), nil
}

func hashSecret(token string) string {
	sum := sha256.Sum256([]byte(token))
	return hex.EncodeToString(sum[:])
}

// CreateSession starts a server-side login session for the user and returns its token,
// valid for ttl.
func (s *Store) CreateSession(ctx context.Context, userID int64, ttl time.Duration) (string, error) {
	token, hash, err := newSecret()
	if err != nil {
		return "", err
	}
	now := s.Now()
	_, err = s.exec(ctx, s.write, "SessionInsert", hash, userID, now, now.Add(ttl))
	return token, err
}

// SessionUser returns the officer behind a live session token.
func (s *Store) SessionUser(ctx context.Context, token string) (org.User, error) {
	return s.userBySecret(ctx, "SessionUser", token)
}

// DeleteSession ends a session (logout).
func (s *Store) DeleteSession(ctx context.Context, token string) error {
	_, err := s.exec(ctx, s.write, "SessionDelete", hashSecret(token))
	return err
}

// CreateToken issues an API bearer token for the user, valid for ttl.
func (s *Store) CreateToken(ctx context.Context, userID int64, ttl time.Duration) (string, time.Time, error) {
	token, hash, err := newSecret()
	if err != nil {
		return "", time.Time{}, err
	}
	now := s.Now()
	exp := now.Add(ttl)
	_, err = s.exec(ctx, s.write, "TokenInsert", hash, userID, now, exp)
	return token, exp, err
}

// TokenUser returns the officer behind a live, unrevoked API token. A token verified
// less than tokenTTL ago is trusted without reading the database (token_cache.go).
func (s *Store) TokenUser(ctx context.Context, token string) (org.User, error) {
	hash := hashSecret(token)
	now := s.Now()
	u, gen, ok := s.tokens.lookup(hash, now)
	if ok {
		return u, nil
	}
	u, err := s.userByHash(ctx, "TokenUser", hash)
	if err == nil {
		s.tokens.keep(hash, u, gen, now)
	}
	return u, err
}

// RevokeToken revokes an API token; revoking twice is not an error. The token is
// refused by this store as soon as RevokeToken returns.
func (s *Store) RevokeToken(ctx context.Context, token string) error {
	defer s.tokens.forget()
	_, err := s.exec(ctx, s.write, "TokenRevoke", s.Now(), hashSecret(token))
	return err
}

func (s *Store) userBySecret(ctx context.Context, query, token string) (org.User, error) {
	return s.userByHash(ctx, query, hashSecret(token))
}

func (s *Store) userByHash(ctx context.Context, query, hash string) (org.User, error) {
	row, err := s.queryRow(ctx, s.read, query, hash, s.Now(), true)
	if err != nil {
		return org.User{}, err
	}
	u, err := scanUser(row)
	if err == sql.ErrNoRows {
		return org.User{}, fault.New(fault.Unauthorized, "Phiên đăng nhập đã hết hạn hoặc không hợp lệ.")
	}
	if err != nil {
		return org.User{}, s.mapErr(query, err)
	}
	return u, nil
}

// RecordAttempt notes one attempt (a login, a password-reset request) under each key
// (an account, an address) and returns, for each key, how many attempts it has had
// within window, this one included, and the ids of the new rows (for ForgetAttempts).
//
// Each attempt is committed by its own statement before it is counted, so concurrent
// attempts always see each other: of N parallel attempts on one key, the k-th to commit
// counts at least k. Servers sharing the database share the counters.
func (s *Store) RecordAttempt(ctx context.Context, window time.Duration, keys ...string) (counts []int, ids []int64, err error) {
	now := s.Now()
	for _, k := range keys {
		var id int64
		if err := s.row(ctx, s.write, "", "AttemptInsert", []any{k, now}, &id); err != nil {
			return nil, ids, err
		}
		ids = append(ids, id)
	}
	for _, k := range keys {
		var n int
		if err := s.row(ctx, s.write, "", "AttemptCount", []any{k, now.Add(-window)}, &n); err != nil {
			return nil, ids, err
		}
		counts = append(counts, n)
	}
	return counts, ids, nil
}

// ForgetAttempts deletes the attempts with the ids (a login that succeeded does not
// count against its address).
func (s *Store) ForgetAttempts(ctx context.Context, ids ...int64) error {
	for _, id := range ids {
		if _, err := s.exec(ctx, s.write, "AttemptDelete", id); err != nil {
			return err
		}
	}
	return nil
}

// ClearAttempts forgets every attempt of key (after a successful login).
func (s *Store) ClearAttempts(ctx context.Context, key string) error {
	_, err := s.exec(ctx, s.write, "AttemptClear", key)
	return err
}

// Purge deletes what can no longer be used: expired officer and citizen sessions, expired
// or revoked API tokens, expired citizen tokens (verification, password reset) and login
// failures older than a day. It returns how many rows it deleted.
func (s *Store) Purge(ctx context.Context) (int64, error) {
	now := s.Now()
	var total int64
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		total = 0
		for _, q := range []struct {
			name string
			arg  time.Time
		}{
			{"SessionPurge", now},
			{"TokenPurge", now},
			{"CitizenSessionPurge", now},
			{"CitizenTokenPurge", now},
			{"AttemptPurge", now.Add(-24 * time.Hour)},
		} {
			res, err := s.exec(ctx, tx, q.name, q.arg)
			if err != nil {
				return err
			}
			n, err := res.RowsAffected()
			if err != nil {
				return fmt.Errorf("store: %s: %w", q.name, err)
			}
			total += n
		}
		return nil
	})
	return total, err
}
