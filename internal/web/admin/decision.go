package admin

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"strconv"
	"strings"

	"motcua/internal/calendar"
	"motcua/internal/fault"
	"motcua/internal/sheet"
	"motcua/internal/web/kit"
)

// decisionForm is the administrator's form for a whole published schedule (văn bản công
// bố lịch nghỉ): its document, scope and days, one a line.
type decisionForm struct {
	Reference, Unit, Days string
}

// decisionFile is the JSON form of a published schedule for import.
type decisionFile struct {
	Reference string                 `json:"reference"`
	Unit      string                 `json:"unit"`
	Days      []calendar.DecisionRow `json:"days"`
}

// handleCalendarDecision saves the days typed in the schedule form (POST
// /quan-tri/lich/van-ban).
func (s *Server) handleCalendarDecision(w http.ResponseWriter, r *http.Request) {
	v := func(k string) string { return strings.TrimSpace(r.PostFormValue(k)) }
	f := decisionForm{Reference: v("reference"), Unit: v("unit"), Days: r.PostFormValue("days")}
	s.saveDecision(w, r, f, calendar.ParseDecisionLines(f.Days), "biểu mẫu")
}

// handleCalendarDecisionImport saves a schedule uploaded as JSON ({"reference","unit",
// "days":[{"date","kind","name"}]}) or as an Excel workbook (columns Ngày, Loại, Nội
// dung) with the document typed in the form (POST /quan-tri/lich/nhap).
func (s *Server) handleCalendarDecisionImport(w http.ResponseWriter, r *http.Request) {
	v := func(k string) string { return strings.TrimSpace(r.PostFormValue(k)) }
	f := decisionForm{Reference: v("reference"), Unit: v("unit")}
	file, head, err := r.FormFile("file")
	if err != nil {
		s.decisionPage(w, r, f, map[string]string{"file": "Hãy chọn tệp lịch nghỉ (.json hoặc .xlsx) để nhập."})
		return
	}
	defer file.Close()
	data, err := io.ReadAll(io.LimitReader(file, 2<<20+1))
	if err != nil || len(data) > 2<<20 {
		s.decisionPage(w, r, f, map[string]string{"file": "Không đọc được tệp, hoặc tệp lớn hơn 2 MiB."})
		return
	}
	var rows []calendar.DecisionRow
	if strings.HasSuffix(strings.ToLower(head.Filename), ".xlsx") || bytes.HasPrefix(data, []byte("PK")) {
		rows, err = sheet.ReadCalendarDays(bytes.NewReader(data))
		if errors.Is(err, sheet.ErrNotWorkbook) {
			s.decisionPage(w, r, f, map[string]string{"file": "Tệp không phải bảng tính Excel (.xlsx) hợp lệ."})
			return
		}
		if err != nil {
			s.PageError(w, r, err)
			return
		}
	} else {
		var df decisionFile
		dec := json.NewDecoder(bytes.NewReader(data))
		dec.DisallowUnknownFields()
		if err := dec.Decode(&df); err != nil {
			s.decisionPage(w, r, f, map[string]string{"file": "Tệp JSON không hợp lệ: cần {\"reference\", \"unit\", \"days\": [{\"date\", \"kind\", \"name\"}]}."})
			return
		}
		rows = df.Days
		if f.Reference == "" {
			f.Reference = df.Reference
		}
		if f.Unit == "" {
			f.Unit = df.Unit
		}
	}
	s.saveDecision(w, r, f, rows, head.Filename)
}

// saveDecision saves the rows through the use case and shows the page again with the
// messages, or goes to the year of the first day.
func (s *Server) saveDecision(w http.ResponseWriter, r *http.Request, f decisionForm, rows []calendar.DecisionRow, source string) {
	u, _ := kit.CurrentUser(r)
	dec, err := s.App.SaveCalendarDecision(r.Context(), u, f.Reference, f.Unit, rows, source, s.Origin(r))
	switch e := fault.As(err); {
	case err == nil:
		http.Redirect(w, r, "/quan-tri/lich?nam="+strconv.Itoa(dec.Days[0].Date.Year), http.StatusSeeOther)
	case e != nil && e.Code == fault.Invalid:
		errs := map[string]string{}
		for k, m := range e.Fields {
			errs[k] = m
		}
		if len(errs) == 0 {
			errs["rows"] = e.Message
		}
		s.decisionPage(w, r, f, errs)
	case e != nil && e.Code == fault.NotFound:
		s.decisionPage(w, r, f, map[string]string{"unit": e.Message})
	default:
		s.PageError(w, r, err)
	}
}

// decisionPage shows the calendar administration page with the schedule form's input
// and messages.
func (s *Server) decisionPage(w http.ResponseWriter, r *http.Request, f decisionForm, errs map[string]string) {
	year := calendar.DateOf(s.Now()).Year
	day := calendarDayForm{Kind: "off", Date: strconv.Itoa(year) + "-01-01"}
	s.calendarDaysPage(w, r, http.StatusBadRequest, year, day, nil, "", f, errs)
}
