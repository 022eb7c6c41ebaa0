package pdf

import (
	"io"
	"strconv"
	"strings"
	"time"
)

// PostedProcedure is one procedure on the posting sheet.
type PostedProcedure struct {
	// Code is the procedure code in the national database; Name its name. Both required.
	Code, Name string
	// DeadlineText and FeeText are printed as given, e.g. "03 ngày làm việc", "Không".
	DeadlineText, FeeText string
	// Online is "Toàn trình", "Một phần", "Không" or empty.
	Online string
	// URL is the procedure's page, printed as a QR code; empty leaves the cell blank.
	URL string
}

// PostingSheet is the list of procedures posted at the desk (danh mục thủ tục hành chính
// niêm yết) for one field (lĩnh vực).
type PostingSheet struct {
	Unit Unit
	// FieldName is the field, e.g. "Hộ tịch"; empty for a list of all fields.
	FieldName string
	// Date is printed in the date line; the zero time leaves it to fill in by hand.
	Date  time.Time
	Items []PostedProcedure
}

// postingQR is the printed size of each QR code in mm, quiet zone included; the code
// itself is about 19 mm wide, enough for a phone at arm's length.
const postingQR = 24.0

// WritePostingSheet writes the posting sheet as an A4 portrait PDF: the national header,
// the title "DANH MỤC THỦ TỤC HÀNH CHÍNH – LĨNH VỰC …" and a table STT / Mã / Tên thủ tục
// / Thời hạn / Phí, lệ phí / DVC trực tuyến / QR with one QR code per procedure, flowing
// over as many pages as needed.
func WritePostingSheet(w io.Writer, ps PostingSheet) error {
	p := problems{}
	for i, it := range ps.Items {
		field := "items." + strconv.Itoa(i)
		if strings.TrimSpace(it.Code) == "" || strings.TrimSpace(it.Name) == "" {
			p[field] = "Mỗi thủ tục cần mã và tên."
		}
		switch it.Online {
		case "", "Toàn trình", "Một phần", "Không":
		default:
			p[field] = "Mức dịch vụ công trực tuyến phải là Toàn trình, Một phần hoặc Không."
		}
	}
	if err := p.err(); err != nil {
		return err
	}
	title := "Danh mục thủ tục hành chính"
	if f := strings.TrimSpace(ps.FieldName); f != "" {
		title += " – Lĩnh vực " + f
	}
	s, err := newSheet("P", "A4", title)
	if err != nil {
		return err
	}
	s.pageNumbers()
	s.f.AddPage()
	s.header(ps.Unit, "", "……", ps.Date, title)
	s.gap(2)
	t := newTable(s, sizeBody-0.5, column{10, "C"}, column{26, "L"}, column{60, "L"}, column{24, "L"},
		column{22, "L"}, column{18, "C"}, column{28, "C"})
	t.headerRow("STT", "Mã", "Tên thủ tục", "Thời hạn", "Phí, lệ phí", "DVC trực tuyến", "QR")
	qrCol := t.cols[len(t.cols)-1].width
	for i, it := range ps.Items {
		y, h := t.rowCells([]cell{
			{text: strconv.Itoa(i + 1)}, {text: it.Code}, {text: it.Name}, {text: it.DeadlineText},
			{text: it.FeeText}, {text: it.Online}, {},
		}, postingQR+2)
		if it.URL == "" {
			continue
		}
		x := s.left + s.width - qrCol + (qrCol-postingQR)/2
		if err := s.qr(it.URL, x, y+(h-postingQR)/2, postingQR); err != nil {
			return err
		}
	}
	return s.output(w)
}
