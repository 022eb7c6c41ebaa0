package main

import (
	"context"
	"fmt"
	"log/slog"
	"math"
	"net"
	"net/http"
	"net/http/pprof"
	"time"

	"motcua/internal/metrics"
	"motcua/internal/store"
)

// newMetrics returns the registry of the server: requests are counted by the web layer,
// group commits by the store, and the pool and the mail queue are read at each scrape.
func newMetrics(st *store.Store) *metrics.Registry {
	reg := metrics.New()
	st.ObserveBatches(reg.ObserveBatch)
	pool := func(read bool, f func(s sqlStats) float64) func() float64 {
		return func() float64 {
			w, r := st.PoolStats()
			if read {
				return f(sqlStats{r.InUse, r.Idle, r.WaitCount})
			}
			return f(sqlStats{w.InUse, w.Idle, w.WaitCount})
		}
	}
	for _, p := range []struct {
		name string
		read bool
	}{{"write", false}, {"read", true}} {
		reg.Gauge("motcua_db_connections", "Connections of the database pool, by pool and state.",
			pool(p.read, func(s sqlStats) float64 { return float64(s.inUse) }), "pool", p.name, "state", "in_use")
		reg.Gauge("motcua_db_connections", "Connections of the database pool, by pool and state.",
			pool(p.read, func(s sqlStats) float64 { return float64(s.idle) }), "pool", p.name, "state", "idle")
		reg.Gauge("motcua_db_wait_total", "Times a request waited for a free connection, by pool.",
			pool(p.read, func(s sqlStats) float64 { return float64(s.waits) }), "pool", p.name)
	}
	reg.Gauge("motcua_outbox_waiting", "Messages of the outbox neither sent nor given up (the mail queue).", func() float64 {
		ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
		defer cancel()
		n, err := st.OutboxWaiting(ctx)
		if err != nil {
			return math.NaN()
		}
		return float64(n)
	})
	return reg
}

type sqlStats struct {
	inUse, idle int
	waits       int64
}

// serveMetrics serves /metrics on the operator's address, apart from the public site, and
// returns the function that stops it. With profiling, the Go profiler (net/http/pprof)
// is served there too, under /debug/pprof/: CPU and allocation profiles of the running
// server, for measuring it under an outside load generator.
func serveMetrics(addr string, reg *metrics.Registry, profiling bool, log *slog.Logger) (func(), error) {
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return nil, fmt.Errorf("không mở được cổng số liệu vận hành %s: %w", addr, err)
	}
	mux := http.NewServeMux()
	mux.Handle("GET /metrics", reg.Handler())
	if profiling {
		mux.HandleFunc("GET /debug/pprof/", pprof.Index)
		mux.HandleFunc("GET /debug/pprof/cmdline", pprof.Cmdline)
		mux.HandleFunc("GET /debug/pprof/profile", pprof.Profile)
		mux.HandleFunc("GET /debug/pprof/symbol", pprof.Symbol)
		mux.HandleFunc("GET /debug/pprof/trace", pprof.Trace)
	}
	srv := &http.Server{Handler: mux, ReadHeaderTimeout: 5 * time.Second}
	go func() {
		if err := srv.Serve(ln); err != nil && err != http.ErrServerClosed {
			log.Error("metrics server", "err", err)
		}
	}()
	return func() {
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		srv.Shutdown(ctx)
	}, nil
}
