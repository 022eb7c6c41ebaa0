package admin

import (
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"motcua/internal/catalog"
	"motcua/internal/fault"
	"motcua/internal/web/kit"
)

// stepRow is one editable row of the process form.
type stepRow struct {
	Name, Role, Days string
}

// blankStepRows is how many empty rows the process form offers for new steps.
const blankStepRows = 3

func stepRows(steps []catalog.Step) []stepRow {
	rows := make([]stepRow, 0, len(steps)+blankStepRows)
	for _, s := range steps {
		rows = append(rows, stepRow{Name: s.Name, Role: string(s.Role), Days: kit.ViNumber(s.Days)})
	}
	for range blankStepRows {
		rows = append(rows, stepRow{})
	}
	return rows
}

// stepsFromForm reads the step rows (step_name, step_role, step_days, repeated); a row
// with neither name nor days is left out. Unreadable days are reported under the path
// of the kept step ("steps[1].days").
func stepsFromForm(form url.Values) ([]stepRow, []catalog.Step, map[string]string) {
	names, roles, days := form["step_name"], form["step_role"], form["step_days"]
	var rows []stepRow
	var steps []catalog.Step
	errs := map[string]string{}
	for i := range names {
		row := stepRow{Name: strings.TrimSpace(names[i])}
		if i < len(roles) {
			row.Role = roles[i]
		}
		if i < len(days) {
			row.Days = strings.TrimSpace(days[i])
		}
		rows = append(rows, row)
		if row.Name == "" && row.Days == "" {
			continue
		}
		d, err := strconv.ParseFloat(strings.ReplaceAll(row.Days, ",", "."), 64)
		if err != nil {
			errs["steps["+strconv.Itoa(len(steps))+"].days"] = "Số ngày phải là một số, ví dụ 1 hoặc 0,5."
		}
		steps = append(steps, catalog.Step{Name: row.Name, Role: catalog.Role(row.Role), Days: d})
	}
	return rows, steps, errs
}

// processPage shows the versions of a procedure's internal process and the form for
// the next one.
func (s *Server) processPage(w http.ResponseWriter, r *http.Request, st int, rows []stepRow, errs map[string]string, msg string) {
	ctx := r.Context()
	p, err := s.Store.Procedure(ctx, r.PathValue("code"))
	if err != nil {
		s.PageError(w, r, err)
		return
	}
	versions, err := s.Store.ProcessVersions(ctx, p.Code)
	if err != nil {
		s.PageError(w, r, err)
		return
	}
	if rows == nil {
		rows = stepRows(p.Process.Steps)
	}
	s.Render(w, r, st, "admin_procedure_process.html", map[string]any{
		"Title": "Quy trình nội bộ – " + p.Name, "P": kit.NewProcedureView(p, ""), "Versions": versions, "Rows": rows,
		"Errors": errs, "Message": msg, "Roles": []catalog.Role{catalog.RoleDesk, catalog.RoleSpecialist, catalog.RoleLeader},
		"Total": p.Process.TotalDays(),
	})
}

func (s *Server) handleProcessEdit(w http.ResponseWriter, r *http.Request) {
	s.processPage(w, r, http.StatusOK, nil, nil, "")
}

// handleProcessPublish publishes the posted steps as the next process version.
func (s *Server) handleProcessPublish(w http.ResponseWriter, r *http.Request) {
	code := r.PathValue("code")
	rows, steps, errs := stepsFromForm(r.PostForm)
	proc := catalog.Process{Steps: steps}
	if len(errs) > 0 {
		s.processPage(w, r, http.StatusBadRequest, rows, errs, "Quy trình nội bộ chưa hợp lệ.")
		return
	}
	u, _ := kit.CurrentUser(r)
	_, err := s.App.PublishProcess(r.Context(), u, code, proc, s.Origin(r))
	if err != nil {
		e := s.Public(r, err)
		if e.Code == fault.Invalid || e.Code == fault.Conflict {
			s.processPage(w, r, kit.Status(e.Code), rows, e.Fields, e.Message)
			return
		}
		s.PageError(w, r, err)
		return
	}
	http.Redirect(w, r, "/quan-tri/thu-tuc/"+code+"/quy-trinh", http.StatusSeeOther)
}

// changeView is one line of a comparison, worded for the page.
type changeView struct {
	Kind     string
	Old, New kit.StepView
}

// handleProcessCompare compares two versions of a procedure's process.
func (s *Server) handleProcessCompare(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	code := r.PathValue("code")
	a, errA := strconv.Atoi(r.URL.Query().Get("a"))
	b, errB := strconv.Atoi(r.URL.Query().Get("b"))
	if errA != nil || errB != nil {
		s.PageError(w, r, fault.New(fault.Invalid, "Hãy chọn hai phiên bản quy trình để so sánh."))
		return
	}
	pa, err := s.Store.ProcessVersion(ctx, code, a)
	if err != nil {
		s.PageError(w, r, err)
		return
	}
	pb, err := s.Store.ProcessVersion(ctx, code, b)
	if err != nil {
		s.PageError(w, r, err)
		return
	}
	var changes []changeView
	for _, c := range catalog.Diff(pa, pb) {
		v := changeView{}
		switch c.Kind {
		case catalog.StepAdded:
			v.Kind = "Thêm bước"
		case catalog.StepRemoved:
			v.Kind = "Bỏ bước"
		default:
			v.Kind = "Thay đổi"
		}
		if c.OldIndex >= 0 {
			v.Old = kit.StepViews([]catalog.Step{c.Old})[0]
			v.Old.No = c.OldIndex + 1
		}
		if c.NewIndex >= 0 {
			v.New = kit.StepViews([]catalog.Step{c.New})[0]
			v.New.No = c.NewIndex + 1
		}
		changes = append(changes, v)
	}
	s.Render(w, r, http.StatusOK, "admin_procedure_diff.html", map[string]any{
		"Title": "So sánh quy trình " + code, "Code": code, "A": a, "B": b, "Changes": changes,
		"OldSteps": kit.StepViews(pa.Steps), "NewSteps": kit.StepViews(pb.Steps),
	})
}
