//go:build !linux

package store

import "syscall"

// setUserTimeout does nothing outside Linux: keep-alives alone find a dead server.
func setUserTimeout(network, address string, c syscall.RawConn) error { return nil }
