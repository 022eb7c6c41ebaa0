package desk

import (
	"encoding/json"
	"mime"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"motcua/internal/app"
	"motcua/internal/fault"
	"motcua/internal/web/kit"
)

// yearParam reads nam= (the competition year), defaulting to the last finished year.
func (s *Server) yearParam(r *http.Request, v url.Values) (int, error) {
	y := strings.TrimSpace(v.Get("nam"))
	if y == "" {
		return s.App.CompetitionYear(), nil
	}
	n, err := strconv.Atoi(y)
	if err != nil {
		return 0, fault.WithFields("Năm không hợp lệ.", map[string]string{"nam": "Nhập năm, ví dụ 2025."})
	}
	return n, nil
}

// handleScorecard shows a unit's competition scorecard (GET /thi-dua?don-vi=&nam=):
// the unit's leader enters self-scores and evidence, the parent unit's leader or
// inspector the appraised scores.
func (s *Server) handleScorecard(w http.ResponseWriter, r *http.Request) {
	u, _ := kit.CurrentUser(r)
	q := r.URL.Query()
	year, err := s.yearParam(r, q)
	if err != nil {
		s.PageError(w, r, err)
		return
	}
	unit := q.Get("don-vi")
	if unit == "" {
		unit = u.UnitCode
	}
	card, err := s.App.Scorecard(r.Context(), u, unit, year)
	if err != nil {
		s.PageError(w, r, err)
		return
	}
	s.Render(w, r, http.StatusOK, "scorecard.html", map[string]any{
		"Title": "Chấm điểm Chỉ số CCHC năm " + strconv.Itoa(year), "C": card, "Message": q.Get("ok"),
	})
}

// handleScore saves a self-score or an appraisal (POST /thi-dua/diem) and goes back to
// the scorecard.
func (s *Server) handleScore(w http.ResponseWriter, r *http.Request) {
	u, _ := kit.CurrentUser(r)
	if err := kit.ParseForm(r); err != nil {
		s.PageError(w, r, err)
		return
	}
	year, err := s.yearParam(r, r.PostForm)
	if err != nil {
		s.PageError(w, r, err)
		return
	}
	in := app.ScoreInput{Unit: r.PostFormValue("don-vi"), Criterion: r.PostFormValue("tieu-chi"),
		Points: r.PostFormValue("diem"), Note: r.PostFormValue("ghi-chu"), Year: year}
	if r.PostFormValue("loai") == "tham-dinh" {
		err = s.App.Appraise(r.Context(), u, in, s.Origin(r))
	} else {
		err = s.App.SelfScore(r.Context(), u, in, s.Origin(r))
	}
	if err != nil {
		s.PageError(w, r, err)
		return
	}
	http.Redirect(w, r, "/thi-dua?"+url.Values{"don-vi": {in.Unit}, "nam": {strconv.Itoa(year)}, "ok": {"Đã lưu điểm tiêu chí " + in.Criterion + "."}}.Encode()+"#tc-"+in.Criterion, http.StatusSeeOther)
}

// handleEvidenceUpload stores evidence files of a criterion (POST /thi-dua/minh-chung).
func (s *Server) handleEvidenceUpload(w http.ResponseWriter, r *http.Request) {
	u, _ := kit.CurrentUser(r)
	ups, err := kit.Uploads(r, "tep")
	if err != nil {
		s.PageError(w, r, err)
		return
	}
	year, err := s.yearParam(r, r.PostForm)
	if err != nil {
		s.PageError(w, r, err)
		return
	}
	in := app.ScoreInput{Unit: r.PostFormValue("don-vi"), Criterion: r.PostFormValue("tieu-chi"), Year: year}
	if _, err := s.App.AddEvidence(r.Context(), u, in, ups, s.Origin(r)); err != nil {
		s.PageError(w, r, err)
		return
	}
	http.Redirect(w, r, "/thi-dua?"+url.Values{"don-vi": {in.Unit}, "nam": {strconv.Itoa(year)}, "ok": {"Đã lưu tệp minh chứng."}}.Encode(), http.StatusSeeOther)
}

// handleEvidence downloads an evidence file (GET /thi-dua/minh-chung/{id}).
func (s *Server) handleEvidence(w http.ResponseWriter, r *http.Request) {
	u, _ := kit.CurrentUser(r)
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil {
		s.PageError(w, r, fault.New(fault.NotFound, "Không tìm thấy tệp minh chứng."))
		return
	}
	e, f, err := s.App.Evidence(r.Context(), u, id)
	if err != nil {
		s.PageError(w, r, err)
		return
	}
	defer f.Close()
	h := w.Header()
	h.Set("Content-Type", e.ContentType)
	h.Set("Content-Disposition", mime.FormatMediaType("attachment", map[string]string{"filename": e.FileName}))
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Cache-Control", "private, no-store")
	http.ServeContent(w, r, "", e.CreatedAt, f)
}

// handleCompetitionRanking shows the final ranking of the units below a parent (GET
// /thi-dua/xep-hang?cap-tren=&nam=); without a parent, the officer's unit among its siblings.
func (s *Server) handleCompetitionRanking(w http.ResponseWriter, r *http.Request) {
	u, _ := kit.CurrentUser(r)
	q := r.URL.Query()
	year, err := s.yearParam(r, q)
	if err != nil {
		s.PageError(w, r, err)
		return
	}
	rk, err := s.App.CompetitionRanking(r.Context(), u, q.Get("cap-tren"), year)
	if err != nil {
		s.PageError(w, r, err)
		return
	}
	s.Render(w, r, http.StatusOK, "competition_ranking.html", map[string]any{
		"Title": "Xếp hạng Chỉ số CCHC năm " + strconv.Itoa(year), "R": rk,
	})
}

// handleSchemeForm shows the year's criteria as JSON for administrators to edit (GET
// /thi-dua/tieu-chi?nam=).
func (s *Server) handleSchemeForm(w http.ResponseWriter, r *http.Request) {
	year, err := s.yearParam(r, r.URL.Query())
	if err != nil {
		s.PageError(w, r, err)
		return
	}
	sc, err := s.App.Scheme(r.Context(), year)
	if err != nil {
		s.PageError(w, r, err)
		return
	}
	doc, _ := json.MarshalIndent(sc, "", "  ")
	s.Render(w, r, http.StatusOK, "scorecard_scheme.html", map[string]any{"Title": "Bộ tiêu chí Chỉ số CCHC", "Year": year, "Doc": string(doc), "Scheme": sc})
}

// handleSchemeSave saves the year's criteria (POST /thi-dua/tieu-chi).
func (s *Server) handleSchemeSave(w http.ResponseWriter, r *http.Request) {
	u, _ := kit.CurrentUser(r)
	if err := kit.ParseForm(r); err != nil {
		s.PageError(w, r, err)
		return
	}
	year, err := s.yearParam(r, r.PostForm)
	if err != nil {
		s.PageError(w, r, err)
		return
	}
	doc := r.PostFormValue("doc")
	sc, err := s.App.SaveScheme(r.Context(), u, year, doc, s.Origin(r))
	if err != nil {
		st := fault.As(err)
		s.Render(w, r, kit.Status(fault.CodeOf(err)), "scorecard_scheme.html", map[string]any{"Title": "Bộ tiêu chí Chỉ số CCHC", "Year": year, "Doc": doc, "Error": st})
		return
	}
	http.Redirect(w, r, "/thi-dua/tieu-chi?nam="+strconv.Itoa(sc.Year), http.StatusSeeOther)
}
