package jobs

import (
	"errors"
	"regexp"
)

// Permanent marks err as a failure that no retry can cure (a mail server's 5xx reply, a
// message that cannot be sent at all): the worker gives the message up at once. Other
// errors are retried with backoff.
func Permanent(err error) error {
	if err == nil {
		return nil
	}
	return permanentError{err}
}

// IsPermanent reports whether err, or an error it wraps, was marked by Permanent.
func IsPermanent(err error) bool {
	return errors.As(err, new(permanentError))
}

type permanentError struct{ err error }

func (e permanentError) Error() string { return e.err.Error() }
func (e permanentError) Unwrap() error { return e.err }

// emailAddress matches anything shaped like an e-mail address inside an error text.
var emailAddress = regexp.MustCompile(`[^\s<>()\[\]"',;:@]+@[^\s<>()\[\]"',;:@]+`)

// Redact returns text with every e-mail address replaced by "[address]", so that error
// texts of mail servers ("550 5.1.1 <an@example.vn>: Recipient address rejected") can go
// to the log and to the outbox without personal data.
func Redact(text string) string {
	return emailAddress.ReplaceAllString(text, "[address]")
}

// redactedError shows its cause's text redacted and still unwraps to the cause, so that
// errors.As finds the mail server's reply code.
type redactedError struct{ err error }

func (e redactedError) Error() string { return Redact(e.err.Error()) }
func (e redactedError) Unwrap() error { return e.err }
