package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"time"

	"motcua/internal/backup"
	"motcua/internal/store"
)

// backupCommand is `motcua backup --to DIR`: a consistent copy of the database and of the
// data directory's files, taken while the server runs.
func backupCommand(ctx context.Context, args []string, getenv func(string) string, stdout, stderr io.Writer) error {
	fs := newFlagSet("backup", stderr)
	var db dbFlags
	db.register(fs, getenv)
	to := fs.String("to", "", "thư mục sao lưu (chưa có hoặc trống)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *to == "" {
		return errors.New("thiếu --to: thư mục sao lưu")
	}
	st, err := db.open(ctx)
	if err != nil {
		return err
	}
	defer st.Close()
	start := time.Now()
	m, err := backup.Backup(ctx, st, db.db, db.data, *to)
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "Đã sao lưu vào %s: %d hồ sơ, %d sự kiện, %d tệp (%d byte) trong %s.\n",
		*to, m.Counts.Dossiers, m.Counts.Events, m.Files, m.Bytes, time.Since(start).Round(time.Millisecond))
	return nil
}

// restoreCommand is `motcua restore --from DIR`: puts a backup into an empty data
// directory (SQLite) or an empty database (PostgreSQL), then checks that it finds as many
// dossiers, events, attachments, accounts and audit entries as the backup recorded.
func restoreCommand(ctx context.Context, args []string, getenv func(string) string, stdout, stderr io.Writer) error {
	fs := newFlagSet("restore", stderr)
	var db dbFlags
	db.register(fs, getenv)
	from := fs.String("from", "", "thư mục sao lưu")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *from == "" {
		return errors.New("thiếu --from: thư mục sao lưu")
	}
	var m backup.Manifest
	if db.db != "" && !store.IsPostgresURL(db.db) {
		return errors.New("khôi phục SQLite vào thư mục dữ liệu: dùng --data, không dùng --db")
	}
	if db.db != "" {
		st, err := store.Open(ctx, store.Config{URL: db.db, DataDir: db.data, Now: time.Now})
		if err != nil {
			return err
		}
		empty, err := st.Empty(ctx)
		st.Close()
		if err != nil {
			return err
		}
		if m, err = backup.RestorePostgres(ctx, *from, db.db, db.data, empty); err != nil {
			return err
		}
	} else {
		var err error
		if m, err = backup.RestoreSQLite(ctx, *from, db.data); err != nil {
			return err
		}
	}
	st, err := db.open(ctx)
	if err != nil {
		return err
	}
	defer st.Close()
	if err := st.CheckIntegrity(ctx); err != nil {
		return err
	}
	got, err := st.Counts(ctx)
	if err != nil {
		return err
	}
	if !m.Complete(got) {
		return fmt.Errorf("khôi phục chưa đủ: sao lưu có %+v, cơ sở dữ liệu có %+v", m.Counts, got)
	}
	fmt.Fprintf(stdout, "Đã khôi phục từ %s (sao lưu lúc %s): %d hồ sơ, %d sự kiện, %d tệp.\n",
		*from, m.TakenAt.Format(time.RFC3339), got.Dossiers, got.Events, m.Files)
	return nil
}
