package jobs_test

import (
	"bytes"
	"context"
	"encoding/base64"
	"io"
	"log/slog"
	"mime"
	"net"
	"net/mail"
	"strings"
	"testing"
	"time"

	"motcua/internal/jobs"
	"motcua/internal/store"
)

// parsed is a delivered message read back as a mail client would.
type parsed struct {
	from, to, bcc, subject, contentType, encoding, body string
}

func parseMessage(t *testing.T, data []byte) parsed {
	t.Helper()
	for i, line := range strings.SplitAfter(string(data), "\n") {
		if line == "" {
			continue
		}
		if !strings.HasSuffix(line, "\r\n") {
			t.Errorf("line %d %q: got a bare LF, want CRLF", i+1, line)
		}
		if n := len(line) - 2; n > 76 {
			t.Errorf("line %d: got %d characters, want at most 76 (RFC 2047)", i+1, n)
		}
	}
	for i, c := range data {
		if c >= 0x80 {
			t.Fatalf("byte %d: got 0x%x, want a 7-bit message (encoded words and base64)", i, c)
		}
	}
	msg, err := mail.ReadMessage(bytes.NewReader(data))
	if err != nil {
		t.Fatalf("read message: %v", err)
	}
	subject, err := new(mime.WordDecoder).DecodeHeader(msg.Header.Get("Subject"))
	if err != nil {
		t.Fatalf("decode subject %q: %v", msg.Header.Get("Subject"), err)
	}
	p := parsed{
		from: msg.Header.Get("From"), to: msg.Header.Get("To"), bcc: msg.Header.Get("Bcc"), subject: subject,
		contentType: msg.Header.Get("Content-Type"), encoding: msg.Header.Get("Content-Transfer-Encoding"),
	}
	if p.encoding == "base64" {
		body, err := io.ReadAll(base64.NewDecoder(base64.StdEncoding, msg.Body))
		if err != nil {
			t.Fatalf("decode body: %v", err)
		}
		p.body = string(body)
	}
	return p
}

// vietnamese is a message with every kind of Vietnamese letter, a dot at the start of a
// line (dot-stuffing) and a subject long enough to need several encoded words.
var vietnamese = store.OutboxMessage{
	ID: 1, Kind: store.MessageKindEmail, Recipient: "nguyen.thi.huong@example.vn",
	Subject: "Hồ sơ H15.50.05.13-260424-0007 đã có kết quả: Đăng ký khai sinh kết hợp đăng ký thường trú, cấp thẻ bảo hiểm y tế cho trẻ em dưới 6 tuổi",
	Body: "Kính gửi bà Nguyễn Thị Hường,\n\nHồ sơ của bà đã có kết quả. Mời bà đến Bộ phận Một cửa " +
		"UBND thị trấn Tân Hòa để nhận.\n.\nĂ Â Đ Ê Ô Ơ Ư ă â đ ê ô ơ ư – ả ã ạ ẻ ẽ ẹ ỉ ĩ ị ỏ õ ọ ủ ũ ụ ỷ ỹ ỵ\n",
}

