package admin

import (
	"net/http"
	neturl "net/url"
	"strconv"
	"strings"
	"time"

	"motcua/internal/app"
	"motcua/internal/store"
	"motcua/internal/web/kit"
)

// handleAudit lists the audit log with filters by officer, action, unit and period, a
// page at a time by keyset (?sau= is the cursor of the previous page's last entry), so
// that a page costs the same however long the log; with the retention policy's form.
func (s *Server) handleAudit(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	f := store.AuditFilter{
		Actor:  strings.TrimSpace(q.Get("actor")),
		Action: strings.TrimSpace(q.Get("action")),
		Unit:   strings.TrimSpace(q.Get("unit")),
		Limit:  100,
	}
	var msg string
	if v := q.Get("from"); v != "" {
		t, err := time.ParseInLocation("2006-01-02", v, kit.Zone)
		if err != nil {
			msg = "Ngày bắt đầu không hợp lệ."
		}
		f.From = t
	}
	if v := q.Get("to"); v != "" {
		t, err := time.ParseInLocation("2006-01-02", v, kit.Zone)
		if err != nil {
			msg = "Ngày kết thúc không hợp lệ."
		}
		f.To = t.AddDate(0, 0, 1)
	}
	after, err := store.ParseAuditCursor(q.Get("sau"))
	if err != nil {
		msg = "Liên kết trang không hợp lệ; hãy xem lại từ trang đầu."
	}
	var entries []store.AuditEntry
	var next store.AuditCursor
	st := http.StatusOK
	if msg == "" {
		entries, next, err = s.Store.AuditPage(r.Context(), f, after)
		if err != nil {
			s.PageError(w, r, err)
			return
		}
	} else {
		st = http.StatusBadRequest
	}
	months, err := s.App.AuditRetention(r.Context())
	if err != nil {
		s.PageError(w, r, err)
		return
	}
	more := withParam(q, "sau", next.String())
	s.Render(w, r, st, "admin_audit.html", map[string]any{
		"Title": "Nhật ký thao tác", "Entries": entries, "Q": q, "Message": msg,
		"First": after.ID == 0, "Next": more, "HasNext": next.ID != 0, "Actions": app.AuditActions(),
		"Retention": months, "Moved": q.Get("da-luu-tru"),
	})
}

// withParam is the query q with key set to value, for a link to another page of the
// list.
func withParam(q neturl.Values, key, value string) string {
	v := neturl.Values{}
	for k, x := range q {
		if k != "da-luu-tru" {
			v[k] = x
		}
	}
	v.Set(key, value)
	return "?" + v.Encode()
}

// handleAuditRetention sets the retention policy of the audit log and applies it.
func (s *Server) handleAuditRetention(w http.ResponseWriter, r *http.Request) {
	u, _ := kit.CurrentUser(r)
	months, err := strconv.Atoi(strings.TrimSpace(r.FormValue("months")))
	if err != nil {
		months = -1
	}
	moved, err := s.App.SetAuditRetention(r.Context(), u, months, s.Origin(r))
	if err != nil {
		s.PageError(w, r, err)
		return
	}
	http.Redirect(w, r, "/quan-tri/nhat-ky?da-luu-tru="+strconv.Itoa(moved), http.StatusSeeOther)
}
