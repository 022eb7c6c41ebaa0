package api

import (
	"bytes"
	"net/http"

	"motcua/internal/app"
	"motcua/internal/calendar"
	"motcua/internal/pdf"
	"motcua/internal/report"
	"motcua/internal/sheet"
	"motcua/internal/web/kit"
)

// ii06aJSON is Biểu II.06a in the contract's keys.
func ii06aJSON(r app.II06a) map[string]any {
	rows := r.Rows
	if rows == nil {
		rows = []report.Row{}
	}
	return map[string]any{
		"unit": r.Unit.Code, "unit_name": r.Unit.Name, "subtree": r.Subtree,
		"from": r.Period.From.String(), "to": r.Period.To.String(), "period_name": r.Period.Name,
		"rows": rows, "total": r.Total,
	}
}

// reportII06a reads the report's unit, dates and subtree flag from the query string.
func (s *Server) reportII06a(r *http.Request) (app.II06a, error) {
	q := r.URL.Query()
	u, _ := kit.CurrentUser(r)
	return s.App.ReportII06a(r.Context(), u, q.Get("unit"), q.Get("from"), q.Get("to"), q.Get("subtree") == "true")
}

// apiReportII06a answers GET /api/v1/reports/ii06a?unit=&from=&to=&subtree=.
func (s *Server) apiReportII06a(w http.ResponseWriter, r *http.Request) {
	rep, err := s.reportII06a(r)
	if err != nil {
		s.APIError(w, r, err)
		return
	}
	kit.WriteJSON(w, http.StatusOK, ii06aJSON(rep))
}

// ii06aFileName names the report's file: bieu-II06a-{unit}-{from}-{to}.{ext}.
func ii06aFileName(rep app.II06a, ext string) string {
	return "bieu-II06a-" + rep.Unit.Code + "-" + rep.Period.From.String() + "-" + rep.Period.To.String() + "." + ext
}

