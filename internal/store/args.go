package store

import (
	"database/sql"
	"strings"
	"unicode/utf8"

	"motcua/internal/fault"
)

// checkArgs refuses text that one of the databases cannot store, before it reaches either
// driver, so that both answer the same: PostgreSQL rejects a NUL byte and invalid UTF-8 in
// text, which SQLite would store. Only string arguments are text; []byte arguments are
// binary (blob, bytea) and may hold any byte. The arguments may come in several parts.
func checkArgs(parts ...[]any) error {
	for _, args := range parts {
		if err := checkText(args); err != nil {
			return err
		}
	}
	return nil
}

func checkText(args []any) error {
	for _, a := range args {
		var text string
		switch v := a.(type) {
		case string:
			text = v
		case *string:
			if v == nil {
				continue
			}
			text = *v
		case sql.NullString:
			text = v.String
		default:
			continue
		}
		if strings.IndexByte(text, 0) >= 0 || !utf8.ValidString(text) {
			return fault.New(fault.Invalid, msgBadText)
		}
	}
	return nil
}
