package web

import (
	"fmt"
	"net/http"
	"strconv"
	"strings"

	"motcua/internal/catalog"
	"motcua/internal/fault"
	"motcua/internal/store"
)

// pageSize is the number of procedures per page of the public search.
const pageSize = 30

// procedureQuery reads q, field, unit, limit and offset from the URL. limit must be 1–1000
// when given (defaultLimit otherwise); anything else is a fault.Invalid with Vietnamese
// field messages.
func procedureQuery(r *http.Request, defaultLimit int) (store.ProcedureQuery, error) {
	v := r.URL.Query()
	q := store.ProcedureQuery{Q: v.Get("q"), Field: v.Get("field"), Unit: v.Get("unit"), Limit: defaultLimit}
	errs := map[string]string{}
	if s := v.Get("limit"); s != "" || v.Has("limit") {
		n, err := strconv.Atoi(s)
		if err != nil || n < 1 || n > store.MaxLimit {
			errs["limit"] = "Số kết quả mỗi trang (limit) phải là số nguyên từ 1 đến 1000."
		}
		q.Limit = n
	}
	if s := v.Get("offset"); s != "" || v.Has("offset") {
		n, err := strconv.Atoi(s)
		if err != nil || n < 0 {
			errs["offset"] = "Vị trí bắt đầu (offset) phải là số nguyên không âm."
		}
		q.Offset = n
	}
	for k, m := range q.Valid() {
		if _, ok := errs[k]; !ok {
			errs[k] = m
		}
	}
	if len(errs) > 0 {
		msg := "Tham số tìm kiếm không hợp lệ."
		if m, ok := errs["q"]; ok {
			msg = m
		}
		return q, fault.WithFields(msg, errs)
	}
	return q, nil
}

// handleProcedures is the public catalogue: the search box, the fields with their
// counts and the results. An htmx request gets only the results.
func (s *Server) handleProcedures(w http.ResponseWriter, r *http.Request) {
	q, err := procedureQuery(r, pageSize)
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	if p, _ := strconv.Atoi(r.URL.Query().Get("trang")); p > 1 {
		q.Offset = (p - 1) * pageSize
	}
	items, total, err := s.store.SearchProcedures(r.Context(), q)
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	fields, err := s.store.Fields(r.Context())
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	var field catalog.Field
	for _, f := range fields {
		if f.Code == q.Field {
			field = f.Field
		}
	}
	if q.Field != "" && field.Code == "" {
		s.pageError(w, r, fault.Newf(fault.NotFound, "Không có lĩnh vực %q.", q.Field))
		return
	}
	title := "Thủ tục hành chính"
	if field.Name != "" {
		title = "Thủ tục lĩnh vực " + field.Name
	}
	page := q.Offset/pageSize + 1
	s.render(w, r, http.StatusOK, "procedures.html", map[string]any{
		"Title":    title,
		"Q":        q.Q,
		"Field":    field,
		"Fields":   fields,
		"Items":    summaryViews(items),
		"Total":    total,
		"Searched": strings.TrimSpace(q.Q) != "" || q.Field != "",
		"Page":     page,
		"Prev":     page - 1,
		"Next":     nextPage(page, total),
	})
}

func nextPage(page, total int) int {
	if page*pageSize < total {
		return page + 1
	}
	return 0
}

// handleProcedure shows everything a citizen needs before coming to the desk.
func (s *Server) handleProcedure(w http.ResponseWriter, r *http.Request) {
	p, err := s.store.Procedure(r.Context(), r.PathValue("code"))
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	fieldName := p.FieldCode
	if fields, err := s.store.Fields(r.Context()); err == nil {
		for _, f := range fields {
			if f.Code == p.FieldCode {
				fieldName = f.Name
			}
		}
	}
	s.render(w, r, http.StatusOK, "procedure.html", map[string]any{
		"Title": p.Name, "P": newProcedureView(p, fieldName),
	})
}

// Labels shown to citizens.
func onlineLabel(o catalog.OnlineLevel) string {
	switch o {
	case catalog.OnlineFull:
		return "Toàn trình"
	case catalog.OnlinePartial:
		return "Một phần"
	}
	return "Không"
}

// daysText writes a number of days the Vietnamese way: 0,5; 03; 15.
func daysText(days float64) string {
	if days < 10 && days == float64(int(days)) {
		return fmt.Sprintf("%02d", int(days))
	}
	return viNumber(days)
}

func deadlineText(days float64, mode catalog.DeadlineMode) string {
	if mode == catalog.DeadlineSameDay {
		return "Trong ngày (nhận sau 15 giờ: trả trong ngày làm việc tiếp theo)"
	}
	n := daysText(days)
	if mode == catalog.DeadlineCalendar {
		return n + " ngày"
	}
	return n + " ngày làm việc"
}

func feeText(v int64) string {
	if v == 0 {
		return "Không"
	}
	return formatVND(v)
}

func roleText(r catalog.Role) string {
	switch r {
	case catalog.RoleDesk:
		return "Bộ phận Một cửa"
	case catalog.RoleSpecialist:
		return "Chuyên viên"
	case catalog.RoleLeader:
		return "Lãnh đạo"
	}
	return string(r)
}

func levelText(l string) string {
	switch l {
	case catalog.LevelCommune:
		return "Cấp xã"
	case catalog.LevelDistrict:
		return "Cấp huyện"
	case catalog.LevelProvince:
		return "Cấp tỉnh"
	case catalog.LevelCentral:
		return "Cấp trung ương"
	}
	return l
}
