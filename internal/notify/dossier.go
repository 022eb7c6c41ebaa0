// Package notify holds the texts of every message motcua sends: the e-mails that tell an
// applicant about their dossier and the account mails. The store only queues what it is
// given; the words live here, once. Links in messages are built from the configured
// public address of the site, never from a request.
//
// It imports the domain packages only.
package notify

import (
	"fmt"
	"net/url"
	"strings"
	"time"

	"motcua/internal/calendar"
	"motcua/internal/dossier"
)

// DossierFacts is what a message about a dossier may say: its code, procedure and lookup
// key, and the owner's name.
type DossierFacts struct {
	Code          string
	ProcedureName string
	LookupKey     string
	OwnerName     string
}

// DossierEvent composes the e-mail telling the applicant about event e that brought the
// dossier to st, and false for the events the applicant is not told about. base is the
// site's public address ("" for none: the message then carries no link).
func DossierEvent(base string, f DossierFacts, e dossier.Event, st dossier.State) (subject, body string, ok bool) {
	ref := fmt.Sprintf("hồ sơ %s (%s)", f.Code, f.ProcedureName)
	switch {
	case e.Action == dossier.ActionSubmit:
		subject = "Đã nhận hồ sơ nộp trực tuyến " + f.Code
		body = fmt.Sprintf("Hệ thống đã nhận %s lúc %s. Cán bộ Một cửa sẽ kiểm tra và tiếp nhận hồ sơ; "+
			"thời hạn giải quyết được tính từ khi hồ sơ được tiếp nhận.", ref, civil(e.At))
	case e.Action == dossier.ActionAccept || e.Action == dossier.ActionReceive:
		subject = "Hồ sơ " + f.Code + " đã được tiếp nhận"
		body = fmt.Sprintf("%s đã được tiếp nhận lúc %s.", upperFirst(ref), civil(e.At))
		if !st.DueAt.IsZero() {
			body += " Ngày hẹn trả kết quả: " + civil(st.DueAt) + "."
		}
		body += "\nMã tra cứu hồ sơ: " + f.LookupKey
	case e.Action == dossier.ActionRequestSupplement:
		subject = "Hồ sơ " + f.Code + " cần bổ sung, hoàn thiện"
		body = fmt.Sprintf("%s cần được bổ sung, hoàn thiện.%s\nVui lòng đăng nhập và tải lên giấy tờ bổ sung trong mục “Hồ sơ của tôi”.",
			upperFirst(ref), detail("Nội dung cần bổ sung", e.Reason, e.Note))
	case e.Action == dossier.ActionForward && st.Status == dossier.StatusResultReady:
		subject = "Hồ sơ " + f.Code + " đã có kết quả"
		body = fmt.Sprintf("%s đã có kết quả giải quyết từ %s. Vui lòng nhận kết quả theo hình thức đã đăng ký.",
			upperFirst(ref), civil(e.At))
	case e.Action == dossier.ActionExtend:
		subject = "Hồ sơ " + f.Code + " được hẹn lại ngày trả kết quả"
		body = fmt.Sprintf("Cơ quan giải quyết xin lỗi vì %s chưa có kết quả đúng hẹn. Ngày hẹn trả kết quả mới: %s.%s",
			ref, civil(e.NewDue), detail("Lý do", e.Reason, e.Note))
	case e.Action == dossier.ActionRefuse:
		subject = "Hồ sơ " + f.Code + " bị từ chối giải quyết"
		body = fmt.Sprintf("%s bị từ chối giải quyết.%s", upperFirst(ref), detail("Lý do", e.Reason, e.Note))
	default:
		return "", "", false
	}
	follow := "\n\nBạn có thể theo dõi hồ sơ trong mục “Hồ sơ của tôi” sau khi đăng nhập."
	if base = strings.TrimRight(base, "/"); base != "" {
		follow = "\n\nTheo dõi hồ sơ: " + base + "/cong-dan/ho-so/" + url.PathEscape(f.Code)
	}
	body = "Kính gửi " + f.OwnerName + ",\n\n" + body + follow + signature
	return subject, body, true
}

// signature ends every automatic message.
const signature = "\n\nThư này được gửi tự động từ Hệ thống một cửa điện tử; vui lòng không trả lời."

// civil formats an instant as the time and civil date in Vietnam.
func civil(t time.Time) string {
	if t.IsZero() {
		return "(chưa xác định)"
	}
	return t.In(calendar.Zone()).Format("15:04 ngày 02/01/2006")
}

func detail(label, reason, note string) string {
	text := strings.TrimSpace(strings.TrimSpace(reason) + "\n" + strings.TrimSpace(note))
	if text == "" {
		return ""
	}
	return "\n" + label + ": " + text
}

func upperFirst(s string) string {
	for i, r := range s {
		return strings.ToUpper(string(r)) + s[i+len(string(r)):]
	}
	return s
}
