package store

import (
	"testing"

	sqlite3 "modernc.org/sqlite/lib"

	"motcua/internal/fault"
)

func TestDriverFaultCodes(t *testing.T) {
	t.Parallel()
	pg := []struct {
		code string
		want fault.Code
	}{
		{"23505", fault.Conflict},
		{"23503", fault.Invalid},
		{"23514", fault.Invalid},
		{"22021", fault.Invalid},
		{"22P05", fault.Invalid},
		{"22001", fault.Invalid},
		{"40001", fault.Conflict},
		{"40P01", fault.Conflict},
		{"42P01", ""}, // undefined_table: a programming error, internal
		{"57014", ""}, // query_canceled
	}
	for _, tt := range pg {
		t.Run("postgres "+tt.code, func(t *testing.T) {
			if got := codeOf(postgresFault(tt.code)); got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
	lite := []struct {
		name string
		code int
		want fault.Code
	}{
		{"unique", sqlite3.SQLITE_CONSTRAINT_UNIQUE, fault.Conflict},
		{"primary key", sqlite3.SQLITE_CONSTRAINT_PRIMARYKEY, fault.Conflict},
		{"foreign key", sqlite3.SQLITE_CONSTRAINT_FOREIGNKEY, fault.Invalid},
		{"check", sqlite3.SQLITE_CONSTRAINT_CHECK, fault.Invalid},
		{"busy", sqlite3.SQLITE_BUSY, fault.Conflict},
		{"busy snapshot", sqlite3.SQLITE_BUSY_SNAPSHOT, fault.Conflict},
		{"locked", sqlite3.SQLITE_LOCKED, fault.Conflict},
		{"not null", sqlite3.SQLITE_CONSTRAINT_NOTNULL, ""},
		{"corrupt", sqlite3.SQLITE_CORRUPT, ""},
	}
	for _, tt := range lite {
		t.Run("sqlite "+tt.name, func(t *testing.T) {
			if got := codeOf(sqliteFault(tt.code)); got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

func codeOf(e *fault.Error) fault.Code {
	if e == nil {
		return ""
	}
	return e.Code
}
