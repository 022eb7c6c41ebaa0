package desk

import (
	"bytes"
	"net/http"
	"net/url"
	"strconv"

	"motcua/internal/app"
	"motcua/internal/dossier"
	"motcua/internal/fault"
	"motcua/internal/org"
	"motcua/internal/sheet"
	"motcua/internal/web/kit"
)

// inboxFilter reads the inbox's query string.
func inboxFilter(r *http.Request) app.InboxFilter {
	q := r.URL.Query()
	return app.InboxFilter{View: q.Get("xem"), Q: q.Get("q"), Status: q.Get("status"), Procedure: q.Get("procedure"),
		Field: q.Get("field"), Overdue: q.Get("overdue"), From: q.Get("from"), To: q.Get("to"), Page: q.Get("trang"),
		After: q.Get("sau"), Before: q.Get("truoc")}
}

// handleInbox shows the officer's inbox (GET /ho-so): the work queues, every dossier
// in scope or the finished ones, searched and filtered, a page at a time.
func (s *Server) handleInbox(w http.ResponseWriter, r *http.Request) {
	u, _ := kit.CurrentUser(r)
	f := inboxFilter(r)
	page, err := s.App.Inbox(r.Context(), u, f)
	if err != nil {
		s.renderInboxError(w, r, u, f, err)
		return
	}
	s.renderInbox(w, r, http.StatusOK, u, f, page, nil, false)
}

// handleInboxExport downloads the filtered inbox as an Excel workbook
// (GET /ho-so/xuat.xlsx with the inbox's query).
func (s *Server) handleInboxExport(w http.ResponseWriter, r *http.Request) {
	u, _ := kit.CurrentUser(r)
	f := inboxFilter(r)
	rows, err := s.App.InboxExport(r.Context(), u, f)
	if err != nil {
		s.renderInboxError(w, r, u, f, err)
		return
	}
	out := make([]sheet.DossierRow, len(rows))
	for i, it := range rows {
		out[i] = it.SheetRow()
	}
	var buf bytes.Buffer
	if err := sheet.WriteDossiers(&buf, out); err != nil {
		s.PageError(w, r, err)
		return
	}
	w.Header().Set("Content-Type", sheet.ContentTypeXLSX)
	w.Header().Set("Content-Disposition", `attachment; filename="danh-sach-ho-so.xlsx"`)
	buf.WriteTo(w)
}

// renderInboxError shows the inbox again with the messages of a malformed filter, or
// the error page for anything else.
func (s *Server) renderInboxError(w http.ResponseWriter, r *http.Request, u org.User, f app.InboxFilter, err error) {
	e := s.Public(r, err)
	if e.Code != fault.Invalid {
		s.PageError(w, r, err)
		return
	}
	// A list too long for one request: the page offers to make it in the background.
	s.renderInbox(w, r, http.StatusBadRequest, u, f, app.InboxPage{}, e, app.NeedsBackground(err))
}

// renderInbox shows the inbox page with its filter form, tables and page links.
func (s *Server) renderInbox(w http.ResponseWriter, r *http.Request, st int, u org.User, f app.InboxFilter, page app.InboxPage, e *fault.Error, background bool) {
	fields, err := s.Store.Fields(r.Context())
	if err != nil {
		s.PageError(w, r, err)
		return
	}
	procs, err := s.App.InboxProcedures(r.Context(), u)
	if err != nil {
		s.PageError(w, r, err)
		return
	}
	// Links keep the filter and change the page or the view.
	link := func(edit func(v url.Values)) string {
		v := r.URL.Query()
		edit(v)
		for k := range v {
			if v.Get(k) == "" {
				v.Del(k)
			}
		}
		if len(v) == 0 {
			return ""
		}
		return "?" + v.Encode()
	}
	data := map[string]any{
		"Title": "Hồ sơ cần xử lý", "Page": page, "Filter": f, "BookRows": s.App.BookRows(),
		"CanReceive": app.CanReceive(u), "Statuses": dossier.Statuses(), "Fields": fields, "Procedures": procs,
		"Export": "/ho-so/xuat.xlsx" + link(func(v url.Values) { v.Del("trang"); v.Del("sau"); v.Del("truoc") }),
		"Views": []struct{ Value, Label string }{{"", "Cần xử lý"}, {string(app.ViewAll), "Tất cả hồ sơ"},
			{string(app.ViewFinished), "Đã giải quyết xong"}},
	}
	if e == nil {
		// A search moves the work view to every dossier in scope.
		data["View"] = string(page.View)
		switch page.View {
		case app.ViewAll:
			data["Title"] = "Tất cả hồ sơ"
		case app.ViewFinished:
			data["Title"] = "Hồ sơ đã giải quyết xong"
		}
		// Pages of the lists in scope by cursor (?sau=, ?truoc=), of the work queues by number.
		to := func(key, value string) string {
			return "/ho-so" + link(func(v url.Values) {
				v.Del("trang")
				v.Del("sau")
				v.Del("truoc")
				if value != "" {
					v.Set(key, value)
				}
			})
		}
		switch {
		case page.First:
		case page.Prev != "":
			data["Prev"] = to("truoc", page.Prev)
		case page.Page > 2 && page.View == app.ViewWork:
			data["Prev"] = to("trang", strconv.Itoa(page.Page-1))
		default:
			data["Prev"] = to("", "")
		}
		switch {
		case !page.More:
		case page.Next != "":
			data["Next"] = to("sau", page.Next)
		default:
			data["Next"] = to("trang", strconv.Itoa(page.Page+1))
		}
	} else {
		data["View"] = f.View
		data["Message"], data["Errors"] = e.Message, e.Fields
		if background {
			data["Background"] = exportQuery(r.URL.Query())
		}
	}
	s.Render(w, r, st, "inbox.html", data)
}