// apiReportII06aXLSX answers GET /api/v1/reports/ii06a.xlsx with the same query: the
// report as a workbook laid out like the official form.
func (s *Server) apiReportII06aXLSX(w http.ResponseWriter, r *http.Request) {
	rep, err := s.reportII06a(r)
	if err != nil {
		s.APIError(w, r, err)
		return
	}
	var buf bytes.Buffer
	h := sheet.II06aHeader{Unit: rep.Unit.Name, Parent: rep.Parent.Name, Subtree: rep.Subtree}
	if err := sheet.WriteII06a(&buf, h, rep.II06a); err != nil {
		s.APIError(w, r, err)
		return
	}
	w.Header().Set("Content-Type", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
	w.Header().Set("Content-Disposition", `attachment; filename="`+ii06aFileName(rep, "xlsx")+`"`)
	w.Header().Set("Cache-Control", "private, no-store")
	buf.WriteTo(w)
}

// apiReportII06aPDF answers GET /api/v1/reports/ii06a.pdf with the same query: the
// report as a printable form.
func (s *Server) apiReportII06aPDF(w http.ResponseWriter, r *http.Request) {
	rep, err := s.reportII06a(r)
	if err != nil {
		s.APIError(w, r, err)
		return
	}
	line := func(name string, n report.Counts) pdf.II06aLine {
		l := pdf.II06aLine{Name: name}
		for i, c := range report.Cells() {
			l.Numbers[i] = n.Cell(c)
		}
		return l
	}
	dmy := func(d calendar.Date) string { return d.Start().In(calendar.Zone()).Format("02/01/2006") }
	in := pdf.II06a{Unit: rep.Unit.Name, Parent: rep.Parent.Name, Period: rep.Period.Name,
		From: dmy(rep.Period.From), To: dmy(rep.Period.To), Total: line("", rep.Total)}
	if rep.Subtree {
		in.Unit += " và các đơn vị trực thuộc"
	}
	for _, row := range rep.Rows {
		in.Lines = append(in.Lines, line(row.FieldName, row.Counts))
	}
	var buf bytes.Buffer
	if err := pdf.WriteII06a(&buf, in); err != nil {
		s.APIError(w, r, err)
		return
	}
	kit.WritePDF(w, ii06aFileName(rep, "pdf"), &buf)
}

// apiDossierList answers GET /api/v1/dossiers?unit=&subtree=&received_from=&received_to=
// &status=&q=&limit=&cursor= (and field=, or cell=&from=&to= for the dossiers behind a
// cell of Biểu II.06a).
func (s *Server) apiDossierList(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	u, _ := kit.CurrentUser(r)
	page, err := s.App.Dossiers(r.Context(), u, app.DossierQuery{
		Unit: q.Get("unit"), Subtree: q.Get("subtree"), ReceivedFrom: q.Get("received_from"), ReceivedTo: q.Get("received_to"),
		Status: q.Get("status"), Field: q.Get("field"), Q: q.Get("q"),
		Cell: q.Get("cell"), From: q.Get("from"), To: q.Get("to"), Limit: q.Get("limit"), Cursor: q.Get("cursor"),
	})
	if err != nil {
		s.APIError(w, r, err)
		return
	}
	now := s.Now()
	items := make([]map[string]any, 0, len(page.Items))
	for _, d := range page.Items {
		items = append(items, map[string]any{
			"code": d.Code, "procedure_code": d.ProcedureCode, "field_code": d.FieldCode, "unit_code": d.UnitCode,
			"channel": d.Channel, "status": d.Status, "received_at": kit.Instant(d.ReceivedAt), "due_at": kit.Instant(d.DueAt),
			"original_due_at": kit.Instant(d.OriginalDueAt), "finished_at": kit.Instant(d.FinishedAt),
			"timeliness": d.Timeliness(now), "supplements": d.Supplements, "extended": d.Extended,
		})
	}
	out := map[string]any{"items": items}
	if page.Next != "" {
		out["next_cursor"] = page.Next
	}
	kit.WriteJSON(w, http.StatusOK, out)
}

// apiIndex766 answers GET /api/v1/reports/index766?unit=&from=&to=.
func (s *Server) apiIndex766(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	u, _ := kit.CurrentUser(r)
	x, err := s.App.Index766(r.Context(), u, q.Get("unit"), q.Get("from"), q.Get("to"))
	if err != nil {
		s.APIError(w, r, err)
		return
	}
	groups := make([]map[string]any, 0, len(x.Groups))
	for _, g := range x.Groups {
		inds := make([]map[string]any, 0, len(g.Indicators))
		for _, in := range g.Indicators {
			m := map[string]any{"code": in.Code, "name": in.Name, "numerator": nil, "denominator": nil, "rate": nil,
				"points": nil, "max_points": in.MaxPoints, "threshold": in.Threshold, "status": "no_data"}
			if in.HasData {
				m["numerator"], m["denominator"], m["rate"], m["points"], m["status"] =
					in.Numerator, in.Denominator, in.Rate, in.Points, "ok"
			}
			inds = append(inds, m)
		}
		groups = append(groups, map[string]any{"code": g.Code, "name": g.Name, "points": g.Points,
			"max_points": g.MaxPoints, "indicators": inds})
	}
	kit.WriteJSON(w, http.StatusOK, map[string]any{
		"unit": x.Unit.Code, "unit_name": x.Unit.Name, "from": x.Period.From.String(), "to": x.Period.To.String(),
		"version": x.Version, "points": x.Points, "max_points": x.MaxPoints, "score": x.Score(), "groups": groups,
	})
}

// apiRankings answers GET /api/v1/rankings?parent=&from=&to= (public).
func (s *Server) apiRankings(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	rk, err := s.App.Rankings(r.Context(), q.Get("parent"), q.Get("from"), q.Get("to"))
	if err != nil {
		s.APIError(w, r, err)
		return
	}
	items := make([]map[string]any, 0, len(rk.Items))
	for _, it := range rk.Items {
		item := map[string]any{"rank": nil, "unit_code": it.UnitCode, "unit_name": it.UnitName, "points": nil, "band": nil}
		if it.Rank > 0 {
			item["rank"], item["points"], item["band"] = it.Rank, it.Score, it.Band
		}
		items = append(items, item)
	}
	kit.WriteJSON(w, http.StatusOK, map[string]any{"parent": rk.Parent.Code, "from": rk.Period.From.String(),
		"to": rk.Period.To.String(), "items": items})
}
