package web

import (
	"bytes"
	"context"
	"net/http"
	"net/url"
	"strings"
	"time"

	"motcua/internal/calendar"
	"motcua/internal/dossier"
	"motcua/internal/fault"
	"motcua/internal/pdf"
	"motcua/internal/store"
)

// deskName is the one-stop desk printed on the forms.
const deskName = "Bộ phận Một cửa"

// lookupURL is the absolute address of the public lookup page of a dossier, for the QR
// code of the receipt.
func (s *Server) lookupURL(r *http.Request, code, key string) string {
	return s.baseURL(r) + "/tra-cuu/" + url.PathEscape(code) + "?key=" + url.QueryEscape(key)
}

// pdfUnit describes a unit as the forms print it, with its parent as the governing body.
func (s *Server) pdfUnit(ctx context.Context, r *http.Request, code string) (pdf.Unit, error) {
	u, err := s.store.Unit(ctx, code)
	if err != nil {
		return pdf.Unit{}, err
	}
	out := pdf.Unit{Name: u.Name, DeskName: deskName, Place: placeName(u.Name),
		Address: u.Address, Hotline: u.Hotline, Email: u.Email, FeedbackURL: s.baseURL(r) + "/"}
	if u.ParentCode != "" {
		if p, err := s.store.Unit(ctx, u.ParentCode); err == nil {
			out.Parent = p.Name
		}
	}
	return out, nil
}

// placeName is the địa danh of a unit: its name without the kind of body ("UBND thị trấn
// Tân Hòa" → "Tân Hòa").
func placeName(name string) string {
	for _, prefix := range []string{"UBND ", "Ủy ban nhân dân "} {
		name = strings.TrimPrefix(name, prefix)
	}
	for _, kind := range []string{"thị trấn ", "xã ", "phường ", "đặc khu ", "tỉnh ", "thành phố ", "huyện ", "quận ", "thị xã "} {
		if rest, ok := strings.CutPrefix(name, kind); ok {
			return rest
		}
	}
	return name
}

// officerName is the full name of an account, or the username when unknown.
func (s *Server) officerName(ctx context.Context, username string) string {
	if u, err := s.store.User(ctx, username); err == nil {
		return u.FullName
	}
	return username
}

// pdfDossier maps a stored dossier to what the forms print.
func (s *Server) pdfDossier(r *http.Request, d store.StoredDossier, unitName string) pdf.Dossier {
	rec, st := d.Record, d.State
	docs := make([]pdf.Doc, 0, len(rec.Documents))
	for _, doc := range rec.Documents {
		docs = append(docs, pdf.Doc{Name: doc.Name, Originals: doc.Originals, Certified: doc.Certified, Copies: doc.Copies})
	}
	received := st.ReceivedAt
	if received.IsZero() {
		received = st.SubmittedAt
	}
	return pdf.Dossier{
		Code: rec.Code, ProcedureName: rec.ProcedureName,
		Applicant: pdf.Applicant{Name: rec.Applicant.FullName, Address: rec.Applicant.Address,
			Phone: rec.Applicant.Phone, Email: rec.Applicant.Email},
		Documents: docs, Sets: rec.Sets,
		DeadlineDays: d.Dossier.Deadline.Days, DeadlineCalendarDays: d.Dossier.Deadline.CalendarDays,
		ReceivedAt: received, DueAt: st.DueAt, ResultAt: deskName + " – " + unitName,
		Officer:   s.officerName(r.Context(), rec.CreatedBy),
		LookupURL: s.lookupURL(r, rec.Code, rec.LookupKey), LookupKey: rec.LookupKey, Fee: rec.FeeVND,
	}
}

// lastEvent returns the index of the last event with one of the actions, or -1.
func lastEvent(d dossier.Dossier, actions ...dossier.Action) int {
	for i := len(d.Events) - 1; i >= 0; i-- {
		for _, a := range actions {
			if d.Events[i].Action == a {
				return i
			}
		}
	}
	return -1
}

// noEvent is the answer for a form whose event has not happened.
func noEvent(what string) error {
	return fault.Newf(fault.Conflict, "Hồ sơ chưa có %s nên chưa thể in biểu mẫu này.", what)
}

