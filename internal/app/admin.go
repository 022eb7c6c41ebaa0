package app

import (
	"context"
	"fmt"
	"strconv"

	"motcua/internal/calendar"
	"motcua/internal/catalog"
	"motcua/internal/fault"
	"motcua/internal/org"
	"motcua/internal/store"
)

// The administration use cases (quản trị): the catalogue, the units and the calendar.
// Each requires the administrator role and records its audit line.

// SaveProcedure creates (oldCode "") or updates a procedure of the catalogue.
func (a *App) SaveProcedure(ctx context.Context, u org.User, oldCode string, p catalog.Procedure, o Origin) (catalog.Procedure, error) {
	if err := requireRole(u, org.Admin); err != nil {
		return p, err
	}
	saved, err := a.store.SaveProcedure(ctx, p, u.Username)
	if err != nil {
		return saved, err
	}
	action := "procedure.create"
	if oldCode != "" {
		action = "procedure.update"
	}
	a.audit(ctx, officerAudit(u, o, action, saved.Code, saved.Name), o)
	return saved, nil
}

// PublishProcess publishes a new version of a procedure's internal process.
func (a *App) PublishProcess(ctx context.Context, u org.User, code string, proc catalog.Process, o Origin) (catalog.Process, error) {
	if err := requireRole(u, org.Admin); err != nil {
		return proc, err
	}
	pub, err := a.store.PublishProcess(ctx, code, proc, u.Username)
	if err != nil {
		return pub, err
	}
	a.audit(ctx, officerAudit(u, o, "process.publish", code, "phiên bản "+strconv.Itoa(pub.Version)), o)
	return pub, nil
}

// ImportCatalog imports a whole catalogue file (name is the uploaded file's name); one
// bad row refuses the whole file.
func (a *App) ImportCatalog(ctx context.Context, u org.User, c catalog.Catalog, name string, o Origin) (store.ImportResult, error) {
	if err := requireRole(u, org.Admin); err != nil {
		return store.ImportResult{}, err
	}
	res, err := a.store.ImportCatalog(ctx, c, u.Username)
	if err != nil || len(res.Problems) > 0 {
		return res, err
	}
	a.audit(ctx, officerAudit(u, o, "catalog.import", name,
		fmt.Sprintf("thêm %d, cập nhật %d, giữ nguyên %d, quy trình mới %d", res.Created, res.Updated, res.Unchanged, res.NewVersions)), o)
	return res, nil
}

// SaveUnit creates (oldCode "") or updates a unit.
func (a *App) SaveUnit(ctx context.Context, u org.User, oldCode string, unit org.Unit, o Origin) (org.Unit, error) {
	if err := requireRole(u, org.Admin); err != nil {
		return unit, err
	}
	var saved org.Unit
	var err error
	action := "unit.create"
	if oldCode == "" {
		saved, err = a.store.CreateUnit(ctx, unit)
	} else {
		action = "unit.update"
		saved, err = a.store.UpdateUnit(ctx, oldCode, unit)
	}
	if err != nil {
		return saved, err
	}
	a.audit(ctx, officerAudit(u, o, action, saved.Code, saved.Name), o)
	return saved, nil
}

// SetUnitSchedule sets a unit's working sessions; summary describes them for the log.
func (a *App) SetUnitSchedule(ctx context.Context, u org.User, code string, sc calendar.Schedule, summary string, o Origin) error {
	if err := requireRole(u, org.Admin); err != nil {
		return err
	}
	if err := a.store.SetUnitSchedule(ctx, code, sc); err != nil {
		return err
	}
	a.audit(ctx, officerAudit(u, o, "calendar.schedule.update", code, summary), o)
	return nil
}

// SaveCalendarDay records a decision on a day (a day off or a make-up working day),
// nationwide or for one unit.
func (a *App) SaveCalendarDay(ctx context.Context, u org.User, d calendar.Override, o Origin) error {
	if err := requireRole(u, org.Admin); err != nil {
		return err
	}
	if err := a.store.SaveCalendarDay(ctx, d, u.Username); err != nil {
		return err
	}
	target := d.Date.String()
	if d.Unit != "" {
		target += " " + d.Unit
	}
	kind := "work"
	if d.Off {
		kind = "off"
	}
	a.audit(ctx, officerAudit(u, o, "calendar.day.save", target, kind+": "+d.Name+" – "+d.Reference), o)
	return nil
}

// DeleteCalendarDay removes a recorded decision and returns it.
func (a *App) DeleteCalendarDay(ctx context.Context, u org.User, id int64, o Origin) (store.CalendarDay, error) {
	if err := requireRole(u, org.Admin); err != nil {
		return store.CalendarDay{}, err
	}
	d, err := a.store.CalendarDay(ctx, id)
	if err != nil {
		return d, err
	}
	if err := a.store.DeleteCalendarDay(ctx, id); err != nil {
		return d, err
	}
	target := d.Date.String()
	if d.Unit != "" {
		target += " " + d.Unit
	}
	a.audit(ctx, officerAudit(u, o, "calendar.day.delete", target, d.Name), o)
	return d, nil
}

// SaveCalendarDecision records a whole published schedule (văn bản công bố lịch nghỉ, hoán
// đổi ngày làm việc) at once: every row is checked first (calendar.ParseDecision) and
// nothing is saved when one is wrong. source names where the rows came from (the form,
// or the imported file's name) for the audit line. It returns the decision saved.
func (a *App) SaveCalendarDecision(ctx context.Context, u org.User, reference, unit string, rows []calendar.DecisionRow, source string, o Origin) (calendar.Decision, error) {
	if err := requireRole(u, org.Admin); err != nil {
		return calendar.Decision{}, err
	}
	dec, errs := calendar.ParseDecision(reference, unit, rows)
	if errs != nil {
		return dec, fault.WithFields("Văn bản công bố lịch nghỉ chưa hợp lệ; chưa có ngày nào được lưu.", errs)
	}
	if err := a.store.SaveCalendarDecision(ctx, dec, u.Username); err != nil {
		return dec, err
	}
	target := dec.Reference
	if dec.Unit != "" {
		target += " " + dec.Unit
	}
	var off, work []string
	for _, d := range dec.Days {
		if d.Off {
			off = append(off, d.Date.String())
		} else {
			work = append(work, d.Date.String())
		}
	}
	a.audit(ctx, officerAudit(u, o, "calendar.decision.save", target,
		fmt.Sprintf("%s: nghỉ %v, làm việc %v", source, off, work)), o)
	return dec, nil
}
