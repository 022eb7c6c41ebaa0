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
	"sync"
	"time"

	"motcua/internal/app"
	"motcua/internal/calendar"
	"motcua/internal/catalog"
	"motcua/internal/demo"
	"motcua/internal/dossier"
	"motcua/internal/org"
	"motcua/internal/store"
	"motcua/internal/web"
)

// benchStore opens and migrates a scratch database: an SQLite file in dir, or a new
// schema on the PostgreSQL server of pgURL, dropped by the returned function. single
// turns group commit off, so that every dossier is a transaction of its own. The returned
// function may be called more than once.
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
	var once sync.Once
	return st, func() { once.Do(func() { st.Close(); drop() }) }, nil
}

// benchUnit is a receiving unit of the benchmark and the one-stop officer who receives
// its dossiers (cán bộ một cửa của đơn vị).
type benchUnit struct {
	code, officer string
}

// benchBase loads the demo units and catalogue and the units that receive the benchmark's
// dossiers: Tân Hòa alone when units is 1, else units communes of the demo province
// (demo.ScaleUnits adds sample communes as needed). When password is not empty it also
// creates each unit's one-stop officer, Tân Hòa's being the demo account tanhoa.motcua.
func benchBase(ctx context.Context, st *store.Store, units int, password string) ([]benchUnit, error) {
	for _, u := range demo.Units() {
		if _, err := st.CreateUnit(ctx, u); err != nil {
			return nil, err
		}
	}
	codes := []string{demo.TanHoa}
	if units > 1 {
		var err error
		if codes, err = demo.ScaleUnits(ctx, st, units); err != nil {
			return nil, err
		}
	}
	c, err := demo.Catalog()
	if err != nil {
		return nil, err
	}
	// Every receiving unit offers what Tân Hòa offers.
	offered := map[string]bool{}
	var tanHoa catalog.Offer
	for _, o := range c.Offers {
		offered[o.UnitCode] = true
		if o.UnitCode == demo.TanHoa {
			tanHoa = o
		}
	}
	for _, code := range codes {
		if !offered[code] {
			c.Offers = append(c.Offers, catalog.Offer{UnitCode: code, ProcedureCodes: tanHoa.ProcedureCodes})
		}
	}
	if _, err := st.ImportCatalog(ctx, c, "bench"); err != nil {
		return nil, err
	}
	out := make([]benchUnit, len(codes))
	for i, code := range codes {
		out[i] = benchUnit{code: code, officer: fmt.Sprintf("bench.motcua.%04d", i)}
		if code == demo.TanHoa {
			out[i].officer = "tanhoa.motcua"
		}
		if password == "" {
			continue
		}
		u := org.User{Username: out[i].officer, FullName: fmt.Sprintf("Cán bộ một cửa %d", i+1), UnitCode: code, Roles: []org.Role{org.OneStop}}
		if _, err := st.CreateUser(ctx, u, password); err != nil {
			return nil, fmt.Errorf("bench: officer of %s: %w", code, err)
		}
	}
	return out, nil
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

// benchNewDossiers are the dossiers that the raw-limit and floor runs create, one per
// unit, received by the unit's officer and resolved from the catalogue as the web layer
// does.
func benchNewDossiers(ctx context.Context, st *store.Store, units []benchUnit) ([]store.NewDossier, error) {
	p, err := st.Procedure(ctx, benchProcedure)
	if err != nil {
		return nil, err
	}
	out := make([]store.NewDossier, len(units))
	for i, u := range units {
		n := app.NewDossierFor(p, u.code, dossier.ChannelCounter)
		n.Form = json.RawMessage(`{"ho_ten_tre":"Nguyễn Thị Bé"}`)
		n.Actor, n.Role, n.ActorUnit = u.officer, dossier.RoleOneStop, u.code
		out[i] = n
	}
	return out, nil
}