// writeDossierForm writes the form of the kind for the dossier.
func (s *Server) writeDossierForm(r *http.Request, buf *bytes.Buffer, kind pdf.FormKind, d store.StoredDossier) error {
	ctx := r.Context()
	unit, err := s.pdfUnit(ctx, r, d.Record.UnitCode)
	if err != nil {
		return err
	}
	pd := s.pdfDossier(r, d, unit.Name)
	contact := deskName + " – " + unit.Name
	if unit.Hotline != "" {
		contact += ", điện thoại " + unit.Hotline
	}
	switch kind {
	case pdf.FormReceipt:
		return pdf.WriteReceipt(buf, pdf.Receipt{Unit: unit, Dossier: pd})
	case pdf.FormSupplement:
		i := lastEvent(d.Dossier, dossier.ActionRequestSupplement)
		if i < 0 {
			return noEvent("yêu cầu bổ sung")
		}
		e := d.Dossier.Events[i]
		item := e.Note
		if item == "" {
			item = "Theo hướng dẫn của cán bộ tiếp nhận"
		}
		return pdf.WriteSupplement(buf, pdf.Supplement{Unit: unit, Dossier: pd, Date: e.At,
			Items: []pdf.Doc{{Name: item}}, Reason: e.Reason, Contact: contact})
	case pdf.FormRefusal:
		i := lastEvent(d.Dossier, dossier.ActionRefuse)
		if i < 0 {
			return noEvent("quyết định từ chối")
		}
		e := d.Dossier.Events[i]
		return pdf.WriteRefusal(buf, pdf.Refusal{Unit: unit, Dossier: pd, Date: e.At, Reason: e.Reason})
	case pdf.FormApology:
		i := lastEvent(d.Dossier, dossier.ActionExtend)
		if i < 0 {
			return noEvent("phiếu xin lỗi và hẹn lại ngày trả kết quả")
		}
		e := d.Dossier.Events[i]
		before := d.Dossier
		before.Events = d.Dossier.Events[:i]
		cal, err := s.store.UnitCalendar(ctx, d.Record.UnitCode)
		if err != nil {
			return err
		}
		prev, err := dossier.Project(before, cal)
		if err != nil {
			return err
		}
		return pdf.WriteApology(buf, pdf.Apology{Unit: unit, Dossier: pd, Date: e.At, PreviousDue: prev.DueAt,
			NewDue: e.NewDue, Reason: e.Reason, SignerTitle: "Thủ trưởng cơ quan", Signer: s.officerName(ctx, e.Actor)})
	case pdf.FormStop:
		i := lastEvent(d.Dossier, dossier.ActionRefuse, dossier.ActionWithdraw)
		if i < 0 {
			return noEvent("quyết định dừng giải quyết")
		}
		e := d.Dossier.Events[i]
		reason := e.Reason
		if reason == "" {
			reason = "Người nộp hồ sơ đề nghị rút hồ sơ."
		}
		return pdf.WriteStop(buf, pdf.Stop{Unit: unit, Dossier: pd, Date: e.At, Reason: reason,
			SignerTitle: "Thủ trưởng cơ quan", Signer: s.officerName(ctx, e.Actor)})
	case pdf.FormControl:
		cal, err := s.store.UnitCalendar(ctx, d.Record.UnitCode)
		if err != nil {
			return err
		}
		rows, err := dossier.StepResults(d.Dossier, d.State, cal)
		if err != nil {
			return err
		}
		return pdf.WriteControl(buf, pdf.Control{Unit: unit, Dossier: pd, Handovers: handovers(rows)})
	}
	return fault.Newf(fault.NotFound, "Không có biểu mẫu “%s”.", kind)
}

// handovers turns the passages through the steps into the rows of the control sheet.
func handovers(rows []dossier.StepResult) []pdf.Handover {
	out := make([]pdf.Handover, 0, len(rows))
	from := "Người nộp hồ sơ"
	for _, r := range rows {
		h := pdf.Handover{From: from, To: r.Name, At: r.Start, Due: r.Due, Done: r.End, Note: r.To}
		switch r.Result {
		case dossier.Early:
			h.Result = pdf.ResultEarly
		case dossier.OnTime:
			h.Result = pdf.ResultOnTime
		case dossier.Late:
			h.Result = pdf.ResultLate
		}
		out = append(out, h)
		from = r.Name
	}
	return out
}

