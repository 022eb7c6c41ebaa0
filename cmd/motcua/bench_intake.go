package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"net/url"
	"strconv"
	"time"
)

// The intake's load generator. The benchmark's clients share the two cores with the
// server they measure, so what a client costs is taken from the server: net/http's
// client spent about a quarter of the intake's CPU time (a request map encoded by
// reflection, two goroutines and channels per connection, headers parsed into maps).
// These clients do what wrk does: each keeps one HTTP/1.1 connection alive, sends a
// request whose JSON body is written directly (still one distinct dossier per request,
// the same fields as before), reads the whole answer, and checks that it is a
// 201 Created whose JSON carries the dossier's code and lookup key.

// benchIntakeClients is a pool of kept-alive connections to the benchmark's server, at
// most one per concurrent client.
type benchIntakeClients struct {
	host  string // host:port
	conns chan *benchConn
}

// newBenchIntakeClients prepares up to c connections to base (http://host:port).
func newBenchIntakeClients(base string, c int) (*benchIntakeClients, error) {
	u, err := url.Parse(base)
	if err != nil || u.Scheme != "http" {
		return nil, fmt.Errorf("bench: %q is not an http:// address", base)
	}
	return &benchIntakeClients{host: u.Host, conns: make(chan *benchConn, c)}, nil
}

// close closes the kept connections.
func (p *benchIntakeClients) close() {
	for {
		select {
		case bc := <-p.conns:
			bc.conn.Close()
		default:
			return
		}
	}
}

// benchConn is one kept-alive connection and the buffers its requests reuse.
type benchConn struct {
	conn net.Conn
	r    *bufio.Reader
	req  []byte
	body []byte
	resp []byte
}

// create receives the i-th benchmark dossier at unit through the JSON API as the officer
// holding token, over a kept-alive connection of the pool.
func (p *benchIntakeClients) create(ctx context.Context, token, unit string, i int) (benchDossier, error) {
	var bc *benchConn
	select {
	case bc = <-p.conns:
	default:
		var d net.Dialer
		conn, err := d.DialContext(ctx, "tcp", p.host)
		if err != nil {
			return benchDossier{}, err
		}
		bc = &benchConn{conn: conn, r: bufio.NewReaderSize(conn, 4096)}
	}
	bc.body = benchIntakeBody(bc.body[:0], unit, i)
	if err := bc.conn.SetDeadline(time.Now().Add(time.Minute)); err != nil {
		bc.conn.Close()
		return benchDossier{}, err
	}
	status, body, reuse, err := bc.post(p.host, "/api/v1/dossiers", token)
	if reuse && err == nil {
		select {
		case p.conns <- bc:
		default:
			bc.conn.Close()
		}
	} else {
		bc.conn.Close()
	}
	if err != nil {
		return benchDossier{}, err
	}
	if status != 201 {
		return benchDossier{}, fmt.Errorf("POST /api/v1/dossiers: status %d: %s", status, bytes.TrimSpace(body))
	}
	var d benchDossier
	if err := json.Unmarshal(body, &d); err != nil {
		return benchDossier{}, fmt.Errorf("POST /api/v1/dossiers: %w", err)
	}
	if d.Code == "" || d.LookupKey == "" {
		return benchDossier{}, fmt.Errorf("POST /api/v1/dossiers: no code or lookup key in %s", body)
	}
	return d, nil
}

// post sends bc.body as a JSON POST to path and reads the answer: its status, its body
// (valid until the next request) and whether the connection may serve another request.
func (bc *benchConn) post(host, path, token string) (status int, body []byte, reuse bool, err error) {
	b := bc.req[:0]
	b = append(b, "POST "...)
	b = append(b, path...)
	b = append(b, " HTTP/1.1\r\nHost: "...)
	b = append(b, host...)
	b = append(b, "\r\nAuthorization: Bearer "...)
	b = append(b, token...)
	b = append(b, "\r\nContent-Type: application/json\r\nContent-Length: "...)
	b = strconv.AppendInt(b, int64(len(bc.body)), 10)
	b = append(b, "\r\n\r\n"...)
	b = append(b, bc.body...)
	bc.req = b
	if _, err := bc.conn.Write(b); err != nil {
		return 0, nil, false, err
	}
	return bc.readResponse()
}

