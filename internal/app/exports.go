package app

import (
	"context"
	"encoding/json"
	"errors"
	"io"
	"strings"

	"motcua/internal/calendar"
	"motcua/internal/fault"
	"motcua/internal/org"
	"motcua/internal/store"
)

// Kinds of export job (công việc xuất tệp).
const (
	// ExportBook is the dossier book of a unit for a period: every volume, as one ZIP
	// of the volumes' PDFs.
	ExportBook = "book"
	// ExportInbox is the officer's list of dossiers with a filter, as an Excel workbook,
	// beyond the rows one request may export.
	ExportInbox = "inbox"
)

// maxActiveExports is how many jobs one officer may have queued or running at once.
const maxActiveExports = 3

// exportListSize is how many of an officer's jobs the list shows.
const exportListSize = 50

// ExportParams are the parameters of an export job. A book takes Unit, From and To; a
// list takes the inbox's filter (View, Q, Status, Procedure, Field, Overdue, and From and
// To as the dates of receipt).
type ExportParams struct {
	Unit      string `json:"unit,omitempty"`
	From      string `json:"from,omitempty"`
	To        string `json:"to,omitempty"`
	View      string `json:"view,omitempty"`
	Q         string `json:"q,omitempty"`
	Status    string `json:"status,omitempty"`
	Procedure string `json:"procedure,omitempty"`
	Field     string `json:"field,omitempty"`
	Overdue   string `json:"overdue,omitempty"`
}

// inbox is the filter of a list's parameters.
func (p ExportParams) inbox() InboxFilter {
	return InboxFilter{View: p.View, Q: p.Q, Status: p.Status, Procedure: p.Procedure, Field: p.Field,
		Overdue: p.Overdue, From: p.From, To: p.To}
}

// ExportJob is an export job as its requester sees it: the store's row with its
// parameters read back.
type ExportJob struct {
	store.ExportJob
	Params ExportParams
}

// Label is the kind in Vietnamese.
func (j ExportJob) Label() string {
	switch j.Kind {
	case ExportBook:
		return "Sổ theo dõi hồ sơ " + j.Params.Unit + " (" + j.Params.From + " – " + j.Params.To + ")"
	case ExportInbox:
		return "Danh sách hồ sơ (Excel)"
	}
	return j.Kind
}

// StateLabel is the state in Vietnamese.
func (j ExportJob) StateLabel() string {
	switch j.State {
	case store.ExportQueued:
		return "Đang chờ"
	case store.ExportRunning:
		return "Đang tạo"
	case store.ExportDone:
		return "Đã xong"
	case store.ExportFailed:
		return "Không tạo được"
	case store.ExportCancelled:
		return "Đã hủy"
	case store.ExportExpired:
		return "Đã hết hạn lưu"
	}
	return j.State
}

// Percent is the progress in percent (0–100), or -1 while the total is unknown.
func (j ExportJob) Percent() int {
	if j.State == store.ExportDone {
		return 100
	}
	if j.Total <= 0 {
		return -1
	}
	return min(100, j.Done*100/j.Total)
}

// exportJob reads the parameters of a stored job.
func exportJob(j store.ExportJob) ExportJob {
	out := ExportJob{ExportJob: j}
	json.Unmarshal([]byte(j.Params), &out.Params) // written by QueueExport; a bad one shows empty parameters
	return out
}

// backgroundError marks the refusal of an export too large for one request, which an
// export job can make instead (NeedsBackground).
type backgroundError struct{ err *fault.Error }

func (e backgroundError) Error() string { return e.err.Error() }
func (e backgroundError) Unwrap() error { return e.err }

// NeedsBackground reports whether err refused an export as too large for a request: the
// page then offers to make the file in the background (QueueExport).
func NeedsBackground(err error) bool {
	return errors.As(err, new(backgroundError))
}

// QueueExport queues an export job of the kind for the officer and returns it (state
// queued); a worker makes the file later. The rules of the export itself apply now: a
// book only of a unit the officer may see, for a period of at most a year; a list only
// for an officer who processes dossiers, with a valid filter. An officer has at most a
// few jobs waiting at once.
func (a *App) QueueExport(ctx context.Context, u org.User, kind string, p ExportParams, o Origin) (ExportJob, error) {
	j := store.ExportJob{Kind: kind, Requester: u.Username, UnitCode: u.UnitCode}
	switch kind {
	case ExportBook:
		p = ExportParams{Unit: strings.TrimSpace(p.Unit), From: p.From, To: p.To}
		if p.Unit == "" {
			p.Unit = u.UnitCode
		}
		if _, _, err := parseBookParams(p); err != nil {
			return ExportJob{}, err
		}
		ok, err := a.canSeeUnit(ctx, u, p.Unit)
		if err != nil {
			return ExportJob{}, err
		}
		if !ok {
			return ExportJob{}, fault.New(fault.Forbidden, "Bạn không có quyền xem sổ theo dõi hồ sơ của đơn vị này.")
		}
		j.UnitCode = p.Unit
	case ExportInbox:
		p.Unit = ""
		if _, err := checkInboxFilter(p.inbox()); err != nil {
			return ExportJob{}, err
		}
		if err := requireRole(u, org.OneStop, org.Specialist, org.Leader, org.Inspector, org.Admin); err != nil {
			return ExportJob{}, err
		}
	default:
		return ExportJob{}, fault.WithFields("Loại tệp xuất không hợp lệ.", map[string]string{"kind": "Chọn book (sổ theo dõi hồ sơ) hoặc inbox (danh sách hồ sơ)."})
	}
	n, err := a.store.ActiveExports(ctx, u.Username)
	if err != nil {
		return ExportJob{}, err
	}
	if n >= maxActiveExports {
		return ExportJob{}, fault.Newf(fault.RateLimited, "Bạn đang có %d tệp chờ tạo. Vui lòng đợi các tệp này xong (hoặc hủy bớt) rồi tạo thêm.", n)
	}
	params, err := json.Marshal(p)
	if err != nil {
		return ExportJob{}, err
	}
	j.Params = string(params)
	id, err := a.store.InsertExport(ctx, j)
	if err != nil {
		return ExportJob{}, err
	}
	a.log.InfoContext(ctx, "export queued", "id", id, "kind", kind, "actor", u.Username, "request_id", o.RequestID)
	return a.ExportJob(ctx, u, id)
}

