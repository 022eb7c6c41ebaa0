package store

import (
	"context"
	"database/sql"
	"fmt"
	"strconv"
	"strings"
	"time"
)

// AuditCursor is where a page of the audit log ended: the instant and ID of its last
// (oldest) entry. The zero cursor is the start, at the end of the range.
type AuditCursor struct {
	At time.Time
	ID int64
}

// String encodes the cursor for a link ("" for the start).
func (c AuditCursor) String() string {
	if c.ID == 0 {
		return ""
	}
	return strconv.FormatInt(c.At.UnixNano(), 36) + "." + strconv.FormatInt(c.ID, 36)
}

// ParseAuditCursor decodes AuditCursor.String; "" is the start, anything unreadable is an
// error.
func ParseAuditCursor(s string) (AuditCursor, error) {
	if s == "" {
		return AuditCursor{}, nil
	}
	at, id, ok := strings.Cut(s, ".")
	ns, err1 := strconv.ParseInt(at, 36, 64)
	n, err2 := strconv.ParseInt(id, 36, 64)
	if !ok || err1 != nil || err2 != nil || n <= 0 {
		return AuditCursor{}, fmt.Errorf("store: audit cursor %q", s)
	}
	return AuditCursor{At: time.Unix(0, ns).UTC(), ID: n}, nil
}

// AuditPage lists one page of the audit log within f's filters and period, newest first,
// after the cursor, by keyset on (at, id): each page costs the same however deep the
// reader goes and however long the log. f.Offset is ignored; f.Limit defaults to 100 (at
// most 500). next is the cursor of the following page, zero on the last page.
func (s *Store) AuditPage(ctx context.Context, f AuditFilter, after AuditCursor) (entries []AuditEntry, next AuditCursor, err error) {
	if f.To.IsZero() {
		f.To = s.Now().Add(time.Hour)
	}
	if f.Limit <= 0 || f.Limit > 500 {
		f.Limit = 100
	}
	filters := []any{f.Actor, f.Actor, f.Action, f.Action, f.Unit, f.Unit}
	var rows *sql.Rows
	if after.ID == 0 {
		rows, err = s.query(ctx, s.read, "AuditPageFirst", append(append([]any{f.From.UTC(), f.To.UTC()}, filters...), f.Limit+1)...)
	} else {
		at := after.At.UTC()
		rows, err = s.query(ctx, s.read, "AuditPageNext",
			append(append([]any{f.From.UTC(), f.To.UTC(), at, at, after.ID}, filters...), f.Limit+1)...)
	}
	if err != nil {
		return nil, AuditCursor{}, err
	}
	defer rows.Close()
	for rows.Next() {
		var e AuditEntry
		if err := rows.Scan(&e.ID, &e.At, &e.Actor, &e.UnitCode, &e.Action, &e.Target, &e.Detail, &e.IP, &e.RequestID); err != nil {
			return nil, AuditCursor{}, fmt.Errorf("store: audit: %w", err)
		}
		entries = append(entries, e)
	}
	if err := rows.Err(); err != nil {
		return nil, AuditCursor{}, fmt.Errorf("store: audit: %w", err)
	}
	if len(entries) > f.Limit {
		entries = entries[:f.Limit]
		last := entries[len(entries)-1]
		next = AuditCursor{At: last.At, ID: last.ID}
	}
	return entries, next, nil
}

// auditArchiveBatch is how many entries one transaction of ArchiveAudit moves.
const auditArchiveBatch = 5000

// ArchiveAudit moves the audit entries older than before from the live log to the archive
// (audit_archive), oldest first, a batch per transaction: each entry is copied whole, then
// removed from the live log only once its copy is there — never deleted. It returns how
// many it moved; a cancelled ctx stops between batches with what was moved kept.
func (s *Store) ArchiveAudit(ctx context.Context, before time.Time) (int, error) {
	before = before.UTC()
	moved := 0
	for {
		var n int64
		err := s.inTx(ctx, func(tx *sql.Tx) error {
			var last int64
			if err := s.row(ctx, tx, "", "AuditArchiveLastID", []any{before, auditArchiveBatch}, &last); err != nil {
				return err
			}
			if last == 0 {
				return nil
			}
			if _, err := s.exec(ctx, tx, "AuditArchiveCopy", s.Now(), before, last); err != nil {
				return err
			}
			res, err := s.exec(ctx, tx, "AuditArchiveRemove", before, last, before, last)
			if err != nil {
				return err
			}
			n, err = res.RowsAffected()
			return err
		})
		if err != nil {
			return moved, err
		}
		moved += int(n)
		if n == 0 {
			return moved, nil
		}
	}
}

// AuditArchived returns how many entries the archive holds.
func (s *Store) AuditArchived(ctx context.Context) (int, error) {
	var n int
	err := s.row(ctx, s.read, "", "AuditArchiveCount", nil, &n)
	return n, err
}
