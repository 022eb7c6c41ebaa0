package pdf

import "time"

// startForm checks the dossier, looks the form up in the rule set in force on the
// receipt date, and returns a portrait sheet with the header drawn. date is the issue date of
// the form (required); number the "Số:" text, the dossier code when empty; size the
// paper ("A5", "A4").
func startForm(u Unit, d Dossier, kind FormKind, number string, date time.Time, size string, p problems) (*sheet, error) {
	p.checkDossier(d)
	p.needTime("date", date, "Thiếu ngày lập phiếu.")
	if err := p.err(); err != nil {
		return nil, err
	}
	rules := RulesAt(d.ReceivedAt)
	form, err := rules.Form(kind)
	if err != nil {
		return nil, err
	}
	basis, _ := rules.Basis(kind)
	s, err := newSheet("P", size, form.Title+" "+d.Code)
	if err != nil {
		return nil, err
	}
	if number == "" {
		number = d.Code
	}
	s.f.AddPage()
	s.header(u, basis, number, date, form.Title)
	s.gap(1)
	return s, nil
}

// dossierFields prints who submitted what: the dossier code, the applicant, address,
// phone, e-mail and the requested procedure.
func dossierFields(s *sheet, d Dossier) {
	a := d.Applicant
	s.field("Mã hồ sơ:", d.Code, s.width)
	s.field("Tiếp nhận hồ sơ của Ông/Bà:", orDots(a.Name), s.width)
	s.field("Địa chỉ:", orDots(a.Address), s.width)
	phone := orDots(a.Phone)
	if a.Email != "" {
		phone += "    Email: " + a.Email
	}
	s.field("Số điện thoại:", phone, s.width)
	s.field("Nội dung yêu cầu giải quyết:", orDots(d.ProcedureName), s.width)
	s.field("Ngày tiếp nhận:", clockText(d.ReceivedAt), s.width)
}
