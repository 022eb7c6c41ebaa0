package store

import (
	"database/sql"
	"database/sql/driver"
	"errors"
	"fmt"
	"io"
	"net"
	"testing"

	"github.com/jackc/pgx/v5/pgconn"

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
		{"42P01", ""},                // undefined_table: a programming error, internal
		{"57014", ""},                // query_canceled
		{"57P01", fault.Unavailable}, // admin_shutdown: pg_terminate_backend, a fast shutdown
		{"57P02", fault.Unavailable}, // crash_shutdown
		{"57P03", fault.Unavailable}, // cannot_connect_now: starting up, a standby being promoted
		{"25006", fault.Unavailable}, // read_only_sql_transaction: a standby
		{"08006", fault.Unavailable}, // connection_failure
		{"08001", fault.Unavailable}, // sqlclient_unable_to_establish_sqlconnection
		{"08P01", fault.Unavailable}, // protocol_violation, still class 08
		{"25001", ""},                // active_sql_transaction: not a switch
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
		{"unique", sqliteConstraintUnique, fault.Conflict},
		{"primary key", sqliteConstraintPrimaryKey, fault.Conflict},
		{"foreign key", sqliteConstraintForeignKey, fault.Invalid},
		{"check", sqliteConstraintCheck, fault.Invalid},
		{"busy", sqliteBusy, fault.Conflict},
		{"busy snapshot", sqliteBusy | 2<<8, fault.Conflict},
		{"locked", sqliteLocked, fault.Conflict},
		{"not null", 19 | 5<<8 /* SQLITE_CONSTRAINT_NOTNULL */, ""},
		{"corrupt", 11 /* SQLITE_CORRUPT */, ""},
	}
	for _, tt := range lite {
		t.Run("sqlite "+tt.name, func(t *testing.T) {
			if got := codeOf(sqliteFault(tt.code)); got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

// TestConnectionLostIsUnavailable classifies the driver's errors for a connection that
// failed or broke by their types, whatever their text.
func TestConnectionLostIsUnavailable(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		err  error
		want fault.Code
	}{
		{"server error 57P01", fmt.Errorf("store: x: %w", &pgconn.PgError{Code: "57P01", Message: "anything"}), fault.Unavailable},
		{"bad connection", fmt.Errorf("begin: %w", driver.ErrBadConn), fault.Unavailable},
		{"connection done", fmt.Errorf("commit: %w", sql.ErrConnDone), fault.Unavailable},
		{"closed", fmt.Errorf("query: %w", pgconn.ErrConnClosed), fault.Unavailable},
		{"cut mid-answer", fmt.Errorf("read: %w", io.ErrUnexpectedEOF), fault.Unavailable},
		{"refused", &net.OpError{Op: "dial", Net: "tcp", Err: errors.New("anything")}, fault.Unavailable},
		{"plain error", errors.New("connection refused"), ""}, // the text alone says nothing
		{"unique violation", &pgconn.PgError{Code: "23505"}, fault.Conflict},
		{"nil", nil, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := codeOf(FaultOf(tt.err)); got != tt.want {
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
