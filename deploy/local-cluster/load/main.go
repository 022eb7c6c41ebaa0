// Command load is the failover drill's load and judge (diễn tập chuyển đổi dự phòng): it
// receives dossiers and looks them up through HAProxy from many concurrent clients, runs
// the command that kills the PostgreSQL primary mid-load, then the one that kills a motcua
// node, then the one that brings the killed server back as standby, and afterwards checks
// on the new primary that every dossier acknowledged with 201 is stored with its events
// and that codes stay gapless per unit and day. The lookups are read from the standby
// (serve --db-read): it checks on the standby that they reached it, before the failover and
// once the old primary has rejoined, and that no lookup ever failed with 500 (a read falls
// back to the primary, and while no server can answer it is told 503). It prints a
// summary and exits with status 1 when a check fails.
//
// It is run by deploy/local-cluster/drill; it is too heavy for CI.
package main

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"net/http"
	"os"
	"os/exec"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	_ "github.com/jackc/pgx/v5/stdlib"

	"motcua/internal/dossier"
)

// config holds the drill's flags.
type config struct {
	base, db, dbRead      string
	user, password        string
	unit, procedure       string
	writers, readers      int
	warmup, afterRecover  time.Duration
	tail, recoverLimit    time.Duration
	nodeWindow, timeout   time.Duration
	rejoinTail            time.Duration
	killPrimary, killNode string
	rejoin                string
}

func main() {
	var c config
	flag.StringVar(&c.base, "url", "http://127.0.0.1:8000", "HAProxy's HTTP address")
	flag.StringVar(&c.db, "db", "", "PostgreSQL URL through HAProxy (the current primary), for the checks")
	flag.StringVar(&c.dbRead, "db-read", "", "PostgreSQL URL through HAProxy to the standby (the nodes' --db-read), to check that lookups reach it")
	flag.StringVar(&c.user, "user", "tanhoa.motcua", "desk officer who receives the dossiers")
	flag.StringVar(&c.unit, "unit", "H40.12.05", "unit receiving the dossiers")
	flag.StringVar(&c.procedure, "procedure", "1.001193", "procedure of the dossiers")
	flag.IntVar(&c.writers, "writers", 8, "concurrent intake clients")
	flag.IntVar(&c.readers, "readers", 4, "concurrent public-lookup clients")
	flag.DurationVar(&c.warmup, "warmup", 10*time.Second, "load before the primary is killed")
	flag.DurationVar(&c.afterRecover, "node-after", 5*time.Second, "load after recovery before a motcua node is killed")
	flag.DurationVar(&c.tail, "tail", 10*time.Second, "load after the node is killed")
	flag.DurationVar(&c.recoverLimit, "recover-limit", 30*time.Second, "longest acceptable time to recover")
	flag.DurationVar(&c.nodeWindow, "node-window", 3*time.Second, "time HAProxy may take to take a killed node out")
	flag.DurationVar(&c.timeout, "timeout", 60*time.Second, "longest time for one request")
	flag.DurationVar(&c.rejoinTail, "rejoin-tail", 15*time.Second, "load after the killed server has rejoined as standby")
	flag.StringVar(&c.killPrimary, "kill-primary", "", "shell command that kills the PostgreSQL primary")
	flag.StringVar(&c.killNode, "kill-node", "", "shell command that kills a motcua node")
	flag.StringVar(&c.rejoin, "rejoin", "", "shell command that restarts the killed PostgreSQL server and returns once it is the synchronous standby (optional)")
	flag.Parse()
	c.password = os.Getenv("MOTCUA_DEMO_PASSWORD")
	if c.db == "" || c.password == "" || c.killPrimary == "" || c.killNode == "" {
		fmt.Fprintln(os.Stderr, "load: -db, -kill-primary, -kill-node and MOTCUA_DEMO_PASSWORD are required")
		os.Exit(2)
	}
	ok, err := run(context.Background(), c, os.Stdout)
	if err != nil {
		fmt.Fprintln(os.Stderr, "load:", err)
		os.Exit(2)
	}
	if !ok {
		os.Exit(1)
	}
}

// call is one HTTP request of the load: when it ran and how it ended (status 0: no answer).
type call struct {
	intake     bool
	start, end time.Time
	status     int
}

// acked is a dossier acknowledged with 201.
type acked struct {
	Code      string `json:"code"`
	LookupKey string `json:"lookup_key"`
}

// drill is the shared state of one run.
type drill struct {
	c      config
	client *http.Client
	token  string

	mu    sync.Mutex
	calls []call
	acks  []acked

	killedAt    atomic.Int64 // unix nanoseconds of the primary's kill
	recoveredAt atomic.Int64 // end of the first 201 of a request started after the kill
	clients     atomic.Int64 // simulated citizens of the lookups
}

