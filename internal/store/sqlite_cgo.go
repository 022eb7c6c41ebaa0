//go:build cgo && sqlite_fts5

package store

import (
	"database/sql"
	"errors"

	sqlite3 "github.com/mattn/go-sqlite3"
)

// sqliteDriverName is the SQLite driver of a build with cgo: SQLite's own C source
// (mattn/go-sqlite3), about a quarter less CPU per lookup statement than the pure-Go translation
// (docs/ARCHITECTURE.md, "The SQLite driver").
const sqliteDriverName = "motcua-sqlite3"

func init() {
	sql.Register(sqliteDriverName, &sqlite3.SQLiteDriver{
		// The settings the DSN cannot carry, run on every new connection.
		ConnectHook: func(c *sqlite3.SQLiteConn) error {
			_, err := c.Exec("PRAGMA temp_store = MEMORY; PRAGMA mmap_size = "+sqliteMmapSize, nil)
			return err
		},
	})
}

// SQLiteEngine names the SQLite this build runs: "C" (SQLite's C source, through cgo).
const SQLiteEngine = "C"

// sqliteDSN is the data source of the SQLite file at path for the writer (BEGIN takes the
// write lock at once) or for a reader (query_only). synchronous FULL: an acknowledged
// commit survives power loss.
func sqliteDSN(path string, writer bool) string {
	dsn := "file:" + path + "?_journal_mode=WAL&_synchronous=FULL&_busy_timeout=10000&_foreign_keys=1"
	if writer {
		return dsn + "&_txlock=immediate"
	}
	return dsn + "&_query_only=1&_cache_size=" + sqliteReaderCache
}

// sqliteErrorCode is the extended result code of an SQLite error in err's chain.
func sqliteErrorCode(err error) (int, bool) {
	var lite sqlite3.Error
	if errors.As(err, &lite) {
		return int(lite.ExtendedCode), true
	}
	return 0, false
}
