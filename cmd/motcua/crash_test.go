package main

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"sync"
	"testing"
	"time"

	"motcua/internal/calendar"
	"motcua/internal/demo"
	"motcua/internal/dossier"
	"motcua/internal/store"
	"motcua/internal/store/storetest"
)

// buildBinary compiles this command into a temporary directory.
func buildBinary(t *testing.T) string {
	t.Helper()
	bin := filepath.Join(t.TempDir(), "motcua")
	cmd := exec.Command("go", "build", "-o", bin, ".")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

// process is a running motcua binary.
type process struct {
	cmd  *exec.Cmd
	URL  string
	done chan struct{}
}

// startBinary runs `motcua serve` on the data directory (or dbURL) and waits for /healthz.
func startBinary(t *testing.T, bin, data, dbURL string) *process {
	t.Helper()
	args := []string{"serve", "--addr", "127.0.0.1:0", "--data", data}
	if dbURL != "" {
		args = append(args, "--db", dbURL)
	}
	cmd := exec.Command(bin, args...)
	cmd.Env = append(os.Environ(), "MOTCUA_DEMO_PASSWORD="+demoPassword, "DATABASE_URL=")
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	cmd.Stderr = io.Discard
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	p := &process{cmd: cmd, done: make(chan struct{})}
	go func() { cmd.Wait(); close(p.done) }()
	t.Cleanup(func() { cmd.Process.Kill(); <-p.done })
	addr := make(chan string, 1)
	go func() {
		sc := bufio.NewScanner(stdout)
		sent := false
		for sc.Scan() {
			if m := addrRe.FindStringSubmatch(sc.Text()); m != nil && !sent {
				addr <- m[1]
				sent = true
			}
		}
	}()
	select {
	case a := <-addr:
		p.URL = "http://" + a
	case <-p.done:
		t.Fatal("serve exited before listening")
	case <-time.After(60 * time.Second):
		t.Fatal("serve did not listen within 60 s")
	}
	for range 200 {
		if resp, err := http.Get(p.URL + "/healthz"); err == nil {
			resp.Body.Close()
			if resp.StatusCode == http.StatusOK {
				return p
			}
		}
		time.Sleep(25 * time.Millisecond)
	}
	t.Fatal("healthz never answered 200")
	return nil
}

// acked is a dossier whose creation was answered 201.
type acked struct {
	Code      string `json:"code"`
	LookupKey string `json:"lookup_key"`
}

// TestKillDuringIntake kills the server with SIGKILL in the middle of concurrent intake
// and restarts it on the same database. It asserts that:
//   - every dossier acknowledged with 201 exists after the restart, with its receive event
//     (seq 1) and status received;
//   - per unit and day, the stored codes are exactly 0001…M: no duplicate and no gap,
//     since a code is allocated in the transaction that stores the dossier, so a
//     transaction cut by the kill leaves neither a dossier nor a used number (dossiers
//     committed but never acknowledged are among the M);
//   - the sequence continues after the restart: the next dossier gets M+1.
func TestKillDuringIntake(t *testing.T) {
	bin := buildBinary(t)
	for _, d := range storetest.Dialects() {
		t.Run(string(d), func(t *testing.T) {
			data := t.TempDir()
			dbURL := ""
			if d == store.Postgres {
				dbURL = storetest.URL(t, d)
			}
			p := startBinary(t, bin, data, dbURL)
			client := &http.Client{Timeout: 10 * time.Second, Transport: &http.Transport{MaxIdleConnsPerHost: 32}}
			token := crashToken(t, client, p.URL)

			var (
				mu   sync.Mutex
				oks  []acked
				wg   sync.WaitGroup
				stop = make(chan struct{})
			)
			for w := range 16 {
				wg.Go(func() {
					for i := 0; ; i++ {
						select {
						case <-stop:
							return
						default:
						}
						a, status, err := crashCreate(client, p.URL, token, w*100000+i)
						if err != nil || status != http.StatusCreated {
							continue // in flight at the kill, or refused: not acknowledged
						}
						mu.Lock()
						oks = append(oks, a)
						mu.Unlock()
					}
				})
			}
			deadline := time.Now().Add(5 * time.Second)
			for {
				time.Sleep(50 * time.Millisecond)
				mu.Lock()
				n := len(oks)
				mu.Unlock()
				if n >= 20 && time.Now().After(deadline.Add(-4*time.Second)) || time.Now().After(deadline) {
					break
				}
			}
			if err := p.cmd.Process.Kill(); err != nil { // SIGKILL
				t.Fatal(err)
			}
			<-p.done
			close(stop)
			wg.Wait()
			if len(oks) == 0 {
				t.Fatal("no dossier was acknowledged before the kill")
			}

			p = startBinary(t, bin, data, dbURL)
			token = crashToken(t, client, p.URL)
			days := map[calendar.Date]bool{}
			for _, a := range oks {
				checkAcked(t, client, p.URL, token, a)
				_, day, _, err := dossier.ParseCode(a.Code)
				if err != nil {
					t.Fatal(err)
				}
				days[day] = true
			}
			last := checkSequences(t, d, data, dbURL, days)
			next, status, err := crashCreate(client, p.URL, token, 999999)
			if err != nil || status != http.StatusCreated {
				t.Fatalf("create after restart: status %d, %v", status, err)
			}
			if _, day, _, _ := dossier.ParseCode(next.Code); days[day] {
				if want := dossier.FormatCode(demo.TanHoa, day.Start(), last[day]+1); next.Code != want {
					t.Errorf("got code %s after restart, want %s", next.Code, want)
				}
			}
			t.Logf("%d dossiers acknowledged before SIGKILL, all found after restart", len(oks))
		})
	}
}

func crashToken(t *testing.T, client *http.Client, base string) string {
	t.Helper()
	var out struct {
		Token string `json:"token"`
	}
	body := map[string]string{"username": "tanhoa.motcua", "password": demoPassword}
	if _, err := benchDo(context.Background(), client, http.MethodPost, base+"/api/v1/auth/token", "", body, http.StatusOK, &out); err != nil {
		t.Fatal(err)
	}
	return out.Token
}

func crashCreate(client *http.Client, base, token string, i int) (acked, int, error) {
	body := map[string]any{"procedure_code": benchProcedure, "unit_code": demo.TanHoa, "channel": "counter",
		"applicant": benchApplicant(i)}
	var a acked
	status, err := benchDo(context.Background(), client, http.MethodPost, base+"/api/v1/dossiers", token, body, http.StatusCreated, &a)
	return a, status, err
}

// checkAcked asserts that the acknowledged dossier is there with its receive event.
func checkAcked(t *testing.T, client *http.Client, base, token string, a acked) {
	t.Helper()
	req, _ := http.NewRequest(http.MethodGet, base+"/api/v1/dossiers/"+a.Code, nil)
	req.Header.Set("Authorization", "Bearer "+token)
	resp, err := client.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var d struct {
		Code      string `json:"code"`
		Status    string `json:"status"`
		LookupKey string `json:"lookup_key"`
		Events    []struct {
			Seq    int    `json:"seq"`
			Action string `json:"action"`
		} `json:"events"`
	}
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("GET %s after restart: got status %d, want 200", a.Code, resp.StatusCode)
	}
	if err := json.NewDecoder(resp.Body).Decode(&d); err != nil {
		t.Fatal(err)
	}
	if d.Code != a.Code || d.LookupKey != a.LookupKey || d.Status != "received" || len(d.Events) != 1 ||
		d.Events[0].Seq != 1 || d.Events[0].Action != "receive" {
		t.Errorf("%s after restart: got %+v, want status received with one receive event and key %s", a.Code, d, a.LookupKey)
	}
}