func run(ctx context.Context, c config, out io.Writer) (bool, error) {
	d := &drill{c: c, client: &http.Client{Timeout: c.timeout, Transport: &http.Transport{
		MaxIdleConnsPerHost: c.writers + c.readers}}}
	var err error
	if d.token, err = d.login(ctx); err != nil {
		return false, err
	}
	db, err := sql.Open("pgx", c.db)
	if err != nil {
		return false, err
	}
	defer db.Close()
	var sb *standbyProbe
	if c.dbRead != "" {
		if sb, err = openStandbyProbe(c.dbRead); err != nil {
			return false, err
		}
		defer sb.db.Close()
	}
	today := time.Now().In(time.FixedZone("ICT", 7*3600)).Format("060102")
	before, err := countDay(ctx, db, c.unit, today)
	if err != nil {
		return false, fmt.Errorf("count before: %w", err)
	}

	loadCtx, stop := context.WithCancel(ctx)
	var wg sync.WaitGroup
	for i := range c.writers {
		wg.Go(func() { d.writer(loadCtx, i) })
	}
	for range c.readers {
		wg.Go(func() { d.reader(loadCtx) })
	}
	start := time.Now()
	var in judgeInput
	in.today, in.before = today, before
	in.warmStart = sb.sample(ctx)
	time.Sleep(c.warmup)
	in.warmEnd = sb.sample(ctx)
	// The switch window opens when the kill command starts; a request counts towards
	// recovery only if it started once the command has returned (the primary is dead).
	in.killPrimary = time.Now()
	fmt.Fprintf(out, "+%5.1fs  %s\n", time.Since(start).Seconds(), c.killPrimary)
	if err := sh(c.killPrimary, out); err != nil {
		stop()
		wg.Wait()
		return false, fmt.Errorf("kill primary: %w", err)
	}
	d.killedAt.Store(time.Now().UnixNano())
	deadline := in.killPrimary.Add(2 * c.recoverLimit)
	for d.recoveredAt.Load() == 0 && time.Now().Before(deadline) {
		time.Sleep(50 * time.Millisecond)
	}
	if r := d.recoveredAt.Load(); r != 0 {
		in.recovered = time.Unix(0, r).Sub(in.killPrimary)
		fmt.Fprintf(out, "+%5.1fs  first dossier acknowledged after the kill (%.1f s after it began)\n",
			time.Since(start).Seconds(), in.recovered.Seconds())
	}
	time.Sleep(c.afterRecover)
	in.killNode = time.Now()
	fmt.Fprintf(out, "+%5.1fs  %s\n", time.Since(start).Seconds(), c.killNode)
	if err := sh(c.killNode, out); err != nil {
		stop()
		wg.Wait()
		return false, fmt.Errorf("kill node: %w", err)
	}
	time.Sleep(c.tail)
	if c.rejoin != "" {
		// The old primary comes back under load: while it is rewound and catches up, the
		// lookups read from the primary; once HAProxy sees it as a standby, from it again.
		in.rejoinStart = time.Now()
		fmt.Fprintf(out, "+%5.1fs  %s\n", time.Since(start).Seconds(), c.rejoin)
		if err := sh(c.rejoin, out); err != nil {
			fmt.Fprintf(out, "rejoin: %v\n", err)
			in.rejoinFailed = true
		}
		in.rejoinEnd = time.Now()
		fmt.Fprintf(out, "+%5.1fs  rejoined (%.1f s)\n", time.Since(start).Seconds(), in.rejoinEnd.Sub(in.rejoinStart).Seconds())
		in.afterStart = sb.sample(ctx)
		time.Sleep(c.rejoinTail)
		in.afterEnd = sb.sample(ctx)
	}
	stop()
	wg.Wait()
	fmt.Fprintf(out, "+%5.1fs  load stopped\n", time.Since(start).Seconds())

	return d.judge(ctx, out, db, in)
}

// sh runs a shell command, its output going to out.
func sh(command string, out io.Writer) error {
	cmd := exec.Command("sh", "-c", command)
	cmd.Stdout, cmd.Stderr = out, out
	return cmd.Run()
}

func (d *drill) login(ctx context.Context) (string, error) {
	var tok struct {
		Token string `json:"token"`
	}
	st, err := d.do(ctx, http.MethodPost, "/api/v1/auth/token", "",
		map[string]string{"username": d.c.user, "password": d.c.password}, &tok, "")
	if err != nil || st != http.StatusOK {
		return "", fmt.Errorf("login as %s: status %d, %v", d.c.user, st, err)
	}
	return tok.Token, nil
}