// parseBookParams reads and checks the period of a book's parameters.
func parseBookParams(p ExportParams) (from, to calendar.Date, err error) {
	bad := map[string]string{}
	from, errFrom := calendar.ParseDate(p.From)
	if errFrom != nil {
		bad["from"] = "Ngày phải có dạng YYYY-MM-DD."
	}
	to, errTo := calendar.ParseDate(p.To)
	if errTo != nil {
		bad["to"] = "Ngày phải có dạng YYYY-MM-DD."
	}
	if len(bad) > 0 {
		return from, to, fault.WithFields("Kỳ theo dõi không hợp lệ.", bad)
	}
	return from, to, checkBookPeriod(from, to)
}

// ExportJobs lists the officer's own export jobs, the newest first.
func (a *App) ExportJobs(ctx context.Context, u org.User) ([]ExportJob, error) {
	list, err := a.store.ExportsOf(ctx, u.Username, exportListSize)
	if err != nil {
		return nil, err
	}
	out := make([]ExportJob, len(list))
	for i, j := range list {
		out[i] = exportJob(j)
	}
	return out, nil
}

// ExportJob returns a job for its requester or an administrator: fault.NotFound for an
// unknown id, fault.Forbidden for another officer's job.
func (a *App) ExportJob(ctx context.Context, u org.User, id int64) (ExportJob, error) {
	j, err := a.store.Export(ctx, id)
	if err != nil {
		return ExportJob{}, err
	}
	if j.Requester != u.Username && !u.Has(org.Admin) {
		return ExportJob{}, fault.New(fault.Forbidden, "Tệp xuất này do cán bộ khác tạo; bạn không xem được.")
	}
	return exportJob(j), nil
}

// ExportFile is the file of a finished export job, open for reading.
type ExportFile struct {
	Name, ContentType string
	Size              int64
	Body              io.ReadSeekCloser
}

// OpenExportFile opens the file of a done job for its requester (or an administrator);
// the caller closes Body. A job still under way or cancelled is fault.Conflict; one whose
// file expired is fault.NotFound.
func (a *App) OpenExportFile(ctx context.Context, u org.User, id int64) (ExportFile, error) {
	j, err := a.ExportJob(ctx, u, id)
	if err != nil {
		return ExportFile{}, err
	}
	switch j.State {
	case store.ExportDone:
	case store.ExportExpired:
		return ExportFile{}, fault.New(fault.NotFound, "Tệp đã hết thời hạn lưu và đã được xóa. Vui lòng tạo lại.")
	case store.ExportQueued, store.ExportRunning:
		return ExportFile{}, fault.New(fault.Conflict, "Tệp chưa tạo xong. Vui lòng đợi rồi tải lại.")
	default:
		return ExportFile{}, fault.New(fault.Conflict, "Công việc này không tạo ra tệp ("+strings.ToLower(j.StateLabel())+").")
	}
	body, err := a.files.OpenExport(j.FileKey)
	if err != nil {
		return ExportFile{}, err
	}
	return ExportFile{Name: j.FileName, ContentType: j.ContentType, Size: j.Size, Body: body}, nil
}

// CancelExport stops a job of the officer (or, for an administrator, anyone's) that is
// waiting or being made: it is marked cancelled at once, and the worker making it stops
// at its next look and keeps no file. A job that has ended is fault.Conflict.
func (a *App) CancelExport(ctx context.Context, u org.User, id int64, o Origin) (ExportJob, error) {
	if _, err := a.ExportJob(ctx, u, id); err != nil {
		return ExportJob{}, err
	}
	ok, err := a.store.CancelExport(ctx, id)
	if err != nil {
		return ExportJob{}, err
	}
	if !ok {
		return ExportJob{}, fault.New(fault.Conflict, "Công việc đã kết thúc, không hủy được nữa.")
	}
	a.log.InfoContext(ctx, "export cancelled", "id", id, "actor", u.Username, "request_id", o.RequestID)
	return a.ExportJob(ctx, u, id)
}
