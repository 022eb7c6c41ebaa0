package store

import (
	"slices"
	"sync"
	"time"

	"motcua/internal/org"
)

// tokenTTL is how long a verified API token is trusted without reading the database
// again: every API call checked the token, its expiry, its revocation and the account in
// one read, which cost as much as a third of a dossier intake. Revoking a token, ending an
// account's access, changing an account or a unit through this store forgets every
// verified token at once; a revocation made by another server sharing the database takes
// effect here within this delay, and a token expiring is refused at most this late.
const tokenTTL = time.Second

// tokenCacheMax bounds the tokens kept; past it the cache starts again empty.
const tokenCacheMax = 10000

// tokenCache keeps recently verified API tokens by the hash of the token (the token
// itself is never kept). Its zero value is ready and it is safe for concurrent use.
type tokenCache struct {
	mu      sync.Mutex
	gen     uint64 // incremented by every invalidation
	entries map[string]cachedToken
}

type cachedToken struct {
	user org.User
	// verified is the store's clock at the check, expires the wall clock's end of trust:
	// both must agree, so that a test clock that stands still or jumps ahead is obeyed.
	verified, expires time.Time
}

// lookup returns the user of a token verified less than tokenTTL ago (now is the
// store's clock), and the generation to hand to keep.
func (c *tokenCache) lookup(hash string, now time.Time) (org.User, uint64, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	e, ok := c.entries[hash]
	if age := now.Sub(e.verified); !ok || age < 0 || age >= tokenTTL || !time.Now().Before(e.expires) {
		return org.User{}, c.gen, false
	}
	u := e.user
	u.Roles = slices.Clone(u.Roles)
	return u, c.gen, true
}

// keep remembers a token verified at now (the store's clock), unless the cache was invalidated since gen
// was read: the verification may then predate a revocation.
func (c *tokenCache) keep(hash string, u org.User, gen uint64, now time.Time) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if gen != c.gen {
		return
	}
	if c.entries == nil || len(c.entries) >= tokenCacheMax {
		c.entries = map[string]cachedToken{}
	}
	u.Roles = slices.Clone(u.Roles)
	c.entries[hash] = cachedToken{user: u, verified: now, expires: time.Now().Add(tokenTTL)}
}

// forget drops every verified token.
func (c *tokenCache) forget() {
	c.mu.Lock()
	c.gen++
	c.entries = nil
	c.mu.Unlock()
}
