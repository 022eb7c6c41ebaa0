//go:build !(cgo && sqlite_fts5)

package store

import (
	"errors"

	"modernc.org/sqlite" // registers the "sqlite" driver
)

// sqliteDriverName is the SQLite driver of a build without cgo (CGO_ENABLED=0): the
// pure-Go translation of SQLite (modernc.org/sqlite). Same files, same behaviour, more CPU
// per statement (docs/ARCHITECTURE.md, "The SQLite driver").
const sqliteDriverName = "sqlite"

// SQLiteEngine names the SQLite this build runs: "Go" (the pure-Go translation of SQLite).
const SQLiteEngine = "Go"

// sqliteDSN is the data source of the SQLite file at path for the writer (BEGIN takes the
// write lock at once) or for a reader (query_only). synchronous FULL: an acknowledged
// commit survives power loss.
func sqliteDSN(path string, writer bool) string {
	dsn := "file:" + path + "?_pragma=journal_mode(WAL)&_pragma=synchronous(FULL)&_pragma=busy_timeout(10000)" +
		"&_pragma=foreign_keys(1)&_pragma=temp_store(MEMORY)&_time_format=sqlite"
	if writer {
		return dsn + "&_txlock=immediate"
	}
	return dsn + "&_pragma=query_only(1)&_pragma=mmap_size(" + sqliteMmapSize + ")&_pragma=cache_size(" + sqliteReaderCache + ")"
}

// sqliteErrorCode is the extended result code of an SQLite error in err's chain.
func sqliteErrorCode(err error) (int, bool) {
	var lite *sqlite.Error
	if errors.As(err, &lite) {
		return lite.Code(), true
	}
	return 0, false
}
