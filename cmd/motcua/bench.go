package main

import (
	"bytes"
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
	"os"
	"path/filepath"
	"runtime/pprof"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"motcua/internal/calendar"
	"motcua/internal/demo"
	"motcua/internal/dossier"
	"motcua/internal/store"
	"motcua/internal/web"
)

// benchProcedure is the procedure of the benchmark's dossiers: Đăng ký khai sinh.
const benchProcedure = "1.001193"

// benchClientHeader carries a simulated client address to the benchmark's own server:
// the public lookup is limited per address, and the benchmark plays many citizens, each
// following their own dossier.
const benchClientHeader = "X-Motcua-Bench-Client"

// benchCommand starts a fresh server in-process on a scratch database, creates n counter
// dossiers through the HTTP API with c concurrent clients, looks them up, and compares
// the intake rate with the store's own write path on a second scratch database.
func benchCommand(ctx context.Context, args []string, getenv func(string) string, stdout, stderr io.Writer) error {
	fs := newFlagSet("bench", stderr)
	n := fs.Int("n", 5000, "số hồ sơ tiếp nhận qua HTTP")
	c := fs.Int("c", 64, "số máy khách đồng thời")
	dbURL := fs.String("db", "", "postgres://… để đo trên PostgreSQL (tạo và xóa một schema tạm); mặc định SQLite")
	lookups := fs.Int("lookups", 0, "số lượt tra cứu (mặc định bằng --n)")
	profile := fs.String("cpuprofile", "", "ghi hồ sơ CPU (pprof) của phần tiếp nhận qua HTTP vào tệp này")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *n < 1 || *c < 1 {
		return errors.New("--n và --c phải lớn hơn 0")
	}
	if *lookups <= 0 {
		*lookups = *n
	}
	dir, err := os.MkdirTemp("", "motcua-bench-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	open := func(name string) (*store.Store, func(), error) { return benchStore(ctx, *dbURL, dir, name) }

	st, drop, err := open("http")
	if err != nil {
		return err
	}
	defer drop()
	password := demo.RandomPassword()
	if err := benchBase(ctx, st, password); err != nil {
		return err
	}
	base, stop, err := benchServer(st)
	if err != nil {
		return err
	}
	defer stop()
	client := &http.Client{Transport: &http.Transport{
		MaxIdleConns: *c * 2, MaxIdleConnsPerHost: *c * 2, IdleConnTimeout: time.Minute,
	}, Timeout: time.Minute}
	token, err := benchToken(ctx, client, base, password)
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "motcua bench: %s, n=%d, c=%d\n", benchDurability(st), *n, *c)

	created := make([]benchDossier, *n)
	if *profile != "" {
		f, err := os.Create(*profile)
		if err != nil {
			return err
		}
		defer f.Close()
		if err := pprof.StartCPUProfile(f); err != nil {
			return err
		}
	}
	intake := benchRun(*n, *c, func(i int) error {
		d, err := benchCreate(ctx, client, base, token, i)
		created[i] = d
		return err
	})
	if *profile != "" {
		pprof.StopCPUProfile()
	}
	intake.print(stdout, "intake (HTTP POST /api/v1/dossiers)")
	var ok []benchDossier
	for _, d := range created {
		if d.Code != "" {
			ok = append(ok, d)
		}
	}
	if len(ok) == 0 {
		return errors.New("không tiếp nhận được hồ sơ nào")
	}
	lookup := benchRun(*lookups, *c, func(i int) error {
		return benchLookup(ctx, client, base, ok[i%len(ok)], i)
	})
	lookup.print(stdout, "lookup (HTTP GET /api/v1/lookup/{code})")

	raw, dropRaw, err := open("raw")
	if err != nil {
		return err
	}
	defer dropRaw()
	if err := benchBase(ctx, raw, ""); err != nil {
		return err
	}
	nd, err := benchNewDossier(ctx, raw)
	if err != nil {
		return err
	}
	direct := benchRun(*n, *c, func(i int) error {
		d := nd
		d.Applicant = benchApplicant(i)
		_, err := raw.CreateDossier(ctx, d)
		return err
	})
	direct.print(stdout, "raw limit (store.CreateDossier, one transaction per dossier, no HTTP, second fresh database)")
	fmt.Fprintf(stdout, "intake / raw limit = %.0f%%\n", 100*intake.rate()/direct.rate())
	return nil
}

