package public

import (
	"net/http"
	"net/url"
	"strings"

	"motcua/internal/app"
	"motcua/internal/fault"
	"motcua/internal/feedback"
	"motcua/internal/org"
	"motcua/internal/web/kit"
)

// The kiosk (máy đánh giá tại quầy) is a full-screen page on a tablet at a unit's desk,
// without login: the citizen scans the QR code of the receipt (a handheld scanner types
// the lookup address into the focused field and presses Enter) or types the code and
// key, taps one of three large buttons, confirms, and the page resets itself for the
// next citizen. Steps: scan → choose → confirm → done.

// kioskReset is how long, in seconds, a kiosk page waits for a tap before it goes back
// to the scan page; kioskThanks how long the thank-you page stays.
const (
	kioskReset  = 90
	kioskThanks = 6
)

// kioskPage renders a step of the kiosk for the unit.
func (s *Server) kioskPage(w http.ResponseWriter, r *http.Request, st int, unit org.Unit, step string, data map[string]any) {
	if data == nil {
		data = map[string]any{}
	}
	w.Header().Set("Cache-Control", "no-store")
	data["Title"] = "Đánh giá mức độ hài lòng"
	data["Unit"], data["Step"] = unit, step
	data["Home"] = "/danh-gia/" + url.PathEscape(unit.Code)
	data["Reset"] = kioskReset
	if step == "done" {
		data["Reset"] = kioskThanks
	}
	data["Levels"], data["Criteria"] = feedback.Satisfactions(), feedback.Criteria()
	s.Render(w, r, st, "kiosk.html", data)
}

// kioskUnit reads the kiosk's unit from the path; an unknown one is the error page.
func (s *Server) kioskUnit(w http.ResponseWriter, r *http.Request) (org.Unit, bool) {
	u, err := s.Store.Unit(r.Context(), r.PathValue("unit"))
	if err != nil {
		s.PageError(w, r, err)
		return u, false
	}
	return u, true
}

// handleKiosk shows the scan step (GET /danh-gia/{unit}).
func (s *Server) handleKiosk(w http.ResponseWriter, r *http.Request) {
	if u, ok := s.kioskUnit(w, r); ok {
		s.kioskPage(w, r, http.StatusOK, u, "scan", nil)
	}
}

// kioskInput is the dossier a kiosk form names: the scanned lookup address, or the code
// and key typed.
func kioskInput(r *http.Request) (code, key string) {
	code = strings.TrimSpace(r.PostFormValue("code"))
	key = strings.TrimSpace(r.PostFormValue("key"))
	if scan := r.PostFormValue("scan"); strings.TrimSpace(scan) != "" {
		if c, k, ok := app.ParseScan(scan); ok {
			code = c
			if k != "" {
				key = k
			}
		} else {
			code = ""
		}
	}
	return strings.ToUpper(code), strings.ToUpper(key)
}

// kioskError shows the scan step again with the reason the dossier cannot be rated.
func (s *Server) kioskError(w http.ResponseWriter, r *http.Request, u org.Unit, err error) {
	e := s.Public(r, err)
	switch e.Code {
	case fault.NotFound, fault.Conflict, fault.Invalid:
		s.kioskPage(w, r, kit.Status(e.Code), u, "scan", map[string]any{"Message": e.Message})
	default:
		s.PageError(w, r, err)
	}
}

// handleKioskScan finds the scanned or typed dossier and shows the three levels (POST
// /danh-gia/{unit}).
func (s *Server) handleKioskScan(w http.ResponseWriter, r *http.Request) {
	u, ok := s.kioskUnit(w, r)
	if !ok {
		return
	}
	code, key := kioskInput(r)
	if code == "" || key == "" {
		s.kioskPage(w, r, http.StatusUnprocessableEntity, u, "scan", map[string]any{
			"Message": "Vui lòng quét mã QR trên Giấy tiếp nhận hồ sơ, hoặc nhập mã hồ sơ và mã tra cứu."})
		return
	}
	d, err := s.App.KioskDossier(r.Context(), u.Code, code, key)
	if err != nil {
		s.kioskError(w, r, u, err)
		return
	}
	s.kioskPage(w, r, http.StatusOK, u, "choose", map[string]any{"Code": d.Record.Code, "Key": key,
		"Procedure": d.Record.ProcedureName})
}

// handleKioskConfirm shows the chosen level with the optional criteria and comment and
// the button that sends the rating (POST /danh-gia/{unit}/xac-nhan).
func (s *Server) handleKioskConfirm(w http.ResponseWriter, r *http.Request) {
	u, ok := s.kioskUnit(w, r)
	if !ok {
		return
	}
	code, key := kioskInput(r)
	d, err := s.App.KioskDossier(r.Context(), u.Code, code, key)
	if err != nil {
		s.kioskError(w, r, u, err)
		return
	}
	level := feedback.Satisfaction(r.PostFormValue("level"))
	data := map[string]any{"Code": d.Record.Code, "Key": key, "Procedure": d.Record.ProcedureName}
	if !level.Valid() {
		data["Message"] = "Vui lòng chọn một mức đánh giá."
		s.kioskPage(w, r, http.StatusUnprocessableEntity, u, "choose", data)
		return
	}
	data["Level"] = level
	s.kioskPage(w, r, http.StatusOK, u, "confirm", data)
}

// handleKioskSend records the rating (POST /danh-gia/{unit}/gui) and thanks the
// citizen; the page then goes back to the scan step by itself.
func (s *Server) handleKioskSend(w http.ResponseWriter, r *http.Request) {
	u, ok := s.kioskUnit(w, r)
	if !ok {
		return
	}
	code, key := kioskInput(r)
	in := kit.RatingForm(r)
	if _, err := s.App.RateAtKiosk(r.Context(), u.Code, code, key, in); err != nil {
		e := s.Public(r, err)
		if e.Code == fault.Invalid {
			s.kioskPage(w, r, http.StatusUnprocessableEntity, u, "confirm", map[string]any{"Code": code, "Key": key,
				"Level": in.Level, "Message": e.Message})
			return
		}
		s.kioskError(w, r, u, err)
		return
	}
	s.kioskPage(w, r, http.StatusOK, u, "done", map[string]any{"Level": in.Level})
}