// do sends one request and decodes a 2xx answer into v; status 0 means no answer.
func (d *drill) do(ctx context.Context, method, path, token string, body, v any, client string) (int, error) {
	var rd io.Reader
	if body != nil {
		b, _ := json.Marshal(body)
		rd = bytes.NewReader(b)
	}
	req, err := http.NewRequestWithContext(ctx, method, d.c.base+path, rd)
	if err != nil {
		return 0, err
	}
	req.Header.Set("Content-Type", "application/json")
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	if client != "" {
		req.Header.Set("X-Forwarded-For", client)
	}
	resp, err := d.client.Do(req)
	if err != nil {
		return 0, err
	}
	defer resp.Body.Close()
	if resp.StatusCode/100 == 2 && v != nil {
		return resp.StatusCode, json.NewDecoder(resp.Body).Decode(v)
	}
	io.Copy(io.Discard, resp.Body)
	return resp.StatusCode, nil
}

// writer receives dossiers until ctx ends.
func (d *drill) writer(ctx context.Context, w int) {
	for i := 0; ctx.Err() == nil; i++ {
		n := w*1_000_000 + i
		body := map[string]any{"procedure_code": d.c.procedure, "unit_code": d.c.unit, "channel": "counter",
			"applicant": map[string]string{"full_name": fmt.Sprintf("Nguyễn Văn Diễn Tập %d", n),
				"id_number": fmt.Sprintf("040%09d", n), "phone": fmt.Sprintf("09%08d", n%100_000_000),
				"address": "Khu phố 1, thị trấn Tân Hòa"},
			"form": map[string]string{"ho_ten_tre": "Nguyễn Thị Bé"}}
		var a acked
		start := time.Now()
		// The request is not tied to ctx: an intake already sent is always waited for, so
		// that its answer (and a 201's dossier) is counted.
		st, err := d.do(context.Background(), http.MethodPost, "/api/v1/dossiers", d.token, body, &a, "")
		end := time.Now()
		if st == http.StatusCreated && (err != nil || a.Code == "") {
			st = -1 // a 201 whose body could not be read: counted apart, never as acknowledged
		}
		d.record(call{intake: true, start: start, end: end, status: st})
		if st == http.StatusCreated {
			d.mu.Lock()
			d.acks = append(d.acks, a)
			d.mu.Unlock()
			if k := d.killedAt.Load(); k != 0 && start.UnixNano() > k {
				d.recoveredAt.CompareAndSwap(0, end.UnixNano())
			}
		}
		if st != http.StatusCreated {
			time.Sleep(50 * time.Millisecond) // no busy loop while the service is down
		}
	}
}

// reader looks up acknowledged dossiers, each request as a different citizen.
func (d *drill) reader(ctx context.Context) {
	for i := 0; ctx.Err() == nil; i++ {
		d.mu.Lock()
		var a acked
		if len(d.acks) > 0 {
			a = d.acks[(len(d.acks)*7919+i)%len(d.acks)]
		}
		d.mu.Unlock()
		if a.Code == "" {
			time.Sleep(20 * time.Millisecond)
			continue
		}
		n := d.clients.Add(1)
		client := fmt.Sprintf("10.%d.%d.%d", n>>16&255, n>>8&255, n&255)
		start := time.Now()
		st, _ := d.do(context.Background(), http.MethodGet, "/api/v1/lookup/"+a.Code+"?key="+a.LookupKey, "", nil, nil, client)
		d.record(call{start: start, end: time.Now(), status: st})
		if st != http.StatusOK {
			time.Sleep(50 * time.Millisecond)
		}
	}
}

func (d *drill) record(c call) {
	d.mu.Lock()
	d.calls = append(d.calls, c)
	d.mu.Unlock()
}

// countDay counts the unit's dossiers received on the day (YYMMDD).
func countDay(ctx context.Context, db *sql.DB, unit, day string) (int, error) {
	var n int
	err := db.QueryRowContext(ctx, `SELECT count(*) FROM dossiers WHERE code LIKE $1`, unit+"-"+day+"-%").Scan(&n)
	return n, err
}

// judgeInput is what the checks need to know about the run.
type judgeInput struct {
	today       string
	before      int
	killPrimary time.Time
	recovered   time.Duration
	killNode    time.Time
	// rejoinStart and rejoinEnd bound the killed server's return (zero without -rejoin).
	rejoinStart, rejoinEnd time.Time
	rejoinFailed           bool
	// The standby's counters around the warm-up and after the rejoin.
	warmStart, warmEnd, afterStart, afterEnd standbySample
}

