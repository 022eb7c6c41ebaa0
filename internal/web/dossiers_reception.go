package web

import (
	"bytes"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"motcua/internal/catalog"
	"motcua/internal/dossier"
	"motcua/internal/fault"
	"motcua/internal/pdf"
	"motcua/internal/store"
)

// The outcomes of the counter reception form: the three buttons.
const (
	outcomeReceive    = "receive"    // Tiếp nhận
	outcomeIncomplete = "incomplete" // Hồ sơ chưa đầy đủ: print the supplement request
	outcomeRefuse     = "refuse"     // Không thuộc thẩm quyền: print the refusal
)

// receptionDoc is one required document as a checkbox with its counts.
type receptionDoc struct {
	Index                        int
	Name                         string
	Checked                      bool
	Originals, Certified, Copies int
}

// receptionForm is what the reception page shows and posts back.
type receptionForm struct {
	ProcedureCode string
	Applicant     dossier.Applicant
	Sets          int
	Docs          []receptionDoc
	Reason        string
	CompetentBody string
}

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
	u, _ := currentUser(r)
	list, _, err := s.store.SearchProcedures(r.Context(), store.ProcedureQuery{Unit: u.UnitCode, Limit: store.MaxLimit})
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	s.render(w, r, st, "reception.html", map[string]any{
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
	proc, err := s.store.Procedure(r.Context(), code)
	if err != nil {
		if fault.Is(err, fault.NotFound) {
			s.renderReception(w, r, http.StatusNotFound, nil, receptionForm{}, "Không tìm thấy thủ tục có mã này.", nil)
			return
		}
		s.pageError(w, r, err)
		return
	}
	s.renderReception(w, r, http.StatusOK, &proc, blankReception(proc), "", nil)
}

// handleReceptionSave handles the three buttons of the reception form (POST /tiep-nhan).
func (s *Server) handleReceptionSave(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	proc, err := s.store.Procedure(ctx, strings.TrimSpace(r.PostFormValue("procedure_code")))
	if err != nil {
		if fault.Is(err, fault.NotFound) {
			s.renderReception(w, r, http.StatusBadRequest, nil, receptionForm{}, "Cần chọn thủ tục hành chính.", nil)
			return
		}
		s.pageError(w, r, err)
		return
	}
	rf := receptionFromRequest(r, proc)
	fail := func(err error) {
		e := s.public(r, err)
		if e.Code == fault.Internal {
			s.pageError(w, r, err)
			return
		}
		fields := map[string]string{}
		for k, v := range e.Fields {
			fields[strings.TrimPrefix(k, "applicant.")] = v
		}
		s.renderReception(w, r, status(e.Code), &proc, rf, e.Message, fields)
	}
	switch r.PostFormValue("outcome") {
	case outcomeReceive:
		u, _ := currentUser(r)
		in := dossierInput{ProcedureCode: proc.Code, Channel: string(dossier.ChannelCounter), Applicant: rf.Applicant, Sets: rf.Sets}
		for _, d := range rf.Docs {
			if d.Checked {
				in.Documents = append(in.Documents, store.DossierDocument{Name: d.Name, Originals: d.Originals, Certified: d.Certified, Copies: d.Copies})
			}
		}
		n, err := s.newDossier(ctx, u, in)
		if err != nil {
			fail(err)
			return
		}
		d, err := s.store.CreateDossier(store.WithAudit(ctx, store.AuditEntry{Actor: u.Username, UnitCode: u.UnitCode,
			Action: "dossier.receive", Detail: n.ProcedureCode, IP: clientIP(r), RequestID: requestID(r)}), n)
		if err != nil {
			fail(err)
			return
		}
		http.Redirect(w, r, "/ho-so/"+url.PathEscape(d.Record.Code)+"?moi=1", http.StatusSeeOther)
	case outcomeIncomplete, outcomeRefuse:
		var buf bytes.Buffer
		if err := s.writeReceptionForm(r, &buf, proc, rf, r.PostFormValue("outcome")); err != nil {
			fail(err)
			return
		}
		name := "phieu-yeu-cau-bo-sung.pdf"
		if r.PostFormValue("outcome") == outcomeRefuse {
			name = "phieu-tu-choi.pdf"
		}
		writePDF(w, name, &buf)
	default:
		fail(fault.New(fault.Invalid, "Cần chọn một trong các nút: Tiếp nhận, Hồ sơ chưa đầy đủ, Không thuộc thẩm quyền."))
	}
}

// writeReceptionForm prints the supplement request (the documents not ticked) or the
// refusal naming the competent body, for a dossier that is not created.
func (s *Server) writeReceptionForm(r *http.Request, buf *bytes.Buffer, proc catalog.Procedure, rf receptionForm, outcome string) error {
	a := rf.Applicant.Trimmed()
	if f := a.Valid(); f != nil {
		return fault.WithFields("Thông tin người nộp hồ sơ chưa hợp lệ.", f)
	}
	u, _ := currentUser(r)
	unit, err := s.pdfUnit(r.Context(), r, u.UnitCode)
	if err != nil {
		return err
	}
	now := s.now()
	pd := pdf.Dossier{Code: "Chưa cấp mã", ProcedureName: proc.Name, ReceivedAt: now, Sets: max(rf.Sets, 1),
		Applicant: pdf.Applicant{Name: a.FullName, Address: a.Address, Phone: a.Phone, Email: a.Email},
		Officer:   u.FullName, DeadlineDays: proc.DeadlineDays, DeadlineCalendarDays: proc.DeadlineMode == catalog.DeadlineCalendar}
	var missing []pdf.Doc
	for _, d := range rf.Docs {
		if d.Checked {
			pd.Documents = append(pd.Documents, pdf.Doc{Name: d.Name, Originals: d.Originals, Certified: d.Certified, Copies: d.Copies})
		} else {
			missing = append(missing, pdf.Doc{Name: d.Name, Originals: d.Originals, Certified: d.Certified, Copies: d.Copies})
		}
	}
	if outcome == outcomeRefuse {
		if rf.CompetentBody == "" {
			return fault.WithFields("Cần nêu cơ quan có thẩm quyền giải quyết.",
				map[string]string{"competent_body": "Nhập tên cơ quan có thẩm quyền giải quyết hồ sơ."})
		}
		reason := rf.Reason
		if reason == "" {
			reason = "Hồ sơ không thuộc thẩm quyền giải quyết của " + unit.Name + "."
		}
		return pdf.WriteRefusal(buf, pdf.Refusal{Unit: unit, Dossier: pd, Date: now, Reason: reason, CompetentBody: rf.CompetentBody})
	}
	if len(missing) == 0 {
		if rf.Reason == "" {
			return fault.WithFields("Cần nêu nội dung phải bổ sung.",
				map[string]string{"reason": "Bỏ chọn giấy tờ còn thiếu hoặc ghi nội dung cần bổ sung, hoàn thiện."})
		}
		missing = []pdf.Doc{{Name: rf.Reason}}
	}
	contact := deskName + " – " + unit.Name
	if unit.Hotline != "" {
		contact += ", điện thoại " + unit.Hotline
	}
	return pdf.WriteSupplement(buf, pdf.Supplement{Unit: unit, Dossier: pd, Date: now, Items: missing,
		Reason: rf.Reason, Contact: contact})
}
