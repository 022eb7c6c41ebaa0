package kit

import (
	"encoding/json"
	"errors"
	"net/http"

	"motcua/internal/fault"
	"motcua/internal/store"
)

// Status maps a fault code to its HTTP status. It is the only such mapping.
func Status(code fault.Code) int {
	switch code {
	case fault.Invalid:
		return http.StatusBadRequest
	case fault.NotFound:
		return http.StatusNotFound
	case fault.Conflict:
		return http.StatusConflict
	case fault.Forbidden:
		return http.StatusForbidden
	case fault.Unauthorized:
		return http.StatusUnauthorized
	case fault.TooLarge:
		return http.StatusRequestEntityTooLarge
	case fault.RateLimited:
		return http.StatusTooManyRequests
	case fault.Unavailable:
		return http.StatusServiceUnavailable
	}
	return http.StatusInternalServerError
}

// defaultMessage is the Vietnamese text for a code when the error carries none.
func defaultMessage(code fault.Code) string {
	switch code {
	case fault.Invalid:
		return "Dữ liệu gửi lên không hợp lệ."
	case fault.NotFound:
		return "Không tìm thấy nội dung yêu cầu."
	case fault.Conflict:
		return "Thao tác không thực hiện được ở trạng thái hiện tại."
	case fault.Forbidden:
		return "Bạn không có quyền thực hiện thao tác này."
	case fault.Unauthorized:
		return "Vui lòng đăng nhập."
	case fault.TooLarge:
		return "Dữ liệu gửi lên vượt quá dung lượng cho phép."
	case fault.RateLimited:
		return "Bạn thao tác quá nhanh. Vui lòng thử lại sau ít phút."
	case fault.Unavailable:
		return store.MsgSwitching
	}
	return "Hệ thống gặp sự cố. Vui lòng thử lại sau hoặc liên hệ đường dây nóng."
}

// Public turns any error into the fault shown to users, logging internal ones with the
// request ID. Internal details never reach the user.
func (s *Kit) Public(r *http.Request, err error) *fault.Error {
	var mbe *http.MaxBytesError
	if errors.As(err, &mbe) {
		return fault.New(fault.TooLarge, defaultMessage(fault.TooLarge))
	}
	e := fault.As(err)
	if e == nil {
		// An error the store did not map (a failed BEGIN or COMMIT, a lost connection)
		// is classified here by the driver's error type.
		e = store.FaultOf(err)
	}
	if e != nil && e.Code == fault.Unavailable {
		s.Log.WarnContext(r.Context(), "database unavailable", "err", err, "request_id", RequestID(r))
	}
	if e == nil || e.Code == fault.Internal {
		s.Log.ErrorContext(r.Context(), "internal error", "err", err, "request_id", RequestID(r))
		return fault.New(fault.Internal, defaultMessage(fault.Internal))
	}
	if e.Message == "" {
		return &fault.Error{Code: e.Code, Message: defaultMessage(e.Code), Fields: e.Fields}
	}
	return e
}

// APIError writes the contract's JSON error.
func (s *Kit) APIError(w http.ResponseWriter, r *http.Request, err error) {
	e := s.Public(r, err)
	body := map[string]any{"code": e.Code, "message": e.Message}
	if len(e.Fields) > 0 {
		body["fields"] = e.Fields
	}
	if e.Code == fault.Internal {
		body["request_id"] = RequestID(r)
	}
	retryAfter(w, e.Code)
	WriteJSON(w, Status(e.Code), map[string]any{"error": body})
}

// PageError renders the Vietnamese error page with the request ID.
func (s *Kit) PageError(w http.ResponseWriter, r *http.Request, err error) {
	e := s.Public(r, err)
	st := Status(e.Code)
	retryAfter(w, e.Code)
	s.Render(w, r, st, "error.html", map[string]any{
		"Title":   errorTitle(st),
		"Message": e.Message,
		"Status":  st,
	})
}

func errorTitle(st int) string {
	switch st {
	case http.StatusNotFound:
		return "Không tìm thấy trang"
	case http.StatusForbidden:
		return "Không có quyền truy cập"
	case http.StatusUnauthorized:
		return "Cần đăng nhập"
	case http.StatusTooManyRequests:
		return "Thao tác quá nhanh"
	case http.StatusRequestEntityTooLarge:
		return "Dữ liệu quá lớn"
	case http.StatusBadRequest, http.StatusConflict:
		return "Yêu cầu không hợp lệ"
	case http.StatusServiceUnavailable:
		return "Hệ thống đang chuyển máy chủ"
	}
	return "Hệ thống gặp sự cố"
}

// retryAfterSeconds is what a client is told to wait before trying again when the
// database is being switched: a failover takes a few seconds.
const retryAfterSeconds = "5"

// retryAfter sets Retry-After on answers that the same request may get right later.
func retryAfter(w http.ResponseWriter, code fault.Code) {
	if code == fault.Unavailable {
		w.Header().Set("Retry-After", retryAfterSeconds)
	}
}

// WriteJSON writes v as the JSON answer with the status.
func WriteJSON(w http.ResponseWriter, st int, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(st)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.Encode(v)
}
