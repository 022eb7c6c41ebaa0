package main

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"log/slog"
	"strings"
	"text/tabwriter"

	"motcua/internal/app"
	"motcua/internal/fault"
	"motcua/internal/org"
)

// userCommand manages officer accounts: add, passwd, list. A password not given with
// --password is read from the first line of standard input. A new password ends every
// session and revokes every API token of the account.
func userCommand(ctx context.Context, args []string, getenv func(string) string, stdin io.Reader, stdout, stderr io.Writer) error {
	if len(args) == 0 {
		return fmt.Errorf("thiếu lệnh con: add, passwd hoặc list")
	}
	sub, rest := args[0], args[1:]
	fs := newFlagSet("user "+sub, stderr)
	var db dbFlags
	db.register(fs, getenv)
	username := fs.String("username", "", "tên đăng nhập")
	fullName := fs.String("name", "", "họ và tên")
	unit := fs.String("unit", "", "mã định danh của đơn vị")
	roles := fs.String("roles", "", "vai trò, cách nhau bởi dấu phẩy: admin, motcua, chuyenvien, lanhdao, thanhtra, editor")
	pw := fs.String("password", "", "mật khẩu (nếu bỏ trống: đọc dòng đầu của đầu vào chuẩn)")
	if err := fs.Parse(rest); err != nil {
		return err
	}
	readPassword := func() (string, error) {
		if *pw != "" {
			return *pw, nil
		}
		line, err := bufio.NewReader(stdin).ReadString('\n')
		if err != nil && line == "" {
			return "", fmt.Errorf("thiếu mật khẩu: dùng --password hoặc nhập qua đầu vào chuẩn")
		}
		return strings.TrimRight(line, "\r\n"), nil
	}
	st, err := db.open(ctx)
	if err != nil {
		return err
	}
	defer st.Close()
	switch sub {
	case "add":
		rs, ok := org.ParseRoles(*roles)
		if !ok {
			return fmt.Errorf("vai trò không hợp lệ: %q", *roles)
		}
		p, err := readPassword()
		if err != nil {
			return err
		}
		u, err := app.New(app.Config{}, st, slog.New(slog.NewTextHandler(stderr, nil))).
			CreateOfficer(ctx, app.CLIActor, org.User{Username: *username, FullName: *fullName, UnitCode: *unit, Roles: rs}, p, app.Origin{})
		if err != nil {
			return describe(err)
		}
		fmt.Fprintf(stdout, "Đã tạo tài khoản %s (%s).\n", u.Username, u.UnitCode)
		return nil
	case "passwd":
		p, err := readPassword()
		if err != nil {
			return err
		}
		err = app.New(app.Config{}, st, slog.New(slog.NewTextHandler(stderr, nil))).
			ChangeOfficerPassword(ctx, app.CLIActor, *username, p, app.Origin{})
		if err != nil {
			return describe(err)
		}
		fmt.Fprintf(stdout, "Đã đổi mật khẩu của %s.\n", *username)
		return nil
	case "list":
		users, err := st.Users(ctx)
		if err != nil {
			return err
		}
		tw := tabwriter.NewWriter(stdout, 2, 4, 2, ' ', 0)
		fmt.Fprintln(tw, "TÊN ĐĂNG NHẬP\tHỌ TÊN\tĐƠN VỊ\tVAI TRÒ\tHOẠT ĐỘNG")
		for _, u := range users {
			fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%v\n", u.Username, u.FullName, u.UnitCode, org.JoinRoles(u.Roles), u.Active)
		}
		return tw.Flush()
	}
	return fmt.Errorf("lệnh con không hợp lệ: %q", sub)
}

// describe turns a fault with field messages into one readable line.
func describe(err error) error {
	e := fault.As(err)
	if e == nil || len(e.Fields) == 0 {
		return err
	}
	var parts []string
	for k, v := range e.Fields {
		parts = append(parts, k+": "+v)
	}
	return fmt.Errorf("%s (%s)", e.Message, strings.Join(parts, "; "))
}
