package desk

import (
	"maps"
	"net/http"
	"net/url"
	"slices"

	"motcua/internal/app"
	"motcua/internal/fault"
	"motcua/internal/web/kit"
)

// handleExports lists the officer's export jobs (GET /tep-xuat): state, progress, the
// download when done and a cancel button while under way; the page refreshes itself
// while a job is waiting or under way.
func (s *Server) handleExports(w http.ResponseWriter, r *http.Request) {
	s.renderExports(w, r, http.StatusOK, "")
}

func (s *Server) renderExports(w http.ResponseWriter, r *http.Request, st int, message string) {
	u, _ := kit.CurrentUser(r)
	jobs, err := s.App.ExportJobs(r.Context(), u)
	if err != nil {
		s.PageError(w, r, err)
		return
	}
	refresh := false
	for _, j := range jobs {
		refresh = refresh || j.Active()
	}
	kit.NoStore(w)
	s.Render(w, r, st, "exports.html", map[string]any{"Title": "Tệp xuất của tôi", "Jobs": jobs,
		"Refresh": refresh, "Message": message, "TTLDays": int(app.DefaultExportTTL.Hours() / 24)})
}

// handleQueueExport queues an export job from a form (POST /tep-xuat: kind, and the
// book's unit, from, to or the inbox's filter) and shows the list.
func (s *Server) handleQueueExport(w http.ResponseWriter, r *http.Request) {
	if err := kit.ParseForm(r); err != nil {
		s.PageError(w, r, err)
		return
	}
	f := r.PostForm
	p := app.ExportParams{Unit: f.Get("unit"), From: f.Get("from"), To: f.Get("to"), View: f.Get("xem"),
		Q: f.Get("q"), Status: f.Get("status"), Procedure: f.Get("procedure"), Field: f.Get("field"), Overdue: f.Get("overdue")}
	u, _ := kit.CurrentUser(r)
	if _, err := s.App.QueueExport(r.Context(), u, f.Get("kind"), p, s.Origin(r)); err != nil {
		e := s.Public(r, err)
		if e.Code == fault.Internal {
			s.PageError(w, r, err)
			return
		}
		s.renderExports(w, r, kit.Status(e.Code), e.Message+fieldText(e.Fields))
		return
	}
	http.Redirect(w, r, "/tep-xuat", http.StatusSeeOther)
}

// fieldText joins the messages of the fields after the main message.
func fieldText(fields map[string]string) string {
	out := ""
	for _, k := range slices.Sorted(maps.Keys(fields)) {
		out += " " + fields[k]
	}
	return out
}

// handleExportFile downloads the file of a done job (GET /tep-xuat/{id}/tai-ve).
func (s *Server) handleExportFile(w http.ResponseWriter, r *http.Request) {
	id, err := kit.ExportID(r)
	if err != nil {
		s.PageError(w, r, err)
		return
	}
	u, _ := kit.CurrentUser(r)
	f, err := s.App.OpenExportFile(r.Context(), u, id)
	if err != nil {
		s.PageError(w, r, err)
		return
	}
	kit.WriteExportFile(w, r, f)
}

// handleCancelExport cancels a job (POST /tep-xuat/{id}/huy) and shows the list.
func (s *Server) handleCancelExport(w http.ResponseWriter, r *http.Request) {
	id, err := kit.ExportID(r)
	if err != nil {
		s.PageError(w, r, err)
		return
	}
	u, _ := kit.CurrentUser(r)
	if _, err := s.App.CancelExport(r.Context(), u, id, s.Origin(r)); err != nil {
		e := s.Public(r, err)
		if e.Code == fault.Conflict {
			s.renderExports(w, r, http.StatusConflict, e.Message)
			return
		}
		s.PageError(w, r, err)
		return
	}
	http.Redirect(w, r, "/tep-xuat", http.StatusSeeOther)
}

// exportQuery is the inbox's filter as the fields of the form that queues its export.
func exportQuery(q url.Values) []struct{ Name, Value string } {
	var out []struct{ Name, Value string }
	for _, k := range []string{"xem", "q", "status", "procedure", "field", "overdue", "from", "to"} {
		if v := q.Get(k); v != "" {
			out = append(out, struct{ Name, Value string }{k, v})
		}
	}
	return out
}
