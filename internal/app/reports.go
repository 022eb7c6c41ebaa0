package app

import (
	"context"
	"encoding/base64"
	"strconv"
	"strings"

	"motcua/internal/calendar"
	"motcua/internal/catalog"
	"motcua/internal/dossier"
	"motcua/internal/fault"
	"motcua/internal/org"
	"motcua/internal/report"
	"motcua/internal/store"
)

// II06a is Biểu II.06a of a unit (with the units below it when Subtree).
type II06a struct {
	// Unit is the reporting unit; Parent the unit above it (zero for the top unit).
	Unit, Parent org.Unit
	Subtree      bool
	report.II06a
}

// ReportII06a computes Biểu II.06a of the unit, or of the unit and every unit below it
// with subtree, over the civil dates from–to (YYYY-MM-DD, both included). Leaders,
// inspectors and administrators read it, for their own unit and the units below it
// (administrators everywhere): anyone else, or a unit outside that scope, is
// fault.Forbidden; an unknown unit fault.NotFound; missing or malformed dates, dates
// out of order and a period longer than five years fault.Invalid with a message per
// field. Nothing is read for a unit outside the caller's scope. The numbers come from
// the maintained daily counts (report.PeriodSums), which equal a classification of every
// dossier (report.BuildII06a over store.ReportDossiers, as the drill-down lists do).
// It reads from the standby when there is one (onStandby).
func (a *App) ReportII06a(ctx context.Context, u org.User, unit, from, to string, subtree bool) (II06a, error) {
	return onStandby(ctx, a, func(a *App) (II06a, error) { return a.reportII06a(ctx, u, unit, from, to, subtree) })
}

// reportII06a is ReportII06a on the given use cases (primary or standby).
func (a *App) reportII06a(ctx context.Context, u org.User, unit, from, to string, subtree bool) (II06a, error) {
	if err := requireRole(u, org.Leader, org.Inspector, org.Admin); err != nil {
		return II06a{}, err
	}
	un, p, err := a.reportUnit(ctx, u, unit, from, to, "Tham số báo cáo chưa hợp lệ.")
	if err != nil {
		return II06a{}, err
	}
	sums, err := a.store.II06aSums(ctx, un.Code, subtree, p)
	if err != nil {
		return II06a{}, err
	}
	fields, err := a.fields(ctx)
	if err != nil {
		return II06a{}, err
	}
	out := II06a{Unit: un, Subtree: subtree, II06a: report.BuildII06aFromSums(p, fields, sums)}
	if un.ParentCode != "" {
		if out.Parent, err = a.store.Unit(ctx, un.ParentCode); err != nil {
			return II06a{}, err
		}
	}
	return out, nil
}

// seeReports answers fault.Forbidden unless the officer may read the unit's statistics.
func (a *App) seeReports(ctx context.Context, u org.User, unit string) error {
	ok, err := a.canSeeUnit(ctx, u, unit)
	if err != nil {
		return err
	}
	if !ok {
		return fault.New(fault.Forbidden, "Bạn không có quyền xem báo cáo của đơn vị này.")
	}
	return nil
}

// fields lists the catalogue's fields in catalogue order.
func (a *App) fields(ctx context.Context) ([]catalog.Field, error) {
	fc, err := a.store.Fields(ctx)
	if err != nil {
		return nil, err
	}
	out := make([]catalog.Field, len(fc))
	for i, f := range fc {
		out[i] = f.Field
	}
	return out, nil
}

// period parses the report's dates into a period, adding a message per field to errs
// for a missing or malformed date; the period's own errors (order, length) come back
// as the error.
func period(from, to string, errs map[string]string) (report.Period, error) {
	f, okf := civilDate("from", from, errs)
	t, okt := civilDate("to", to, errs)
	if !okf || !okt {
		return report.Period{}, nil
	}
	return report.NewPeriod(f, t)
}

