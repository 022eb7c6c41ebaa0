package main

import (
	"bytes"
	"context"
	"strings"
	"sync"
	"testing"
	"time"

	"motcua/internal/fault"
	"motcua/internal/org"
	"motcua/internal/store"
)

func TestPasswdRevokesTokensAndSessions(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	env := map[string]string{"MOTCUA_DATA": dir}
	if _, err := runCLI(t, env, "", "migrate"); err != nil {
		t.Fatal(err)
	}
	st, err := store.Open(ctx, store.Config{DataDir: dir})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if _, err := st.CreateUnit(ctx, org.Unit{Code: "H01.01", Name: "UBND xã Thử", Level: org.Commune}); err != nil {
		t.Fatal(err)
	}
	u, err := st.CreateUser(ctx, org.User{Username: "xa.motcua", FullName: "Nguyễn Thị Mai", UnitCode: "H01.01", Roles: []org.Role{org.OneStop}}, "mật-khẩu-đủ-dài")
	if err != nil {
		t.Fatal(err)
	}
	token, _, err := st.CreateToken(ctx, u.ID, time.Hour)
	if err != nil {
		t.Fatal(err)
	}
	session, err := st.CreateSession(ctx, u.ID, time.Hour)
	if err != nil {
		t.Fatal(err)
	}
	if out, err := runCLI(t, env, "mật-khẩu-mới-456\n", "user", "passwd", "--username", "xa.motcua"); err != nil || !strings.Contains(out, "Đã đổi mật khẩu") {
		t.Fatalf("passwd: got %q, %v", out, err)
	}
	if _, err := st.TokenUser(ctx, token); fault.CodeOf(err) != fault.Unauthorized {
		t.Errorf("API token after passwd: got %v, want unauthorized", err)
	}
	if _, err := st.SessionUser(ctx, session); fault.CodeOf(err) != fault.Unauthorized {
		t.Errorf("session after passwd: got %v, want unauthorized", err)
	}
	entries, err := st.AuditLog(ctx, store.AuditFilter{Action: "user.password"})
	if err != nil || len(entries) != 1 || entries[0].Target != "xa.motcua" {
		t.Errorf("audit: got %+v, %v, want one user.password entry", entries, err)
	}
}

func TestServeWarnsWithoutBaseURL(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	var stdout, stderr syncBuffer
	done := make(chan error, 1)
	go func() {
		done <- run(ctx, []string{"motcua", "serve", "--addr", "0.0.0.0:0", "--data", t.TempDir(), "--demo=false"},
			func(string) string { return "" }, strings.NewReader(""), &stdout, &stderr)
	}()
	deadline := time.Now().Add(30 * time.Second)
	for !strings.Contains(stdout.String(), "đang chạy") && time.Now().Before(deadline) {
		time.Sleep(20 * time.Millisecond)
	}
	cancel()
	if err := <-done; err != nil {
		t.Fatalf("serve: %v", err)
	}
	if !strings.Contains(stderr.String(), "--base-url (MOTCUA_BASE_URL)") {
		t.Errorf("stderr: got %q, want a warning that --base-url is required for e-mail links", stderr.String())
	}
}

// syncBuffer is a bytes.Buffer safe for one writer and one reader.
type syncBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}
