package main

import (
	"context"
	"io"
	"log/slog"
	"strings"
	"testing"

	"motcua/internal/app"
	"motcua/internal/fault"
	"motcua/internal/store"
)

func TestOpen311KeyAdd(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	env := map[string]string{"MOTCUA_DATA": dir}
	if _, err := runCLI(t, env, "", "open311", "key", "add"); err == nil {
		t.Fatal("a key without a name was issued")
	}
	out, err := runCLI(t, env, "", "open311", "key", "add", "--name", "Ứng dụng phản ánh hiện trường")
	if err != nil {
		t.Fatalf("key add: %v", err)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	key := lines[len(lines)-1]
	st, err := store.Open(context.Background(), store.Config{DataDir: dir})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	a := app.New(app.Config{}, st, slog.New(slog.NewTextHandler(io.Discard, nil)))
	k, err := a.Open311Key(context.Background(), key)
	if err != nil || k.Name != "Ứng dụng phản ánh hiện trường" {
		t.Fatalf("the printed key %q is not accepted: %+v, %v", key, k, err)
	}
	if _, err := a.Open311Key(context.Background(), key+"x"); fault.CodeOf(err) != fault.Forbidden {
		t.Fatalf("another key: %v", err)
	}
	if err := a.RevokeOpen311Key(context.Background(), app.Open311CLI, k.ID, app.Origin{}); err != nil {
		t.Fatal(err)
	}
	if _, err := a.Open311Key(context.Background(), key); fault.CodeOf(err) != fault.Forbidden {
		t.Fatalf("a revoked key: %v", err)
	}
}
