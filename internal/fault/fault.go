// Package fault defines the one error type that every layer of motcua shares: an error
// code (the contract's invalid, not_found, conflict, …), a message that is safe to show to
// users (in Vietnamese), and optional per-field messages.
//
// It is the innermost package: it imports only the standard library, and every other
// package may import it. The web layer maps a Code to an HTTP status in one place.
package fault

import (
	"errors"
	"fmt"
)

// Code classifies an error for callers and for the HTTP mapping. Its values are part of
// the API contract.
type Code string

// The error codes of the contract.
const (
	Invalid      Code = "invalid"
	NotFound     Code = "not_found"
	Conflict     Code = "conflict"
	Forbidden    Code = "forbidden"
	Unauthorized Code = "unauthorized"
	TooLarge     Code = "too_large"
	RateLimited  Code = "rate_limited"
	Internal     Code = "internal"
	// Unavailable: the database cannot serve for a moment (its server is being switched,
	// shut down or is a read-only standby); the same request may succeed shortly.
	Unavailable Code = "unavailable"
)

// Error is an error with a Code, a user-safe Message and optional Fields (field name →
// message). Message and Fields are shown to users; never put internal details in them.
type Error struct {
	Code    Code
	Message string
	Fields  map[string]string
}

// Error implements error.
func (e *Error) Error() string {
	if len(e.Fields) == 0 {
		return fmt.Sprintf("%s: %s", e.Code, e.Message)
	}
	return fmt.Sprintf("%s: %s %v", e.Code, e.Message, e.Fields)
}

// New returns an *Error with the code and message.
func New(code Code, message string) *Error {
	return &Error{Code: code, Message: message}
}

// Newf returns an *Error with the code and a formatted message.
func Newf(code Code, format string, args ...any) *Error {
	return &Error{Code: code, Message: fmt.Sprintf(format, args...)}
}

// WithFields returns an Invalid error carrying per-field messages.
func WithFields(message string, fields map[string]string) *Error {
	return &Error{Code: Invalid, Message: message, Fields: fields}
}

// CodeOf returns the Code of the first *Error in err's chain, Internal for any other
// non-nil error, and "" for nil.
func CodeOf(err error) Code {
	if err == nil {
		return ""
	}
	var e *Error
	if errors.As(err, &e) {
		return e.Code
	}
	return Internal
}

// As returns the first *Error in err's chain, or nil.
func As(err error) *Error {
	var e *Error
	if errors.As(err, &e) {
		return e
	}
	return nil
}

// Is reports whether err carries the code.
func Is(err error, code Code) bool {
	return err != nil && CodeOf(err) == code
}
