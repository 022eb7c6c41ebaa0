package app

import (
	"bytes"
	"context"
	"net/url"
	"strings"
	"time"

	"motcua/internal/calendar"
	"motcua/internal/catalog"
	"motcua/internal/dossier"
	"motcua/internal/fault"
	"motcua/internal/org"
	"motcua/internal/pdf"
	"motcua/internal/store"
)

// Form is a printed form: its file name and its PDF bytes.
type Form struct {
	Name string
	PDF  *bytes.Buffer
}

// FormKind returns the dossier form served as {name}.pdf, and false for an unknown name.
func FormKind(name string) (pdf.FormKind, bool) {
	switch k := pdf.FormKind(name); k {
	case pdf.FormReceipt, pdf.FormSupplement, pdf.FormRefusal, pdf.FormApology, pdf.FormStop, pdf.FormControl:
		return k, true
	}
	return "", false
}

// DossierForm prints a form of a dossier (in biểu mẫu) for the viewer: an officer who may
// see the dossier gets every form; the applicant gets the forms issued to them (not the
// process control sheet, an internal record). o.BaseURL is the address in the QR code.
func (a *App) DossierForm(ctx context.Context, v Viewer, code string, kind pdf.FormKind, o Origin) (Form, error) {
	var d store.StoredDossier
	var err error
	switch {
	case v.Officer != nil:
		d, _, err = a.OfficerDossier(ctx, *v.Officer, code)
	case v.Citizen != nil && kind != pdf.FormControl:
		d, err = a.CitizenDossier(ctx, *v.Citizen, code)
	default:
		err = fault.New(fault.NotFound, "Không có biểu mẫu này.")
	}
	if err != nil {
		return Form{}, err
	}
	var buf bytes.Buffer
	if err := a.writeDossierForm(ctx, &buf, kind, d, o); err != nil {
		return Form{}, err
	}
	return Form{Name: d.Record.Code + "-" + string(kind) + ".pdf", PDF: &buf}, nil
}

