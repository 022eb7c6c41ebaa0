package desk

import (
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"motcua/internal/app"
	"motcua/internal/catalog"
	"motcua/internal/dossier"
	"motcua/internal/fault"
	"motcua/internal/store"
	"motcua/internal/web/kit"
)

// The outcomes of the counter reception form: the three buttons.
const (
	outcomeReceive    = "receive"    // Tiếp nhận
	outcomeIncomplete = "incomplete" // Hồ sơ chưa đầy đủ: print the supplement request
	outcomeRefuse     = "refuse"     // Không thuộc thẩm quyền: print the refusal
)

// receptionDoc and receptionForm are what the counter page shows and posts back.
type (
	receptionDoc  = app.ReceptionDoc
	receptionForm = app.ReceptionInput
)

// receptionFromRequest reads the posted form against the procedure's documents.
func receptionFromRequest(r *http.Request, proc catalog.Procedure) receptionForm {
	f := func(k string) string { return strings.TrimSpace(r.PostFormValue(k)) }
	n := func(k string) int { v, _ := strconv.Atoi(f(k)); return v }
	rf := receptionForm{ProcedureCode: proc.Code, Sets: n("sets"), Reason: f("reason"), CompetentBody: f("competent_body"),
		Applicant: dossier.Applicant{FullName: f("full_name"), IDNumber: f("id_number"), Phone: f("phone"),
			Email: f("email"), Address: f("address")}}
	for i, d := range proc.Documents {
		p := "doc" + strconv.Itoa(i) + "_"
		rf.Docs = append(rf.Docs, receptionDoc{Index: i, Name: d.Name, Checked: r.PostFormValue(p+"ok") != "",
			Originals: n(p + "originals"), Certified: n(p + "certified"), Copies: n(p + "copies")})
	}
	return rf
}

// blankReception is the form for a procedure before anything is typed.
func blankReception(proc catalog.Procedure) receptionForm {
	rf := receptionForm{ProcedureCode: proc.Code, Sets: 1}
	for i, d := range proc.Documents {
		rf.Docs = append(rf.Docs, receptionDoc{Index: i, Name: d.Name, Originals: d.Originals, Certified: d.Certified, Copies: d.Copies})
	}
	return rf
}

// renderReception shows the counter reception page.
func (s *Server) renderReception(w http.ResponseWriter, r *http.Request, st int, proc *catalog.Procedure, rf receptionForm, msg string, errs map[string]string) {
	u, _ := kit.CurrentUser(r)
	list, _, err := s.Store.SearchProcedures(r.Context(), store.ProcedureQuery{Unit: u.UnitCode, Limit: store.MaxLimit})
	if err != nil {
		s.PageError(w, r, err)
		return
	}
	s.Render(w, r, st, "reception.html", map[string]any{
		"Title": "Tiếp nhận hồ sơ tại quầy", "Procedures": list, "Procedure": proc, "Form": rf,
		"Message": msg, "Errors": errs,
	})
}

// handleReceptionForm shows the reception page; ?procedure=CODE opens the form of a
// procedure (GET /tiep-nhan).
func (s *Server) handleReceptionForm(w http.ResponseWriter, r *http.Request) {
	code := strings.TrimSpace(r.URL.Query().Get("procedure"))
	if i := strings.Index(code, " "); i > 0 {
		code = code[:i] // "1.001193 – Đăng ký khai sinh" from the search box
	}
	if code == "" {
		s.renderReception(w, r, http.StatusOK, nil, receptionForm{}, "", nil)
		return
	}
	proc, err := s.Store.Procedure(r.Context(), code)
	if err != nil {
		if fault.Is(err, fault.NotFound) {
			s.renderReception(w, r, http.StatusNotFound, nil, receptionForm{}, "Không tìm thấy thủ tục có mã này.", nil)
			return
		}
		s.PageError(w, r, err)
		return
	}
	s.renderReception(w, r, http.StatusOK, &proc, blankReception(proc), "", nil)
}

// handleReceptionSave handles the three buttons of the reception form (POST /tiep-nhan).
func (s *Server) handleReceptionSave(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	proc, err := s.Store.Procedure(ctx, strings.TrimSpace(r.PostFormValue("procedure_code")))
	if err != nil {
		if fault.Is(err, fault.NotFound) {
			s.renderReception(w, r, http.StatusBadRequest, nil, receptionForm{}, "Cần chọn thủ tục hành chính.", nil)
			return
		}
		s.PageError(w, r, err)
		return
	}
	rf := receptionFromRequest(r, proc)
	fail := func(err error) {
		e := s.Public(r, err)
		if e.Code == fault.Internal {
			s.PageError(w, r, err)
			return
		}
		fields := map[string]string{}
		for k, v := range e.Fields {
			fields[strings.TrimPrefix(k, "applicant.")] = v
		}
		s.renderReception(w, r, kit.Status(e.Code), &proc, rf, e.Message, fields)
	}
	u, _ := kit.CurrentUser(r)
	switch outcome := r.PostFormValue("outcome"); outcome {
	case outcomeReceive:
		d, err := s.App.CounterReceive(ctx, u, rf, s.Origin(r))
		if err != nil {
			fail(err)
			return
		}
		http.Redirect(w, r, "/ho-so/"+url.PathEscape(d.Record.Code)+"?moi=1", http.StatusSeeOther)
	case outcomeIncomplete, outcomeRefuse:
		f, err := s.App.CounterSlip(ctx, u, proc, rf, outcome == outcomeRefuse, s.Origin(r))
		if err != nil {
			fail(err)
			return
		}
		kit.WritePDF(w, f.Name, f.PDF)
	default:
		fail(fault.New(fault.Invalid, "Cần chọn một trong các nút: Tiếp nhận, Hồ sơ chưa đầy đủ, Không thuộc thẩm quyền."))
	}
}
