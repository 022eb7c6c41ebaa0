// Package metrics keeps the số liệu vận hành (operational metrics) an operator watches —
// requests and their latencies per route, the sizes of the intake's group commits, and
// gauges read when scraped (queue lengths, database pool use) — and writes them in the
// Prometheus text exposition format 0.0.4. It imports only the standard library; the
// counters are atomics, so recording costs a map lookup and a few additions.
package metrics

import (
	"bufio"
	"fmt"
	"io"
	"math"
	"net/http"
	"sort"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"
)

// latencyBuckets are the upper bounds, in seconds, of the request latency histogram.
var latencyBuckets = []float64{0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10}

// batchBuckets are the upper bounds of the group-commit size histogram.
var batchBuckets = []float64{1, 2, 4, 8, 16, 32, 64, 128, 256}

// Registry holds every metric of one process. A nil *Registry records nothing.
type Registry struct {
	requests sync.Map // requestKey → *histogram
	batches  *histogram

	mu     sync.Mutex
	gauges []gauge
}

type requestKey struct {
	route, method, code string
}

type gauge struct {
	name, help string
	labels     string
	fn         func() float64
}

// New returns an empty registry.
func New() *Registry {
	return &Registry{batches: newHistogram(batchBuckets)}
}

// ObserveRequest counts one HTTP request answered with the status after d. route is the
// pattern that served it ("GET /api/v1/lookup/{code}"), never the raw path, so that the
// number of series stays bounded and no code or name leaves through the metrics; "" is
// counted as "unmatched".
func (r *Registry) ObserveRequest(route, method string, status int, d time.Duration) {
	if r == nil {
		return
	}
	if route == "" {
		route = "unmatched"
	}
	k := requestKey{route: route, method: method, code: strconv.Itoa(status)}
	h, ok := r.requests.Load(k)
	if !ok {
		h, _ = r.requests.LoadOrStore(k, newHistogram(latencyBuckets))
	}
	h.(*histogram).observe(d.Seconds())
}

// ObserveBatch records the number of dossiers written by one group commit.
func (r *Registry) ObserveBatch(size int) {
	if r == nil {
		return
	}
	r.batches.observe(float64(size))
}

// Gauge registers a value read at every scrape, with optional constant labels given as
// name, value pairs.
func (r *Registry) Gauge(name, help string, fn func() float64, labels ...string) {
	if r == nil {
		return
	}
	var b strings.Builder
	for i := 0; i+1 < len(labels); i += 2 {
		if b.Len() > 0 {
			b.WriteByte(',')
		}
		fmt.Fprintf(&b, "%s=%q", labels[i], labels[i+1])
	}
	r.mu.Lock()
	r.gauges = append(r.gauges, gauge{name: name, help: help, labels: b.String(), fn: fn})
	r.mu.Unlock()
}

// Handler serves the metrics in the Prometheus text format.
func (r *Registry) Handler() http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "text/plain; version=0.0.4; charset=utf-8")
		r.WriteText(w)
	})
}

// WriteText writes every metric in the Prometheus text exposition format.
func (r *Registry) WriteText(out io.Writer) error {
	w := bufio.NewWriter(out)
	type series struct {
		k requestKey
		h *histogram
	}
	var reqs []series
	r.requests.Range(func(k, v any) bool {
		reqs = append(reqs, series{k.(requestKey), v.(*histogram)})
		return true
	})
	sort.Slice(reqs, func(i, j int) bool {
		a, b := reqs[i].k, reqs[j].k
		if a.route != b.route {
			return a.route < b.route
		}
		if a.method != b.method {
			return a.method < b.method
		}
		return a.code < b.code
	})
	fmt.Fprintln(w, "# HELP motcua_http_request_duration_seconds Time to answer HTTP requests, by route pattern, method and status.")
	fmt.Fprintln(w, "# TYPE motcua_http_request_duration_seconds histogram")
	for _, s := range reqs {
		labels := fmt.Sprintf("route=%q,method=%q,code=%q", s.k.route, s.k.method, s.k.code)
		s.h.write(w, "motcua_http_request_duration_seconds", labels)
	}
	fmt.Fprintln(w, "# HELP motcua_intake_batch_size Dossier writes committed together by one group commit.")
	fmt.Fprintln(w, "# TYPE motcua_intake_batch_size histogram")
	r.batches.write(w, "motcua_intake_batch_size", "")
	r.mu.Lock()
	gauges := append([]gauge(nil), r.gauges...)
	r.mu.Unlock()
	seen := map[string]bool{}
	for _, g := range gauges {
		if !seen[g.name] {
			seen[g.name] = true
			fmt.Fprintf(w, "# HELP %s %s\n# TYPE %s gauge\n", g.name, g.help, g.name)
		}
		v := g.fn()
		if g.labels != "" {
			fmt.Fprintf(w, "%s{%s} %s\n", g.name, g.labels, format(v))
		} else {
			fmt.Fprintf(w, "%s %s\n", g.name, format(v))
		}
	}
	return w.Flush()
}

// histogram is a cumulative Prometheus histogram with fixed buckets.
type histogram struct {
	bounds []float64
	counts []atomic.Uint64 // one per bound, then +Inf
	sum    atomic.Uint64   // float64 bits
}

func newHistogram(bounds []float64) *histogram {
	return &histogram{bounds: bounds, counts: make([]atomic.Uint64, len(bounds)+1)}
}

func (h *histogram) observe(v float64) {
	i := sort.SearchFloat64s(h.bounds, v)
	h.counts[i].Add(1)
	for {
		old := h.sum.Load()
		if h.sum.CompareAndSwap(old, math.Float64bits(math.Float64frombits(old)+v)) {
			return
		}
	}
}

func (h *histogram) write(w io.Writer, name, labels string) {
	sep := ""
	if labels != "" {
		sep = ","
	}
	var cum uint64
	for i, b := range h.bounds {
		cum += h.counts[i].Load()
		fmt.Fprintf(w, "%s_bucket{%s%sle=%q} %d\n", name, labels, sep, format(b), cum)
	}
	cum += h.counts[len(h.bounds)].Load()
	fmt.Fprintf(w, "%s_bucket{%s%sle=\"+Inf\"} %d\n", name, labels, sep, cum)
	if labels != "" {
		fmt.Fprintf(w, "%s_sum{%s} %s\n%s_count{%s} %d\n", name, labels, format(math.Float64frombits(h.sum.Load())), name, labels, cum)
		return
	}
	fmt.Fprintf(w, "%s_sum %s\n%s_count %d\n", name, format(math.Float64frombits(h.sum.Load())), name, cum)
}

func format(v float64) string { return strconv.FormatFloat(v, 'g', -1, 64) }
