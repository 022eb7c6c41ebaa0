package main

import (
	"context"
	"flag"
	"io"
	"os"
	"path/filepath"
	"time"

	"motcua/internal/calendar"
	"motcua/internal/store"
)

// dbFlags are the flags that choose the database, shared by several commands. Environment
// variables MOTCUA_DATA and DATABASE_URL give the defaults.
type dbFlags struct {
	data string
	db   string
	// read is the postgres:// URL of a standby for lag-tolerant reads (serve --db-read);
	// empty for the commands that do not register it.
	read string
}

func (d *dbFlags) register(fs *flag.FlagSet, getenv func(string) string) {
	fs.StringVar(&d.data, "data", envOr(getenv, "MOTCUA_DATA", "./data"), "thư mục dữ liệu (tệp SQLite, tệp đính kèm)")
	fs.StringVar(&d.db, "db", getenv("DATABASE_URL"), "cơ sở dữ liệu: postgres://… hoặc đường dẫn tệp SQLite")
}

// registerRead adds --db-read (MOTCUA_DB_READ): the standby that serves read-only work.
func (d *dbFlags) registerRead(fs *flag.FlagSet, getenv func(string) string) {
	fs.StringVar(&d.read, "db-read", getenv("MOTCUA_DB_READ"), "máy chủ PostgreSQL dự phòng (chỉ đọc) phục vụ tra cứu, báo cáo, kết quả công khai: postgres://…; "+
		"khi không kết nối được thì đọc từ máy chủ chính (mặc định: không dùng)")
}

// open connects to the database and migrates it.
func (d *dbFlags) open(ctx context.Context) (*store.Store, error) {
	st, err := store.Open(ctx, store.Config{URL: d.db, DataDir: d.data, Now: time.Now, ReadURL: d.read})
	if err != nil {
		return nil, err
	}
	if _, err := st.Migrate(ctx); err != nil {
		st.Close()
		return nil, err
	}
	if err := st.SeedCalendarDays(ctx, calendar.Seed()); err != nil {
		st.Close()
		return nil, err
	}
	return st, nil
}

// sqliteExists reports whether the SQLite file of the data directory exists.
func sqliteExists(dir string) bool {
	_, err := os.Stat(filepath.Join(dir, "motcua.db"))
	return err == nil
}

func envOr(getenv func(string) string, key, def string) string {
	if v := getenv(key); v != "" {
		return v
	}
	return def
}

func newFlagSet(name string, stderr io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	return fs
}
