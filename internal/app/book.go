package app

import (
	"bytes"
	"context"
	"fmt"
	"sync"
	"time"

	"motcua/internal/calendar"
	"motcua/internal/fault"
	"motcua/internal/notify"
	"motcua/internal/org"
	"motcua/internal/pdf"
)

// BookVolumeRows is the row cap of one volume (quyển) of the dossier book: a period with
// more dossiers is printed as several files, so that memory and time stay bounded
// whatever the period.
const BookVolumeRows = 1000

// bookMaxDays is the longest period one dossier book covers (a year and a day).
const bookMaxDays = 367

// heavyExportSlots is how many heavy exports (dossier books, large lists) run at once;
// heavyExportWait is how long a further one waits for a slot before it is told to retry.
const (
	heavyExportSlots = 2
	heavyExportWait  = 5 * time.Second
)

// exportGate limits the heavy exports running at once. Its zero value is ready.
type exportGate struct {
	once  sync.Once
	slots chan struct{}
}

// enter takes a slot, waiting a little for one; release gives it back.
func (g *exportGate) enter(ctx context.Context) (release func(), err error) {
	g.once.Do(func() { g.slots = make(chan struct{}, heavyExportSlots) })
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	timer := time.NewTimer(heavyExportWait)
	defer timer.Stop()
	select {
	case g.slots <- struct{}{}:
		return func() { <-g.slots }, nil
	case <-ctx.Done():
		return nil, ctx.Err()
	case <-timer.C:
		return nil, fault.New(fault.RateLimited,
			"Hệ thống đang xuất nhiều tệp lớn cùng lúc. Vui lòng thử lại sau ít phút.")
	}
}

// BookVolume is one volume (quyển) of a unit's dossier book: the PDF, its number, how
// many volumes the period has, and the rows it holds.
type BookVolume struct {
	Form
	Volume, Volumes, Rows int
}

// UnitBookVolume prints one volume of the dossier book (sổ theo dõi hồ sơ) of a unit for
// the civil dates from–to (both included), for an officer who may see the unit's
// dossiers: at most BookVolumeRows dossiers, numbered on from the previous volumes. A
// period of more than a year, or a volume past the last, is refused with a Vietnamese
// message; the work stops when ctx is cancelled (the client left), and at most a few
// heavy exports run at once.
func (a *App) UnitBookVolume(ctx context.Context, u org.User, code string, from, to calendar.Date, volume int, o Origin) (BookVolume, error) {
	ok, err := a.canSeeUnit(ctx, u, code)
	if err != nil {
		return BookVolume{}, err
	}
	if !ok {
		return BookVolume{}, fault.New(fault.Forbidden, "Bạn không có quyền xem sổ theo dõi hồ sơ của đơn vị này.")
	}
	if to.Before(from) {
		return BookVolume{}, fault.WithFields("Kỳ theo dõi không hợp lệ.", map[string]string{"to": "Ngày kết thúc phải sau ngày bắt đầu."})
	}
	if to.AddDays(1).Start().Sub(from.Start()) > bookMaxDays*24*time.Hour {
		return BookVolume{}, fault.WithFields("Kỳ theo dõi quá dài: sổ theo dõi hồ sơ in tối đa một năm mỗi lần.",
			map[string]string{"to": "Chọn kỳ không quá 12 tháng."})
	}
	if volume < 1 {
		return BookVolume{}, fault.WithFields("Số quyển không hợp lệ.", map[string]string{"volume": "Số quyển bắt đầu từ 1."})
	}
	release, err := a.exports.enter(ctx)
	if err != nil {
		return BookVolume{}, err
	}
	defer release()
	unit, err := a.pdfUnit(ctx, code, to.Start(), o)
	if err != nil {
		return BookVolume{}, err
	}
	end := to.AddDays(1).Start()
	total, err := a.store.DossierBookCount(ctx, code, from.Start(), end)
	if err != nil {
		return BookVolume{}, err
	}
	volumes := max(1, (total+BookVolumeRows-1)/BookVolumeRows)
	if volume > volumes {
		return BookVolume{}, fault.Newf(fault.NotFound, "Sổ theo dõi hồ sơ của kỳ này chỉ có %d quyển.", volumes)
	}
	offset := (volume - 1) * BookVolumeRows
	entries, err := a.store.DossierBookPage(ctx, code, from.Start(), end, offset, BookVolumeRows)
	if err != nil {
		return BookVolume{}, err
	}
	book := pdf.Book{Unit: unit, From: from.Start(), To: end.Add(-time.Second), First: offset + 1, Stop: ctx.Err}
	if volumes > 1 {
		book.Number = fmt.Sprintf("%d/%d", volume, volumes)
	}
	now := a.now()
	for _, e := range entries {
		st := e.State()
		book.Rows = append(book.Rows, pdf.BookRow{Code: e.Code, ProcedureName: e.ProcedureName, Sets: e.Sets,
			ApplicantName: e.Applicant.FullName, Address: e.Applicant.Address, Phone: e.Applicant.Phone,
			ReceivedAt: e.ReceivedAt, DueAt: st.LegalDueAt(), ReturnedAt: e.ReturnedAt, Note: notify.BookNote(st, now)})
	}
	var buf bytes.Buffer
	if err := pdf.WriteBook(&buf, book); err != nil {
		return BookVolume{}, err
	}
	name := code + "-so-theo-doi.pdf"
	if volumes > 1 {
		name = fmt.Sprintf("%s-so-theo-doi-quyen-%d.pdf", code, volume)
	}
	return BookVolume{Form: Form{Name: name, PDF: &buf}, Volume: volume, Volumes: volumes, Rows: len(entries)}, nil
}