// pdfUnit describes a unit as the forms print it on a form dated at (the receipt of the
// dossier): its parent as the governing body and its desk's name (org.Unit.Desk).
func (a *App) pdfUnit(ctx context.Context, code string, at time.Time, o Origin) (pdf.Unit, error) {
	u, err := a.store.Unit(ctx, code)
	if err != nil {
		return pdf.Unit{}, err
	}
	out := pdf.Unit{Name: u.Name, DeskName: u.Desk(at), Place: placeName(u.Name),
		Address: u.Address, Hotline: u.Hotline, Email: u.Email, FeedbackURL: o.BaseURL + "/"}
	if u.ParentCode != "" {
		if p, err := a.store.Unit(ctx, u.ParentCode); err == nil {
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

// OfficerName is the full name of an account, or the username when unknown.
func (a *App) OfficerName(ctx context.Context, username string) string {
	if u, err := a.store.User(ctx, username); err == nil {
		return u.FullName
	}
	return username
}

// personName is how a form names the actor of an event: the applicant's name for the
// applicant's own account, an officer's full name, "" for nobody.
func (a *App) personName(ctx context.Context, d store.StoredDossier, username string) string {
	switch {
	case username == "":
		return ""
	case store.IsCitizenActor(username):
		return d.Record.Applicant.FullName
	}
	return a.OfficerName(ctx, username)
}

// unitHead is the name of the head of a unit who signs its notices: the first active
// leader (lãnh đạo) of the unit by username, or "" to sign by hand.
func (a *App) unitHead(ctx context.Context, code string) string {
	users, err := a.store.Users(ctx)
	if err != nil {
		a.log.ErrorContext(ctx, "unit head lookup failed", "err", err, "unit", code)
		return "" // the form is still printed, with the name left to write by hand
	}
	best := ""
	var name string
	for _, u := range users {
		if u.UnitCode == code && u.Active && u.Has(org.Leader) && (best == "" || u.Username < best) {
			best, name = u.Username, u.FullName
		}
	}
	return name
}

// receivingOfficer is the officer who received the dossier: the actor of the receive
// (counter) or accept (online) event; for an online dossier not yet accepted, "".
func receivingOfficer(d dossier.Dossier) string {
	if i := LastEvent(d, dossier.ActionReceive, dossier.ActionAccept); i >= 0 {
		return d.Events[i].Actor
	}
	return ""
}

// LookupURL is the address of the public lookup page of a dossier under base.
func LookupURL(base, code, key string) string {
	return base + "/tra-cuu/" + url.PathEscape(code) + "?key=" + url.QueryEscape(key)
}

// pdfDossier maps a stored dossier to what the forms print.
func (a *App) pdfDossier(ctx context.Context, d store.StoredDossier, unit pdf.Unit, o Origin) pdf.Dossier {
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
		ReceivedAt: received, DueAt: st.DueAt, ResultAt: unit.DeskName + " – " + unit.Name,
		Officer:   a.personName(ctx, d, receivingOfficer(d.Dossier)),
		LookupURL: LookupURL(o.BaseURL, rec.Code, rec.LookupKey), LookupKey: rec.LookupKey, Fee: rec.FeeVND,
	}
}

// LastEvent returns the index of the last event with one of the actions, or -1.
func LastEvent(d dossier.Dossier, actions ...dossier.Action) int {
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
func (a *App) writeDossierForm(ctx context.Context, buf *bytes.Buffer, kind pdf.FormKind, d store.StoredDossier, o Origin) error {
	received := d.State.ReceivedAt
	if received.IsZero() {
		received = d.State.SubmittedAt
	}
	unit, err := a.pdfUnit(ctx, d.Record.UnitCode, received, o)
	if err != nil {
		return err
	}
	pd := a.pdfDossier(ctx, d, unit, o)
	contact := unit.DeskName + " – " + unit.Name
	if unit.Hotline != "" {
		contact += ", điện thoại " + unit.Hotline
	}
	switch kind {
	case pdf.FormReceipt:
		return pdf.WriteReceipt(buf, pdf.Receipt{Unit: unit, Dossier: pd})
	case pdf.FormSupplement:
		i := LastEvent(d.Dossier, dossier.ActionRequestSupplement)
		if i < 0 {
			return noEvent("yêu cầu bổ sung")
		}
		e := d.Dossier.Events[i]
		var items []pdf.Doc
		for _, doc := range e.Documents {
			items = append(items, pdf.Doc{Name: doc.Name, Originals: doc.Originals, Certified: doc.Certified, Copies: doc.Copies})
		}
		if len(items) == 0 {
			item := e.Note
			if item == "" {
				item = "Theo hướng dẫn của cán bộ tiếp nhận"
			}
			items = []pdf.Doc{{Name: item}}
		}
		pd.Officer = a.personName(ctx, d, e.Actor)
		return pdf.WriteSupplement(buf, pdf.Supplement{Unit: unit, Dossier: pd, Date: e.At,
			Items: items, Reason: e.Reason, Contact: contact})
	case pdf.FormRefusal:
		i := LastEvent(d.Dossier, dossier.ActionRefuse)
		if i < 0 {
			return noEvent("quyết định từ chối")
		}
		e := d.Dossier.Events[i]
		return pdf.WriteRefusal(buf, pdf.Refusal{Unit: unit, Dossier: pd, Date: e.At, Reason: e.Reason})
	case pdf.FormApology:
		i := LastEvent(d.Dossier, dossier.ActionExtend)
		if i < 0 {
			return noEvent("phiếu xin lỗi và hẹn lại ngày trả kết quả")
		}
		e := d.Dossier.Events[i]
		before := d.Dossier
		before.Events = d.Dossier.Events[:i]
		cal, err := a.store.UnitCalendar(ctx, d.Record.UnitCode)
		if err != nil {
			return err
		}
		prev, err := dossier.Project(before, cal)
		if err != nil {
			return err
		}
		return pdf.WriteApology(buf, pdf.Apology{Unit: unit, Dossier: pd, Date: e.At, PreviousDue: prev.DueAt,
			NewDue: e.NewDue, Reason: e.Reason, SignerTitle: "Thủ trưởng cơ quan", Signer: a.OfficerName(ctx, e.Actor)})
	case pdf.FormStop:
		i := LastEvent(d.Dossier, dossier.ActionRefuse, dossier.ActionWithdraw)
		if i < 0 {
			return noEvent("quyết định dừng giải quyết")
		}
		e := d.Dossier.Events[i]
		reason := e.Reason
		if reason == "" {
			reason = "Người nộp hồ sơ đề nghị rút hồ sơ."
		}
		// The notice is the unit's decision: its head signs it, not the desk officer.
		return pdf.WriteStop(buf, pdf.Stop{Unit: unit, Dossier: pd, Date: e.At, Reason: reason,
			SignerTitle: "Thủ trưởng cơ quan", Signer: a.unitHead(ctx, d.Record.UnitCode)})
	case pdf.FormControl:
		cal, err := a.store.UnitCalendar(ctx, d.Record.UnitCode)
		if err != nil {
			return err
		}
		rows, err := dossier.StepResults(d.Dossier, d.State, cal)
		if err != nil {
			return err
		}
		return pdf.WriteControl(buf, pdf.Control{Unit: unit, Dossier: pd, Handovers: a.handovers(ctx, d, rows)})
	}
	return fault.Newf(fault.NotFound, "Không có biểu mẫu “%s”.", kind)
}

// handovers turns the passages through the steps into the rows of the control sheet:
// the unit holding each step, the steps handing over and receiving, and the people who
// gave and received the dossier by their full names.
func (a *App) handovers(ctx context.Context, d store.StoredDossier, rows []dossier.StepResult) []pdf.Handover {
	out := make([]pdf.Handover, 0, len(rows))
	from := "Người nộp hồ sơ"
	units := map[string]string{}
	for _, r := range rows {
		body, ok := units[r.Unit]
		if !ok {
			body = r.Unit
			if u, err := a.store.Unit(ctx, r.Unit); err == nil {
				body = u.Name
			}
			units[r.Unit] = body
		}
		// A step is handed over by whoever finished the step before (the applicant for
		// the first) and received by the person it was assigned to, or who handled it.
		giver, receiver := a.personName(ctx, d, r.From), a.personName(ctx, d, r.To)
		if len(out) == 0 {
			giver, receiver = d.Record.Applicant.FullName, a.personName(ctx, d, r.From)
		}
		h := pdf.Handover{Body: body, From: from, To: r.Name, At: r.Start, Due: r.Due, Done: r.End,
			Giver: giver, Receiver: receiver}
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

// UnitBook prints the first volume of the dossier book (sổ theo dõi hồ sơ) of a unit for
// the civil dates from–to (both included): UnitBookVolume with volume 1.
func (a *App) UnitBook(ctx context.Context, u org.User, code string, from, to calendar.Date, o Origin) (Form, error) {
	v, err := a.UnitBookVolume(ctx, u, code, from, to, 1, o)
	return v.Form, err
}

// ReceptionDoc is one document of the counter form: ticked when handed in, with its counts.
type ReceptionDoc struct {
	Index                        int
	Name                         string
	Checked                      bool
	Originals, Certified, Copies int
}

// ReceptionInput is what the counter form posts: the procedure, the applicant, the
// documents ticked, and for a refusal the reason and the competent body.
type ReceptionInput struct {
	ProcedureCode string
	Applicant     dossier.Applicant
	Sets          int
	Docs          []ReceptionDoc
	Reason        string
	CompetentBody string
}

// CounterReceive receives the dossier of the counter form with the documents ticked.
func (a *App) CounterReceive(ctx context.Context, u org.User, in ReceptionInput, o Origin) (store.StoredDossier, error) {
	ri := ReceiveInput{ProcedureCode: in.ProcedureCode, Channel: string(dossier.ChannelCounter), Applicant: in.Applicant, Sets: in.Sets}
	for _, d := range in.Docs {
		if d.Checked {
			ri.Documents = append(ri.Documents, store.DossierDocument{Name: d.Name, Originals: d.Originals, Certified: d.Certified, Copies: d.Copies})
		}
	}
	return a.Receive(ctx, u, ri, o)
}

// CounterSlip prints, for a dossier that is not received, the supplement request (the
// documents not ticked, Mẫu 02) or, when refuse is set, the refusal naming the
// competent body (Mẫu 03). Only one-stop officers and administrators print them.
func (a *App) CounterSlip(ctx context.Context, u org.User, proc catalog.Procedure, in ReceptionInput, refuse bool, o Origin) (Form, error) {
	if err := requireRole(u, org.OneStop, org.Admin); err != nil {
		return Form{}, err
	}
	ap := in.Applicant.Trimmed()
	if f := ap.Valid(); f != nil {
		return Form{}, fault.WithFields("Thông tin người nộp hồ sơ chưa hợp lệ.", f)
	}
	now := a.now()
	unit, err := a.pdfUnit(ctx, u.UnitCode, now, o)
	if err != nil {
		return Form{}, err
	}
	pd := pdf.Dossier{Code: "Chưa cấp mã", ProcedureName: proc.Name, ReceivedAt: now, Sets: max(in.Sets, 1),
		Applicant: pdf.Applicant{Name: ap.FullName, Address: ap.Address, Phone: ap.Phone, Email: ap.Email},
		Officer:   u.FullName, DeadlineDays: proc.DeadlineDays, DeadlineCalendarDays: proc.DeadlineMode == catalog.DeadlineCalendar}
	var missing []pdf.Doc
	for _, d := range in.Docs {
		if d.Checked {
			pd.Documents = append(pd.Documents, pdf.Doc{Name: d.Name, Originals: d.Originals, Certified: d.Certified, Copies: d.Copies})
		} else {
			missing = append(missing, pdf.Doc{Name: d.Name, Originals: d.Originals, Certified: d.Certified, Copies: d.Copies})
		}
	}
	var buf bytes.Buffer
	if refuse {
		if in.CompetentBody == "" {
			return Form{}, fault.WithFields("Cần nêu cơ quan có thẩm quyền giải quyết.",
				map[string]string{"competent_body": "Nhập tên cơ quan có thẩm quyền giải quyết hồ sơ."})
		}
		reason := in.Reason
		if reason == "" {
			reason = "Hồ sơ không thuộc thẩm quyền giải quyết của " + unit.Name + "."
		}
		err := pdf.WriteRefusal(&buf, pdf.Refusal{Unit: unit, Dossier: pd, Date: now, Reason: reason, CompetentBody: in.CompetentBody})
		return Form{Name: "phieu-tu-choi.pdf", PDF: &buf}, err
	}
	if len(missing) == 0 {
		if in.Reason == "" {
			return Form{}, fault.WithFields("Cần nêu nội dung phải bổ sung.",
				map[string]string{"reason": "Bỏ chọn giấy tờ còn thiếu hoặc ghi nội dung cần bổ sung, hoàn thiện."})
		}
		missing = []pdf.Doc{{Name: in.Reason}}
	}
	contact := unit.DeskName + " – " + unit.Name
	if unit.Hotline != "" {
		contact += ", điện thoại " + unit.Hotline
	}
	err = pdf.WriteSupplement(&buf, pdf.Supplement{Unit: unit, Dossier: pd, Date: now, Items: missing,
		Reason: in.Reason, Contact: contact})
	return Form{Name: "phieu-yeu-cau-bo-sung.pdf", PDF: &buf}, err
}
