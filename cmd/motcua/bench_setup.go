package main

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/url"
	"path/filepath"
	"time"

	"motcua/internal/app"
	"motcua/internal/calendar"
	"motcua/internal/demo"
	"motcua/internal/dossier"
	"motcua/internal/store"
	"motcua/internal/web"
)

// benchStore opens and migrates a scratch database: an SQLite file in dir, or a new
// schema on the PostgreSQL server of pgURL, dropped by the returned function. single
// turns group commit off, so that every dossier is a transaction of its own.
func benchStore(ctx context.Context, pgURL, dir, name string, single bool) (*store.Store, func(), error) {
	target := filepath.Join(dir, name+".db")
	drop := func() {}
	if pgURL != "" {
		u, err := url.Parse(pgURL)
		if err != nil || (u.Scheme != "postgres" && u.Scheme != "postgresql") {
			return nil, nil, errors.New("--db phải là một địa chỉ postgres://")
		}
		b := make([]byte, 4)
		rand.Read(b)
		schema := "bench_" + name + "_" + hex.EncodeToString(b)
		admin, err := sql.Open("pgx", pgURL)
		if err != nil {
			return nil, nil, err
		}
		for _, stmt := range []string{`CREATE EXTENSION IF NOT EXISTS pg_trgm WITH SCHEMA public`, `CREATE SCHEMA ` + schema} {
			if _, err := admin.ExecContext(ctx, stmt); err != nil {
				admin.Close()
				return nil, nil, fmt.Errorf("postgres: %s: %w", stmt, err)
			}
		}
		drop = func() {
			admin.ExecContext(context.Background(), `DROP SCHEMA `+schema+` CASCADE`)
			admin.Close()
		}
		q := u.Query()
		q.Set("search_path", schema+",public")
		u.RawQuery = q.Encode()
		target = u.String()
	}
	st, err := store.Open(ctx, store.Config{URL: target, Now: time.Now, SingleCommit: single})
	if err == nil {
		if _, err = st.Migrate(ctx); err == nil {
			err = st.SeedCalendarDays(ctx, calendar.Seed())
		}
		if err != nil {
			st.Close()
		}
	}
	if err != nil {
		drop()
		return nil, nil, err
	}
	return st, func() { st.Close(); drop() }, nil
}

// benchBase loads the demo units and catalogue and, when password is not empty, the
// account of Tân Hòa's one-stop officer: what the benchmark needs of the demo.
func benchBase(ctx context.Context, st *store.Store, password string) error {
	for _, u := range demo.Units() {
		if _, err := st.CreateUnit(ctx, u); err != nil {
			return err
		}
	}
	c, err := demo.Catalog()
	if err != nil {
		return err
	}
	if _, err := st.ImportCatalog(ctx, c, "bench"); err != nil {
		return err
	}
	if password == "" {
		return nil
	}
	for _, u := range demo.Users() {
		if u.Username == "tanhoa.motcua" {
			_, err := st.CreateUser(ctx, u, password)
			return err
		}
	}
	return errors.New("demo: no account tanhoa.motcua")
}

// benchDurability describes the durability setting the benchmark runs with.
func benchDurability(st *store.Store) string {
	if st.Dialect() == store.SQLite {
		return "SQLite (WAL, synchronous=FULL)"
	}
	return "PostgreSQL (synchronous_commit as configured on the server)"
}

// benchServer serves the real handler on a free port of 127.0.0.1, like serve.
func benchServer(st *store.Store, dataDir string) (string, func(), error) {
	h, err := web.New(web.Config{Version: buildVersion(), DataDir: dataDir}, st, slog.New(slog.NewTextHandler(io.Discard, nil)))
	if err != nil {
		return "", nil, err
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return "", nil, err
	}
	srv := &http.Server{
		Handler: http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			if a := r.Header.Get(benchClientHeader); a != "" {
				r.RemoteAddr = a + ":1"
			}
			h.ServeHTTP(w, r)
		}),
		ReadHeaderTimeout: 10 * time.Second,
	}
	go srv.Serve(ln)
	return "http://" + ln.Addr().String(), func() { srv.Close() }, nil
}

// benchNewDossier is the dossier that the raw-limit run creates, resolved from the
// catalogue as the web layer does.
func benchNewDossier(ctx context.Context, st *store.Store) (store.NewDossier, error) {
	p, err := st.Procedure(ctx, benchProcedure)
	if err != nil {
		return store.NewDossier{}, err
	}
	n := app.NewDossierFor(p, demo.TanHoa, dossier.ChannelCounter)
	n.Form = json.RawMessage(`{"ho_ten_tre":"Nguyễn Thị Bé"}`)
	n.Actor, n.Role, n.ActorUnit = "tanhoa.motcua", dossier.RoleOneStop, demo.TanHoa
	return n, nil
}
