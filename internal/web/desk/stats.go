package desk

import (
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"motcua/internal/app"
	"motcua/internal/calendar"
	"motcua/internal/fault"
	"motcua/internal/report"
	"motcua/internal/web/kit"
)

// periodChoice is one period offered by name in the chooser.
type periodChoice struct {
	Value, Name string
	Selected    bool
}

// reportParams reads a report page's unit, dates and subtree flag: ky= is a named
// period ("FROM_TO" as offered by the chooser), else from= and to=; the default is the
// current statutory month of the officer's own unit.
func (s *Server) reportParams(r *http.Request) (unit, from, to string, subtree bool, choices []periodChoice) {
	q := r.URL.Query()
	u, _ := kit.CurrentUser(r)
	unit = strings.TrimSpace(q.Get("unit"))
	if unit == "" {
		unit = u.UnitCode
	}
	from, to = q.Get("from"), q.Get("to")
	if k := q.Get("ky"); k != "" {
		from, to, _ = strings.Cut(k, "_")
	}
	today := calendar.DateOf(s.Now())
	if from == "" && to == "" {
		m := report.StatutoryMonth(today)
		from, to = m.From.String(), m.To.String()
	}
	subtree = q.Get("subtree") != "false"
	for _, y := range []int{today.Year, today.Year - 1} {
		for _, p := range report.Periods(y) {
			v := p.From.String() + "_" + p.To.String()
			choices = append(choices, periodChoice{Value: v, Name: p.Name, Selected: p.From.String() == from && p.To.String() == to})
		}
	}
	return unit, from, to, subtree, choices
}

// cellLink is the address of the dossiers behind one cell of Biểu II.06a.
func cellLink(unit string, subtree bool, p report.Period, cell report.Cell, field string) string {
	v := url.Values{"unit": {unit}, "cell": {string(cell)}, "from": {p.From.String()}, "to": {p.To.String()}}
	if subtree {
		v.Set("subtree", "true")
	}
	if field != "" {
		v.Set("field", field)
	}
	return "/bao-cao/ho-so?" + v.Encode()
}

// reportLine is one line of the report page: its name and its cells with their links.
type reportLine struct {
	Name  string
	Cells []reportCell
}

type reportCell struct {
	N    int
	Link string
}

// handleReport shows Biểu II.06a (GET /bao-cao): every number links to its dossiers.
func (s *Server) handleReport(w http.ResponseWriter, r *http.Request) {
	u, _ := kit.CurrentUser(r)
	unit, from, to, subtree, choices := s.reportParams(r)
	rep, err := s.App.ReportII06a(r.Context(), u, unit, from, to, subtree)
	if err != nil {
		s.reportError(w, r, err)
		return
	}
	line := func(name, field string, n report.Counts) reportLine {
		l := reportLine{Name: name}
		for _, c := range report.Cells() {
			l.Cells = append(l.Cells, reportCell{N: n.Cell(c), Link: cellLink(rep.Unit.Code, subtree, rep.Period, c, field)})
		}
		return l
	}
	var lines []reportLine
	for _, row := range rep.Rows {
		lines = append(lines, line(row.FieldName, row.FieldCode, row.Counts))
	}
	q := url.Values{"unit": {rep.Unit.Code}, "from": {rep.Period.From.String()}, "to": {rep.Period.To.String()}, "subtree": {strconv.FormatBool(subtree)}}
	s.Render(w, r, http.StatusOK, "report.html", map[string]any{
		"Title": "Báo cáo Biểu II.06a", "Report": rep, "Lines": lines, "Total": line("Tổng cộng", "", rep.Total),
		"Choices": choices, "Subtree": subtree, "Query": q.Encode(), "From": from, "To": to,
	})
}

// reportError shows a report page's error with its status (400, 403, 404).
func (s *Server) reportError(w http.ResponseWriter, r *http.Request, err error) {
	s.PageError(w, r, err)
}

