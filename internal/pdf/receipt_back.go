package pdf

import "strings"

// receiptBack draws the back of a receipt copy: the hotline in large type, the unit's
// contacts, how to send feedback (phản ánh, kiến nghị) and how to look up the dossier.
func receiptBack(s *sheet, r Receipt) {
	f, u, d := s.f, r.Unit, r.Dossier
	s.gap(4)
	s.para("B", sizeBody+0.5, "C", strings.ToUpper(unitTitle(u)))
	s.gap(4)
	hotline := orDots(u.Hotline)
	s.para("B", 18, "C", "Đường dây nóng: "+hotline)
	s.gap(2)
	s.para("", sizeBody, "C", "Địa chỉ: "+orDots(u.Address))
	s.para("", sizeBody, "C", "Email: "+orDots(u.Email))
	s.gap(3)
	y := f.GetY()
	f.SetLineWidth(0.3)
	f.Line(s.left+20, y, s.left+s.width-20, y)
	s.gap(4)

	desk := u.DeskName
	if desk == "" {
		desk = "Bộ phận Một cửa"
	}
	s.para("B", sizeBody+0.5, "L", "Phản ánh, kiến nghị về việc giải quyết hồ sơ")
	s.gap(1)
	s.para("", sizeBody, "L", "Ông/Bà có thể phản ánh, kiến nghị về thái độ phục vụ, thời gian giải quyết hoặc yêu cầu ngoài quy định qua các kênh sau:")
	s.para("", sizeBody, "L", "- Trực tiếp tại "+desk+" ("+orDots(u.Address)+");")
	s.para("", sizeBody, "L", "- Qua đường dây nóng: "+hotline+";")
	if u.Email != "" {
		s.para("", sizeBody, "L", "- Qua thư điện tử: "+u.Email+";")
	}
	s.para("", sizeBody, "L", "- Trực tuyến tại: "+orDots(u.FeedbackURL)+".")
	s.gap(3)
	s.para("B", sizeBody+0.5, "L", "Tra cứu tình trạng hồ sơ")
	s.gap(1)
	s.para("", sizeBody, "L", "- Quét mã QR ở mặt trước bằng điện thoại;")
	if d.LookupURL != "" {
		s.para("", sizeBody, "L", "- Hoặc truy cập "+d.LookupURL+";")
	}
	lookup := "- Mã hồ sơ: " + d.Code
	if d.LookupKey != "" {
		lookup += "; mã tra cứu: " + d.LookupKey
	}
	s.para("", sizeBody, "L", lookup+".")
	s.gap(3)
	s.para("I", sizeSmall, "L", "Ghi chú: Giấy tiếp nhận hồ sơ và hẹn trả kết quả được lập thành 2 liên; một liên chuyển kèm theo Phiếu kiểm soát quá trình giải quyết hồ sơ và được lưu tại "+desk+"; một liên giao cho người nộp hồ sơ. Khi đến nhận kết quả, vui lòng mang theo Giấy này. Người nộp hồ sơ có thể đăng ký nhận kết quả tại "+desk+" hoặc tại nhà (trụ sở tổ chức) qua dịch vụ bưu chính.")
}

// unitTitle is the unit's name followed by its desk, e.g.
// "UBND thị trấn Tân Hòa – Bộ phận Một cửa".
func unitTitle(u Unit) string {
	switch {
	case u.Name == "":
		return u.DeskName
	case u.DeskName == "":
		return u.Name
	case strings.Contains(u.DeskName, strings.TrimPrefix(u.Name, "UBND ")):
		// "Trung tâm Phục vụ hành chính công thị trấn Tân Hòa" already names the unit.
		return u.DeskName
	}
	return u.Name + " – " + u.DeskName
}
