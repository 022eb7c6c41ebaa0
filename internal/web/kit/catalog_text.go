package kit

import (
	"fmt"
	"net/http"
	"strconv"

	"motcua/internal/catalog"
	"motcua/internal/fault"
	"motcua/internal/store"
)

// PageSize is the number of procedures per page of the public search.
const PageSize = 30

// ProcedureQuery reads q, field, unit, limit and offset from the URL. limit must be 1–1000
// when given (defaultLimit otherwise); anything else is a fault.Invalid with Vietnamese
// field messages.
func ProcedureQuery(r *http.Request, defaultLimit int) (store.ProcedureQuery, error) {
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

// Labels shown to citizens.
func OnlineLabel(o catalog.OnlineLevel) string {
	switch o {
	case catalog.OnlineFull:
		return "Toàn trình"
	case catalog.OnlinePartial:
		return "Một phần"
	}
	return "Không"
}

// DaysText writes a number of days the Vietnamese way: 0,5; 03; 15.
func DaysText(days float64) string {
	if days < 10 && days == float64(int(days)) {
		return fmt.Sprintf("%02d", int(days))
	}
	return ViNumber(days)
}

func DeadlineText(days float64, mode catalog.DeadlineMode) string {
	if mode == catalog.DeadlineSameDay {
		return "Trong ngày (nhận sau 15 giờ: trả trong ngày làm việc tiếp theo)"
	}
	n := DaysText(days)
	if mode == catalog.DeadlineCalendar {
		return n + " ngày"
	}
	return n + " ngày làm việc"
}

func FeeText(v int64) string {
	if v == 0 {
		return "Không"
	}
	return FormatVND(v)
}

func RoleText(r catalog.Role) string {
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

func LevelText(l string) string {
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