func TestSMTPSenderDelivers(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name        string
		withAuth    bool
		user        string
		wantAuth    string
		subject     string // sent instead of vietnamese.Subject when set
		wantSubject string
	}{
		{"without authentication", false, "", "", "", vietnamese.Subject},
		{"with AUTH PLAIN to localhost", true, "motcua", "\x00motcua\x00bí-mật", "", vietnamese.Subject},
		{"ascii subject with a line break", false, "", "", "Notice\r\nBcc: x@example.vn", "Notice Bcc: x@example.vn"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv := startSMTP(t, tt.withAuth, "")
			s := &jobs.SMTPSender{Addr: srv.addr, From: "motcua@tanhoa.gov.vn", Username: tt.user, Password: "bí-mật", Timeout: 5 * time.Second}
			m := vietnamese
			if tt.subject != "" {
				m.Subject = tt.subject
			}
			if err := s.Send(context.Background(), m); err != nil {
				t.Fatalf("send: %v", err)
			}
			srv.mu.Lock()
			defer srv.mu.Unlock()
			if len(srv.sessions) != 1 || !srv.sessions[0].accepted {
				t.Fatalf("got %d sessions, want one with an accepted message", len(srv.sessions))
			}
			sess := srv.sessions[0]
			if sess.auth != tt.wantAuth {
				t.Errorf("AUTH: got %q, want %q", sess.auth, tt.wantAuth)
			}
			if want := "FROM:<motcua@tanhoa.gov.vn>"; !strings.HasPrefix(sess.from, want) {
				t.Errorf("MAIL: got %q, want %q", sess.from, want)
			}
			if want := []string{"TO:<nguyen.thi.huong@example.vn>"}; len(sess.rcpt) != 1 || !strings.HasPrefix(sess.rcpt[0], want[0]) {
				t.Errorf("RCPT: got %q, want %q", sess.rcpt, want)
			}
			p := parseMessage(t, sess.data)
			checks := []struct{ what, got, want string }{
				{"From", p.from, "motcua@tanhoa.gov.vn"},
				{"To", p.to, vietnamese.Recipient},
				{"Subject", p.subject, tt.wantSubject},
				{"Bcc", p.bcc, ""},
				{"Content-Type", p.contentType, "text/plain; charset=utf-8"},
				{"Content-Transfer-Encoding", p.encoding, "base64"},
				{"body", p.body, vietnamese.Body},
			}
			for _, c := range checks {
				if c.got != c.want {
					t.Errorf("%s: got %q, want %q", c.what, c.got, c.want)
				}
			}
		})
	}
}

// TestSMTPSenderReportsRejection checks that the server's reply reaches the error without
// the addresses in it, and that only a refusal of the recipient or the message is
// permanent.
func TestSMTPSenderReportsRejection(t *testing.T) {
	t.Parallel()
	tests := []struct {
		reject, code  string
		wantPermanent bool
	}{
		{"MAIL", "550", false},
		{"RCPT", "550", true},
		{"RCPT-LATER", "451", false},
		{"DATA", "554", true},
	}
	for _, tt := range tests {
		t.Run(tt.reject, func(t *testing.T) {
			srv := startSMTP(t, false, tt.reject)
			s := &jobs.SMTPSender{Addr: srv.addr, From: "motcua@tanhoa.gov.vn", Timeout: 5 * time.Second}
			err := s.Send(context.Background(), vietnamese)
			if err == nil {
				t.Fatal("got no error, want the server's rejection")
			}
			if !strings.Contains(err.Error(), tt.code) {
				t.Errorf("got %q, want the server's %s reply in it", err, tt.code)
			}
			if strings.Contains(err.Error(), "@") {
				t.Errorf("got %q, want no e-mail address in it", err)
			}
			if got := jobs.IsPermanent(err); got != tt.wantPermanent {
				t.Errorf("permanent: got %v, want %v (%v)", got, tt.wantPermanent, err)
			}
		})
	}
}

