package app

import (
	"bytes"
	"context"
	"fmt"
	"io"
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
// whatever the period. Config.BookVolumeRows changes it.
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

// BookWhole asks UnitBookVolume for the whole period in one file (the API's
// ?volume=all): the book when it fits in one volume, refused otherwise.
const BookWhole = 0

// BookTooLarge refuses a whole book of more than one volume in one answer: the
// period has Volumes volumes holding Dossiers dossiers. An export job makes such a book
// (every volume in one ZIP), or each volume is asked for in turn; NeedsBackground
// reports it.
type BookTooLarge struct {
	Volumes, Dossiers int
}

func (e *BookTooLarge) Error() string { return e.fault().Error() }

// Unwrap gives the fault (too large) that the web layer maps and shows.
func (e *BookTooLarge) Unwrap() error { return backgroundError{e.fault()} }

func (e *BookTooLarge) fault() *fault.Error {
	return fault.Newf(fault.TooLarge, "Sổ theo dõi hồ sơ của kỳ này có %s hồ sơ, in thành %d quyển: quá lớn để tải trong một lần. "+
		"Hãy tạo tệp trong nền (mọi quyển trong một tệp ZIP, tải về khi xong) hoặc tải từng quyển.", thousands(e.Dossiers), e.Volumes)
}

// UnitBookVolume prints one volume of the dossier book (sổ theo dõi hồ sơ) of a unit for
// the civil dates from–to (both included), for an officer who may see the unit's
// dossiers: at most BookVolumeRows dossiers, numbered on from the previous volumes. A
// period of more than a year, or a volume past the last, is refused with a Vietnamese
// message; the work stops when ctx is cancelled (the client left), and at most a few
// heavy exports run at once. Volume BookWhole asks for the whole period in one file: a
// period of more than one volume is then refused with *BookTooLarge (fault.TooLarge).
func (a *App) UnitBookVolume(ctx context.Context, u org.User, code string, from, to calendar.Date, volume int, o Origin) (BookVolume, error) {
	ok, err := a.canSeeUnit(ctx, u, code)
	if err != nil {
		return BookVolume{}, err
	}
	if !ok {
		return BookVolume{}, fault.New(fault.Forbidden, "Bạn không có quyền xem sổ theo dõi hồ sơ của đơn vị này.")
	}
	if err := checkBookPeriod(from, to); err != nil {
		return BookVolume{}, err
	}
	if volume < 1 && volume != BookWhole {
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
	volumes := a.bookVolumes(total)
	if volume == BookWhole {
		if volumes > 1 {
			return BookVolume{}, &BookTooLarge{Volumes: volumes, Dossiers: total}
		}
		volume = 1
	}
	if volume > volumes {
		return BookVolume{}, fault.Newf(fault.NotFound, "Sổ theo dõi hồ sơ của kỳ này chỉ có %d quyển.", volumes)
	}
	var buf bytes.Buffer
	rows, err := a.writeBookVolume(ctx, &buf, unit, code, from, to, volume, volumes)
	if err != nil {
		return BookVolume{}, err
	}
	return BookVolume{Form: Form{Name: bookVolumeName(code, volume, volumes), PDF: &buf}, Volume: volume, Volumes: volumes, Rows: rows}, nil
}

// checkBookPeriod refuses a period that ends before it starts or lasts over a year.
func checkBookPeriod(from, to calendar.Date) error {
	if to.Before(from) {
		return fault.WithFields("Kỳ theo dõi không hợp lệ.", map[string]string{"to": "Ngày kết thúc phải sau ngày bắt đầu."})
	}
	if to.AddDays(1).Start().Sub(from.Start()) > bookMaxDays*24*time.Hour {
		return fault.WithFields("Kỳ theo dõi quá dài: sổ theo dõi hồ sơ in tối đa một năm mỗi lần.",
			map[string]string{"to": "Chọn kỳ không quá 12 tháng."})
	}
	return nil
}

// BookRows is the row cap of a volume of the dossier book: Config.BookVolumeRows, else
// BookVolumeRows.
func (a *App) BookRows() int { return a.bookRows() }

func (a *App) bookRows() int {
	if a.cfg.BookVolumeRows > 0 {
		return a.cfg.BookVolumeRows
	}
	return BookVolumeRows
}

// bookVolumes is how many volumes a book of total dossiers has (at least one).
func (a *App) bookVolumes(total int) int {
	n := a.bookRows()
	return max(1, (total+n-1)/n)
}

// bookVolumeName is the file name of a volume.
func bookVolumeName(code string, volume, volumes int) string {
	if volumes > 1 {
		return fmt.Sprintf("%s-so-theo-doi-quyen-%d.pdf", code, volume)
	}
	return code + "-so-theo-doi.pdf"
}

// writeBookVolume writes one volume of the unit's book for the period as a PDF to w and
// returns how many dossiers it holds: at most a volume's rows are read and drawn at once,
// and the drawing stops when ctx ends.
func (a *App) writeBookVolume(ctx context.Context, w io.Writer, unit pdf.Unit, code string, from, to calendar.Date, volume, volumes int) (int, error) {
	end := to.AddDays(1).Start()
	offset := (volume - 1) * a.bookRows()
	entries, err := a.store.DossierBookPage(ctx, code, from.Start(), end, offset, a.bookRows())
	if err != nil {
		return 0, err
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
	if err := pdf.WriteBook(w, book); err != nil {
		return 0, err
	}
	return len(entries), nil
}