// formKind returns the dossier form served as /forms/{name}.pdf.
func formKind(name string) (pdf.FormKind, bool) {
	switch k := pdf.FormKind(name); k {
	case pdf.FormReceipt, pdf.FormSupplement, pdf.FormRefusal, pdf.FormApology, pdf.FormStop, pdf.FormControl:
		return k, true
	}
	return "", false
}

// writePDF sends a finished PDF.
func writePDF(w http.ResponseWriter, name string, buf *bytes.Buffer) {
	h := w.Header()
	h.Set("Content-Type", "application/pdf")
	h.Set("Content-Disposition", `inline; filename="`+name+`"`)
	h.Set("Cache-Control", "private, no-store")
	w.WriteHeader(http.StatusOK)
	buf.WriteTo(w)
}

// apiDossierForm prints a form of a dossier (GET /api/v1/dossiers/{code}/forms/{form}.pdf).
func (s *Server) apiDossierForm(w http.ResponseWriter, r *http.Request) {
	name, ok := strings.CutSuffix(r.PathValue("file"), ".pdf")
	kind, known := formKind(name)
	if !ok || !known {
		s.apiError(w, r, fault.New(fault.NotFound, "Không có biểu mẫu này. Các biểu mẫu: receipt, supplement, refusal, apology, stop, control."))
		return
	}
	d, _, err := s.officerDossier(r, r.PathValue("code"))
	if err != nil {
		s.apiError(w, r, err)
		return
	}
	var buf bytes.Buffer
	if err := s.writeDossierForm(r, &buf, kind, d); err != nil {
		s.apiError(w, r, err)
		return
	}
	writePDF(w, d.Record.Code+"-"+name+".pdf", &buf)
}

// apiUnitBook prints the dossier book of a unit (GET /api/v1/units/{code}/book.pdf?from=&to=,
// dates YYYY-MM-DD in UTC+7, both included; the current month by default).
func (s *Server) apiUnitBook(w http.ResponseWriter, r *http.Request) {
	code := r.PathValue("code")
	u, _ := currentUser(r)
	if ok, err := s.canSeeUnit(r.Context(), u, code); err != nil || !ok {
		if err == nil {
			err = fault.New(fault.Forbidden, "Bạn không có quyền xem sổ theo dõi hồ sơ của đơn vị này.")
		}
		s.apiError(w, r, err)
		return
	}
	today := calendar.DateOf(s.now())
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
	if len(bad) == 0 && to.Before(from) {
		bad["to"] = "Ngày kết thúc phải sau ngày bắt đầu."
	}
	if len(bad) > 0 {
		s.apiError(w, r, fault.WithFields("Kỳ theo dõi không hợp lệ.", bad))
		return
	}
	unit, err := s.pdfUnit(r.Context(), r, code)
	if err != nil {
		s.apiError(w, r, err)
		return
	}
	end := to.AddDays(1).Start()
	entries, err := s.store.DossierBook(r.Context(), code, from.Start(), end)
	if err != nil {
		s.apiError(w, r, err)
		return
	}
	book := pdf.Book{Unit: unit, From: from.Start(), To: end.Add(-time.Second)}
	for _, e := range entries {
		book.Rows = append(book.Rows, pdf.BookRow{Code: e.Code, ProcedureName: e.ProcedureName, Sets: e.Sets,
			ApplicantName: e.Applicant.FullName, Address: e.Applicant.Address, Phone: e.Applicant.Phone,
			ReceivedAt: e.ReceivedAt, DueAt: e.DueAt, ReturnedAt: e.ReturnedAt, Note: e.Status.Label()})
	}
	var buf bytes.Buffer
	if err := pdf.WriteBook(&buf, book); err != nil {
		s.apiError(w, r, err)
		return
	}
	writePDF(w, code+"-so-theo-doi.pdf", &buf)
}
