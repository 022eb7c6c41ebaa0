package calendar

import "fmt"

// Error is an invalid-input error (dữ liệu không hợp lệ) from this package. Message is in
// Vietnamese and safe to show to users; callers map it to their "invalid" error code.
type Error struct {
	Message string
}

// Error implements error and returns the Vietnamese message.
func (e *Error) Error() string { return e.Message }

// invalidf returns an *Error with a formatted Vietnamese message.
func invalidf(format string, args ...any) error {
	return &Error{Message: fmt.Sprintf(format, args...)}
}
