package jobs

import (
	"context"
	"crypto/rand"
	"crypto/tls"
	"encoding/base64"
	"encoding/hex"
	"errors"
	"fmt"
	"log/slog"
	"mime"
	"net"
	"net/mail"
	"net/smtp"
	"net/textproto"
	"net/url"
	"regexp"
	"strings"
	"time"

	"motcua/internal/store"
)

// UnsentMail heads the log line of a message that LogSender did not send.
const UnsentMail = "THƯ CHƯA GỬI – chưa cấu hình máy chủ thư (--smtp); nội dung đầy đủ dành cho người vận hành khi phát triển"

// linkRe finds the links of a message body, which LogSender repeats on their own.
var linkRe = regexp.MustCompile(`https?://[^\s<>"]+`)

// LogSender writes each message to the log instead of sending it: the sender when no mail
// server is configured, meant for development and demonstrations. So that the operator can
// still open the links a message carries (account verification, password reset), each
// message is logged in full as a warning headed UnsentMail, with its recipient, subject,
// body and the links of the body. A server with real applicants is given a mail server
// (--smtp): SMTPSender puts no address and no body in the log.
type LogSender struct {
	Log *slog.Logger
}

// Send logs the whole message; it never fails.
func (l LogSender) Send(ctx context.Context, m store.OutboxMessage) error {
	l.Log.WarnContext(ctx, UnsentMail, "id", m.ID, "kind", m.Kind, "to", m.Recipient,
		"subject", m.Subject, "body", m.Body, "links", linkRe.FindAllString(m.Body, -1))
	return nil
}

// SMTPSender sends e-mail through a mail server with net/smtp (STARTTLS when the server
// offers it; authentication only over TLS or to localhost, as net/smtp requires).
type SMTPSender struct {
	// Addr is host:port of the server.
	Addr string
	// From is the sender's address.
	From     string
	Username string
	Password string
	// Timeout bounds one delivery; 30 s when zero.
	Timeout time.Duration
}

// ParseSMTP reads a configuration of the form smtp://user:pass@host:587?from=noreply@example.vn.
func ParseSMTP(raw string) (*SMTPSender, error) {
	u, err := url.Parse(raw)
	if err != nil || u.Scheme != "smtp" || u.Hostname() == "" {
		return nil, fmt.Errorf("jobs: MOTCUA_SMTP phải có dạng smtp://người-dùng:mật-khẩu@máy-chủ:587?from=địa-chỉ")
	}
	from := u.Query().Get("from")
	if _, err := mail.ParseAddress(from); err != nil {
		return nil, fmt.Errorf("jobs: MOTCUA_SMTP cần tham số from là một địa chỉ thư điện tử hợp lệ")
	}
	port := u.Port()
	if port == "" {
		port = "587"
	}
	s := &SMTPSender{Addr: net.JoinHostPort(u.Hostname(), port), From: from}
	if u.User != nil {
		s.Username = u.User.Username()
		s.Password, _ = u.User.Password()
	}
	return s, nil
}

// Send delivers an e-mail message. Its error carries no e-mail address (they are
// redacted from the server's replies) and is Permanent when the server refused the
// recipient or the message with a 5xx reply, or the message cannot be sent at all. A 5xx
// reply to the greeting, STARTTLS, AUTH or MAIL FROM concerns our own configuration and
// is retried like 4xx replies and network errors, so that a fixed configuration still
// delivers the waiting messages.
func (s *SMTPSender) Send(ctx context.Context, m store.OutboxMessage) error {
	if m.Kind != store.MessageKindEmail {
		return Permanent(fmt.Errorf("jobs: kind %q cannot be sent by e-mail", m.Kind))
	}
	msg, err := s.compose(m)
	if err != nil {
		return Permanent(err)
	}
	timeout := s.Timeout
	if timeout <= 0 {
		timeout = 30 * time.Second
	}
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	if err := s.deliver(ctx, m.Recipient, msg); err != nil {
		return fmt.Errorf("jobs: smtp: %w", redactedError{err})
	}
	return nil
}

