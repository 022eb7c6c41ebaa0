package store

import (
	"context"
	"database/sql"
	"fmt"
	"time"
)

// Open311Key is an api_key issued to an Open311 integrator (ứng dụng kết nối). Only a
// hash of the key is stored.
type Open311Key struct {
	ID        int64
	Name      string
	CreatedBy string
	CreatedAt time.Time
	RevokedAt time.Time
}

// AddOpen311Key stores the hash of a new key with the audit line.
func (s *Store) AddOpen311Key(ctx context.Context, name, hash string, audit AuditEntry) (Open311Key, error) {
	k := Open311Key{Name: name, CreatedBy: audit.Actor, CreatedAt: s.Now()}
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		if err := s.row(ctx, tx, "", "Open311KeyInsert", []any{name, hash, audit.Actor, k.CreatedAt}, &k.ID); err != nil {
			return err
		}
		return s.auditInTx(ctx, tx, audit, fmt.Sprintf("open311-key-%d", k.ID))
	})
	return k, err
}

// Open311KeyByHash returns the key with the hash; an unknown hash is fault.NotFound.
func (s *Store) Open311KeyByHash(ctx context.Context, hash string) (Open311Key, error) {
	var k Open311Key
	var rev sql.NullTime
	err := s.row(ctx, s.read, "Khóa Open311 không hợp lệ.", "Open311KeyByHash", []any{hash}, &k.ID, &k.Name, &k.CreatedBy, &k.CreatedAt, &rev)
	k.RevokedAt = timeOf(rev)
	return k, err
}

// Open311Keys lists the keys, newest first.
func (s *Store) Open311Keys(ctx context.Context) ([]Open311Key, error) {
	rows, err := s.query(ctx, s.read, "Open311KeyList")
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Open311Key
	for rows.Next() {
		var k Open311Key
		var rev sql.NullTime
		if err := rows.Scan(&k.ID, &k.Name, &k.CreatedBy, &k.CreatedAt, &rev); err != nil {
			return nil, fmt.Errorf("store: open311 keys: %w", err)
		}
		k.RevokedAt = timeOf(rev)
		out = append(out, k)
	}
	return out, rows.Err()
}

// RevokeOpen311Key revokes a key with the audit line; revoking one twice changes nothing.
func (s *Store) RevokeOpen311Key(ctx context.Context, id int64, audit AuditEntry) error {
	return s.inTx(ctx, func(tx *sql.Tx) error {
		if _, err := s.exec(ctx, tx, "Open311KeyRevoke", s.Now(), id); err != nil {
			return err
		}
		return s.auditInTx(ctx, tx, audit, fmt.Sprintf("open311-key-%d", id))
	})
}
