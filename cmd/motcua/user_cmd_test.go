package main

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"motcua/internal/app"
	"motcua/internal/org"
	"motcua/internal/store"
)

// runCLI runs the command line with the environment and standard input, returning its
// standard output and error.
func runCLI(t *testing.T, env map[string]string, stdin string, args ...string) (string, error) {
	t.Helper()
	var out, errOut bytes.Buffer
	err := run(context.Background(), append([]string{"motcua"}, args...), func(k string) string { return env[k] },
		strings.NewReader(stdin), &out, &errOut)
	return out.String(), err
}

func TestUserCommands(t *testing.T) {
	dir := t.TempDir()
	env := map[string]string{"MOTCUA_DATA": dir}
	if out, err := runCLI(t, env, "", "migrate"); err != nil || !strings.Contains(out, "đã được cập nhật") {
		t.Fatalf("migrate: got %q, %v", out, err)
	}
	// Users need a unit: create one through the store, as an administrator would on the pages.
	st, err := store.Open(context.Background(), store.Config{DataDir: dir})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := st.CreateUnit(context.Background(), org.Unit{Code: "H01.01", Name: "UBND xã Thử", Level: org.Commune}); err != nil {
		t.Fatal(err)
	}
	st.Close()

	tests := []struct {
		name    string
		stdin   string
		args    []string
		wantOut string
		wantErr string
	}{
		{"add with flag", "", []string{"user", "add", "--username", "xa.motcua", "--name", "Nguyễn Thị Mai", "--unit", "H01.01", "--roles", "motcua", "--password", "mật-khẩu-đủ-dài"}, "Đã tạo tài khoản xa.motcua", ""},
		{"add with password on stdin", "mật-khẩu-khác-123\n", []string{"user", "add", "--username", "xa.lanhdao", "--name", "Trần Văn Nam", "--unit", "H01.01", "--roles", "lanhdao,chuyenvien"}, "Đã tạo tài khoản xa.lanhdao", ""},
		{"duplicate", "", []string{"user", "add", "--username", "xa.motcua", "--name", "X", "--unit", "H01.01", "--roles", "motcua", "--password", "mật-khẩu-đủ-dài"}, "", "Tên đăng nhập đã tồn tại"},
		{"unknown role", "", []string{"user", "add", "--username", "a.b", "--name", "X", "--unit", "H01.01", "--roles", "vua", "--password", "mật-khẩu-đủ-dài"}, "", "vai trò không hợp lệ"},
		{"unknown unit", "", []string{"user", "add", "--username", "a.b", "--name", "X", "--unit", "NOPE", "--roles", "motcua", "--password", "mật-khẩu-đủ-dài"}, "", "Đơn vị không tồn tại"},
		{"short password", "", []string{"user", "add", "--username", "a.b", "--name", "X", "--unit", "H01.01", "--roles", "motcua", "--password", "ngan"}, "", "ít nhất 8 ký tự"},
		{"no password at all", "", []string{"user", "add", "--username", "a.c", "--name", "X", "--unit", "H01.01", "--roles", "motcua"}, "", "thiếu mật khẩu"},
		{"passwd", "mật-khẩu-mới-456\n", []string{"user", "passwd", "--username", "xa.motcua"}, "Đã đổi mật khẩu của xa.motcua", ""},
		{"passwd unknown user", "mật-khẩu-mới-456\n", []string{"user", "passwd", "--username", "khong.co"}, "", "Không tìm thấy tài khoản"},
		{"bad subcommand", "", []string{"user", "xoa"}, "", "lệnh con không hợp lệ"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out, err := runCLI(t, env, tt.stdin, tt.args...)
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("got error %v, want one containing %q", err, tt.wantErr)
				}
				return
			}
			if err != nil || !strings.Contains(out, tt.wantOut) {
				t.Fatalf("got %q, %v, want output containing %q", out, err, tt.wantOut)
			}
		})
	}
	out, err := runCLI(t, env, "", "user", "list")
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"xa.motcua", "Nguyễn Thị Mai", "xa.lanhdao", "lanhdao,chuyenvien"} {
		if !strings.Contains(out, want) {
			t.Errorf("user list lacks %q:\n%s", want, out)
		}
	}
	// The new password works and the old one does not.
	st, err = store.Open(context.Background(), store.Config{DataDir: dir})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if _, err := st.Authenticate(context.Background(), "xa.motcua", "mật-khẩu-mới-456"); err != nil {
		t.Errorf("new password refused: %v", err)
	}
	if _, err := st.Authenticate(context.Background(), "xa.motcua", "mật-khẩu-đủ-dài"); err == nil {
		t.Errorf("old password still accepted")
	}
	// Accounts made on the command line are audited like those made on the pages.
	entries, err := st.AuditLog(context.Background(), store.AuditFilter{Action: "user.create"})
	if err != nil || len(entries) != 2 || entries[0].Actor != app.CLIActor {
		t.Errorf("audit of user add: got %+v, %v, want two entries by %s", entries, err, app.CLIActor)
	}
}

func TestVersionAndUsage(t *testing.T) {
	if out, err := runCLI(t, nil, "", "version"); err != nil || !strings.HasPrefix(out, "motcua ") {
		t.Errorf("version: got %q, %v", out, err)
	}
	if _, err := runCLI(t, nil, "", "khong-co-lenh"); err == nil || !strings.Contains(err.Error(), "lệnh không hợp lệ") {
		t.Errorf("unknown command: got %v", err)
	}
	if _, err := runCLI(t, nil, ""); err == nil {
		t.Errorf("no command: got nil error")
	}
}
