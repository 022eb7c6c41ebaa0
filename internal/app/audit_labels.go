package app

import (
	"slices"
	"strings"

	"motcua/internal/dossier"
)

// auditLabels names each action written to the audit log, for the log's page.
var auditLabels = map[string]string{
	"login":                    "Đăng nhập",
	"login.failed":             "Đăng nhập sai",
	"logout":                   "Đăng xuất",
	"token.issue":              "Cấp mã truy cập API",
	"token.revoke":             "Thu hồi mã truy cập API",
	"user.create":              "Tạo tài khoản cán bộ",
	"user.update":              "Sửa tài khoản cán bộ",
	"user.password":            "Đặt lại mật khẩu",
	"user.disable":             "Khóa tài khoản",
	"user.enable":              "Mở khóa tài khoản",
	"unit.create":              "Thêm đơn vị",
	"unit.update":              "Sửa đơn vị",
	"procedure.create":         "Thêm thủ tục",
	"procedure.update":         "Sửa thủ tục",
	"process.publish":          "Ban hành quy trình nội bộ",
	"catalog.import":           "Nhập danh mục thủ tục",
	"calendar.schedule.update": "Sửa giờ làm việc",
	"calendar.day.save":        "Ghi ngày nghỉ, ngày làm bù",
	"calendar.day.delete":      "Xóa ngày nghỉ, ngày làm bù",
	"portal.save":              "Lưu bài viết cổng thông tin",
	"portal.submit":            "Gửi duyệt bài viết",
	"portal.approve":           "Duyệt đăng bài viết",
	"portal.return":            "Trả lại bài viết",
	"portal.unpublish":         "Gỡ bài viết",
	"calendar.decision.save":   "Ghi văn bản công bố lịch nghỉ",
	"dossier.attachment":       "Đính kèm tệp vào hồ sơ",
	"payment.cash":             "Thu phí, lệ phí bằng tiền mặt",
	"payment.transfer":         "Ghi nhận phí, lệ phí chuyển khoản",
	"payment.waiver":           "Miễn phí, lệ phí",
	"payment.refund":           "Hoàn trả phí, lệ phí",
	"dossier.result.attach":    "Đính kèm kết quả điện tử",
	"dossier.digitise":         "Số hóa hồ sơ",
	"unit.certificate.import":  "Nhập chứng thư số của đơn vị",
	"citizen.document.remove":  "Công dân xóa giấy tờ khỏi kho dữ liệu",
	"audit.retention":          "Lưu trữ nhật ký cũ",
}

// AuditActionLabel is the Vietnamese name of an action of the audit log ("dossier.receive"
// → "Tiếp nhận hồ sơ"); an action without a name is shown as it is written.
func AuditActionLabel(action string) string {
	if l, ok := auditLabels[action]; ok {
		return l
	}
	if a, ok := strings.CutPrefix(action, "dossier."); ok {
		if l := dossier.Action(a).Label(); l != a {
			return l
		}
	}
	return action
}

// AuditActions lists the actions with a name, for the log's filter.
func AuditActions() []string {
	out := make([]string, 0, len(auditLabels)+len(dossier.Actions()))
	for _, a := range dossier.Actions() {
		out = append(out, "dossier."+string(a))
	}
	for a := range auditLabels {
		out = append(out, a)
	}
	slices.Sort(out)
	return out
}