// civilDate parses a YYYY-MM-DD parameter, adding a message to errs when it is missing
// or malformed.
func civilDate(name, s string, errs map[string]string) (calendar.Date, bool) {
	s = strings.TrimSpace(s)
	if s == "" {
		errs[name] = "Nhập ngày (YYYY-MM-DD)."
		return calendar.Date{}, false
	}
	d, err := calendar.ParseDate(s)
	if err != nil {
		errs[name] = "Ngày không hợp lệ: cần dạng YYYY-MM-DD và là một ngày có thật."
		return calendar.Date{}, false
	}
	return d, true
}

// DossierQuery is the officers' dossier list query (GET /api/v1/dossiers), as typed:
// every field is text, checked by Dossiers.
type DossierQuery struct {
	// Unit is the receiving unit (the officer's own when empty); Subtree "true" adds the
	// units below it.
	Unit, Subtree string
	// ReceivedFrom and ReceivedTo bound the civil date (UTC+7) the clock started, both
	// included.
	ReceivedFrom, ReceivedTo string
	Status, Field, Q         string
	// Cell, From and To select the dossiers behind one cell of Biểu II.06a (a
	// report.Cell such as "resolved.late") for the period From–To.
	Cell, From, To string
	// Limit is 1–1000 (100 when empty); Cursor is the previous page's next cursor.
	Limit, Cursor string
}

// DossierPage is one page of the dossier list; Next is the cursor of the next page, ""
// on the last page.
type DossierPage struct {
	Items []report.Dossier
	Next  string
}

// Dossiers lists the dossiers of a unit (and the units below it) that the officer may
// see — their own unit and the units below it, administrators everywhere — newest
// first, a page at a time. Malformed parameters are fault.Invalid with a message per
// field; an unknown unit fault.NotFound; a unit outside the officer's scope
// fault.Forbidden.
func (a *App) Dossiers(ctx context.Context, u org.User, q DossierQuery) (DossierPage, error) {
	if err := requireRole(u, org.OneStop, org.Specialist, org.Leader, org.Inspector, org.Admin); err != nil {
		return DossierPage{}, err
	}
	f, cell, p, errs := q.parse(u)
	if len(errs) > 0 {
		return DossierPage{}, fault.WithFields("Tham số danh sách hồ sơ chưa hợp lệ.", errs)
	}
	if _, err := a.store.Unit(ctx, f.Unit); err != nil {
		return DossierPage{}, err
	}
	if err := a.SeeUnit(ctx, u, f.Unit); err != nil {
		return DossierPage{}, err
	}
	if cell != "" {
		return a.cellDossiers(ctx, f, cell, p)
	}
	items, next, err := a.store.ListDossiers(ctx, f, nil, nil)
	if err != nil {
		return DossierPage{}, err
	}
	page := DossierPage{Items: items}
	if next > 0 {
		page.Next = encodeCursor("i" + strconv.FormatInt(next, 10))
	}
	return page, nil
}

// cellDossiers lists the dossiers behind one cell of Biểu II.06a, newest first, with
// the list's other filters; the cursor names the ID of the last dossier of the previous
// page. Only the dossiers that count in the period are read, a page at a time.
func (a *App) cellDossiers(ctx context.Context, f store.DossierFilter, cell report.Cell, p report.Period) (DossierPage, error) {
	// The maintained counts give the cell's total at once: an empty cell (no dossier
	// late in the year, say) is answered without reading the period's dossiers.
	sums, err := a.store.II06aSums(ctx, f.Unit, f.Subtree, p)
	if err != nil {
		return DossierPage{}, err
	}
	if report.BuildII06aFromSums(p, nil, sums).Total.Cell(cell) == 0 {
		return DossierPage{Items: []report.Dossier{}}, nil
	}
	items, next, err := a.store.ListDossiers(ctx, f, &p, func(d report.Dossier) bool {
		return report.ClassifyII06a(d, p).Has(cell)
	})
	if err != nil {
		return DossierPage{}, err
	}
	page := DossierPage{Items: items}
	if next > 0 {
		page.Next = encodeCursor("c" + strconv.FormatInt(next, 10))
	}
	return page, nil
}