func TestRedact(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, in, want string
	}{
		{"angle brackets", "550 5.1.1 <an.nguyen@example.vn>: Recipient address rejected", "550 5.1.1 <[address]>: Recipient address rejected"},
		{"bare", "RCPT TO:an+x@mail.example.vn failed", "RCPT TO:[address] failed"},
		{"two", "from a@b.vn to c.d@e.vn", "from [address] to [address]"},
		{"unicode local part", "550 <nguyễn@ví-dụ.vn> unknown", "550 <[address]> unknown"},
		{"none", "dial tcp 127.0.0.1:25: connection refused", "dial tcp 127.0.0.1:25: connection refused"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := jobs.Redact(tt.in); got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

func TestSMTPSenderRejectsOtherKinds(t *testing.T) {
	t.Parallel()
	s := &jobs.SMTPSender{Addr: "127.0.0.1:1", From: "motcua@tanhoa.gov.vn"}
	m := vietnamese
	m.Kind = "sms"
	if err := s.Send(context.Background(), m); err == nil || !jobs.IsPermanent(err) {
		t.Errorf("kind sms: got %v, want a permanent error", err)
	}
}

// TestWorkerSendsThroughSMTP runs the whole path: outbox → worker → SMTP → server, a
// refused recipient that gives the message up, and a deferral that leaves it for a retry;
// neither the log nor the outbox keeps the address from the server's reply.
func TestWorkerSendsThroughSMTP(t *testing.T) {
	t.Parallel()
	each(t, func(t *testing.T, s *store.Store, c *clock) {
		ctx := context.Background()
		ok := startSMTP(t, false, "")
		refusing := startSMTP(t, false, "RCPT")
		deferring := startSMTP(t, false, "RCPT-LATER")
		tests := []struct {
			name      string
			srv       *smtpServer
			wantSent  bool
			wantCode  string
			wantRetry bool
		}{
			{"accepted", ok, true, "", false},
			{"refused with 550", refusing, false, "550", false},
			{"deferred with 451", deferring, false, "451", true},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				id, err := s.Enqueue(ctx, store.OutboxMessage{Recipient: vietnamese.Recipient, Subject: vietnamese.Subject, Body: vietnamese.Body})
				if err != nil {
					t.Fatal(err)
				}
				sender := &jobs.SMTPSender{Addr: tt.srv.addr, From: "motcua@tanhoa.gov.vn", Timeout: 5 * time.Second}
				var log bytes.Buffer
				w := &jobs.Worker{Store: s, Sender: sender, Name: "w-smtp", Log: slog.New(slog.NewTextHandler(&log, nil))}
				if n, err := w.RunOnce(ctx); err != nil || n != 1 {
					t.Fatalf("got %d claimed (%v), want 1", n, err)
				}
				m, err := s.OutboxMessageByID(ctx, id)
				if err != nil {
					t.Fatal(err)
				}
				if got := !m.SentAt.IsZero(); got != tt.wantSent {
					t.Fatalf("sent: got %v, want %v (last error %q)", got, tt.wantSent, m.LastError)
				}
				if tt.wantSent {
					tt.srv.mu.Lock()
					defer tt.srv.mu.Unlock()
					if got := parseMessage(t, tt.srv.sessions[len(tt.srv.sessions)-1].data).subject; got != vietnamese.Subject {
						t.Errorf("subject: got %q, want %q", got, vietnamese.Subject)
					}
					return
				}
				if m.Attempts != 1 || !strings.Contains(m.LastError, tt.wantCode) {
					t.Errorf("got attempts %d, error %q, want 1 and a %s error", m.Attempts, m.LastError, tt.wantCode)
				}
				if gaveUp := !m.GivenUpAt.IsZero(); gaveUp == tt.wantRetry {
					t.Errorf("given up: got %v, want %v", gaveUp, !tt.wantRetry)
				}
				if tt.wantRetry && !m.NextAttemptAt.After(c.Now()) {
					t.Errorf("next attempt: got %v, want after %v", m.NextAttemptAt, c.Now())
				}
				if !strings.Contains(log.String(), tt.wantCode) {
					t.Errorf("log %q lacks the %s reply", log.String(), tt.wantCode)
				}
				for _, text := range []string{m.LastError, log.String()} {
					if strings.Contains(text, "@") {
						t.Errorf("got %q, want no e-mail address in it", text)
					}
				}
			})
		}
	})
}

// A server that accepts the connection and never answers must not hold the sender past
// its timeout: Send returns an error and the outbox retries later.
func TestSMTPSenderSilentServer(t *testing.T) {
	t.Parallel()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			defer c.Close() // hold the connection open, say nothing
		}
	}()
	s := &jobs.SMTPSender{Addr: ln.Addr().String(), From: "motcua@tanhoa.gov.vn", Timeout: 200 * time.Millisecond}
	err = s.Send(context.Background(), store.OutboxMessage{Kind: store.MessageKindEmail, Recipient: "dan@example.vn", Subject: "Thử", Body: "Nội dung"})
	if err == nil {
		t.Fatal("got nil error from a silent server, want a timeout")
	}
}