// handleReportDossiers lists the dossiers behind a cell of Biểu II.06a (GET
// /bao-cao/ho-so?unit=&subtree=&cell=&from=&to=&field=&cursor=), a page at a time.
func (s *Server) handleReportDossiers(w http.ResponseWriter, r *http.Request) {
	u, _ := kit.CurrentUser(r)
	q := r.URL.Query()
	dq := app.DossierQuery{Unit: q.Get("unit"), Subtree: q.Get("subtree"), Field: q.Get("field"), Cell: q.Get("cell"),
		From: q.Get("from"), To: q.Get("to"), Cursor: q.Get("cursor"), Limit: "50"}
	if dq.Cell == "" {
		s.PageError(w, r, fault.WithFields("Chưa chọn ô báo cáo.", map[string]string{"cell": "Chọn một ô của Biểu II.06a."}))
		return
	}
	page, err := s.App.Dossiers(r.Context(), u, dq)
	if err != nil {
		s.PageError(w, r, err)
		return
	}
	next := ""
	if page.Next != "" {
		nq := r.URL.Query()
		nq.Set("cursor", page.Next)
		next = "/bao-cao/ho-so?" + nq.Encode()
	}
	back := url.Values{"unit": {dq.Unit}, "from": {dq.From}, "to": {dq.To}, "subtree": {dq.Subtree}}
	if dq.Subtree == "" {
		back.Set("subtree", "false")
	}
	s.Render(w, r, http.StatusOK, "report_dossiers.html", map[string]any{
		"Title": "Hồ sơ trong ô báo cáo", "Items": page.Items, "Next": next, "Cell": cellName(report.Cell(dq.Cell)),
		"From": dq.From, "To": dq.To, "Unit": dq.Unit, "Back": "/bao-cao?" + back.Encode(), "Now": s.Now(),
	})
}

// cellName is the Vietnamese name of a cell of Biểu II.06a.
func cellName(c report.Cell) string {
	return map[report.Cell]string{
		report.Received: "Tiếp nhận – tổng số", report.ReceivedOnline: "Tiếp nhận trực tuyến",
		report.ReceivedDirect: "Tiếp nhận trực tiếp, bưu chính", report.ReceivedCarried: "Từ kỳ trước chuyển sang",
		report.Resolved: "Đã giải quyết – tổng số", report.ResolvedEarly: "Giải quyết trước hạn",
		report.ResolvedOnTime: "Giải quyết đúng hạn", report.ResolvedLate: "Giải quyết quá hạn",
		report.InProgress: "Đang giải quyết – tổng số", report.InProgressInTime: "Đang giải quyết trong hạn",
		report.InProgressOverdue: "Đang giải quyết quá hạn", report.Withdrawn: "Rút hồ sơ",
	}[c]
}

// handleII07b shows Biểu II.07b (GET /bao-cao/ii07b?unit=&date=).
func (s *Server) handleII07b(w http.ResponseWriter, r *http.Request) {
	u, _ := kit.CurrentUser(r)
	q := r.URL.Query()
	unit := q.Get("unit")
	if unit == "" {
		unit = u.UnitCode
	}
	rep, err := s.App.ReportII07b(r.Context(), u, unit, q.Get("date"))
	if err != nil {
		s.PageError(w, r, err)
		return
	}
	type line struct {
		Name    string
		Numbers []int
	}
	numbers := func(name string, rw report.II07bRow) line {
		l := line{Name: name}
		for _, tc := range []report.TierCounts{rw.Competence, rw.OneStop, rw.Processes} {
			l.Numbers = append(l.Numbers, tc.Total, tc.Province)
			if rep.Districts {
				l.Numbers = append(l.Numbers, tc.District)
			}
			l.Numbers = append(l.Numbers, tc.Commune)
		}
		return l
	}
	var lines []line
	for _, rw := range rep.Rows {
		lines = append(lines, numbers(rw.UnitName, rw))
	}
	heads := []string{"Tổng số", "Cấp tỉnh", "Cấp xã"}
	if rep.Districts {
		heads = []string{"Tổng số", "Cấp tỉnh", "Cấp huyện", "Cấp xã"}
	}
	heads = append(append(heads, heads...), heads...)
	s.Render(w, r, http.StatusOK, "report_ii07b.html", map[string]any{
		"Title": "Báo cáo Biểu II.07b", "Report": rep, "Lines": lines, "Total": numbers("Tổng cộng", rep.Total), "Heads": heads,
		"Query": url.Values{"unit": {rep.Unit.Code}, "date": {rep.Date.String()}}.Encode(),
	})
}

