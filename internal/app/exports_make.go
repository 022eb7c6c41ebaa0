package app

import (
	"archive/zip"
	"context"
	"fmt"
	"io"
	"time"

	"motcua/internal/calendar"
	"motcua/internal/fault"
	"motcua/internal/org"
	"motcua/internal/sheet"
)

// maxInboxJobRows bounds the list an export job writes: one sheet of Excel holds a little
// over a million rows.
const maxInboxJobRows = 1_000_000

// inboxStepRows is how many rows of a list are written between two recorded steps.
const inboxStepRows = inboxExportChunk

// requester returns the account of a job's requester as it is now: the rules of the
// export are applied again when the job runs, so an account disabled or moved meanwhile
// gets nothing it may no longer see.
func (a *App) requester(ctx context.Context, j ExportJob) (org.User, error) {
	u, err := a.store.User(ctx, j.Requester)
	if fault.Is(err, fault.NotFound) || (err == nil && !u.Active) {
		return org.User{}, fault.New(fault.Forbidden, "Tài khoản yêu cầu tệp này không còn hoạt động.")
	}
	return u, err
}

// makeBookExport writes every volume of the unit's dossier book for the period into a ZIP,
// one PDF per volume, each drawn and added before the next is read: the book is never
// held whole in memory. A step is recorded after each volume.
func (a *App) makeBookExport(ctx context.Context, j ExportJob, w io.Writer, step func(done, total int) error) (string, string, error) {
	from, to, err := parseBookParams(j.Params)
	if err != nil {
		return "", "", err
	}
	u, err := a.requester(ctx, j)
	if err != nil {
		return "", "", err
	}
	code := j.Params.Unit
	if ok, err := a.canSeeUnit(ctx, u, code); err != nil {
		return "", "", err
	} else if !ok {
		return "", "", fault.New(fault.Forbidden, "Bạn không còn quyền xem sổ theo dõi hồ sơ của đơn vị này.")
	}
	unit, err := a.pdfUnit(ctx, code, to.Start(), Origin{BaseURL: a.cfg.BaseURL})
	if err != nil {
		return "", "", err
	}
	total, err := a.store.DossierBookCount(ctx, code, from.Start(), to.AddDays(1).Start())
	if err != nil {
		return "", "", err
	}
	if err := step(0, total); err != nil {
		return "", "", err
	}
	volumes := a.bookVolumes(total)
	zw := zip.NewWriter(w)
	done := 0
	for v := 1; v <= volumes; v++ {
		// PDFs are compressed already: stored as they are.
		f, err := zw.CreateHeader(&zip.FileHeader{Name: bookVolumeName(code, v, volumes), Method: zip.Store, Modified: a.now()})
		if err != nil {
			return "", "", err
		}
		n, err := a.writeBookVolume(ctx, f, unit, code, from, to, v, volumes)
		if err != nil {
			return "", "", err
		}
		done += n
		if err := step(done, max(total, done)); err != nil {
			return "", "", err
		}
	}
	if err := zw.Close(); err != nil {
		return "", "", err
	}
	name := fmt.Sprintf("%s-so-theo-doi-%s-%s.zip", code, from, to)
	return name, "application/zip", nil
}

// makeInboxExport writes the requester's list of dossiers with the filter as an Excel
// workbook, read a chunk at a time and streamed; a step is recorded every chunk (the
// total is not known beforehand). A list over a million rows is refused.
func (a *App) makeInboxExport(ctx context.Context, j ExportJob, w io.Writer, step func(done, total int) error) (string, string, error) {
	u, err := a.requester(ctx, j)
	if err != nil {
		return "", "", err
	}
	f, err := checkInboxFilter(j.Params.inbox())
	if err != nil {
		return "", "", err
	}
	if err := requireRole(u, org.OneStop, org.Specialist, org.Leader, org.Inspector, org.Admin); err != nil {
		return "", "", err
	}
	ds, err := sheet.NewDossierStream()
	if err != nil {
		return "", "", err
	}
	defer ds.Close()
	err = a.eachInboxRow(ctx, u, f, func(r InboxRow) error {
		if ds.Rows() == maxInboxJobRows {
			return fault.Newf(fault.Invalid, "Danh sách có hơn %s hồ sơ, vượt quá sức chứa của một bảng Excel. Vui lòng thu hẹp điều kiện lọc.", thousands(maxInboxJobRows))
		}
		if err := ds.Add(r.SheetRow()); err != nil {
			return err
		}
		if ds.Rows()%inboxStepRows == 0 {
			return step(ds.Rows(), 0)
		}
		return nil
	})
	if err != nil {
		return "", "", err
	}
	if err := step(ds.Rows(), ds.Rows()); err != nil {
		return "", "", err
	}
	if _, err := ds.WriteTo(w); err != nil {
		return "", "", err
	}
	return "danh-sach-ho-so.xlsx", sheet.ContentTypeXLSX, nil
}

// SheetRow is the row as the exported workbook shows it.
func (r InboxRow) SheetRow() sheet.DossierRow {
	return sheet.DossierRow{Code: r.Code, Procedure: r.ProcedureName, Applicant: r.Applicant,
		ReceivedAt: clockText(r.ReceivedAt), DueAt: clockText(r.DueAt),
		Status: r.Status.Label(), Timeliness: r.Timeliness.Label()}
}

// clockText writes an instant in Vietnam's time as "15:04 02/01/2006", "" for none.
func clockText(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.In(calendar.Zone()).Format("15:04 02/01/2006")
}