// parse checks the query and turns it into a store filter, with the report cell and
// period when one is asked for.
func (q DossierQuery) parse(u org.User) (store.DossierFilter, report.Cell, report.Period, map[string]string) {
	errs := map[string]string{}
	f := store.DossierFilter{Unit: strings.TrimSpace(q.Unit), FieldCode: strings.TrimSpace(q.Field), Q: strings.TrimSpace(q.Q), Limit: 100}
	if f.Unit == "" {
		f.Unit = u.UnitCode
	}
	switch q.Subtree {
	case "", "false", "0":
	case "true", "1":
		f.Subtree = true
	default:
		errs["subtree"] = "Chỉ nhận true hoặc false."
	}
	if q.ReceivedFrom != "" {
		if d, ok := civilDate("received_from", q.ReceivedFrom, errs); ok {
			f.ReceivedFrom = d.Start()
		}
	}
	if q.ReceivedTo != "" {
		if d, ok := civilDate("received_to", q.ReceivedTo, errs); ok {
			f.ReceivedTo = d.AddDays(1).Start()
		}
	}
	if !f.ReceivedFrom.IsZero() && !f.ReceivedTo.IsZero() && !f.ReceivedFrom.Before(f.ReceivedTo) {
		errs["received_to"] = "Ngày kết thúc phải từ ngày bắt đầu trở đi."
	}
	if q.Status != "" {
		st, err := dossier.ParseStatus(q.Status)
		if err != nil {
			errs["status"] = "Trạng thái không hợp lệ."
		}
		f.Status = st
	}
	if len([]rune(f.Q)) > 100 {
		errs["q"] = "Từ khóa không được dài quá 100 ký tự."
	}
	if q.Limit != "" {
		n, err := strconv.Atoi(q.Limit)
		if err != nil || n < 1 || n > 1000 {
			errs["limit"] = "Số hồ sơ mỗi trang phải từ 1 đến 1000."
		}
		f.Limit = n
	}
	var cell report.Cell
	var p report.Period
	if q.Cell != "" {
		c, ok := report.ParseCell(q.Cell)
		if !ok {
			errs["cell"] = "Ô báo cáo không hợp lệ."
		}
		cell = c
		var err error
		if p, err = period(q.From, q.To, errs); err != nil {
			for k, v := range fault.As(err).Fields {
				errs[k] = v
			}
		}
	}
	if q.Cursor != "" {
		c, ok := decodeCursor(q.Cursor)
		var err error
		switch {
		case ok && q.Cell == "" && strings.HasPrefix(c, "i"):
			f.After, err = strconv.ParseInt(c[1:], 10, 64)
			ok = err == nil && f.After > 0
		case ok && q.Cell != "" && strings.HasPrefix(c, "c"):
			f.After, err = strconv.ParseInt(c[1:], 10, 64)
			ok = err == nil && f.After > 0
		default:
			ok = false
		}
		if !ok {
			errs["cursor"] = "Con trỏ trang không hợp lệ."
		}
	}
	return f, cell, p, errs
}

func encodeCursor(s string) string { return base64.RawURLEncoding.EncodeToString([]byte(s)) }

func decodeCursor(s string) (string, bool) {
	b, err := base64.RawURLEncoding.DecodeString(s)
	return string(b), err == nil && len(b) > 1
}

// reportUnit reads the unit and period of a report the officer asked for: a missing
// unit or bad dates are fault.Invalid with a message per field (under message), an
// unknown unit fault.NotFound, a unit outside the officer's scope fault.Forbidden —
// checked before anything of the unit is read.
func (a *App) reportUnit(ctx context.Context, u org.User, unit, from, to, message string) (org.Unit, report.Period, error) {
	unit = strings.TrimSpace(unit)
	errs := map[string]string{}
	if unit == "" {
		errs["unit"] = "Chọn đơn vị."
	}
	p, perr := period(from, to, errs)
	if len(errs) > 0 {
		return org.Unit{}, p, fault.WithFields(message, errs)
	}
	if perr != nil {
		return org.Unit{}, p, perr
	}
	un, err := a.store.Unit(ctx, unit)
	if err != nil {
		return un, p, err
	}
	if err := a.seeReports(ctx, u, unit); err != nil {
		return org.Unit{}, p, err
	}
	return un, p, nil
}