// refused marks err Permanent when it is a 5xx reply of the server.
func refused(err error) error {
	var reply *textproto.Error
	if errors.As(err, &reply) && reply.Code >= 500 && reply.Code < 600 {
		return Permanent(err)
	}
	return err
}

// deliver runs one SMTP conversation, as smtp.SendMail does (STARTTLS when offered,
// authentication when configured), but on a connection whose deadline follows ctx, so a
// server that stops answering cannot hold the worker or a connection past the timeout.
func (s *SMTPSender) deliver(ctx context.Context, to string, msg []byte) error {
	host, _, err := net.SplitHostPort(s.Addr)
	if err != nil {
		return err
	}
	var d net.Dialer
	conn, err := d.DialContext(ctx, "tcp", s.Addr)
	if err != nil {
		return err
	}
	defer conn.Close()
	if dl, ok := ctx.Deadline(); ok {
		conn.SetDeadline(dl)
	}
	stop := context.AfterFunc(ctx, func() { conn.SetDeadline(time.Now()) })
	defer stop()
	c, err := smtp.NewClient(conn, host)
	if err != nil {
		return err
	}
	defer c.Close()
	if ok, _ := c.Extension("STARTTLS"); ok {
		if err := c.StartTLS(&tls.Config{ServerName: host}); err != nil {
			return err
		}
	}
	if s.Username != "" {
		if err := c.Auth(smtp.PlainAuth("", s.Username, s.Password, host)); err != nil {
			return err
		}
	}
	if err := c.Mail(s.From); err != nil {
		return err
	}
	if err := c.Rcpt(to); err != nil {
		return refused(err)
	}
	w, err := c.Data()
	if err != nil {
		return refused(err)
	}
	if _, err := w.Write(msg); err != nil {
		return err
	}
	if err := w.Close(); err != nil {
		return refused(err)
	}
	return c.Quit()
}

// compose writes the RFC 5322 message: UTF-8, base64 body, encoded subject.
func (s *SMTPSender) compose(m store.OutboxMessage) ([]byte, error) {
	if strings.ContainsAny(m.Recipient, "\r\n") || strings.ContainsAny(s.From, "\r\n") {
		return nil, fmt.Errorf("jobs: bad address")
	}
	id := make([]byte, 12)
	rand.Read(id)
	domain := "motcua"
	if _, d, ok := strings.Cut(s.From, "@"); ok {
		domain = d
	}
	var b strings.Builder
	fmt.Fprintf(&b, "From: %s\r\n", s.From)
	fmt.Fprintf(&b, "To: %s\r\n", m.Recipient)
	b.WriteString(encodeSubject(m.Subject))
	fmt.Fprintf(&b, "Date: %s\r\n", time.Now().Format(time.RFC1123Z))
	fmt.Fprintf(&b, "Message-ID: <%s@%s>\r\n", hex.EncodeToString(id), domain)
	b.WriteString("MIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: base64\r\n\r\n")
	enc := base64.StdEncoding.EncodeToString([]byte(m.Body))
	for len(enc) > 76 {
		b.WriteString(enc[:76] + "\r\n")
		enc = enc[76:]
	}
	b.WriteString(enc + "\r\n")
	return []byte(b.String()), nil
}

// encodeSubject returns the Subject header line, CRLF included. A subject that needs
// encoding becomes RFC 2047 encoded words (Q encoding, UTF-8), each of at most 75
// characters on its own folded line, so that every line stays within the 76 characters
// RFC 2047 allows however long the subject.
func encodeSubject(subject string) string {
	subject = strings.Join(strings.Fields(subject), " ")
	enc := mime.QEncoding.Encode("utf-8", subject)
	if enc == subject {
		return "Subject: " + subject + "\r\n"
	}
	return "Subject:\r\n " + strings.ReplaceAll(enc, "?= =?", "?=\r\n =?") + "\r\n"
}
