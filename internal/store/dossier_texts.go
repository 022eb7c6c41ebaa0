package store

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"fmt"
	"sync"
)

// The texts many dossiers share (văn bản dùng chung, migration 026): a new dossier row
// refers to its pinned process and its list of documents in dossier_texts instead of
// carrying them. Every write path encodes the row with the texts in place
// (dossierRowEncoded), then pins it (textPins.row) inside its transaction, just before the
// insert: the text's id is found in the ids already committed (Store.texts), or in those
// of the open transaction, or stored.

// Where the texts and their references are in a DossierInsert row (dossierRowEncoded).
const (
	rowProcess       = 5
	rowDocuments     = 16
	rowProcessText   = 37
	rowDocumentsText = 38
)

// maxCachedTexts bounds each cache of shared texts: past it the cache starts again
// empty (a few hundred distinct texts are the usual: one process and a few document
// lists per procedure version).
const maxCachedTexts = 8192

// textCache is a map under a lock, emptied when it would grow past maxCachedTexts.
type textCache[K comparable, V any] struct {
	mu sync.RWMutex
	m  map[K]V
}

func (c *textCache[K, V]) get(k K) (V, bool) {
	c.mu.RLock()
	defer c.mu.RUnlock()
	v, ok := c.m[k]
	return v, ok
}

func (c *textCache[K, V]) put(m map[K]V) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.m == nil || len(c.m)+len(m) > maxCachedTexts {
		c.m = make(map[K]V, len(m))
	}
	for k, v := range m {
		c.m[k] = v
	}
}

// sharedText returns the shared text of the id, from the cache of the texts read
// (Store.bodies: a text never changes, so an entry never goes stale) or the database.
func (s *Store) sharedText(ctx context.Context, id int64) (string, error) {
	if body, ok := s.bodies.get(id); ok {
		return body, nil
	}
	var body string
	if err := s.row(ctx, s.read, "Không tìm thấy văn bản dùng chung của hồ sơ.", "DossierTextBody", []any{id}, &body); err != nil {
		return "", err
	}
	s.bodies.put(map[int64]string{id: body})
	return body, nil
}

// textPins pins the rows of one transaction. Ids it stores are its own until publish.
type textPins struct {
	s        *Store
	queryRow func(ctx context.Context, query string, args ...any) rowScanner
	local    map[string]int64
}

// rowScanner is the one-row answer of either driver (*sql.Row, pgx.Row).
type rowScanner interface{ Scan(dest ...any) error }

// pinsFor returns the pins of a transaction whose statements run through queryRow.
func (s *Store) pinsFor(queryRow func(ctx context.Context, query string, args ...any) rowScanner) *textPins {
	return &textPins{s: s, queryRow: queryRow}
}

// pinsTx returns the pins of a database/sql transaction, connection or pool.
func (s *Store) pinsTx(q interface {
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}) *textPins {
	return s.pinsFor(func(ctx context.Context, query string, args ...any) rowScanner {
		return q.QueryRowContext(ctx, query, args...)
	})
}

// pinCommitted pins a row outside any transaction, each new text committed on its own
// (an intake decides its rows before the group transaction that writes them).
func (s *Store) pinCommitted(ctx context.Context, row []any) error {
	p := s.pinsTx(s.write)
	if err := p.row(ctx, row, 0); err != nil {
		return err
	}
	p.publish()
	return nil
}

// row replaces the process and documents of a DossierInsert row (starting at off in
// row) by references to the shared texts. A row already pinned is left as it is.
func (p *textPins) row(ctx context.Context, row []any, off int) error {
	for _, c := range [][2]int{{rowProcess, rowProcessText}, {rowDocuments, rowDocumentsText}} {
		body, ok := row[off+c[0]].(string)
		if !ok || body == "" {
			continue
		}
		id, err := p.id(ctx, body)
		if err != nil {
			return err
		}
		row[off+c[0]], row[off+c[1]] = "", id
	}
	return nil
}

// id returns the id of a shared text, storing it if need be.
func (p *textPins) id(ctx context.Context, body string) (int64, error) {
	if id, ok := p.s.texts.get(body); ok {
		return id, nil
	}
	if id, ok := p.local[body]; ok {
		return id, nil
	}
	sum := sha256.Sum256([]byte(body))
	var id int64
	if err := p.queryRow(ctx, p.s.queries["DossierTextPin"], hex.EncodeToString(sum[:]), body).Scan(&id); err != nil {
		return 0, fmt.Errorf("store: shared text: %w", p.s.mapErr("DossierTextPin", err))
	}
	if p.local == nil {
		p.local = map[string]int64{}
	}
	p.local[body] = id
	return id, nil
}

// publish makes the ids of the committed transaction known to later ones.
func (p *textPins) publish() {
	if len(p.local) > 0 {
		p.s.texts.put(p.local)
	}
	p.local = nil
}