// handleDashboard shows the leaders' dashboard (GET /dieu-hanh) with its SVG charts and
// a table beside each.
func (s *Server) handleDashboard(w http.ResponseWriter, r *http.Request) {
	u, _ := kit.CurrentUser(r)
	unit, from, to, _, choices := s.reportParams(r)
	db, err := s.App.Dashboard(r.Context(), u, unit, from, to)
	if err != nil {
		s.PageError(w, r, err)
		return
	}
	compare := []bar{
		{Label: "Tiếp nhận – kỳ này", Value: float64(db.Current.Received.Total), Text: strconv.Itoa(db.Current.Received.Total)},
		{Label: "Tiếp nhận – kỳ trước", Value: float64(db.Before.Received.Total), Text: strconv.Itoa(db.Before.Received.Total)},
		{Label: "Đã giải quyết – kỳ này", Value: float64(db.Current.Resolved.Total), Text: strconv.Itoa(db.Current.Resolved.Total)},
		{Label: "Đã giải quyết – kỳ trước", Value: float64(db.Before.Resolved.Total), Text: strconv.Itoa(db.Before.Resolved.Total)},
	}
	var trend []bar
	var missing []bool
	for _, m := range db.Trend {
		t := "–"
		if m.HasData {
			t = fmt.Sprintf("%.0f%%", m.Rate)
		}
		trend = append(trend, bar{Label: fmt.Sprintf("%02d/%d", int(m.Period.To.Month), m.Period.To.Year%100), Value: m.Rate, Text: t})
		missing = append(missing, !m.HasData)
	}
	loads := func(ls []report.Load) []bar {
		var out []bar
		for _, l := range ls {
			out = append(out, bar{Label: l.Name, Value: float64(l.Open), Text: fmt.Sprintf("%d (quá hạn %d)", l.Open, l.Overdue)})
		}
		return out
	}
	s.Render(w, r, http.StatusOK, "dashboard.html", map[string]any{
		"Title": "Bảng điều hành", "D": db, "Choices": choices,
		"CompareChart": barChart("so-sanh", "So sánh kỳ này với kỳ trước",
			fmt.Sprintf("Kỳ này tiếp nhận %d, giải quyết %d; kỳ trước tiếp nhận %d, giải quyết %d.",
				db.Current.Received.Total, db.Current.Resolved.Total, db.Before.Received.Total, db.Before.Resolved.Total), compare, 0),
		"TrendChart": columnChart("xu-huong", "Tỷ lệ giải quyết đúng hạn theo tháng",
			"Tỷ lệ hồ sơ giải quyết trước hạn và đúng hạn trên số hồ sơ đã giải quyết, 12 tháng báo cáo gần nhất.", trend, 100, missing),
		"OfficerChart": barChart("can-bo", "Hồ sơ đang xử lý theo cán bộ", "Số hồ sơ đang mở mỗi cán bộ giữ, kèm số quá hạn.", loads(db.ByOfficer), 0),
		"StepChart":    barChart("buoc", "Hồ sơ đang xử lý theo bước", "Số hồ sơ đang mở ở mỗi bước của quy trình, kèm số quá hạn.", loads(db.ByStep), 0),
	})
}