// readResponse reads one HTTP/1.1 answer with a Content-Length (the server gives one to
// every small JSON answer).
func (bc *benchConn) readResponse() (status int, body []byte, reuse bool, err error) {
	line, err := bc.r.ReadSlice('\n')
	if err != nil {
		return 0, nil, false, err
	}
	// "HTTP/1.1 201 Created\r\n"
	if len(line) < 12 || !bytes.HasPrefix(line, []byte("HTTP/1.1 ")) {
		return 0, nil, false, fmt.Errorf("bench: bad status line %q", line)
	}
	if status, err = strconv.Atoi(string(line[9:12])); err != nil {
		return 0, nil, false, fmt.Errorf("bench: bad status line %q", line)
	}
	length, reuse := -1, true
	for {
		line, err := bc.r.ReadSlice('\n')
		if err != nil {
			return 0, nil, false, err
		}
		line = bytes.TrimRight(line, "\r\n")
		if len(line) == 0 {
			break
		}
		name, value, ok := bytes.Cut(line, []byte(":"))
		if !ok {
			return 0, nil, false, fmt.Errorf("bench: bad header line %q", line)
		}
		value = bytes.TrimSpace(value)
		switch {
		case bytes.EqualFold(name, []byte("Content-Length")):
			if length, err = strconv.Atoi(string(value)); err != nil || length < 0 {
				return 0, nil, false, fmt.Errorf("bench: bad Content-Length %q", value)
			}
		case bytes.EqualFold(name, []byte("Transfer-Encoding")):
			return 0, nil, false, fmt.Errorf("bench: answer in %s encoding, want a Content-Length", value)
		case bytes.EqualFold(name, []byte("Connection")) && bytes.EqualFold(value, []byte("close")):
			reuse = false
		}
	}
	if length < 0 {
		return 0, nil, false, errors.New("bench: answer without Content-Length")
	}
	if cap(bc.resp) < length {
		bc.resp = make([]byte, length)
	}
	bc.resp = bc.resp[:length]
	if _, err := io.ReadFull(bc.r, bc.resp); err != nil {
		return 0, nil, false, err
	}
	return status, bc.resp, reuse, nil
}

// benchIntakeBody appends to b the JSON of the i-th benchmark dossier at unit: the
// applicant of benchApplicant(i), the form of a birth registration. unit is a unit's
// code (letters, digits and dots: nothing to escape).
func benchIntakeBody(b []byte, unit string, i int) []byte {
	b = append(b, `{"procedure_code":"`+benchProcedure+`","unit_code":"`...)
	b = append(b, unit...)
	b = append(b, `","channel":"counter","applicant":{"full_name":"Nguyễn Văn Thử `...)
	b = strconv.AppendInt(b, int64(i), 10)
	b = append(b, `","id_number":"040`...)
	b = appendPadded(b, i%1_000_000_000, 9)
	b = append(b, `","phone":"09`...)
	b = appendPadded(b, i%100_000_000, 8)
	b = append(b, `","email":"","address":"Khu phố 1, thị trấn Tân Hòa"},"form":{"ho_ten_tre":"Nguyễn Thị Bé"}}`...)
	return b
}

// appendPadded appends the non-negative v in decimal, with leading zeros to width digits.
func appendPadded(b []byte, v, width int) []byte {
	var digits [20]byte
	s := strconv.AppendInt(digits[:0], int64(v), 10)
	for k := len(s); k < width; k++ {
		b = append(b, '0')
	}
	return append(b, s...)
}