// judge checks the stored data against the acknowledgements and prints the summary.
func (d *drill) judge(ctx context.Context, out io.Writer, db *sql.DB, in judgeInput) (bool, error) {
	ok := true
	fail := func(format string, args ...any) {
		ok = false
		fmt.Fprintf(out, "FAIL: "+format+"\n", args...)
	}
	var port int
	if err := db.QueryRowContext(ctx, `SELECT inet_server_port()`).Scan(&port); err != nil {
		return false, fmt.Errorf("connect to the new primary: %w", err)
	}

	// Every acknowledged dossier, with exactly one receive event as its first.
	codes := make([]string, len(d.acks))
	for i, a := range d.acks {
		codes[i] = a.Code
	}
	rows, err := db.QueryContext(ctx, `SELECT d.code, count(e.id), count(e.id) FILTER (WHERE e.seq = 1 AND e.action = 'receive')
		FROM dossiers d LEFT JOIN dossier_events e ON e.dossier_id = d.id
		WHERE d.code = ANY($1) GROUP BY d.code`, codes)
	if err != nil {
		return false, err
	}
	found, withEvents := 0, 0
	for rows.Next() {
		var code string
		var events, receive int
		if err := rows.Scan(&code, &events, &receive); err != nil {
			return false, err
		}
		found++
		if events >= 1 && receive == 1 {
			withEvents++
		}
	}
	if err := rows.Err(); err != nil {
		return false, err
	}
	lost := len(codes) - found

	// Codes gapless per unit and day, and each day's counter equal to its last code.
	gapErrs, days, err := checkGapless(ctx, db)
	if err != nil {
		return false, err
	}
	after, err := countDay(ctx, db, d.c.unit, in.today)
	if err != nil {
		return false, err
	}

	// Errors by status, apart inside the switch windows.
	recoveredAt := in.killPrimary.Add(in.recovered)
	if in.recovered == 0 {
		recoveredAt = time.Now()
	}
	nodeEnd := in.killNode.Add(d.c.nodeWindow)
	type key struct {
		phase  string
		intake bool
		status int
	}
	counts := map[key]int{}
	var outside5xx, lookup500, intake500 int
	for _, c := range d.calls {
		phase := "steady"
		switch {
		case c.end.After(in.killPrimary) && c.start.Before(recoveredAt):
			phase = "primary switch"
		case c.end.After(in.killNode) && c.start.Before(nodeEnd):
			phase = "node switch"
		case !in.rejoinStart.IsZero() && c.end.After(in.rejoinStart) && c.start.Before(in.rejoinEnd):
			phase = "rejoin"
		case !in.rejoinEnd.IsZero() && !c.start.Before(in.rejoinEnd):
			phase = "after rejoin"
		}
		counts[key{phase, c.intake, c.status}]++
		// The old primary's return is no switch: nothing may fail meanwhile.
		switchWindow := phase == "primary switch" || phase == "node switch"
		if !switchWindow && (c.status >= 500 || c.status <= 0) {
			outside5xx++
			if outside5xx <= 10 {
				fmt.Fprintf(out, "outside the switch windows (%s): status %d, %s → %s\n", phase, c.status,
					c.start.UTC().Format("15:04:05.000"), c.end.UTC().Format("15:04:05.000"))
			}
		}
		// A lookup falls back to the primary, and is told 503 while no server answers:
		// never 500, in any phase. Neither is an intake, whose switch is 503.
		if c.status == http.StatusInternalServerError {
			if c.intake {
				intake500++
			} else {
				lookup500++
			}
		}
	}

	fmt.Fprintf(out, "\n=== failover drill summary ===\n")
	fmt.Fprintf(out, "new primary:              127.0.0.1:%d\n", port)
	fmt.Fprintf(out, "acknowledged (201):       %d\n", len(d.acks))
	fmt.Fprintf(out, "found after failover:     %d (with their receive event: %d)\n", found, withEvents)
	fmt.Fprintf(out, "lost:                     %d\n", lost)
	fmt.Fprintf(out, "stored without an answer: %d (committed, but the answer did not reach the client)\n",
		after-in.before-found)
	fmt.Fprintf(out, "time to recover:          %.1f s (primary killed → first dossier acknowledged)\n", in.recovered.Seconds())
	fmt.Fprintf(out, "codes checked:            %d unit-days, %d problems\n", days, len(gapErrs))
	var warmReads, afterReads bool
	if d.c.dbRead != "" {
		var msg string
		msg, warmReads = readsBetween(in.warmStart, in.warmEnd)
		fmt.Fprintf(out, "standby during warm-up:   %s\n", msg)
		if !in.rejoinEnd.IsZero() {
			msg, afterReads = readsBetween(in.afterStart, in.afterEnd)
			fmt.Fprintf(out, "standby after the rejoin: %s\n", msg)
		}
	}
	if !in.rejoinEnd.IsZero() {
		fmt.Fprintf(out, "old primary rejoined:     %.1f s after the restart\n", in.rejoinEnd.Sub(in.rejoinStart).Seconds())
	}
	fmt.Fprintf(out, "requests by phase, kind and status (0 = no answer):\n")
	keys := make([]key, 0, len(counts))
	for k := range counts {
		keys = append(keys, k)
	}
	slices.SortFunc(keys, func(a, b key) int {
		return strings.Compare(fmt.Sprintf("%-15s %v %04d", a.phase, !a.intake, a.status), fmt.Sprintf("%-15s %v %04d", b.phase, !b.intake, b.status))
	})
	for _, k := range keys {
		kind := "lookup"
		if k.intake {
			kind = "intake"
		}
		fmt.Fprintf(out, "  %-15s %-6s %4d: %d\n", k.phase, kind, k.status, counts[k])
	}
	if lost != 0 {
		fail("%d acknowledged dossiers are missing", lost)
	}
	if withEvents != found {
		fail("%d dossiers without their receive event", found-withEvents)
	}
	for _, e := range gapErrs {
		fail("%s", e)
	}
	if in.recovered == 0 || in.recovered > d.c.recoverLimit {
		fail("service did not resume within %s", d.c.recoverLimit)
	}
	if outside5xx != 0 {
		fail("%d requests failed with 5xx or no answer outside the switch windows", outside5xx)
	}
	if lookup500 != 0 || intake500 != 0 {
		fail("%d lookups and %d intakes answered 500 (a switch is 503)", lookup500, intake500)
	}
	if d.c.dbRead != "" && d.c.readers > 0 {
		if !warmReads {
			fail("the lookups did not reach the standby during the warm-up")
		}
		if !in.rejoinEnd.IsZero() && !afterReads {
			fail("the lookups did not reach the rejoined standby")
		}
	}
	if in.rejoinFailed {
		fail("the killed server did not rejoin as synchronous standby")
	}
	if len(d.acks) == 0 {
		fail("no dossier was acknowledged")
	}
	if ok {
		fmt.Fprintln(out, "result:                   PASS")
	} else {
		fmt.Fprintln(out, "result:                   FAIL")
	}
	return ok, nil
}

