package store

import (
	"database/sql"
	"database/sql/driver"
	"errors"
	"fmt"
	"io"
	"net"

	"github.com/jackc/pgx/v5/pgconn"

	"motcua/internal/fault"
)

// mapErr turns a driver error of the named query into the shared fault codes, by the
// error's type and code (PostgreSQL's SQLSTATE, SQLite's extended result code), never by
// its text: unique violations become Conflict, foreign-key and check violations and
// text the database cannot store become Invalid, serialization failures, deadlocks and a
// busy database become Conflict (the caller may try again). The driver error stays in the
// chain, so the log shows it; anything else is wrapped as an internal error.
func (s *Store) mapErr(name string, err error) error {
	if err == nil {
		return nil
	}
	if fault.As(err) != nil {
		return err
	}
	if f := driverFault(err); f != nil {
		return fmt.Errorf("store: %s: %w: %w", name, f, err)
	}
	return fmt.Errorf("store: %s: %w", name, err)
}

// The messages of the mapped driver errors.
const (
	msgDuplicate  = "Dữ liệu đã tồn tại (trùng mã)."
	msgReference  = "Dữ liệu tham chiếu không tồn tại hoặc đang được sử dụng."
	msgRule       = "Dữ liệu không thỏa mãn ràng buộc."
	msgBadText    = "Dữ liệu chứa ký tự không hợp lệ."
	msgOutOfRange = "Dữ liệu quá dài hoặc vượt giới hạn."
	msgTryAgain   = "Dữ liệu đang được thay đổi đồng thời, vui lòng thử lại."
	// MsgSwitching is the message of a database that cannot serve for a moment.
	MsgSwitching = "Hệ thống đang chuyển máy chủ, vui lòng thử lại."
)

// FaultOf classifies an error of either driver that reached the caller without mapErr
// (a failed BEGIN or COMMIT, a broken connection), or returns nil. The web layer asks it
// for every error that carries no fault, so that a database switch is never a 500.
func FaultOf(err error) *fault.Error {
	if err == nil {
		return nil
	}
	return driverFault(err)
}

// driverFault classifies an error of either driver, or returns nil.
func driverFault(err error) *fault.Error {
	var pg *pgconn.PgError
	if errors.As(err, &pg) {
		return postgresFault(pg.Code)
	}
	if code, ok := sqliteErrorCode(err); ok {
		return sqliteFault(code)
	}
	if connectionLost(err) {
		return fault.New(fault.Unavailable, MsgSwitching)
	}
	return nil
}

// connectionLost reports, by the error's type, that the connection to the database
// failed or broke rather than the statement: no server to connect to, a connection
// closed under the query (the server was killed or moved), or a connection database/sql
// found unusable. What ran on such a connection was not committed.
func connectionLost(err error) bool {
	var connect *pgconn.ConnectError
	var netErr *net.OpError
	switch {
	case errors.As(err, &connect), errors.As(err, &netErr):
		return true
	case errors.Is(err, driver.ErrBadConn), errors.Is(err, sql.ErrConnDone),
		errors.Is(err, pgconn.ErrConnClosed), errors.Is(err, io.ErrUnexpectedEOF):
		return true
	}
	// Failed before anything was sent: the connection was not usable.
	return pgconn.SafeToRetry(err)
}

// postgresFault classifies a PostgreSQL SQLSTATE code.
func postgresFault(code string) *fault.Error {
	switch code {
	case "23505": // unique_violation
		return fault.New(fault.Conflict, msgDuplicate)
	case "23503": // foreign_key_violation
		return fault.New(fault.Invalid, msgReference)
	case "23514": // check_violation
		return fault.New(fault.Invalid, msgRule)
	case "22021", "22P05": // character_not_in_repertoire (invalid byte sequence), untranslatable_character
		return fault.New(fault.Invalid, msgBadText)
	case "22001", "22003": // string_data_right_truncation, numeric_value_out_of_range
		return fault.New(fault.Invalid, msgOutOfRange)
	case "40001", "40P01", "55P03": // serialization_failure, deadlock_detected, lock_not_available
		return fault.New(fault.Conflict, msgTryAgain)
	case "57P01", "57P02", "57P03", // admin_shutdown, crash_shutdown, cannot_connect_now
		"25006": // read_only_sql_transaction: a standby, or a primary being demoted
		return fault.New(fault.Unavailable, MsgSwitching)
	}
	if len(code) == 5 && code[:2] == "08" { // class 08: connection exception
		return fault.New(fault.Unavailable, MsgSwitching)
	}
	return nil
}

// SQLite's result codes (sqlite.org/rescode.html), the same in either driver: primary codes
// in the low byte, extended codes above.
const (
	sqliteBusy                 = 5
	sqliteLocked               = 6
	sqliteTooBig               = 18
	sqliteConstraintCheck      = 19 | 1<<8
	sqliteConstraintForeignKey = 19 | 3<<8
	sqliteConstraintPrimaryKey = 19 | 6<<8
	sqliteConstraintUnique     = 19 | 8<<8
)

// sqliteFault classifies an SQLite extended result code.
func sqliteFault(code int) *fault.Error {
	switch code {
	case sqliteConstraintUnique, sqliteConstraintPrimaryKey:
		return fault.New(fault.Conflict, msgDuplicate)
	case sqliteConstraintForeignKey:
		return fault.New(fault.Invalid, msgReference)
	case sqliteConstraintCheck:
		return fault.New(fault.Invalid, msgRule)
	}
	switch code & 0xff { // the primary result code
	case sqliteBusy, sqliteLocked:
		return fault.New(fault.Conflict, msgTryAgain)
	case sqliteTooBig:
		return fault.New(fault.Invalid, msgOutOfRange)
	}
	return nil
}
