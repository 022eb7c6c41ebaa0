// Package payment holds the online payment protocols (thanh toán trực tuyến phí, lệ phí):
// the Provider interface that an adapter of a payment gateway (cổng thanh toán)
// implements, the VNPAY payment gateway protocol 2.1.0 (signed payment URL, signed
// return URL, signed server-to-server IPN answered in VNPAY's own JSON), and the
// sandbox gateway's rules (the same protocol, played by motcua itself for the demo and
// for tests).
//
// The package imports only the standard library: it signs, verifies and parses; it
// never touches the database or HTTP serving. The use cases in internal/app decide what
// a verified notice changes.
package payment
