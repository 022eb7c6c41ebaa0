package kit

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"hash/maphash"
	"net/http"
	"net/netip"
	"strings"
	"sync"
	"time"

	"motcua/internal/app"
	"motcua/internal/dossier"
	"motcua/internal/fault"
	"motcua/internal/store"
)

// Origin is where the request comes from, for the audit log and the QR codes of forms.
func (s *Kit) Origin(r *http.Request) app.Origin {
	return app.Origin{IP: ClientIP(r), RequestID: RequestID(r), BaseURL: s.BaseURL(r)}
}

// OfficerDossier loads a dossier that the officer of the request may see, with the
// actions the officer may take on it.
func (s *Kit) OfficerDossier(r *http.Request, code string) (store.StoredDossier, []dossier.Action, error) {
	u, _ := CurrentUser(r)
	return s.App.OfficerDossier(r.Context(), u, code)
}

// RateLimiter counts requests per client address in fixed windows. It lives as long as
// the handler that uses it. A shared limiter (NewSharedRateLimiter) counts in the
// database, so that the limit holds across every server sharing it; the others count in
// memory.
type RateLimiter struct {
	limit  int
	window time.Duration
	mu     sync.Mutex
	hits   map[clientKey]rateWindow
	seed   maphash.Seed
	// sweepAt is the size of hits past which the next request sweeps out the windows
	// that ended: twice what the last sweep left, so that a sweep's cost is spread over
	// as many new clients as it visits (amortised constant per request), however many
	// clients are in their window.
	sweepAt int

	// shared, when set, counts in the database under scope.
	shared    *store.Store
	scope     string
	lastPurge time.Time
	log       func(err error)
}

// clientKey is a client's address as a key of fixed size: a 64-bit hash, with a seed of
// the limiter's own (so that no one can choose addresses that collide), of the 16 bytes of
// its IP address (IPv4 mapped into IPv6: one key per address however it is spelled), or of
// the text when it is not an address. Two of a million clients share a key with a chance of
// about one in thirty million, and would then share a count.
type clientKey uint64

// rateWindow is a client's current window in one word: the Unix second it started in the
// high half, the requests counted in it in the low half. An entry of the table is 16 bytes
// with no pointer (the garbage collector never scans the table): a flood of distinct
// addresses (one per request under a load generator) costs a quarter of the memory a string
// key and a time.Time did.
type rateWindow uint64

func newWindow(start int64) rateWindow { return rateWindow(uint64(uint32(start)) << 32) }
func (w rateWindow) start() int64      { return int64(w >> 32) }
func (w rateWindow) count() uint32     { return uint32(w) }

// NewRateLimiter returns a limiter of limit requests per window per client, counted in
// memory.
func NewRateLimiter(limit int, window time.Duration) *RateLimiter {
	return &RateLimiter{limit: limit, window: window, hits: map[clientKey]rateWindow{}, seed: maphash.MakeSeed(),
		sweepAt: minSweep}
}

// keyOf is the key of the client's address.
func (l *RateLimiter) keyOf(client string) clientKey {
	if a, err := netip.ParseAddr(client); err == nil {
		return clientKey(maphash.Comparable(l.seed, a.As16()))
	}
	return clientKey(maphash.String(l.seed, client))
}

// seconds is the window in whole seconds, at least one.
func (l *RateLimiter) seconds() int64 { return max(1, int64((l.window+time.Second-1)/time.Second)) }

// NewSharedRateLimiter returns a limiter counted in the database under scope, for servers
// that share one PostgreSQL database. A database error lets the request through (and is
// logged): a citizen is never refused because the counter is unreachable.
func NewSharedRateLimiter(st *store.Store, scope string, limit int, window time.Duration, log func(error)) *RateLimiter {
	l := NewRateLimiter(limit, window)
	l.shared, l.scope, l.log = st, scope, log
	return l
}

// minSweep is the smallest size of an in-memory limiter's table that is swept.
const minSweep = 50000

// sweep deletes the windows that ended before now and sets when to sweep next.
func (l *RateLimiter) sweep(now int64) {
	for k, w := range l.hits {
		if now-w.start() >= l.seconds() {
			delete(l.hits, k)
		}
	}
	l.sweepAt = max(minSweep, 2*len(l.hits))
}

// allow counts one request from key at now and reports whether it is within the limit.
func (l *RateLimiter) allow(ctx context.Context, key string, now time.Time) bool {
	if l.shared != nil {
		return l.allowShared(ctx, key, now)
	}
	k, at := l.keyOf(key), now.Unix()
	l.mu.Lock()
	defer l.mu.Unlock()
	if len(l.hits) > l.sweepAt {
		l.sweep(at)
	}
	w, seen := l.hits[k]
	if !seen || at-w.start() >= l.seconds() {
		w = newWindow(at)
	}
	if int64(w.count()) <= int64(l.limit) { // stops counting past the limit: never overflows
		w++
	}
	l.hits[k] = w
	return int64(w.count()) <= int64(l.limit)
}

// allowShared counts in the database, in windows aligned on multiples of the window so
// that every server agrees on where one starts, under a hash of the client's address.
func (l *RateLimiter) allowShared(ctx context.Context, key string, now time.Time) bool {
	start := now.Truncate(l.window)
	sum := sha256.Sum256([]byte(l.scope + "|" + key))
	n, err := l.shared.CountHit(ctx, l.scope, hex.EncodeToString(sum[:12]), start)
	if err != nil {
		if l.log != nil {
			l.log(err)
		}
		return true
	}
	l.mu.Lock()
	purge := now.Sub(l.lastPurge) >= 10*l.window
	if purge {
		l.lastPurge = now
	}
	l.mu.Unlock()
	if purge {
		if err := l.shared.PurgeHits(ctx, start.Add(-2*l.window)); err != nil && l.log != nil {
			l.log(err)
		}
	}
	return n <= l.limit
}

// Limited wraps a handler with the limiter, answering rate_limited past the limit.
func (s *Kit) Limited(l *RateLimiter, h http.HandlerFunc) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		if !l.allow(r.Context(), ClientIP(r), time.Now()) {
			w.Header().Set("Retry-After", "60")
			err := fault.New(fault.RateLimited, "Bạn tra cứu quá nhiều lần. Vui lòng thử lại sau 1 phút.")
			if IsAPI(r) {
				s.APIError(w, r, err)
			} else {
				s.PageError(w, r, err)
			}
			return
		}
		h(w, r)
	}
}

// BaseURL is the public address of the site for QR codes: the configured one, else the
// scheme and host of the request.
func (s *Kit) BaseURL(r *http.Request) string {
	if s.Cfg.BaseURL != "" {
		return strings.TrimRight(s.Cfg.BaseURL, "/")
	}
	scheme := "http"
	if r.TLS != nil {
		scheme = "https"
	}
	return scheme + "://" + r.Host
}
