package admin

import (
	"net/http"
	"strconv"
	"strings"
	"time"

	"motcua/internal/app"
	"motcua/internal/store"
	"motcua/internal/web/kit"
)

// handleAudit lists the audit log with filters by officer, action, unit and period.
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
	// An unreadable page number is the first page; one past the store's bound is the
	// last page it serves, so (page-1)*Limit cannot overflow.
	page, err := strconv.Atoi(q.Get("trang"))
	if err != nil || page < 1 {
		page = 1
	}
	page = min(page, store.MaxAuditOffset/f.Limit+1)
	f.Offset = (page - 1) * f.Limit
	var entries []store.AuditEntry
	st := http.StatusOK
	if msg == "" {
		var err error
		entries, err = s.Store.AuditLog(r.Context(), f)
		if err != nil {
			s.PageError(w, r, err)
			return
		}
	} else {
		st = http.StatusBadRequest
	}
	s.Render(w, r, st, "admin_audit.html", map[string]any{
		"Title": "Nhật ký thao tác", "Entries": entries, "Q": q, "Message": msg,
		"Page": page, "More": len(entries) == f.Limit, "Actions": app.AuditActions(),
	})
}
