package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"os"
	"runtime/pprof"
	"strings"
	"time"

	"motcua/internal/demo"
	"motcua/internal/dossier"
	"motcua/internal/store"
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
	if len(args) > 0 && args[0] == "pages" {
		return benchPagesCommand(ctx, args[1:], getenv, stdout, stderr)
	}
	if len(args) > 0 && args[0] == "report" {
		return benchReportCommand(ctx, args[1:], getenv, stdout, stderr)
	}
	if len(args) > 0 && args[0] == "rankings" {
		return benchRankingsCommand(ctx, args[1:], getenv, stdout, stderr)
	}
	fs := newFlagSet("bench", stderr)
	n := fs.Int("n", 5000, "số hồ sơ tiếp nhận qua HTTP")
	c := fs.Int("c", 64, "số máy khách đồng thời")
	dbURL := fs.String("db", "", "postgres://… để đo trên PostgreSQL (tạo và xóa một schema tạm); mặc định SQLite")
	units := fs.Int("units", 1, "số đơn vị tiếp nhận: hồ sơ chia đều, mỗi hồ sơ do cán bộ một cửa của chính đơn vị đó tiếp nhận (1: chỉ thị trấn Tân Hòa)")
	rawC := fs.Int("raw-c", 0, "số luồng ghi đồng thời của giới hạn thô và mức sàn (mặc định bằng --c)")
	lookups := fs.Int("lookups", 0, "số lượt tra cứu (mặc định bằng --n)")
	profile := fs.String("cpuprofile", "", "ghi hồ sơ CPU (pprof) của phần tiếp nhận qua HTTP vào tệp này")
	lookupProfile := fs.String("lookup-cpuprofile", "", "ghi hồ sơ CPU (pprof) của phần tra cứu vào tệp này")
	memProfile := fs.String("memprofile", "", "ghi hồ sơ cấp phát bộ nhớ (pprof allocs) sau phần tiếp nhận qua HTTP vào tệp này")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *n < 1 || *c < 1 {
		return errors.New("--n và --c phải lớn hơn 0")
	}
	if *units < 1 || *units > 5000 {
		return errors.New("--units phải từ 1 đến 5.000")
	}
	if *rawC <= 0 {
		*rawC = *c
	}
	if *lookups <= 0 {
		*lookups = *n
	}
	dir, err := os.MkdirTemp("", "motcua-bench-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	open := func(name string) (*store.Store, func(), error) {
		return benchStore(ctx, *dbURL, dir, name, name != "http")
	}

	st, drop, err := open("http")
	if err != nil {
		return err
	}
	// The server's database is closed (and a PostgreSQL schema dropped) before the raw
	// runs open theirs, so that the three never hold connections at once.
	defer drop()
	password := demo.RandomPassword()
	benchUnits, err := benchBase(ctx, st, *units, password)
	if err != nil {
		return err
	}
	base, stop, err := benchServer(st, dir)
	if err != nil {
		return err
	}
	defer stop()
	client := &http.Client{Transport: &http.Transport{
		MaxIdleConns: *c * 2, MaxIdleConnsPerHost: *c * 2, IdleConnTimeout: time.Minute,
	}, Timeout: time.Minute}
	tokens := make([]string, len(benchUnits))
	for i, u := range benchUnits {
		if tokens[i], err = benchToken(ctx, client, base, u.officer, password); err != nil {
			return err
		}
	}
	fmt.Fprintf(stdout, "motcua bench: %s, n=%d, c=%d, units=%d, raw-c=%d\n", benchDurability(st), *n, *c, len(benchUnits), *rawC)

	intakeClients, err := newBenchIntakeClients(base, *c)
	if err != nil {
		return err
	}
	defer intakeClients.close()
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
	allocs := benchAllocs()
	intake := benchRun(*n, *c, func(i int) error {
		u := i % len(benchUnits)
		d, err := intakeClients.create(ctx, tokens[u], benchUnits[u].code, i)
		created[i] = d
		return err
	})
	intake.allocs = benchAllocs() - allocs
	intakeClients.close()
	if *profile != "" {
		pprof.StopCPUProfile()
	}
	if *memProfile != "" {
		if err := benchWriteAllocs(*memProfile); err != nil {
			return err
		}
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
	if *lookupProfile != "" {
		f, err := os.Create(*lookupProfile)
		if err != nil {
			return err
		}
		defer f.Close()
		if err := pprof.StartCPUProfile(f); err != nil {
			return err
		}
	}
	allocs = benchAllocs()
	lookup := benchRun(*lookups, *c, func(i int) error {
		return benchLookup(ctx, client, base, ok[i%len(ok)], i)
	})
	lookup.allocs = benchAllocs() - allocs
	if *lookupProfile != "" {
		pprof.StopCPUProfile()
	}
	lookup.print(stdout, "lookup (HTTP GET /api/v1/lookup/{code})")
	if m := processMemory(); m != "" {
		fmt.Fprintln(stdout, m)
	}
	stop()
	drop()

	raw, dropRaw, err := open("raw")
	if err != nil {
		return err
	}
	defer dropRaw()
	if _, err := benchBase(ctx, raw, *units, ""); err != nil {
		return err
	}
	nds, err := benchNewDossiers(ctx, raw, benchUnits)
	if err != nil {
		return err
	}
	allocs = benchAllocs()
	direct := benchRun(*n, *rawC, func(i int) error {
		d := nds[i%len(nds)]
		d.Applicant = benchApplicant(i)
		_, err := raw.CreateDossier(ctx, d, store.Write{})
		return err
	})
	direct.allocs = benchAllocs() - allocs
	direct.print(stdout, "raw limit (store.CreateDossier without group commit: one transaction per dossier, no HTTP, second fresh database)")
	fmt.Fprintf(stdout, "intake / raw limit = %.0f%%\n", 100*intake.rate()/direct.rate())

	// The floor: the same dossiers with only the rows any intake must write, one
	// transaction each, on a third fresh database.
	dropRaw()
	floorStore, dropFloor, err := open("floor")
	if err != nil {
		return err
	}
	defer dropFloor()
	if _, err := benchBase(ctx, floorStore, *units, ""); err != nil {
		return err
	}
	allocs = benchAllocs()
	floor := benchRun(*n, *rawC, func(i int) error {
		d := nds[i%len(nds)]
		d.Applicant = benchApplicant(i)
		return floorStore.FloorIntake(ctx, d)
	})
	floor.allocs = benchAllocs() - allocs
	floor.print(stdout, "floor (sequence, dossier and first event only: one transaction per dossier, no HTTP, no audit or counts, third fresh database)")
	fmt.Fprintf(stdout, "intake / floor = %.0f%%\n", 100*intake.rate()/floor.rate())
	return nil
}

// benchToken logs in as the officer and returns an API token.
func benchToken(ctx context.Context, client *http.Client, base, username, password string) (string, error) {
	var out struct {
		Token string `json:"token"`
	}
	body := map[string]string{"username": username, "password": password}
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
