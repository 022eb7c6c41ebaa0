package main

import (
	"context"
	"fmt"
	"io"
	"log/slog"

	"motcua/internal/app"
)

// open311Command manages the api_keys of Open311 integrators: "key add --name NAME"
// prints a new key on its last line (only its hash is stored, so it is shown once).
func open311Command(ctx context.Context, args []string, getenv func(string) string, stdout, stderr io.Writer) error {
	if len(args) < 2 || args[0] != "key" || args[1] != "add" {
		return fmt.Errorf("cách dùng: motcua open311 key add --name TÊN [--data DIR | --db URL]")
	}
	fs := newFlagSet("open311 key add", stderr)
	var db dbFlags
	db.register(fs, getenv)
	name := fs.String("name", "", "tên ứng dụng kết nối (đơn vị tích hợp)")
	if err := fs.Parse(args[2:]); err != nil {
		return err
	}
	st, err := db.open(ctx)
	if err != nil {
		return err
	}
	defer st.Close()
	key, k, err := app.New(app.Config{}, st, slog.New(slog.NewTextHandler(stderr, nil))).
		AddOpen311Key(ctx, app.Open311CLI, *name, app.Origin{})
	if err != nil {
		return describe(err)
	}
	fmt.Fprintf(stdout, "Đã cấp khóa Open311 số %d cho “%s”. Khóa chỉ hiện một lần:\n%s\n", k.ID, k.Name, key)
	return nil
}
