package admin

import (
	"net/http"
	"sort"
	"strconv"
	"strings"

	"motcua/internal/catalog"
	"motcua/internal/fault"
	"motcua/internal/store"
	"motcua/internal/web/kit"
)

// handleAdminProcedures lists the catalogue for administrators, with import and export.
func (s *Server) handleAdminProcedures(w http.ResponseWriter, r *http.Request) {
	q, err := kit.ProcedureQuery(r, store.MaxLimit)
	if err != nil {
		s.PageError(w, r, err)
		return
	}
	items, total, err := s.Store.SearchProcedures(r.Context(), q)
	if err != nil {
		s.PageError(w, r, err)
		return
	}
	s.Render(w, r, http.StatusOK, "admin_procedures.html", map[string]any{
		"Title": "Danh mục thủ tục hành chính", "Q": q.Q, "Items": kit.SummaryViews(items), "Total": total,
	})
}

// procedureForm is the create/edit form: scalar values as inputs, the documents, fee
// rules and e-form fields as repeated rows (procedure_rows.go), and the steps of the first
// process version, on creation only, as rows like those of the process page.
type procedureForm struct {
	P         catalog.Procedure
	Docs      []docRow
	FeeRows   []feeRow
	FieldRows []fieldRow
	StepRows  []stepRow
	LevelSet  map[string]bool
}

func newProcedureForm(p catalog.Procedure) procedureForm {
	f := procedureForm{P: p, LevelSet: map[string]bool{}, Docs: docRows(p.Documents), FeeRows: feeRows(p.Fees), FieldRows: fieldRows(p.FormFields)}
	f.StepRows = stepRows(p.Process.Steps)
	for _, l := range p.Levels {
		f.LevelSet[l] = true
	}
	return f
}

// procedureFromForm reads the posted form; problems reading numbers, rows or the JSON
// steps are returned keyed by the catalogue's path of the value.
func procedureFromForm(r *http.Request) (procedureForm, map[string]string) {
	v := func(k string) string { return strings.TrimSpace(strings.ReplaceAll(r.PostFormValue(k), "\r\n", "\n")) }
	errs := map[string]string{}
	num := func(k string) float64 {
		s := strings.ReplaceAll(v(k), ",", ".")
		if s == "" {
			return 0
		}
		f, err := strconv.ParseFloat(s, 64)
		if err != nil {
			errs[k] = "Phải là một số (ví dụ 3 hoặc 0,5)."
		}
		return f
	}
	p := catalog.Procedure{
		Code: v("code"), Name: v("name"), FieldCode: v("field_code"), Levels: r.PostForm["levels"],
		Online: catalog.OnlineLevel(v("online")), DeadlineDays: num("deadline_days"), OnlineDeadlineDays: num("online_deadline_days"),
		DeadlineNote: v("deadline_note"), DeadlineMode: catalog.DeadlineMode(v("deadline_mode")),
		SupplementRule: catalog.SupplementRule(v("supplement_rule")), Conditions: v("conditions"), Result: v("result"),
		LegalBasis: v("legal_basis"), Agency: v("agency"), StepsText: v("steps_text"), Channels: v("channels"),
		CodeKind: catalog.CodeKind(v("code_kind")), CodeNote: v("code_note"),
	}
	if fee := strings.NewReplacer(".", "", " ", "").Replace(v("fee_vnd")); fee != "" {
		n, err := strconv.ParseInt(fee, 10, 64)
		if err != nil {
			errs["fee_vnd"] = "Phải là số tiền nguyên, tính bằng đồng."
		}
		p.FeeVND = n
	}
	f := procedureForm{P: p, LevelSet: map[string]bool{}}
	for _, l := range p.Levels {
		f.LevelSet[l] = true
	}
	f.Docs, f.P.Documents = documentsFromForm(r.PostForm, errs)
	f.FeeRows, f.P.Fees = feesFromForm(r.PostForm, errs)
	f.FieldRows, f.P.FormFields = formFieldsFromForm(r.PostForm)
	rows, steps, stepErrs := stepsFromForm(r.PostForm)
	f.P.Process.Steps = steps
	for _, row := range rows {
		if row.Name != "" || row.Days != "" {
			f.StepRows = append(f.StepRows, row)
		}
	}
	f.StepRows = append(f.StepRows, stepRows(nil)...)
	for k, m := range stepErrs {
		errs["process."+k] = m
	}
	f.P.Process.Version = 1
	return f, errs
}

