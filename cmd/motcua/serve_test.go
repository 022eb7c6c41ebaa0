package main

import (
	"bufio"
	"bytes"
	"context"
	"io"
	"net/http"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"
)

// demoPassword is the demo accounts' password in end-to-end tests.
const demoPassword = "mật-khẩu-e2e-123"

// liveServer is the real motcua binary's run(), serving on a free port.
type liveServer struct {
	URL string
	// DataDir is the server's data directory: the SQLite file motcua.db (unless a
	// database URL was given) and the attachments.
	DataDir string
	// Log is what the server wrote to its standard error: the start-up notes and the
	// JSON log.
	Log    *logBuffer
	cancel context.CancelFunc
	done   chan error
}

// logBuffer collects a server's standard error while the server writes to it.
type logBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (l *logBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.buf.Write(p)
}

// String is everything written so far.
func (l *logBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.buf.String()
}

var addrRe = regexp.MustCompile(`http://(127\.0\.0\.1:\d+)`)

// startServer runs `motcua serve` with the demo on a fresh SQLite database (or on the
// given database URL) and waits until /healthz answers.
func startServer(t testing.TB, dbURL string) *liveServer {
	t.Helper()
	return startServerIn(t, t.TempDir(), dbURL)
}

// startServerIn is startServer with the data directory given, so that a test can open
// the server's database (dir/motcua.db when dbURL is empty) beside it.
func startServerIn(t testing.TB, dir, dbURL string, extra ...string) *liveServer {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	pr, pw := io.Pipe()
	env := map[string]string{"MOTCUA_DEMO_PASSWORD": demoPassword}
	args := []string{"motcua", "serve", "--addr", "127.0.0.1:0", "--data", dir}
	if dbURL != "" {
		args = append(args, "--db", dbURL)
	}
	args = append(args, extra...)
	ls := &liveServer{DataDir: dir, Log: &logBuffer{}, cancel: cancel, done: make(chan error, 1)}
	go func() {
		ls.done <- run(ctx, args, func(k string) string { return env[k] }, strings.NewReader(""), pw, ls.Log)
		pw.Close()
	}()
	addr := make(chan string, 1)
	var once sync.Once
	go func() {
		sc := bufio.NewScanner(pr)
		for sc.Scan() {
			if m := addrRe.FindStringSubmatch(sc.Text()); m != nil {
				once.Do(func() { addr <- m[1] })
			}
		}
		io.Copy(io.Discard, pr)
	}()
	select {
	case a := <-addr:
		ls.URL = "http://" + a
	case err := <-ls.done:
		t.Fatalf("serve stopped: %v", err)
	case <-time.After(60 * time.Second):
		t.Fatal("serve did not start within 60 s")
	}
	t.Cleanup(func() {
		cancel()
		if err := <-ls.done; err != nil {
			t.Errorf("serve: %v", err)
		}
	})
	for i := 0; i < 100; i++ {
		resp, err := http.Get(ls.URL + "/healthz")
		if err == nil {
			resp.Body.Close()
			if resp.StatusCode == 200 {
				return ls
			}
		}
		time.Sleep(50 * time.Millisecond)
	}
	t.Fatal("healthz never answered 200")
	return nil
}

func TestServeDemoAndShutdown(t *testing.T) {
	ls := startServer(t, "")
	resp, err := http.Get(ls.URL + "/")
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if !strings.Contains(string(body), "UBND thị trấn Tân Hòa") {
		t.Errorf("home page does not show Tân Hòa")
	}
	if log := ls.Log.String(); !strings.Contains(log, "chưa cấu hình máy chủ thư (--smtp, MOTCUA_SMTP)") || !strings.Contains(log, "chỉ ghi vào nhật ký") {
		t.Errorf("start-up without --smtp: got %.500q, want the note that mails are only logged", log)
	}
}
