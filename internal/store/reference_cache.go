package store

import (
	"sync"
	"time"
)

// referenceTTL is how long reference data — units, the documents of procedures and which
// unit offers which procedure — is reused before it is read again. Each dossier intake
// read a unit twice, a procedure and an offer: four reads, as much as the writing of the
// dossier itself. Changes made through this store (forgetReference) apply at once;
// changes made by another server sharing the database show within this delay.
const referenceTTL = 5 * time.Second

// referenceCacheMax bounds each reference cache; past it the cache starts again empty.
const referenceCacheMax = 10000

// refCache keeps values read from the database by key for referenceTTL. Values must be
// immutable or copied by the caller. Its zero value is ready and it is safe for
// concurrent use.
type refCache[V any] struct {
	mu      sync.Mutex
	gen     uint64 // incremented by every invalidation
	entries map[string]refEntry[V]
}

type refEntry[V any] struct {
	v       V
	expires time.Time
}

// get returns the value kept for key if it is fresh, and the generation to hand to put.
func (c *refCache[V]) get(key string) (v V, gen uint64, ok bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	e, ok := c.entries[key]
	if !ok || !time.Now().Before(e.expires) {
		return v, c.gen, false
	}
	return e.v, c.gen, true
}

// put keeps v for key, unless the cache was invalidated since gen was read: v may then
// predate the change.
func (c *refCache[V]) put(key string, v V, gen uint64) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if gen != c.gen {
		return
	}
	if c.entries == nil || len(c.entries) >= referenceCacheMax {
		c.entries = map[string]refEntry[V]{}
	}
	c.entries[key] = refEntry[V]{v: v, expires: time.Now().Add(referenceTTL)}
}

// forget drops every value.
func (c *refCache[V]) forget() {
	c.mu.Lock()
	c.gen++
	c.entries = nil
	c.mu.Unlock()
}

// forgetReference drops the reference data kept by this store, and the verified tokens
// (an officer carries the name of their unit). Every write of units, procedures or
// offers calls it once its transaction has ended.
func (s *Store) forgetReference() {
	s.units.forget()
	s.procedureDocs.forget()
	s.offers.forget()
	s.tokens.forget()
}
