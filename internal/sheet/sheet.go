// Package sheet reads and writes the procedure catalogue (danh mục thủ tục hành chính)
// as an Excel workbook, so that a province can prepare its list in a spreadsheet, and
// writes the statistical reports (Biểu II.06a) laid out like the official forms and the
// officers' lists of dossiers (WriteDossiers). One sheet per kind of row: "Lĩnh vực",
// "Thủ tục" (one row per procedure, scalar values), "Giấy tờ", "Phí" (fee rules: per
// case, per copy, per page, exemptions), "Quy trình", "Trường biểu mẫu" and "Đơn vị"
// (which unit offers which procedure); child rows name their procedure by code. Columns
// added later come last, so older workbooks still read.
//
// It wraps github.com/xuri/excelize/v2 and imports only the catalog and report domain
// packages; it must not import store, web or any other technology package.
package sheet

// Sheet names of the workbook.
const (
	SheetFields     = "Lĩnh vực"
	SheetProcedures = "Thủ tục"
	SheetDocuments  = "Giấy tờ"
	SheetFees       = "Phí"
	SheetProcess    = "Quy trình"
	SheetFormFields = "Trường biểu mẫu"
	SheetOffers     = "Đơn vị"
)

// procedureColumns are the headers of the "Thủ tục" sheet, in order, with the JSON path of
// the value each holds (used to place validation problems).
var procedureColumns = []struct{ header, path string }{
	{"Mã thủ tục", "code"},
	{"Tên thủ tục", "name"},
	{"Mã lĩnh vực", "field_code"},
	{"Cấp thực hiện", "levels"},
	{"Mức độ trực tuyến (none/partial/full)", "online"},
	{"Thời hạn (ngày)", "deadline_days"},
	{"Thời hạn trực tuyến (ngày)", "online_deadline_days"},
	{"Ghi chú thời hạn", "deadline_note"},
	{"Cách tính (working/calendar/same_day)", "deadline_mode"},
	{"Khi yêu cầu bổ sung (pause/reset)", "supplement_rule"},
	{"Phí, lệ phí (đồng)", "fee_vnd"},
	{"Điều kiện", "conditions"},
	{"Kết quả", "result"},
	{"Căn cứ pháp lý", "legal_basis"},
	{"Cơ quan thực hiện", "agency"},
	{"Trình tự thực hiện", "steps_text"},
	{"Cách thức thực hiện", "channels"},
	{"Phiên bản quy trình", "process.version"},
	{"Loại mã (national/local/unconfirmed)", "code_kind"},
	{"Ghi chú về mã", "code_note"},
}

var (
	fieldHeaders     = []string{"Mã lĩnh vực", "Tên lĩnh vực"}
	documentHeaders  = []string{"Mã thủ tục", "Tên giấy tờ", "Bản chính", "Bản sao chứng thực", "Bản sao", "Mẫu đơn, tờ khai", "Chỉ xuất trình (x)", "Ghi chú"}
	documentPaths    = []string{"", "name", "", "", "", "template", "show_only", "note"}
	feeHeaders       = []string{"Mã thủ tục", "Trường hợp", "Số tiền (đồng)", "Ghi chú", "Tính theo (case/copy/page/exempt)", "Từ trang", "Tối đa mỗi bản (đồng)", "Căn cứ pháp lý"}
	feePaths         = []string{"", "case", "amount_vnd", "note", "kind", "from_page", "max_per_copy_vnd", "legal_basis"}
	stepHeaders      = []string{"Mã thủ tục", "Bước", "Tên bước", "Vai trò (motcua/chuyenvien/lanhdao)", "Số ngày làm việc"}
	stepPaths        = []string{"", "", "name", "role", "days"}
	formFieldHeaders = []string{"Mã thủ tục", "Tên trường", "Nhãn", "Kiểu (text/date/number/textarea/select)", "Bắt buộc (x)", "Lựa chọn (mỗi dòng một lựa chọn)"}
	formFieldPaths   = []string{"", "name", "label", "kind", "required", "options"}
	offerHeaders     = []string{"Mã đơn vị", "Mã thủ tục"}
)

// column returns the letter of the 0-based column index (0 → A, 26 → AA).
func column(i int) string {
	s := ""
	for i++; i > 0; i = (i - 1) / 26 {
		s = string(rune('A'+(i-1)%26)) + s
	}
	return s
}