// checkSequences reads the stored Tân Hòa codes of the days and asserts 0001…M without
// duplicates or gaps; it returns M for each day.
func checkSequences(t *testing.T, d store.Dialect, data, dbURL string, days map[calendar.Date]bool) map[calendar.Date]int {
	t.Helper()
	ctx := context.Background()
	url := dbURL
	if d == store.SQLite {
		url = filepath.Join(data, "motcua.db")
	}
	st, err := store.Open(ctx, store.Config{URL: url})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	seqs := map[calendar.Date][]int{}
	for offset := 0; ; {
		items, total, err := st.Inbox(ctx, store.InboxQuery{Unit: demo.TanHoa,
			Statuses: []dossier.Status{dossier.StatusReceived}, Limit: 500, Offset: offset})
		if err != nil {
			t.Fatal(err)
		}
		for _, it := range items {
			if _, day, seq, err := dossier.ParseCode(it.Code); err == nil && days[day] {
				seqs[day] = append(seqs[day], seq)
			}
		}
		offset += len(items)
		if len(items) == 0 || offset >= total {
			break
		}
	}
	last := map[calendar.Date]int{}
	for day, s := range seqs {
		slices.Sort(s)
		for i, n := range s {
			if n != i+1 {
				t.Fatalf("%s: got sequence numbers %s, want 1…%d without duplicates or gaps", day, fmt.Sprint(s), len(s))
			}
		}
		last[day] = len(s)
	}
	return last
}
