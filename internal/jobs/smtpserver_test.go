package jobs_test

import (
	"bufio"
	"bytes"
	"encoding/base64"
	"io"
	"net"
	"strings"
	"sync"
	"testing"
	"time"
)

// smtpSession is what the test server heard in one connection.
type smtpSession struct {
	auth     string // the decoded AUTH PLAIN response, "" without AUTH
	from     string
	rcpt     []string
	data     []byte // the message as sent, dot-unstuffed, lines ending in CRLF
	accepted bool   // the message was accepted after DATA
}

// smtpServer is a minimal RFC 5321 server on 127.0.0.1 for tests. It advertises AUTH
// PLAIN when withAuth is set and answers 550 to the command named by reject ("MAIL",
// "RCPT"), 451 to RCPT when reject is "RCPT-LATER", or 554 after the message when reject
// is "DATA". Like real servers, it names the address it refuses.
type smtpServer struct {
	addr     string
	withAuth bool
	reject   string

	mu       sync.Mutex
	sessions []*smtpSession
}

func startSMTP(t *testing.T, withAuth bool, reject string) *smtpServer {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	srv := &smtpServer{addr: ln.Addr().String(), withAuth: withAuth, reject: reject}
	var wg sync.WaitGroup
	wg.Go(func() {
		for {
			conn, err := ln.Accept()
			if err != nil {
				return
			}
			wg.Go(func() { srv.serve(conn) })
		}
	})
	t.Cleanup(func() { ln.Close(); wg.Wait() })
	return srv
}

func (srv *smtpServer) serve(conn net.Conn) {
	defer conn.Close()
	conn.SetDeadline(time.Now().Add(10 * time.Second))
	sess := &smtpSession{}
	srv.mu.Lock()
	srv.sessions = append(srv.sessions, sess)
	srv.mu.Unlock()
	r := bufio.NewReader(conn)
	reply := func(lines ...string) {
		for _, l := range lines {
			io.WriteString(conn, l+"\r\n")
		}
	}
	reply("220 mail.test ESMTP")
	for {
		line, err := r.ReadString('\n')
		if err != nil {
			return
		}
		line = strings.TrimRight(line, "\r\n")
		verb, arg, _ := strings.Cut(line, " ")
		srv.mu.Lock() // sess is read by the test once Send returns
		switch strings.ToUpper(verb) {
		case "EHLO", "HELO":
			if srv.withAuth {
				reply("250-mail.test", "250 AUTH PLAIN")
			} else {
				reply("250 mail.test")
			}
		case "AUTH":
			mech, resp, _ := strings.Cut(arg, " ")
			raw, err := base64.StdEncoding.DecodeString(resp)
			if !srv.withAuth || mech != "PLAIN" || err != nil {
				reply("504 5.5.4 unrecognized authentication")
				break
			}
			sess.auth = string(raw)
			reply("235 2.7.0 Authentication successful")
		case "MAIL":
			if srv.reject == "MAIL" {
				reply("550 5.7.1 " + strings.TrimPrefix(arg, "FROM:") + ": sender rejected")
				break
			}
			sess.from = arg
			reply("250 2.1.0 OK")
		case "RCPT":
			if srv.reject == "RCPT" {
				reply("550 5.1.1 " + strings.TrimPrefix(arg, "TO:") + ": Recipient address rejected: mailbox unavailable")
				break
			}
			if srv.reject == "RCPT-LATER" {
				reply("451 4.2.0 " + strings.TrimPrefix(arg, "TO:") + ": mailbox temporarily unavailable")
				break
			}
			sess.rcpt = append(sess.rcpt, arg)
			reply("250 2.1.5 OK")
		case "DATA":
			reply("354 End data with <CR><LF>.<CR><LF>")
			srv.mu.Unlock()
			data, err := readData(r)
			srv.mu.Lock()
			if err != nil {
				srv.mu.Unlock()
				return
			}
			sess.data = data
			if srv.reject == "DATA" {
				reply("554 5.7.1 message rejected")
				break
			}
			sess.accepted = true
			reply("250 2.0.0 OK queued")
		case "RSET", "NOOP":
			reply("250 2.0.0 OK")
		case "QUIT":
			reply("221 2.0.0 Bye")
			srv.mu.Unlock()
			return
		default:
			reply("502 5.5.2 command not recognized")
		}
		srv.mu.Unlock()
	}
}

// readData reads a message up to the line "." and undoes dot-stuffing, keeping the line
// ends as sent.
func readData(r *bufio.Reader) ([]byte, error) {
	var b bytes.Buffer
	for {
		line, err := r.ReadString('\n')
		if err != nil {
			return nil, err
		}
		if line == ".\r\n" {
			return b.Bytes(), nil
		}
		b.WriteString(strings.TrimPrefix(line, "."))
	}
}
