package demo

import "motcua/internal/portal"

// demoArticles are the demo portal's texts, written for motcua. Names of people are
// invented; the figures of the reform article are those of the story motcua comes from.
func demoArticles() []demoArticle {
	const office = "Văn phòng HĐND và UBND thị trấn"
	return []demoArticle{
		{unit: TanHoa, category: portal.Reform, slug: "tan-hoa-hai-nam-lien-dan-dau-cai-cach-hanh-chinh", daysAgo: 3, author: office, slide: 2,
			imageAlt: "Hình minh họa dải đồi màu cam, tượng trưng cho thị trấn Tân Hòa",
			title:    "Tân Hòa hai năm liền dẫn đầu khu vực về cải cách hành chính",
			summary:  "Năm 2020 và 2021, thị trấn Tân Hòa đứng đầu cuộc đánh giá cải cách hành chính của khu vực nhờ công khai đầy đủ thủ tục, giải quyết hồ sơ trực tuyến đúng hạn và lắng nghe người dân.",
			body: `Trong hai năm liên tiếp **2020 và 2021**, UBND thị trấn Tân Hòa được xếp thứ nhất khu vực trong cuộc đánh giá, xếp hạng công tác cải cách hành chính hằng năm.

## Công khai để người dân biết trước

Tại Bộ phận Một cửa, thị trấn niêm yết đủ **187 thủ tục hành chính** thuộc thẩm quyền cấp xã: mỗi thủ tục ghi rõ thành phần hồ sơ, thời hạn, lệ phí và mẫu đơn. Người dân xem trước ở nhà trên trang này hoặc ngay tại quầy, nên ít phải đi lại bổ sung giấy tờ.

## Hồ sơ trực tuyến, trả đúng hẹn

Trong một năm, thị trấn tiếp nhận **1.719 hồ sơ trực tuyến** và giải quyết xong **tất cả đúng hạn hoặc trước hạn**. Mỗi hồ sơ có mã để tra cứu tiến độ, và khi có việc phải chậm, người dân nhận thư xin lỗi kèm ngày hẹn mới.

## Một số điện thoại cho mọi phản ánh

Số đường dây nóng của thị trấn được **in ở mặt sau mỗi giấy tiếp nhận hồ sơ**. Ai chờ quá lâu, bị hẹn lại không rõ lý do hay muốn góp ý đều gọi thẳng cho lãnh đạo phụ trách.

## Làm việc theo quy trình

Thị trấn áp dụng hệ thống quản lý chất lượng theo tiêu chuẩn **TCVN ISO 9001:2015** cho toàn bộ quy trình giải quyết thủ tục: từng bước, từng người chịu trách nhiệm và thời gian cho mỗi bước đều được ghi trên phiếu kiểm soát.

Lãnh đạo thị trấn cảm ơn người dân đã đồng hành và mong tiếp tục nhận được góp ý để phục vụ tốt hơn.`},
		{unit: TanHoa, category: portal.Announcement, slug: "lich-tiep-nhan-ho-so-sang-thu-bay", daysAgo: 1, author: office,
			title:   "Thông báo lịch tiếp nhận hồ sơ vào sáng thứ Bảy",
			summary: "Bộ phận tiếp nhận và trả kết quả tiếp tục làm việc sáng thứ Bảy hằng tuần, từ 7 giờ 30 đến 11 giờ 30.",
			body: `Để thuận tiện cho người dân đi làm trong tuần, Trung tâm Phục vụ hành chính công thị trấn Tân Hòa **tiếp nhận hồ sơ vào sáng thứ Bảy hằng tuần, từ 7 giờ 30 đến 11 giờ 30**.

- Các thủ tục hộ tịch, chứng thực được giải quyết như ngày thường.
- Hồ sơ nộp sáng thứ Bảy được tính thời hạn từ đầu giờ làm việc ngày thứ Hai kế tiếp.

Người dân có thể nộp hồ sơ trực tuyến bất cứ lúc nào tại mục [Thủ tục hành chính](/thu-tuc).`},
		{unit: TanHoa, category: portal.Announcement, slug: "nghi-le-quoc-khanh-2-9", daysAgo: 9, author: office,
			title:   "Thông báo nghỉ lễ Quốc khánh và lịch trả kết quả",
			summary: "Trong những ngày nghỉ lễ, Bộ phận Một cửa không tiếp nhận hồ sơ trực tiếp; hạn trả kết quả được lùi theo ngày làm việc.",
			body: `Theo quy định của Bộ luật Lao động, cán bộ, công chức nghỉ lễ Quốc khánh theo lịch chung của Nhà nước.

Trong những ngày nghỉ, người dân vẫn nộp hồ sơ trực tuyến được; hồ sơ được tiếp nhận vào ngày làm việc đầu tiên sau kỳ nghỉ. Ngày hẹn trả kết quả tự động bỏ qua ngày nghỉ, có thể xem tại [Lịch làm việc](/lich).`},
		{unit: TanHoa, category: portal.News, slug: "ra-mat-trung-tam-phuc-vu-hanh-chinh-cong", daysAgo: 5, author: "Phan Thị Mai", slide: 1,
			imageAlt: "Hình minh họa màu xanh với các vòng tròn sáng",
			title:    "Ra mắt Trung tâm Phục vụ hành chính công thị trấn",
			summary:  "Trung tâm mới bố trí quầy tiếp nhận theo lĩnh vực, máy lấy số tự động và khu vực hướng dẫn nộp hồ sơ trực tuyến.",
			body: `Sáng nay, UBND thị trấn Tân Hòa tổ chức ra mắt **Trung tâm Phục vụ hành chính công** thay cho Bộ phận Một cửa trước đây.

Trung tâm có bốn quầy tiếp nhận theo lĩnh vực (hộ tịch, chứng thực, đất đai, chính sách xã hội), một khu vực có máy tính để công chức hướng dẫn người dân nộp hồ sơ trực tuyến và một hộp thư góp ý.

Người dân đánh giá mức độ hài lòng ngay sau khi nhận kết quả, và mọi đánh giá đều được tổng hợp công khai hằng quý.`},
		{unit: TanHoa, category: portal.News, slug: "tap-huan-nop-ho-so-truc-tuyen-cho-to-dan-pho", daysAgo: 12, author: "Phan Thị Mai",
			title:   "Tập huấn nộp hồ sơ trực tuyến cho tổ trưởng tổ dân phố",
			summary: "Hơn 40 tổ trưởng, tổ phó tổ dân phố được hướng dẫn cách nộp hồ sơ, thanh toán lệ phí và tra cứu kết quả trên mạng.",
			body: `UBND thị trấn đã tổ chức buổi tập huấn cho các tổ trưởng, tổ phó tổ dân phố về **dịch vụ công trực tuyến**.

Học viên thực hành nộp hồ sơ đăng ký khai sinh, chứng thực bản sao và tra cứu tiến độ bằng mã hồ sơ. Sau buổi học, mỗi tổ dân phố sẽ có một người hỗ trợ bà con lớn tuổi nộp hồ sơ ngay tại nhà văn hóa.`},
		{unit: TanHoa, category: portal.Direction, slug: "ke-hoach-cai-cach-hanh-chinh-nam", daysAgo: 20, author: office,
			docNumber: "45/KH-UBND", docDate: "2026-01-15", docSigner: "Lê Quang Vinh, Chủ tịch UBND thị trấn",
			title:   "Kế hoạch cải cách hành chính năm",
			summary: "Kế hoạch đặt mục tiêu 100% hồ sơ được giải quyết đúng hạn, số hóa toàn bộ kết quả và khảo sát sự hài lòng hằng quý.",
			body: `Kế hoạch gồm sáu nhóm nhiệm vụ: cải cách thể chế, thủ tục hành chính, tổ chức bộ máy, công vụ, tài chính công và chính quyền số.

Mục tiêu chính:

1. 100% hồ sơ được giải quyết đúng hạn hoặc trước hạn.
2. 100% kết quả giải quyết được số hóa và lưu trên hệ thống.
3. Khảo sát sự hài lòng của người dân mỗi quý và công khai kết quả.`},
		{unit: "H40.12.07", category: portal.News, slug: "phuoc-an-so-hoa-ho-tich", daysAgo: 2, author: "Văn phòng UBND xã Phước An",
			title:   "Xã Phước An hoàn thành số hóa sổ hộ tịch",
			summary: "Toàn bộ sổ đăng ký khai sinh, kết hôn và khai tử từ năm 1995 đã được số hóa, giúp cấp bản sao nhanh hơn.",
			body:    "UBND xã Phước An đã hoàn thành việc **số hóa sổ hộ tịch** lưu trữ từ năm 1995. Người dân xin cấp bản sao trích lục nay được giải quyết trong ngày."},
		{unit: TanHoa, category: portal.Page, slug: "gioi-thieu", daysAgo: 30, author: office,
			title:   "Giới thiệu thị trấn Tân Hòa",
			summary: "Thị trấn Tân Hòa là trung tâm hành chính, kinh tế của khu vực, gồm 9 tổ dân phố.",
			body: `Thị trấn Tân Hòa nằm ở trung tâm khu vực, có 9 tổ dân phố với khoảng 18.000 nhân khẩu. Kinh tế chủ yếu là thương mại, dịch vụ và tiểu thủ công nghiệp.

Trụ sở UBND thị trấn: số 25 đường Nguyễn Trãi. Trung tâm Phục vụ hành chính công đặt tại tầng trệt của trụ sở.`},
		{unit: TanHoa, category: portal.Page, slug: "chuc-nang-nhiem-vu", daysAgo: 30, author: office,
			title:   "Chức năng, nhiệm vụ",
			summary: "UBND thị trấn là cơ quan hành chính nhà nước ở địa phương, chấp hành nghị quyết của HĐND thị trấn.",
			body: `UBND thị trấn Tân Hòa thực hiện chức năng quản lý nhà nước trên địa bàn theo Luật Tổ chức chính quyền địa phương:

- Tổ chức thi hành Hiến pháp, pháp luật và nghị quyết của HĐND thị trấn.
- Giải quyết thủ tục hành chính cho người dân, doanh nghiệp theo cơ chế một cửa, một cửa liên thông.
- Quản lý đất đai, xây dựng, hộ tịch, văn hóa, y tế, giáo dục và an sinh xã hội trên địa bàn.`},
		{unit: TanHoa, category: portal.Page, slug: "co-cau-to-chuc", daysAgo: 30, author: office,
			title:   "Cơ cấu tổ chức",
			summary: "Lãnh đạo UBND thị trấn và số điện thoại công vụ để liên hệ.",
			body: `| Chức vụ | Họ và tên | Điện thoại công vụ |
|---|---|---|
| Chủ tịch UBND | Lê Quang Vinh | 0208 3866 110 |
| Phó Chủ tịch UBND | Trịnh Thu Hà | 0208 3866 112 |
| Phó Chủ tịch UBND | Đặng Văn Phúc | 0208 3866 113 |
| Trung tâm Phục vụ hành chính công | Nguyễn Thị Lan | 0208 3866 115 |

Thư điện tử công vụ: motcua.tanhoa@hoabinhxanh.gov.vn`},
		{unit: TanHoa, category: portal.Page, slug: "lien-he", daysAgo: 30, author: office,
			title:   "Liên hệ",
			summary: "Địa chỉ, điện thoại, thư điện tử và giờ tiếp nhận hồ sơ của UBND thị trấn Tân Hòa.",
			body: `**UBND thị trấn Tân Hòa**

- Địa chỉ: số 25 đường Nguyễn Trãi, thị trấn Tân Hòa, tỉnh Hòa Bình Xanh
- Đường dây nóng: [0208 3866 115](tel:02083866115)
- Thư điện tử: [motcua.tanhoa@hoabinhxanh.gov.vn](mailto:motcua.tanhoa@hoabinhxanh.gov.vn)
- Giờ tiếp nhận: thứ Hai – thứ Sáu 7:00–11:30 và 13:30–17:00; sáng thứ Bảy 7:30–11:30

Góp ý, phản ánh về thủ tục hành chính xin gửi qua đường dây nóng hoặc thư điện tử trên.`},
	}
}