// checkGapless reads every code of every unit and day and reports duplicates, gaps and
// day counters that differ from the last code.
func checkGapless(ctx context.Context, db *sql.DB) ([]string, int, error) {
	type unitDay struct{ unit, day string }
	seqs := map[unitDay][]int{}
	rows, err := db.QueryContext(ctx, `SELECT code FROM dossiers`)
	if err != nil {
		return nil, 0, err
	}
	for rows.Next() {
		var code string
		if err := rows.Scan(&code); err != nil {
			return nil, 0, err
		}
		unit, day, seq, err := dossier.ParseCode(code)
		if err != nil {
			return nil, 0, fmt.Errorf("stored code %q: %w", code, err)
		}
		k := unitDay{unit, fmt.Sprintf("%02d%02d%02d", day.Year%100, int(day.Month), day.Day)}
		seqs[k] = append(seqs[k], seq)
	}
	if err := rows.Err(); err != nil {
		return nil, 0, err
	}
	last := map[unitDay]int{}
	rows, err = db.QueryContext(ctx, `SELECT unit_code, day, last FROM dossier_sequences`)
	if err != nil {
		return nil, 0, err
	}
	for rows.Next() {
		var k unitDay
		var n int
		if err := rows.Scan(&k.unit, &k.day, &n); err != nil {
			return nil, 0, err
		}
		last[k] = n
	}
	if err := rows.Err(); err != nil {
		return nil, 0, err
	}
	var problems []string
	for k, s := range seqs {
		slices.Sort(s)
		for i, n := range s {
			if n != i+1 {
				problems = append(problems, fmt.Sprintf("%s %s: sequence number %d at position %d (duplicate or gap)", k.unit, k.day, n, i+1))
				break
			}
		}
		if l, ok := last[k]; ok && l != len(s) {
			problems = append(problems, fmt.Sprintf("%s %s: day counter %d, %d codes stored", k.unit, k.day, l, len(s)))
		}
	}
	return problems, len(seqs), nil
}
