package api

import (
	"errors"
	"fmt"
	"net/http"
	"strconv"
	"strings"

	"motcua/internal/app"
	"motcua/internal/calendar"
	"motcua/internal/fault"
	"motcua/internal/web/kit"
)

// apiDossierForm prints a form of a dossier (GET /api/v1/dossiers/{code}/forms/{form}.pdf).
func (s *Server) apiDossierForm(w http.ResponseWriter, r *http.Request) {
	name, ok := strings.CutSuffix(r.PathValue("file"), ".pdf")
	kind, known := app.FormKind(name)
	if !ok || !known {
		s.APIError(w, r, fault.New(fault.NotFound, "Không có biểu mẫu này. Các biểu mẫu: receipt, supplement, refusal, apology, stop, control."))
		return
	}
	f, err := s.App.DossierForm(r.Context(), s.Viewer(r), r.PathValue("code"), kind, s.Origin(r))
	if err != nil {
		s.APIError(w, r, err)
		return
	}
	kit.WritePDF(w, f.Name, f.PDF)
}

// apiUnitBook prints the dossier book of a unit (GET /api/v1/units/{code}/book.pdf?from=&to=,
// dates YYYY-MM-DD in UTC+7, both included; the current month by default).
func (s *Server) apiUnitBook(w http.ResponseWriter, r *http.Request) {
	today := calendar.DateOf(s.Now())
	from, to := calendar.NewDate(today.Year, today.Month, 1), today
	bad := map[string]string{}
	for name, dst := range map[string]*calendar.Date{"from": &from, "to": &to} {
		if v := r.URL.Query().Get(name); v != "" {
			d, err := calendar.ParseDate(v)
			if err != nil {
				bad[name] = "Ngày phải có dạng YYYY-MM-DD."
				continue
			}
			*dst = d
		}
	}
	if len(bad) > 0 {
		s.APIError(w, r, fault.WithFields("Kỳ theo dõi không hợp lệ.", bad))
		return
	}
	volume := 1
	if v := r.URL.Query().Get("volume"); v == "all" {
		volume = app.BookWhole
	} else if v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 1 {
			s.APIError(w, r, fault.WithFields("Số quyển không hợp lệ.", map[string]string{"volume": "Số quyển là số nguyên từ 1, hoặc all (cả kỳ trong một tệp)."}))
			return
		}
		volume = n
	}
	u, _ := kit.CurrentUser(r)
	code := r.PathValue("code")
	f, err := s.App.UnitBookVolume(r.Context(), u, code, from, to, volume, s.Origin(r))
	if big := new(app.BookTooLarge); errors.As(err, &big) {
		// The whole period asked for in one file is too large for a request: the answer
		// says how to have it made in the background, or to take it a volume at a time.
		w.Header().Set("X-Motcua-Book-Volumes", strconv.Itoa(big.Volumes))
		w.Header().Set("Link", `</api/v1/exports>; rel="export"`)
		s.APIError(w, r, bookExportHint(err, big, code, from, to))
		return
	}
	if err != nil {
		s.APIError(w, r, err)
		return
	}
	// A period with more dossiers than a volume holds is printed in several files: the
	// headers say which one this is and how many there are (?volume=N for the others),
	// and where an export job makes them all at once.
	w.Header().Set("X-Motcua-Book-Volume", strconv.Itoa(f.Volume))
	w.Header().Set("X-Motcua-Book-Volumes", strconv.Itoa(f.Volumes))
	if f.Volumes > 1 {
		w.Header().Set("Link", `</api/v1/exports>; rel="export"`)
	}
	kit.WritePDF(w, f.Name, f.PDF)
}

// bookExportHint is the refusal of a whole book too large for a request (413), its
// message completed with how to have it made by an export job through the API, or read a
// volume at a time.
func bookExportHint(err error, big *app.BookTooLarge, code string, from, to calendar.Date) error {
	var e *fault.Error
	if !errors.As(err, &e) {
		return err
	}
	return fault.New(e.Code, fmt.Sprintf("%s Tạo tệp trong nền: POST /api/v1/exports với "+
		`{"kind":"book","params":{"unit":%q,"from":%q,"to":%q}}`+
		" (trả lời 202 kèm mã công việc), theo dõi tiến độ ở GET /api/v1/exports/{id} và tải tệp ZIP ở GET /api/v1/exports/{id}/file khi xong; "+
		"hoặc tải từng quyển với ?volume=1 đến ?volume=%d.", e.Message, code, from.String(), to.String(), big.Volumes))
}