// formErrors groups validation problems by the form field that holds them: "documents[2].name"
// goes under "documents", "process.steps[0].days" under "steps".
func formErrors(errs map[string]string) map[string]string {
	out := map[string]string{}
	keys := make([]string, 0, len(errs))
	for k := range errs {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, path := range keys {
		key := strings.TrimPrefix(path, "process.")
		if i := strings.IndexAny(key, ".["); i >= 0 {
			key = key[:i]
		}
		msg := errs[path]
		if path != key {
			msg = path + ": " + msg
		}
		if out[key] != "" {
			out[key] += " " + msg
		} else {
			out[key] = msg
		}
	}
	return out
}

func (s *Server) procedureFormPage(w http.ResponseWriter, r *http.Request, st int, f procedureForm, oldCode string, errs map[string]string, msg string) {
	fields, err := s.Store.Fields(r.Context())
	if err != nil {
		s.PageError(w, r, err)
		return
	}
	title := "Thêm thủ tục hành chính"
	if oldCode != "" {
		title = "Sửa thủ tục " + oldCode
	}
	errs = formErrors(f.placeRowErrors(errs))
	f.withBlankRows()
	s.Render(w, r, st, "admin_procedure_form.html", map[string]any{
		"Title": title, "F": f, "OldCode": oldCode, "Errors": errs, "Message": msg, "Fields": fields,
		"Levels":   []string{catalog.LevelCommune, catalog.LevelDistrict, catalog.LevelProvince, catalog.LevelCentral},
		"FeeKinds": feeKinds, "FieldKinds": fieldKinds,
		"StepRoles": []catalog.Role{catalog.RoleDesk, catalog.RoleSpecialist, catalog.RoleLeader},
	})
}

func (s *Server) handleProcedureNew(w http.ResponseWriter, r *http.Request) {
	p := catalog.Procedure{Levels: []string{catalog.LevelCommune}, Online: catalog.OnlinePartial,
		DeadlineMode: catalog.DeadlineWorking, SupplementRule: catalog.SupplementPause}
	s.procedureFormPage(w, r, http.StatusOK, newProcedureForm(p), "", nil, "")
}

func (s *Server) handleProcedureEdit(w http.ResponseWriter, r *http.Request) {
	p, err := s.Store.Procedure(r.Context(), r.PathValue("code"))
	if err != nil {
		s.PageError(w, r, err)
		return
	}
	s.procedureFormPage(w, r, http.StatusOK, newProcedureForm(p), p.Code, nil, "")
}

// handleProcedureSave creates a procedure (no code in the path) or updates one. On edit,
// the process is kept: it changes only by publishing a new version.
func (s *Server) handleProcedureSave(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	oldCode := r.PathValue("code")
	f, errs := procedureFromForm(r)
	if oldCode != "" {
		cur, err := s.Store.Procedure(ctx, oldCode)
		if err != nil {
			s.PageError(w, r, err)
			return
		}
		f.P.Code = oldCode
		f.P.Process = cur.Process
		for k := range errs {
			if strings.HasPrefix(k, "process.") {
				delete(errs, k)
			}
		}
	} else if _, err := s.Store.Procedure(ctx, f.P.Code); err == nil {
		errs["code"] = "Mã thủ tục đã có trong danh mục."
	}
	// The catalogue's messages join those about unreadable values, which come first: the
	// whole form is checked at once.
	for k, m := range f.P.Validate().Map() {
		if _, unread := errs[k]; unread {
			continue
		}
		errs[k] = m
	}
	if len(errs) > 0 {
		s.procedureFormPage(w, r, http.StatusBadRequest, f, oldCode, errs, "Thông tin thủ tục chưa hợp lệ. Vui lòng sửa các mục được đánh dấu.")
		return
	}
	u, _ := kit.CurrentUser(r)
	saved, err := s.App.SaveProcedure(ctx, u, oldCode, f.P, s.Origin(r))
	if err != nil {
		e := s.Public(r, err)
		if e.Code == fault.Invalid || e.Code == fault.Conflict {
			s.procedureFormPage(w, r, kit.Status(e.Code), f, oldCode, e.Fields, e.Message)
			return
		}
		s.PageError(w, r, err)
		return
	}
	http.Redirect(w, r, "/quan-tri/thu-tuc/"+saved.Code, http.StatusSeeOther)
}