// benchStore opens and migrates a scratch database: an SQLite file in dir, or a new
// schema on the PostgreSQL server of pgURL, dropped by the returned function.
func benchStore(ctx context.Context, pgURL, dir, name string) (*store.Store, func(), error) {
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
	st, err := store.Open(ctx, store.Config{URL: target, Now: time.Now})
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
func benchServer(st *store.Store) (string, func(), error) {
	h, err := web.New(web.Config{Version: version}, st, slog.New(slog.NewTextHandler(io.Discard, nil)))
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

// benchToken logs in as the one-stop officer of Tân Hòa.
func benchToken(ctx context.Context, client *http.Client, base, password string) (string, error) {
	var out struct {
		Token string `json:"token"`
	}
	body := map[string]string{"username": "tanhoa.motcua", "password": password}
	if _, err := benchDo(ctx, client, http.MethodPost, base+"/api/v1/auth/token", "", body, http.StatusOK, &out); err != nil {
		return "", err
	}
	return out.Token, nil
}

// benchDossier is a created dossier: its code and lookup key.
type benchDossier struct {
	Code      string `json:"code"`
	LookupKey string `json:"lookup_key"`
}

// benchApplicant is the invented applicant of the i-th benchmark dossier.
func benchApplicant(i int) dossier.Applicant {
	return dossier.Applicant{FullName: fmt.Sprintf("Nguyễn Văn Thử %d", i), IDNumber: fmt.Sprintf("040%09d", i%1_000_000_000),
		Phone: fmt.Sprintf("09%08d", i%100_000_000), Address: "Khu phố 1, thị trấn Tân Hòa"}
}

func benchCreate(ctx context.Context, client *http.Client, base, token string, i int) (benchDossier, error) {
	body := map[string]any{"procedure_code": benchProcedure, "unit_code": demo.TanHoa, "channel": "counter",
		"applicant": benchApplicant(i), "form": map[string]string{"ho_ten_tre": "Nguyễn Thị Bé"}}
	var d benchDossier
	_, err := benchDo(ctx, client, http.MethodPost, base+"/api/v1/dossiers", token, body, http.StatusCreated, &d)
	return d, err
}

func benchLookup(ctx context.Context, client *http.Client, base string, d benchDossier, i int) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, base+"/api/v1/lookup/"+d.Code+"?key="+d.LookupKey, nil)
	if err != nil {
		return err
	}
	req.Header.Set(benchClientHeader, fmt.Sprintf("10.%d.%d.%d", i>>16&255, i>>8&255, i&255))
	resp, err := client.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	io.Copy(io.Discard, resp.Body)
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("lookup %s: status %d", d.Code, resp.StatusCode)
	}
	return nil
}

// benchDo sends a JSON request and decodes the JSON answer when the status is want.
func benchDo(ctx context.Context, client *http.Client, method, u, token string, body any, want int, out any) (int, error) {
	b, err := json.Marshal(body)
	if err != nil {
		return 0, err
	}
	req, err := http.NewRequestWithContext(ctx, method, u, bytes.NewReader(b))
	if err != nil {
		return 0, err
	}
	req.Header.Set("Content-Type", "application/json")
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	resp, err := client.Do(req)
	if err != nil {
		return 0, err
	}
	defer resp.Body.Close()
	data, err := io.ReadAll(resp.Body)
	if err != nil {
		return resp.StatusCode, err
	}
	if resp.StatusCode != want {
		return resp.StatusCode, fmt.Errorf("%s %s: status %d: %s", method, u, resp.StatusCode, strings.TrimSpace(string(data)))
	}
	return resp.StatusCode, json.Unmarshal(data, out)
}

// benchNewDossier is the dossier that the raw-limit run creates, resolved from the
// catalogue as the web layer does.
func benchNewDossier(ctx context.Context, st *store.Store) (store.NewDossier, error) {
	p, err := st.Procedure(ctx, benchProcedure)
	if err != nil {
		return store.NewDossier{}, err
	}
	proc := dossier.Process{Version: p.Process.Version}
	for _, s := range p.Process.Steps {
		proc.Steps = append(proc.Steps, dossier.Step{Name: s.Name, Role: dossier.Role(s.Role), Days: s.Days})
	}
	return store.NewDossier{
		UnitCode: demo.TanHoa, ProcedureCode: p.Code, ProcedureName: p.Name, Process: proc,
		Deadline: calendar.Deadline{Days: p.DeadlineDays}, SupplementRule: string(p.SupplementRule),
		Channel: dossier.ChannelCounter, Form: json.RawMessage(`{"ho_ten_tre":"Nguyễn Thị Bé"}`), FeeVND: p.FeeVND,
		Actor: "tanhoa.motcua", Role: dossier.RoleOneStop, ActorUnit: demo.TanHoa,
	}, nil
}

// benchResult is one measured run: the latencies of the successful calls, the number of
// errors and the first of them, and the wall time.
type benchResult struct {
	latencies []time.Duration
	errors    int
	first     error
	elapsed   time.Duration
}

// benchRun calls fn(0…n-1) from c goroutines and measures each call.
func benchRun(n, c int, fn func(i int) error) benchResult {
	var (
		next atomic.Int64
		mu   sync.Mutex
		res  benchResult
		wg   sync.WaitGroup
	)
	start := time.Now()
	for range c {
		wg.Go(func() {
			var lat []time.Duration
			for {
				i := int(next.Add(1)) - 1
				if i >= n {
					break
				}
				t := time.Now()
				err := fn(i)
				if err != nil {
					mu.Lock()
					res.errors++
					if res.first == nil {
						res.first = err
					}
					mu.Unlock()
					continue
				}
				lat = append(lat, time.Since(t))
			}
			mu.Lock()
			res.latencies = append(res.latencies, lat...)
			mu.Unlock()
		})
	}
	wg.Wait()
	res.elapsed = time.Since(start)
	slices.Sort(res.latencies)
	return res
}

// rate is the number of successful calls per second.
func (r benchResult) rate() float64 { return float64(len(r.latencies)) / r.elapsed.Seconds() }

// quantile returns the q-quantile of the latencies.
func (r benchResult) quantile(q float64) time.Duration {
	if len(r.latencies) == 0 {
		return 0
	}
	return r.latencies[min(len(r.latencies)-1, int(q*float64(len(r.latencies))))]
}

func (r benchResult) print(w io.Writer, what string) {
	fmt.Fprintf(w, "%s: %d in %.2f s = %.0f/s, p50 %.1f ms, p99 %.1f ms, errors %d\n", what,
		len(r.latencies), r.elapsed.Seconds(), r.rate(),
		float64(r.quantile(0.50).Microseconds())/1000, float64(r.quantile(0.99).Microseconds())/1000, r.errors)
	if r.first != nil {
		fmt.Fprintf(w, "  first error: %v\n", r.first)
	}
}
