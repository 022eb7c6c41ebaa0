package notify

import (
	"net/url"
	"strings"
)

// FeedbackPath is the page where the sender of a PAKN follows it with its code and key.
const FeedbackPath = "/phan-anh"

// FeedbackLink is the sender's follow-up link of a PAKN, or "" when the public address
// of the site is not configured.
func FeedbackLink(base, code, key string) string {
	base = strings.TrimRight(strings.TrimSpace(base), "/")
	if base == "" {
		return ""
	}
	return base + FeedbackPath + "/" + url.PathEscape(code) + "?key=" + url.QueryEscape(key)
}

// FeedbackMail is the message telling the sender of a PAKN what happened to it: what is
// one of received, info_requested, refused, answered; detail is the reason, the question
// or the answer. Without a configured address the body names the code and key to type
// on the site instead of a link.
func FeedbackMail(base, what, senderName, code, key, detail string) Mail {
	var subject, lead string
	switch what {
	case "received":
		subject, lead = "Đã tiếp nhận phản ánh, kiến nghị "+code, "Phản ánh, kiến nghị của ông/bà đã được tiếp nhận."
	case "info_requested":
		subject, lead = "Đề nghị bổ sung thông tin cho phản ánh, kiến nghị "+code, "Cơ quan đề nghị ông/bà bổ sung thông tin:"
	case "refused":
		subject, lead = "Từ chối tiếp nhận phản ánh, kiến nghị "+code, "Phản ánh, kiến nghị không được tiếp nhận xử lý. Lý do:"
	default:
		subject, lead = "Trả lời phản ánh, kiến nghị "+code, "Cơ quan đã trả lời phản ánh, kiến nghị của ông/bà:"
	}
	body := "Kính gửi " + senderName + ",\n\n" + lead + "\n"
	if detail != "" {
		body += detail + "\n"
	}
	if link := FeedbackLink(base, code, key); link != "" {
		body += "\nTheo dõi, đánh giá câu trả lời hoặc phản hồi thêm tại:\n" + link + "\n"
	} else {
		body += "\nTheo dõi tại mục “Phản ánh, kiến nghị” của trang dịch vụ công với mã " + code + " và mã tra cứu " + key + ".\n"
	}
	return Mail{Subject: subject, Body: body}
}

// FeedbackDueWarning is the message to a unit's mailbox that a PAKN falls due soon or is
// overdue, naming the officer it is assigned to.
func FeedbackDueWarning(code, title, assignee, due string, overdue bool) Mail {
	state := "sắp đến hạn"
	if overdue {
		state = "đã quá hạn"
	}
	who := "chưa giao cán bộ xử lý"
	if assignee != "" {
		who = "cán bộ xử lý: " + assignee
	}
	return Mail{Subject: "Phản ánh, kiến nghị " + code + " " + state,
		Body: "Kính gửi cán bộ xử lý và lãnh đạo đơn vị,\n\nPhản ánh, kiến nghị " + code + " (“" + title + "”) " + state +
			" (hạn " + due + "; " + who + ").\n"}
}
